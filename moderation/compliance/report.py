"""The "Kepatuhan Mutu Baku" figures, aggregated in the database.

The number of queries is fixed whatever the amount of history: one for the per-step
counts, one for the per-step percentiles, one each for the end-to-end counts and
percentiles, one for the weekly trend. Percentiles are nearest-rank (the smallest value
whose cumulative share reaches p), computed with the SQL window function CUME_DIST, which
both PostgreSQL and SQLite provide.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Sum, When
from django.db.models.functions import TruncWeek

from .models import Outcome, PublicationTiming, Step, StepTiming
from .timing import elapsed_field

HANDLED = [Outcome.APPROVED, Outcome.REJECTED, Outcome.SUBMITTED]


@dataclass
class StepRow:
    step: str
    label: str
    handled: int = 0
    within: int = 0
    rework: int = 0
    median: int | None = None
    p90: int | None = None
    standard: int | None = None

    @property
    def share_within(self):
        return round(100 * self.within / self.handled, 1) if self.handled else None


@dataclass
class Report:
    steps: list = field(default_factory=list)
    end_to_end: StepRow | None = None
    weeks: list = field(default_factory=list)


def _filtered(
    queryset, opds, period_start=None, period_end=None, step=None, actor=None, date_field="finished_at"
):
    queryset = queryset.filter(opd__in=opds)
    if period_start:
        queryset = queryset.filter(**{f"{date_field}__gte": period_start})
    if period_end:
        queryset = queryset.filter(**{f"{date_field}__lt": period_end})
    if step:
        queryset = queryset.filter(step=step)
    if actor:
        queryset = queryset.filter(actor=actor)
    return queryset


def _within_case(column):
    return Sum(
        Case(
            When(**{f"{column}__lte": F("standard_seconds")}, then=1), default=0, output_field=IntegerField()
        )
    )


def _percentiles(queryset, group_column, column, points=(0.5, 0.9)):
    """{group: {p: value}} by nearest rank, in one query."""
    inner = queryset.values(group_column, column).order_by()
    sql, params = inner.query.sql_with_params()
    qn = connection.ops.quote_name
    selects = ", ".join(f"MIN(CASE WHEN cd >= {point} THEN v END)" for point in points)
    # Only column names of our own models and fixed numbers are formatted in; values travel as params.
    wrapped = (
        f"SELECT g, {selects} FROM ("
        f"SELECT {qn(group_column)} AS g, {qn(column)} AS v, "
        f"CUME_DIST() OVER (PARTITION BY {qn(group_column)} ORDER BY {qn(column)}) AS cd "
        f"FROM ({sql}) AS inner_rows) AS ranked GROUP BY g"
    )
    with connection.cursor() as cursor:
        cursor.execute(wrapped, params)
        return {row[0]: dict(zip(points, row[1:], strict=True)) for row in cursor.fetchall()}


def build_report(opds, period_start=None, period_end=None, step=None, actor=None):
    column = elapsed_field()
    timings = _filtered(
        StepTiming.objects.filter(outcome__in=HANDLED), opds, period_start, period_end, step, actor
    )

    per_step = {
        row["step"]: row
        for row in timings.values("step")
        .order_by()
        .annotate(
            handled=Count("id"),
            within=_within_case(column),
            rework=Count("id", filter=Q(outcome=Outcome.REJECTED)),
            standard=Sum("standard_seconds") / Count("id"),
        )
    }
    percentiles = _percentiles(timings, "step", column)
    report = Report()
    for value, label in Step.choices:
        if step and value != step:
            continue
        row = per_step.get(value, {})
        points = percentiles.get(value, {})
        report.steps.append(
            StepRow(
                step=value,
                label=label,
                handled=row.get("handled", 0),
                within=row.get("within") or 0,
                rework=row.get("rework", 0),
                median=points.get(0.5),
                p90=points.get(0.9),
                standard=row.get("standard"),
            )
        )

    publications = _filtered(
        PublicationTiming.objects.all(), opds, period_start, period_end, date_field="published_at"
    )
    if actor is None and not step:
        totals = publications.aggregate(
            handled=Count("id"),
            within=_within_case(column),
            rework=Sum("rework_rounds"),
            standard=Sum("standard_seconds"),
        )
        points = _percentiles(
            publications.annotate(all_rows=F("workflow_state_id") * 0), "all_rows", column
        ).get(0, {})
        report.end_to_end = StepRow(
            step="total",
            label="Pengajuan sampai terbit",
            handled=totals["handled"],
            within=totals["within"] or 0,
            rework=totals["rework"] or 0,
            median=points.get(0.5),
            p90=points.get(0.9),
            standard=(totals["standard"] // totals["handled"]) if totals["handled"] else None,
        )

    report.weeks = list(
        timings.annotate(week=TruncWeek("finished_at"))
        .values("week")
        .order_by("week")
        .annotate(handled=Count("id"), within=_within_case(column))
    )
    return report
