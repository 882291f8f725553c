"""Wagtail's "Menunggu tinjauan Anda" dashboard panel, bounded and in a fixed number of queries.

Wagtail's own panel lists every task state the user may review and, for each, looks up the
object's current workflow state, its task (specific), the SOP checks and every task's status:
several queries per row, so an Editor with 200 pages waiting gets a dashboard of ~900 queries.
This one shows the newest ``LIMIT`` (the full list with deadlines is in "Tugas saya") and
loads what each row needs for all rows at once.
"""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Revision, Task, TaskState, WorkflowTask

from .models import task_ids_of_groups

LIMIT = 20


class BoundedWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    limit = LIMIT

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"request": request, "csrf_token": parent_context["csrf_token"], "states": []}
        states = list(
            reviewable_task_states(request.user)
            .select_related(
                "task__sopsteptask",
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
                "workflow_state__current_task_state__revision",
            )
            .prefetch_related("revision__content_object", "revision__content_object__latest_revision")
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())[: self.limit]
        )
        if not states:
            return context
        task_ids = {state.task_id for state in states}
        specific_tasks = {
            state.task_id: state.task.sopsteptask for state in states if hasattr(state.task, "sopsteptask")
        }
        if len(specific_tasks) < len(task_ids):  # a task of another kind than the SOP's
            specific_tasks.update(
                (task.pk, task)
                for task in Task.objects.filter(pk__in=task_ids - set(specific_tasks)).specific()
            )
        workflow_tasks = {}
        for link in (
            WorkflowTask.objects.filter(workflow_id__in={s.workflow_state.workflow_id for s in states})
            .select_related("task")
            .order_by("sort_order")
        ):
            workflow_tasks.setdefault(link.workflow_id, []).append(link.task)
        statuses = {}
        for row in (
            TaskState.objects.filter(workflow_state__in=[s.workflow_state_id for s in states])
            .order_by("started_at", "id")
            .values("workflow_state_id", "task_id", "status")
        ):
            statuses[(row["workflow_state_id"], row["task_id"])] = row["status"]
        labels = dict(TaskState.STATUS_CHOICES)
        for state in states:
            obj = state.revision.content_object
            if not obj:
                continue
            # Wagtail reads the object's current workflow state from here when it is set.
            obj._current_workflow_states = [state.workflow_state]
            task = specific_tasks[state.task_id]
            rows = []
            for workflow_task in workflow_tasks.get(state.workflow_state.workflow_id, []):
                row = copy.copy(workflow_task)
                row.status = statuses.get((state.workflow_state_id, workflow_task.pk))
                row.status_display = labels.get(row.status, _("Belum dimulai"))
                rows.append(row)
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": task.get_actions(obj, request.user),
                    "workflow_tasks": rows,
                    "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                    "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview"
                    if getattr(obj, "is_previewable", False)
                    else None,
                    "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
                }
            )
        return context


def reviewable_task_states(user):
    """``TaskState.objects.reviewable_by(user)`` without loading every active task of the install
    (two queries, 120 tasks at 40 OPDs): for anyone but the Web Developer, the in-progress states
    of the active SOP steps of the user's groups and Plt/Plh roles (``task_ids_of_groups``, kept
    on the user object and already asked by the menu). Every workflow of the portal is made of
    SOP steps (``opd/provisioning.py``)."""
    if user.is_superuser:
        return TaskState.objects.reviewable_by(user)
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task_id__in=task_ids_of_groups(user), task__active=True
    )


def bound_review_panel(request, panels):
    """construct_homepage_panels: put the bounded panel where Wagtail's was."""
    panels[:] = [
        BoundedWorkflowObjectsToModeratePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
