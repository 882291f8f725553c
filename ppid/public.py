"""The PPID page's public routes: DIP, request form, tracking, objection, service report.

Responses that show a request (tracking) or take a form are never cached; none of them
shows identity data, which only the PPID group reads in the admin.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from opd.directory import OPDDirectory

from . import abuse, deadlines, report
from . import dip as register
from .forms import DIPFilterForm, ObjectionForm, RequestForm, TrackingLookupForm
from .models import InformationRequest, RequestStatus, StandarPelayananPage
from .models.pages import public_view
from .services import file_objection, register_request

SHORT_CACHE_SECONDS = 300

DIP_HEADINGS = {
    "unit": gettext_lazy("Unit / OPD"),
    "title": gettext_lazy("Judul informasi"),
    "summary": gettext_lazy("Ringkasan isi informasi"),
    "class_label": gettext_lazy("Klasifikasi"),
    "year": gettext_lazy("Tahun"),
    "responsible": gettext_lazy("Penanggung jawab"),
    "form": gettext_lazy("Bentuk informasi"),
    "updated_at": gettext_lazy("Terakhir diperbarui"),
    "url": gettext_lazy("Tautan"),
    "exemption_basis": gettext_lazy("Dasar hukum pengecualian"),
    "consequence_test": gettext_lazy("Uji konsekuensi"),
}


# The Referer of a link or form on these pages carries the origin only, never the path (with the
# tracking token), even to this site. Not "no-referrer": Chromium then sends "Origin: null" with
# the page's form POST, which Django's CSRF origin check refuses (issue 19).
PRIVATE_REFERRER_POLICY = "strict-origin"


def _private(response):
    """Never cached, and the tracking token never leaves in a Referer header."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = PRIVATE_REFERRER_POLICY
    response["Cache-Control"] += ", private"
    return response


def _short_lived(response):
    """Registers gathered from many pages (filters, exports, the regency-wide DIP) are kept
    briefly; the plain paths are also purged on publish (PPIDPage.get_cached_paths)."""
    patch_cache_control(response, public=True, max_age=60, s_maxage=SHORT_CACHE_SECONDS)
    return response


def page_opd(page):
    """The OPD of the page's site, from the worker's directory (no query when warm)."""
    return OPDDirectory.shared().opd_for(page)


def opds_of(opd):
    """The OPDs a PPID page speaks for: the regency portal's for every OPD, an OPD's for itself."""
    if opd is None or opd.is_portal:
        return list(OPDDirectory.shared().opds)
    return [opd]


def _render(page, request, template, context):
    return TemplateResponse(request, template, {"page": page, "self": page, **context})


@public_view
def ppid_index(page, request):
    # The Standar Pelayanan pages of the page's own site and language tree.
    standards = (
        StandarPelayananPage.objects.live()
        .public()
        .filter(path__startswith=page.path[: Page.steplen * 2])
        .order_by("title")
    )
    return _render(page, request, "ppid/ppid_page.html", {"opd": page_opd(page), "standards": standards})


@public_view
def dip_view(page, request):
    opd = page_opd(page)
    # The regency portal's DIP is the whole regency's; an OPD's is its own.
    opds = opds_of(opd)
    form = DIPFilterForm(request.GET or None, units=opds if len(opds) > 1 else ())
    items = register.public_entries(opds)
    if form.is_valid():
        items = register.filtered(
            items,
            information_class=form.cleaned_data["kelas"],
            unit=form.cleaned_data.get("unit") or "",
            year=form.cleaned_data["tahun"],
        )
    kind = request.GET.get("format")
    if kind in ("csv", "xlsx"):
        from .export import table_response

        return _short_lived(
            table_response(
                items,
                register.EXPORT_FIELDS,
                DIP_HEADINGS,
                f"daftar-informasi-publik-{opd.slug if opd else 'semua'}",
                kind,
            )
        )
    query = request.GET.copy()
    query.pop("format", None)
    response = _render(
        page,
        request,
        "ppid/dip.html",
        {
            "opd": opd,
            "form": form,
            "items": items,
            "query": query.urlencode(),
            "many_units": len(opds) > 1,
        },
    )
    return _short_lived(response)


RATE_LIMIT_MESSAGES = {
    "address": gettext_lazy("Terlalu banyak pengajuan dari alamat jaringan Anda ke PPID ini."),
    "nik": gettext_lazy("Pengajuan dengan NIK ini ke PPID ini sudah mencapai batasnya untuk saat ini."),
}


def _rate_limited(page, request, template, context, counter):
    """The form as filled in (nothing is lost), refused with status 429 and when to try again."""
    retry_at = timezone.localtime(counter.retry_at())
    reason = RATE_LIMIT_MESSAGES[counter.counts]
    when = _("Silakan coba lagi setelah pukul %(time)s WIB, %(date)s, atau hubungi kantor PPID.") % {
        "time": formats.date_format(retry_at, "H.i"),
        "date": formats.date_format(retry_at, "l, j F Y"),
    }
    response = _render(page, request, template, {**context, "rate_limited": f"{reason} {when}"})
    response.status_code = 429
    response["Retry-After"] = str(abuse.retry_after_seconds(counter))
    return _private(response)


