"""The dashboard panel "Tugas saya": every step waiting for the user, with its deadline."""

from dataclasses import dataclass

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from moderation.models import tasks_reviewed_by
from portal.workdays.calendar import WorkCalendar

from .wording import StepClock, step_clock


@dataclass
class WaitingTask:
    task_state: TaskState
    page: object
    step: str
    clock: StepClock

    @property
    def deadline(self):
        return self.clock.deadline

    @property
    def overdue(self):
        return self.clock.overdue


def waiting_tasks_for(user, now=None):
    now = now or timezone.now()
    states = list(
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=tasks_reviewed_by(user))
        .select_related("workflow_state", "task__sopsteptask")
        .prefetch_related("workflow_state__content_object")
        .order_by("started_at")
    )
    if not states:
        return []
    calendar = WorkCalendar.around(states[0].started_at, now)
    items = []
    for state in states:
        task = state.task.sopsteptask  # tasks_reviewed_by() holds SOP steps only
        items.append(
            WaitingTask(
                task_state=state,
                page=state.workflow_state.content_object,
                step=task.get_step_display(),
                clock=step_clock(state.started_at, task.mutu_baku, now, calendar),
            )
        )
    # Overdue first (longest overdue at the top), then by deadline.
    return sorted(items, key=lambda item: (not item.overdue, item.deadline))


class MyTasksPanel(Component):
    name = "tugas_saya"
    order = 50
    template_name = "compliance/panels/my_tasks.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = waiting_tasks_for(self.user)
        return context
