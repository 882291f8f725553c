"""The PPID's admin: requests and objections of its own OPD, the service report, the DIP report.

Requests and objections (identity data) are reachable only by the OPD's PPID group: the
querysets come from ``access``, so another OPD's request is a 404, never a 403 that
confirms it exists.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opd.scoping import opds_reported_to

from . import dip, report
from .access import objections_for, ppid_opds, report_opds, requests_for, sees_identity
from .export import table_response
from .forms import ObjectionAnswerForm, StatusForm
from .models import RequestStatus
from .public import DIP_HEADINGS
from .services import TRANSITIONS, answer_objection, change_status


def _require_ppid(request):
    if not ppid_opds(request.user).exists():
        raise PermissionDenied


def request_list(request):
    _require_ppid(request)
    items = requests_for(request.user)
    status = request.GET.get("status")
    if status in RequestStatus.values:
        items = items.filter(status=status)
    return TemplateResponse(
        request,
        "ppid/admin/requests.html",
        {
            "items": items[:200],
            "statuses": RequestStatus.choices,
            "status": status,
            "objections": objections_for(request.user).filter(closed_at__isnull=True),
            "today": timezone.localdate(),
        },
    )


def request_detail(request, pk):
    _require_ppid(request)
    item = get_object_or_404(requests_for(request.user), pk=pk)
    allowed = [RequestStatus(s) for s in TRANSITIONS[item.status]]
    form = StatusForm(request.POST or None, allowed=allowed)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                change_status(
                    item,
                    data["status"],
                    request.user,
                    note=data["note"],
                    answer=data["answer"],
                    rejection_basis=data["rejection_basis"],
                )
            except ValidationError as error:
                for text in error.messages:
                    form.add_error(None, text)
            else:
                messages.success(
                    request,
                    _("Status %(number)s: %(status)s.")
                    % {"number": item.number, "status": RequestStatus(data["status"]).label},
                )
                return redirect("ppid_request", pk=item.pk)
        elif request.POST.get("status") == RequestStatus.DIPERPANJANG and item.extended:
            form.errors.clear()
            form.add_error(None, _("Jangka waktu hanya dapat diperpanjang satu kali (7 hari kerja)."))
    return TemplateResponse(
        request,
        "ppid/admin/request.html",
        {
            "item": item,
            "form": form,
            "sees_identity": sees_identity(request.user, item.opd),
            "events": item.events.select_related("by"),
            "objections": item.objections.all(),
            "today": timezone.localdate(),
        },
    )


def objection_detail(request, pk):
    _require_ppid(request)
    objection = get_object_or_404(objections_for(request.user), pk=pk)
    form = ObjectionAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answer_objection(
                objection, request.user, form.cleaned_data["status"], form.cleaned_data["answer"]
            )
        except ValidationError as error:
            for text in error.messages:
                form.add_error(None, text)
        else:
            messages.success(request, _("Keberatan %(number)s diperbarui.") % {"number": objection.number})
            return redirect("ppid_objection", pk=objection.pk)
    return TemplateResponse(request, "ppid/admin/objection.html", {"objection": objection, "form": form})


def service_report(request):
    opds = report_opds(request.user)
    if not opds.exists():
        raise PermissionDenied
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun") or today.year)
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year)
    period_key = request.GET.get("periode") if request.GET.get("periode") in ("1", "2", "tahun") else "tahun"
    label, start, end = report.periods(year)[period_key]
    rows = report.build(list(opds), start, end)
    if request.GET.get("export") in ("csv", "xlsx"):
        return table_response(
            rows,
            report.EXPORT_FIELDS,
            report.EXPORT_HEADINGS,
            f"laporan-layanan-ppid-{year}-{period_key}",
            request.GET["export"],
        )
    return TemplateResponse(
        request,
        "ppid/admin/service_report.html",
        {
            "rows": rows,
            "period_label": label,
            "year": year,
            "period_key": period_key,
            "years": range(today.year, today.year - 5, -1),
            "query": f"tahun={year}&periode={period_key}",
        },
    )


STALE_HEADINGS = {**DIP_HEADINGS, "stale": gettext_lazy("Perlu diperbarui")}


def dip_report(request):
    """Every DIP entry of the user's OPDs, drafts aside, with the stale Berkala flagged."""
    opds = opds_reported_to(request.user) | report_opds(request.user)
    if not opds.exists():
        raise PermissionDenied
    items = dip.entries(opds.distinct())
    if request.GET.get("basi") == "1":
        items = [item for item in items if item.stale]
    if request.GET.get("export") in ("csv", "xlsx"):
        return table_response(
            items,
            [*dip.EXPORT_FIELDS, "stale"],
            STALE_HEADINGS,
            "daftar-informasi-publik",
            request.GET["export"],
        )
    return TemplateResponse(
        request,
        "ppid/admin/dip_report.html",
        {
            "items": items,
            "stale_count": sum(item.stale for item in items),
            "only_stale": request.GET.get("basi") == "1",
        },
    )