@public_view
def request_form(page, request):
    opd = page_opd(page)
    if opd is None:
        raise Http404
    if request.method == "POST":
        # Keep the identity out of error reports (Django's sensitive_post_parameters).
        request.sensitive_post_parameters = "__ALL__"
        form = RequestForm(request.POST)
        context = {"form": form, "opd": opd}
        address = abuse.address_counter(request, "permohonan", opd)
        if address.used_up():
            return _rate_limited(page, request, "ppid/request_form.html", context, address)
        if form.honeypot_filled():
            # A bot: refuse without saying why.
            return _private(
                _render(
                    page,
                    request,
                    "ppid/request_form.html",
                    {"form": RequestForm(), "opd": opd, "refused": True},
                )
            )
        if form.is_valid():
            nik = abuse.nik_counter(form.cleaned_data["nik"], "permohonan", opd)
            if nik.used_up():
                return _rate_limited(page, request, "ppid/request_form.html", context, nik)
            data = {key: form.cleaned_data[key] for key in RequestForm.Meta.fields}
            information_request = register_request(opd, data)
            abuse.count_stored([address, nik])
            return redirect(
                page.get_url(request)
                + page.reverse_subpage("track_route", args=[information_request.token])
                + "?baru=1"
            )
    else:
        form = RequestForm()
    return _private(_render(page, request, "ppid/request_form.html", {"form": form, "opd": opd}))


def _request_for(page, token):
    opd = page_opd(page)
    information_request = InformationRequest.objects.filter(token=token, opd=opd).first()
    if information_request is None:
        raise Http404
    return information_request


@public_view
def tracking_lookup(page, request, then):
    """A form for the tracking code; POST (the code stays out of query strings and so out of
    access logs), then redirect to the request's tracking page or its objection form (``then``)."""
    opd = page_opd(page)
    if opd is None:
        raise Http404
    form = TrackingLookupForm(request.POST or None)
    if request.method == "POST":
        # Only wrong codes count: the codes are unguessable, and this keeps guessing slow.
        wrong_codes = abuse.address_counter(request, "lacak", opd)
        if wrong_codes.used_up():
            context = {"form": form, "then": then, "opd": opd}
            return _rate_limited(page, request, "ppid/lookup.html", context, wrong_codes)
        if form.is_valid():
            token = form.cleaned_data["kode"]
            if InformationRequest.objects.filter(token=token, opd=opd).exists():
                return redirect(page.get_url(request) + page.reverse_subpage(then, args=[token]))
            wrong_codes.count()
            form.add_error(
                "kode", _("Kode pelacakan tidak dikenal di PPID ini. Periksa kembali kode atau tautan Anda.")
            )
    return _private(_render(page, request, "ppid/lookup.html", {"form": form, "then": then, "opd": opd}))


@public_view
def track(page, request, token):
    information_request = _request_for(page, token)
    closes = deadlines.objection_filing_closes(information_request)
    context = {
        "item": information_request,
        "objections": information_request.objections.all(),
        "may_object": closes is not None and timezone.localdate() <= closes,
        "objection_closes": closes,
        "new": request.GET.get("baru") == "1",
        "events": [
            {"at": at, "status": RequestStatus(status).label if status in RequestStatus.values else status}
            for status, at in information_request.events.filter(objection=None).values_list("status", "at")
        ],
    }
    return _private(_render(page, request, "ppid/track.html", context))


def _objection_counters(request, information_request):
    """The address's and the requester's NIK's counters for keberatan at the request's OPD."""
    opd = information_request.opd
    counters = [abuse.address_counter(request, "keberatan", opd)]
    if information_request.nik:  # blank once the identity is purged
        counters.append(abuse.nik_counter(information_request.nik, "keberatan", opd))
    return counters


@public_view
def objection_form(page, request, token):
    information_request = _request_for(page, token)
    context = {"item": information_request}
    if request.method == "POST":
        request.sensitive_post_parameters = "__ALL__"
        form = ObjectionForm(request.POST)
        context["form"] = form
        counters = _objection_counters(request, information_request)
        used_up = abuse.first_used_up(counters)
        if used_up is not None:
            return _rate_limited(page, request, "ppid/objection_form.html", context, used_up)
        if form.honeypot_filled():
            context.update(form=ObjectionForm(), refused=True)
            return _private(_render(page, request, "ppid/objection_form.html", context))
        if form.is_valid():
            try:
                file_objection(
                    information_request, form.cleaned_data["reason"], form.cleaned_data["explanation"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                abuse.count_stored(counters)
                return redirect(page.get_url(request) + page.reverse_subpage("track_route", args=[token]))
    else:
        context["form"] = ObjectionForm()
    return _private(_render(page, request, "ppid/objection_form.html", context))


@public_view
def service_report(page, request):
    opd = page_opd(page)
    opds = opds_of(opd)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun") or today.year)
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year)
    period_key = request.GET.get("periode") if request.GET.get("periode") in ("1", "2", "tahun") else "tahun"
    label, start, end = report.periods(year)[period_key]
    rows = report.build(opds, start, end)
    response = _render(
        page,
        request,
        "ppid/service_report.html",
        {
            "opd": opd,
            "rows": rows,
            "period_label": label,
            "year": year,
            "period_key": period_key,
            "years": range(today.year, today.year - 5, -1),
        },
    )
    return _short_lived(response)
