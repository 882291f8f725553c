"""The survey's public pages on every OPD site: the form (/skm/), the thank-you page, and the
results of closed periods (/skm/hasil/).

The form works with no account and no JavaScript. Casual repeats are held back by a signed
cookie per OPD and period (one response per visit) and floods by the PPID forms' per-address
limit (ppid/abuse.py, form name "skm"); a bot filling the honeypot is refused quietly.
"""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Site

from opd.directory import OPDDirectory
from portal.core.public_urls import site_url_for_request
from ppid import abuse
from ppid.models import StandarPelayananPage
from ppid.public import PRIVATE_REFERRER_POLICY, RATE_LIMIT_MESSAGES

from . import scoring
from .forms import SurveyForm
from .models import PROFILE_FIELDS, SurveyPeriod, SurveyResponse, result_of, results_by_period

FORM_NAME = "skm"
COOKIE_SALT = "skm-response"
COOKIE_AGE = 366 * 24 * 3600


def site_and_opd(request):
    """The request's site and its OPD; 404 on a host no OPD owns."""
    site = Site.find_for_request(request)
    opd = next((opd for opd in OPDDirectory.shared().opds if site and opd.site_id == site.pk), None)
    if opd is None:
        raise Http404
    return site, opd


def services_of(site):
    """The live Standar Pelayanan pages of the site in the visitor's language."""
    home = site.root_page.localized
    return StandarPelayananPage.objects.live().public().descendant_of(home).order_by("title")


def _private(response):
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    # Not "no-referrer": Chromium would then send "Origin: null" with the form's POST (issue 19).
    response["Referrer-Policy"] = PRIVATE_REFERRER_POLICY
    return response


def _cookie_name(opd):
    return f"skm-{opd.pk}"


def already_answered(request, opd, period):
    value = request.get_signed_cookie(_cookie_name(opd), default=None, salt=COOKIE_SALT)
    return value == str(period.pk)


def scan_suggestion(text):
    """Whether the integrity scanner holds the suggestion back (spam words, foreign links, hidden
    markup): held text is never shown, in the admin or on the result page."""
    from moderation.integrity.scan import (
        allowed_domains,
        find_foreign_domains,
        find_hidden,
        find_spam,
        spam_terms,
    )

    return bool(
        find_spam(text, spam_terms()) or find_foreign_domains(text, allowed_domains()) or find_hidden(text)
    )


