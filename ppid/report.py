"""The PPID service report per OPD and period (semester or year), Perki 1/2021 art. 36:
requests received, fulfilled, rejected (with the reasons), median response, late answers,
objections. Counts and dates only; no identity data."""

from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.utils.translation import gettext_lazy as _

from .models import InformationRequest, Objection, RequestStatus


def periods(year):
    """The reporting periods of a year: both semesters and the whole year."""
    return {
        "1": (_("Semester I %(year)s") % {"year": year}, date(year, 1, 1), date(year, 6, 30)),
        "2": (_("Semester II %(year)s") % {"year": year}, date(year, 7, 1), date(year, 12, 31)),
        "tahun": (_("Tahun %(year)s") % {"year": year}, date(year, 1, 1), date(year, 12, 31)),
    }


@dataclass
class ReportRow:
    """One OPD's figures; plain attributes for the export."""

    unit: str
    received: int = 0
    fulfilled: int = 0
    rejected: int = 0
    open: int = 0
    median_days: float | None = None
    late: int = 0
    objections: int = 0
    rejection_reasons: str = ""
    reasons: list = field(default_factory=list)


EXPORT_FIELDS = [
    "unit",
    "received",
    "fulfilled",
    "rejected",
    "open",
    "median_days",
    "late",
    "objections",
    "rejection_reasons",
]
EXPORT_HEADINGS = {
    "unit": _("Unit / OPD"),
    "received": _("Permohonan diterima"),
    "fulfilled": _("Dipenuhi"),
    "rejected": _("Ditolak"),
    "open": _("Dalam proses"),
    "median_days": _("Median waktu jawaban (hari)"),
    "late": _("Terlambat"),
    "objections": _("Keberatan"),
    "rejection_reasons": _("Alasan penolakan"),
}


def build(opds, start, end):
    """One row per OPD for requests received between ``start`` and ``end`` (dates, inclusive)."""
    rows = []
    requests = InformationRequest.objects.filter(
        opd__in=opds, received_at__date__gte=start, received_at__date__lte=end
    ).only("opd_id", "status", "received_at", "closed_at", "due_date", "rejection_basis")
    by_opd = {}
    for request in requests:
        by_opd.setdefault(request.opd_id, []).append(request)
    objection_counts = {}
    for opd_id in Objection.objects.filter(
        request__opd__in=opds, filed_at__date__gte=start, filed_at__date__lte=end
    ).values_list("request__opd_id", flat=True):
        objection_counts[opd_id] = objection_counts.get(opd_id, 0) + 1
    for opd in opds:
        items = by_opd.get(opd.pk, [])
        row = ReportRow(unit=opd.name, received=len(items), objections=objection_counts.get(opd.pk, 0))
        days = []
        for request in items:
            if request.status == RequestStatus.SELESAI:
                row.fulfilled += 1
            elif request.status == RequestStatus.DITOLAK:
                row.rejected += 1
                row.reasons.append(request.rejection_basis)
            else:
                row.open += 1
            if request.response_days is not None:
                days.append(request.response_days)
            if request.is_late:
                row.late += 1
        row.median_days = median(days) if days else None
        row.rejection_reasons = "; ".join(sorted(set(row.reasons)))
        rows.append(row)
    return rows
