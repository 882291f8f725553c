"""The mutu baku report's section "Rantai liputan": each published assignment, step by step.

One row per assignment whose draft went live: the minutes of SOP steps 3 and 4 (newsroom),
5 (rilis) and 6-8 (review, summed over change-request rounds), and the whole way from the
start of step 3 to publication against the sum of the standards. A fixed number of queries
(assignments, their pages' step timings, their publications, the holidays).
"""

from django.template.loader import render_to_string

from moderation.compliance.models import Outcome, PublicationTiming, Step, StepTiming
from moderation.compliance.timing import clock_mode, elapsed_field
from portal.workdays.calendar import WorkCalendar

from .models import Assignment
from .timing import penugasan_clock_start

LATER_STEPS = [Step.RILIS, Step.KOREKSI, Step.KOREKSI_ULANG, Step.PUBLIKASI]
ROWS = 50


def _minutes(seconds):
    return None if seconds is None else round(seconds / 60, 1)


def chain_rows(opds, period_start=None, period_end=None, actor=None):
    column = elapsed_field()
    publications = PublicationTiming.objects.filter(opd__in=opds, page__isnull=False)
    if period_start:
        publications = publications.filter(published_at__gte=period_start)
    if period_end:
        publications = publications.filter(published_at__lt=period_end)
    published = {}
    for publication in publications.order_by("published_at"):
        published[publication.page_id] = publication  # the latest publication wins
    assignments = (
        Assignment.objects.filter(page_id__in=published)
        .select_related("opd", "penugasan_timing", "peliputan_timing")
        .order_by("-pk")
    )
    if actor:
        assignments = assignments.filter(assignees=actor)
    assignments = list(assignments[:ROWS])
    if not assignments:
        return []
    per_page = {}
    for timing in StepTiming.objects.filter(
        page_id__in=[a.page_id for a in assignments],
        step__in=LATER_STEPS,
        outcome__in=[Outcome.APPROVED, Outcome.REJECTED, Outcome.SUBMITTED],
    ).values("page_id", "step", "standard_seconds", column):
        steps = per_page.setdefault(timing["page_id"], {})
        seconds, standard = steps.get(timing["step"], (0, timing["standard_seconds"]))
        steps[timing["step"]] = (seconds + timing[column], standard)
    starts = [penugasan_clock_start(a) for a in assignments]
    calendar = WorkCalendar.around(min(starts), max(p.published_at for p in published.values()))
    rows = []
    for assignment, start in zip(assignments, starts, strict=True):
        publication = published[assignment.page_id]
        steps = per_page.get(assignment.page_id, {})
        cells, standard = [], 0
        for timing in (assignment.penugasan_timing, assignment.peliputan_timing):
            cells.append(_minutes(getattr(timing, column)) if timing else None)
            standard += timing.standard_seconds if timing else 0
        for step in LATER_STEPS:
            seconds, step_standard = steps.get(step, (None, 0))
            cells.append(_minutes(seconds))
            standard += step_standard
        end = publication.published_at
        total = (
            calendar.office_seconds_between(start, end)
            if clock_mode() == "office_hours"
            else max(0, int((end - start).total_seconds()))
        )
        rows.append(
            {
                "assignment": assignment,
                "cells": cells,
                "total": _minutes(total),
                "standard": _minutes(standard),
                "within": total <= standard,
            }
        )
    return rows


def chain_section(request, opds, period_start=None, period_end=None, step=None, actor=None):
    rows = chain_rows(opds, period_start, period_end, actor)
    return render_to_string(
        "newsroom/report_section.html",
        {"rows": rows, "steps": [Step.PENUGASAN, Step.PELIPUTAN, *LATER_STEPS]},
        request=request,
    )