def survey_form(request):
    site, opd = site_and_opd(request)
    period = SurveyPeriod.objects.open_for(opd)
    context = {"opd": opd, "period": period}
    if period is None:
        return _private(TemplateResponse(request, "skm/closed.html", context))
    if already_answered(request, opd, period):
        return _private(TemplateResponse(request, "skm/already.html", context))
    services = services_of(site)
    if request.method == "POST":
        form = SurveyForm(request.POST, services=services)
        context["form"] = form
        address = abuse.address_counter(request, FORM_NAME, opd)
        if address.used_up():
            return _rate_limited(request, context, address)
        if form.honeypot_filled():
            context.update(form=SurveyForm(services=services), refused=True)
            return _private(TemplateResponse(request, "skm/form.html", context))
        if form.is_valid():
            save_response(form, opd, period, site)
            abuse.count_stored([address])
            response = redirect("skm:thanks")
            response.set_signed_cookie(
                _cookie_name(opd),
                str(period.pk),
                salt=COOKIE_SALT,
                max_age=COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    else:
        initial = {}
        chosen = request.GET.get("layanan", "")
        if chosen.isdigit() and services.filter(pk=chosen).exists():
            initial["service"] = chosen
        form = SurveyForm(services=services, initial=initial)
        context["form"] = form
    return _private(TemplateResponse(request, "skm/form.html", context))


def save_response(form, opd, period, site):
    response = form.save(commit=False)
    response.opd, response.period = opd, period
    service = form.cleaned_data.get("service")
    if service is not None:
        # Counted on the page in the site's own language, whichever translation the visitor used.
        response.service = service.get_translation_or_none(site.root_page.locale) or service
        response.service_title = response.service.title
    response.suggestion = response.suggestion.strip()
    response.suggestion_held = bool(response.suggestion) and scan_suggestion(response.suggestion)
    response.full_clean()
    response.save()
    return response


def _rate_limited(request, context, counter):
    """The form as filled in (nothing lost), status 429 and when to try again."""
    retry_at = timezone.localtime(counter.retry_at())
    reason = RATE_LIMIT_MESSAGES[counter.counts]
    when = _("Silakan coba lagi setelah pukul %(time)s WIB, %(date)s.") % {
        "time": formats.date_format(retry_at, "H.i"),
        "date": formats.date_format(retry_at, "l, j F Y"),
    }
    response = TemplateResponse(request, "skm/form.html", {**context, "rate_limited": f"{reason} {when}"})
    response.status_code = 429
    response["Retry-After"] = str(abuse.retry_after_seconds(counter))
    return _private(response)


def thanks(request):
    _site, opd = site_and_opd(request)
    return _private(TemplateResponse(request, "skm/thanks.html", {"opd": opd}))


def _public(response):
    patch_cache_control(response, public=True, max_age=60, s_maxage=300)
    return response


def results(request):
    _site, opd = site_and_opd(request)
    own = list(SurveyPeriod.objects.published().filter(opd=opd))
    found = results_by_period(own)
    context = {"opd": opd, "periods": [(period, found[period.pk]) for period in own]}
    if opd.is_portal:
        context["regency_rows"] = regency_rows(request)
    return _public(TemplateResponse(request, "skm/results.html", context))


def regency_rows(request):
    """The regency portal's overview: each OPD's latest closed period, its index and a link to
    its result page on the OPD's own site (with the visitor's scheme and port)."""
    latest = {}
    for period in SurveyPeriod.objects.published().order_by("opd_id", "-end", "-pk"):
        latest.setdefault(period.opd_id, period)
    found = results_by_period(latest.values())
    rows = []
    for opd in OPDDirectory.shared().opds:
        period = latest.get(opd.pk)
        if period is not None:
            url = site_url_for_request(opd.site, request).rstrip("/") + reverse(
                "skm:result", args=[period.pk]
            )
            rows.append({"opd": opd, "period": period, "result": found[period.pk], "url": url})
    return rows


def profile_counts(responses):
    """(label, [(choice label, count)]) for each profile question, unanswered counted apart."""
    rows = []
    for name, choices in PROFILE_FIELDS.items():
        counts = dict(responses.values_list(name).annotate(n=Count("pk")).values_list(name, "n"))
        shown = [(label, counts.get(value, 0)) for value, label in choices.choices]
        shown.append((_("Tidak disebutkan"), counts.get("", 0)))
        rows.append((SurveyResponse._meta.get_field(name).verbose_name.capitalize(), shown))
    return rows


def per_service(period):
    titles = period.responses.exclude(service_title="").values_list("service_title", flat=True).distinct()
    return [(title, result_of(period.responses.filter(service_title=title))) for title in sorted(set(titles))]


def period_result(request, pk):
    _site, opd = site_and_opd(request)
    period = get_object_or_404(SurveyPeriod.objects.published(), pk=pk, opd=opd)
    responses = period.responses.all()
    suggestions = responses.exclude(suggestion="").filter(suggestion_held=False)
    context = {
        "opd": opd,
        "period": period,
        "result": result_of(responses),
        "services": per_service(period),
        "profile": profile_counts(responses),
        "suggestions": suggestions.count(),
        "followed_up": suggestions.exclude(followed_up_at=None).count(),
        "bands": scoring.MUTU,
        "form_url": reverse("skm:form"),
    }
    return _public(TemplateResponse(request, "skm/result.html", context))
