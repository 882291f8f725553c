"""The survey in the admin: the IKM report (per OPD, period and unsur; CSV/XLSX), the
suggestions with their follow-up, and the periods the Web Administrator opens and closes.

Who sees what is decided by opd/scoping.py: the report by ``opds_reported_to`` (an OPD its
own, the Web Developer and the regency portal's Redaktur every OPD), the suggestions only by
the OPD's PPID and Web Administrator, the periods by the Web Administrator.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from opd.models import OPD
from opd.roles import Role
from opd.scoping import opds_administered_by, opds_reported_to

from . import scoring
from .forms import PeriodForm
from .models import SurveyPeriod, SurveyResponse, result_of, results_by_period


def opds_reading_suggestions(user):
    """The OPDs whose suggestions the user reads: as their PPID or Web Administrator."""
    if user.is_superuser:
        return OPD.objects.all()
    return OPD.objects.filter(roles__role__in=[Role.PPID, Role.WEBADMIN], roles__group__user=user).distinct()


class ReportFilterForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=gettext_lazy("OPD"),
        queryset=OPD.objects.none(),
        required=False,
        empty_label=gettext_lazy("Semua"),
    )
    tahun = forms.IntegerField(label=gettext_lazy("Tahun"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds


class ReportRow:
    """One OPD's period: plain attributes for Wagtail's spreadsheet export."""

    def __init__(self, period, result):
        self.period = period
        self.result = result
        self.opd = period.opd.name
        self.periode = period.name
        self.mulai = period.start
        self.selesai = period.end
        self.status = _("ditutup") if period.is_closed else _("terbuka")
        self.responden = result.respondents
        self.sampel_minimum = period.minimum_sample
        for unsur, nrr in zip(scoring.UNSUR, result.nrr, strict=True):
            setattr(self, unsur.field, nrr if result.respondents else None)
        self.ikm = result.ikm
        self.mutu = f"{result.mutu.letter} ({result.mutu.label})" if result.mutu else ""


class SKMReportView(SpreadsheetExportMixin, View):
    list_export = [
        "opd",
        "periode",
        "mulai",
        "selesai",
        "status",
        "responden",
        "sampel_minimum",
        *scoring.FIELDS,
        "ikm",
        "mutu",
    ]
    export_headings = {
        "opd": gettext_lazy("OPD"),
        "periode": gettext_lazy("Periode"),
        "mulai": gettext_lazy("Mulai"),
        "selesai": gettext_lazy("Selesai"),
        "status": gettext_lazy("Status"),
        "responden": gettext_lazy("Responden"),
        "sampel_minimum": gettext_lazy("Sampel minimum"),
        **{unsur.field: f"NRR {unsur.code}" for unsur in scoring.UNSUR},
        "ikm": "IKM",
        "mutu": gettext_lazy("Mutu pelayanan"),
    }
    export_filename = "indeks-kepuasan-masyarakat"

    def get(self, request):
        opds = opds_reported_to(request.user)
        if not opds.exists():
            raise PermissionDenied
        form = ReportFilterForm(request.GET or None, opds=opds)
        periods = SurveyPeriod.objects.filter(opd__in=opds).select_related("opd")
        if form.is_valid():
            if form.cleaned_data.get("opd"):
                periods = periods.filter(opd=form.cleaned_data["opd"])
            if form.cleaned_data.get("tahun"):
                year = form.cleaned_data["tahun"]
                periods = periods.filter(start__year__lte=year, end__year__gte=year)
        periods = periods.order_by("opd__name", "-start")
        results = results_by_period(periods)
        rows = [ReportRow(period, results[period.pk]) for period in periods]
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET["export"])
        overall = result_of(SurveyResponse.objects.filter(period__in=periods))
        return TemplateResponse(
            request,
            "skm/admin/report.html",
            {
                "form": form,
                "rows": rows,
                "overall": overall,
                "unsur": scoring.UNSUR,
                "csv_url": self.get_export_url("csv"),
                "xlsx_url": self.get_export_url("xlsx"),
                "may_manage_periods": opds_administered_by(request.user).exists(),
                "may_read_suggestions": opds_reading_suggestions(request.user).exists(),
            },
        )


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Catatan tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2})
    )


def suggestions(request):
    opds = opds_reading_suggestions(request.user)
    if not opds.exists():
        raise PermissionDenied
    items = (
        SurveyResponse.objects.filter(opd__in=opds)
        .filter(~Q(suggestion=""))
        .select_related("opd", "period")
        .order_by("followed_up_at", "-submitted_at")
    )
    return TemplateResponse(
        request, "skm/admin/suggestions.html", {"items": items[:200], "form": FollowUpForm()}
    )


@require_POST
def follow_up(request, pk):
    item = get_object_or_404(
        SurveyResponse.objects.filter(opd__in=opds_reading_suggestions(request.user), suggestion_held=False),
        pk=pk,
    )
    form = FollowUpForm(request.POST)
    if form.is_valid():
        item.follow_up_note = form.cleaned_data["note"]
        item.followed_up_at = timezone.now()
        item.save(update_fields=["follow_up_note", "followed_up_at"])
        messages.success(request, _("Saran ditandai sudah ditindaklanjuti."))
    else:
        messages.error(request, _("Tuliskan catatan tindak lanjutnya."))
    return redirect("skm_suggestions")


def periods(request):
    opds = opds_administered_by(request.user)
    if not opds.exists():
        raise PermissionDenied
    form = PeriodForm(request.POST or None, opds=opds)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Periode survei dibuka."))
        return redirect("skm_periods")
    items = SurveyPeriod.objects.filter(opd__in=opds).select_related("opd")
    return TemplateResponse(request, "skm/admin/periods.html", {"form": form, "items": items})


@require_POST
def close_period(request, pk):
    period = get_object_or_404(SurveyPeriod.objects.filter(opd__in=opds_administered_by(request.user)), pk=pk)
    if period.closed_at is None:
        period.closed_at = timezone.now()
        period.save(update_fields=["closed_at"])
        messages.success(request, _("Periode survei ditutup; hasilnya kini terbit di situs OPD."))
    return redirect("skm_periods")
