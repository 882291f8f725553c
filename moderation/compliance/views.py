"""The "Kepatuhan Mutu Baku" report: per step, end to end, weekly trend; CSV and XLSX export."""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from opd.models import OPD
from opd.scoping import opds_reported_to

from .models import Step
from .report import build_report
from .wording import clock_note

# Who reads which OPD's figures is decided in one place for every report.
visible_opds = opds_reported_to


class ReportFilterForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=OPD.objects.none(), required=False, empty_label=_("Semua")
    )
    step = forms.ChoiceField(label=_("Langkah"), choices=[("", _("Semua")), *Step.choices], required=False)
    start = forms.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    actor = forms.ModelChoiceField(
        label=_("Pemegang peran"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Semua"),
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["actor"].queryset = (
            get_user_model().objects.filter(groups__opd_role__opd__in=opds).distinct().order_by("username")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned


def minutes(seconds):
    return None if seconds is None else round(seconds / 60, 1)


class ReportRow:
    """One exported line: plain attributes for Wagtail's spreadsheet export."""

    def __init__(self, row):
        self.langkah = str(row.label)
        self.ditangani = row.handled
        self.sesuai_mutu_baku = row.within
        self.persen_sesuai = row.share_within
        self.median_menit = minutes(row.median)
        self.p90_menit = minutes(row.p90)
        self.mutu_baku_menit = minutes(row.standard)
        self.perbaikan = row.rework


class MutuBakuReportView(SpreadsheetExportMixin, View):
    list_export = [
        "langkah",
        "ditangani",
        "sesuai_mutu_baku",
        "persen_sesuai",
        "median_menit",
        "p90_menit",
        "mutu_baku_menit",
        "perbaikan",
    ]
    export_headings = {
        "langkah": _("Langkah"),
        "ditangani": _("Ditangani"),
        "sesuai_mutu_baku": _("Sesuai mutu baku"),
        "persen_sesuai": _("Persentase sesuai"),
        "median_menit": _("Median (menit)"),
        "p90_menit": _("Persentil 90 (menit)"),
        "mutu_baku_menit": _("Mutu baku (menit)"),
        "perbaikan": _("Minta perubahan"),
    }
    export_filename = "kepatuhan-mutu-baku"

    def get(self, request):
        opds = visible_opds(request.user)
        if not opds.exists():
            raise PermissionDenied
        form = ReportFilterForm(request.GET or None, opds=opds)
        filters = {}
        if form.is_valid():
            data = form.cleaned_data
            if data.get("opd"):
                opds = opds.filter(pk=data["opd"].pk)
            tz = timezone.get_current_timezone()
            if data.get("start"):
                filters["period_start"] = datetime.combine(data["start"], time.min, tzinfo=tz)
            if data.get("end"):
                filters["period_end"] = datetime.combine(data["end"] + timedelta(days=1), time.min, tzinfo=tz)
            filters["step"] = data.get("step") or None
            filters["actor"] = data.get("actor")
        report = build_report(opds, **filters)
        rows = [ReportRow(row) for row in report.steps]
        if report.end_to_end:
            rows.append(ReportRow(report.end_to_end))
        if self.is_export:
            return self.as_spreadsheet(rows, self.request.GET["export"])
        # Apps that time steps of their own (newsroom/: SOP steps 3-4) add a section, rendered
        # as HTML, through the hook "mutu_baku_report_sections": fn(request, opds, **filters).
        sections = [
            section
            for hook in hooks.get_hooks("mutu_baku_report_sections")
            if (section := hook(request, opds, **filters))
        ]
        return TemplateResponse(
            request,
            "compliance/report.html",
            {
                "form": form,
                "report": report,
                "rows": rows,
                "chart": weekly_chart(report.weeks),
                "sections": sections,
                "clock_note": clock_note(),
                "csv_url": self.get_export_url("csv"),
                "xlsx_url": self.get_export_url("xlsx"),
            },
        )


def weekly_chart(weeks, width=640, height=200):
    """Bars of the weekly share within standard, as data for an inline SVG (no JavaScript)."""
    weeks = weeks[-26:]
    if not weeks:
        return None
    gap = 4
    bar = max(4, (width - gap * len(weeks)) // max(1, len(weeks)))
    bars = []
    for index, week in enumerate(weeks):
        share = (week["within"] or 0) / week["handled"] if week["handled"] else 0
        bar_height = round(share * (height - 30))
        bars.append(
            {
                "x": index * (bar + gap),
                "y": height - 20 - bar_height,
                "width": bar,
                "height": bar_height,
                "share": round(100 * share),
                "label": week["week"].strftime("%d/%m"),
                "handled": week["handled"],
            }
        )
    return {"bars": bars, "width": len(weeks) * (bar + gap), "height": height, "baseline": height - 20}
