"""SOP steps 3 and 4 against their mutu baku, stored as compliance StepTiming rows.

Step 3 (pengumpulan data/gambar/video, ``PORTAL_MUTU_BAKU_PENUGASAN``, 3 hours by default)
runs from the moment the coverage is due to begin (the later of the assignment and the
coverage's planned time: nobody is late for an event that has not started) until the team
marks it started. Step 4 (peliputan, ``PORTAL_MUTU_BAKU_PELIPUTAN``, 5 hours) runs from
started to done. Both count office time or wall-clock time like every other step
(``PORTAL_MUTU_BAKU_CLOCK``), so the report "Kepatuhan Mutu Baku" shows them beside the
rilis and the three review steps.
"""

from datetime import timedelta

from django.conf import settings

from moderation.compliance.models import Outcome, Step, StepTiming
from moderation.compliance.timing import durations


def penugasan_standard():
    return getattr(settings, "PORTAL_MUTU_BAKU_PENUGASAN", timedelta(hours=3))


def peliputan_standard():
    return getattr(settings, "PORTAL_MUTU_BAKU_PELIPUTAN", timedelta(hours=5))


def penugasan_clock_start(assignment):
    return max(assignment.created_at, assignment.starts_at)


def _timing(assignment, step, start, end, actor, standard):
    start = min(start, end)
    wall, office = durations(start, end)
    return StepTiming.objects.create(
        step=step,
        outcome=Outcome.APPROVED,
        opd=assignment.opd,
        page=assignment.page,
        actor=actor,
        started_at=start,
        finished_at=end,
        wall_seconds=wall,
        office_seconds=office,
        standard_seconds=int(standard.total_seconds()),
    )


def record_started(assignment, user):
    assignment.penugasan_timing = _timing(
        assignment,
        Step.PENUGASAN,
        penugasan_clock_start(assignment),
        assignment.started_at,
        user,
        penugasan_standard(),
    )


def record_done(assignment, user):
    assignment.peliputan_timing = _timing(
        assignment, Step.PELIPUTAN, assignment.started_at, assignment.done_at, user, peliputan_standard()
    )


def attach_page(assignment):
    """Once the draft exists, the coverage steps' timings name it as the later steps do."""
    ids = [pk for pk in (assignment.penugasan_timing_id, assignment.peliputan_timing_id) if pk]
    StepTiming.objects.filter(pk__in=ids).update(page=assignment.page)
