"""Measure SOP steps against their mutu baku, in office time or wall-clock time.

``PORTAL_MUTU_BAKU_CLOCK`` chooses which counts: ``"office_hours"`` (the default: a
15-minute standard means 15 minutes of office time, so a page submitted on Friday
evening is not late on Saturday) or ``"wall_clock"``. Both durations are stored, so
switching the setting needs no recomputation.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Revision, TaskState

from moderation.models import SOPStepTask
from opd.models import OPD
from portal.workdays.calendar import WorkCalendar

from .models import Outcome, PublicationTiming, Step, StepTiming

OFFICE_HOURS = "office_hours"
WALL_CLOCK = "wall_clock"


def clock_mode():
    return getattr(settings, "PORTAL_MUTU_BAKU_CLOCK", OFFICE_HOURS)


def elapsed_field():
    """The StepTiming / PublicationTiming column the reports aggregate."""
    return "office_seconds" if clock_mode() == OFFICE_HOURS else "wall_seconds"


def durations(start, end, calendar=None):
    """(wall-clock seconds, office seconds) between two moments."""
    calendar = calendar or WorkCalendar.around(start, end)
    wall = max(0, int((end - start).total_seconds()))
    return wall, calendar.office_seconds_between(start, end)


def elapsed(start, end, calendar=None):
    wall, office = durations(start, end, calendar)
    return office if clock_mode() == OFFICE_HOURS else wall


def deadline(start, standard, calendar=None):
    """When a step started at ``start`` passes its standard."""
    if clock_mode() == WALL_CLOCK:
        return start + standard
    calendar = calendar or WorkCalendar.around(start)
    return calendar.add_office_seconds(start, int(standard.total_seconds()))


def rilis_standard():
    return getattr(settings, "PORTAL_MUTU_BAKU_RILIS", timedelta(hours=1))


def record_task_state(task_state, outcome):
    """Store the durations of a finished review step (idempotent per task state)."""
    task = task_state.task.specific
    if not isinstance(task, SOPStepTask):
        return None
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    finished_at = task_state.finished_at or timezone.now()
    wall, office = durations(task_state.started_at, finished_at)
    timing, _created = StepTiming.objects.update_or_create(
        task_state=task_state,
        defaults={
            "step": task.step,
            "outcome": outcome,
            "opd": OPD.objects.for_page(page),
            "page": page,
            "workflow_state": workflow_state,
            "actor": task_state.finished_by,
            "started_at": task_state.started_at,
            "finished_at": finished_at,
            "wall_seconds": wall,
            "office_seconds": office,
            "standard_seconds": int(task.mutu_baku.total_seconds()),
        },
    )
    return timing


def record_first_submission(workflow_state):
    """SOP step 5: from the page's first revision to its first submission, once per page."""
    page = workflow_state.content_object
    if StepTiming.objects.filter(page=page, step=Step.RILIS).exists():
        return None
    first_revision = (
        Revision.page_revisions.filter(object_id=str(page.pk))
        .order_by("created_at")
        .only("created_at")
        .first()
    )
    started_at = first_revision.created_at if first_revision else workflow_state.created_at
    wall, office = durations(started_at, workflow_state.created_at)
    return StepTiming.objects.create(
        step=Step.RILIS,
        outcome=Outcome.SUBMITTED,
        opd=OPD.objects.for_page(page),
        page=page,
        workflow_state=workflow_state,
        actor=workflow_state.requested_by,
        started_at=started_at,
        finished_at=workflow_state.created_at,
        wall_seconds=wall,
        office_seconds=office,
        standard_seconds=int(rilis_standard().total_seconds()),
    )


def record_publication(workflow_state):
    """Submission to final approval, with the number of change-request rounds."""
    page = workflow_state.content_object
    published_at = workflow_state.current_task_state.finished_at or timezone.now()
    tasks = [task.specific for task in workflow_state.workflow.tasks]
    standard = sum(int(task.mutu_baku.total_seconds()) for task in tasks if isinstance(task, SOPStepTask))
    rework = TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_REJECTED).count()
    wall, office = durations(workflow_state.created_at, published_at)
    PublicationTiming.objects.update_or_create(
        workflow_state=workflow_state,
        defaults={
            "opd": OPD.objects.for_page(page),
            "page": page,
            "submitted_at": workflow_state.created_at,
            "published_at": published_at,
            "wall_seconds": wall,
            "office_seconds": office,
            "standard_seconds": standard,
            "rework_rounds": rework,
        },
    )


__all__ = ["deadline", "elapsed", "record_publication", "record_task_state"]
