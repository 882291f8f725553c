"""The reviewer's change request, where the writer works: on the dashboard, at the top of the
page editor, and as the obvious next action in the editor's menu.

Wagtail keeps the request in the page history only (the rejected ``TaskState`` and its
comment); the writer also gets it by e-mail, but in the admin it was hard to find. A page
whose workflow state is "needs changes" carries it until it is resubmitted.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import RestartWorkflowMenuItem, SubmitForModerationMenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from .models import task_ids_of_groups

RESUBMIT = "action-submit"
RESTART = "action-restart-workflow"


class RestartFromFirstStepMenuItem(RestartWorkflowMenuItem):
    """Wagtail's "Mulai ulang alur kerja", saying where it sends the page."""

    label = gettext_lazy("Mulai ulang dari langkah pertama")


@dataclass
class ChangeRequest:
    """The latest request for changes on a page: who asked, at which step, when and why."""

    page: object
    step: str
    reviewer: str
    requested_at: datetime
    comment: str

    def summary(self):
        when = formats.date_format(timezone.localtime(self.requested_at), "j M Y H:i")
        text = _("%(reviewer)s meminta perubahan pada langkah %(step)s (%(when)s).") % {
            "reviewer": self.reviewer,
            "step": self.step,
            "when": when,
        }
        if self.comment:
            text += " " + _("Komentar: “%(comment)s”") % {"comment": self.comment}
        return text


def _from_state(workflow_state, page=None):
    task_state = workflow_state.current_task_state
    reviewer = task_state.finished_by
    return ChangeRequest(
        page=page or workflow_state.content_object,
        step=step_label(task_state.task),
        reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else _("Peninjau"),
        requested_at=task_state.finished_at or workflow_state.created_at,
        comment=(task_state.comment or "").strip(),
    )


def change_request_for(page):
    """The change request a page waits on, or None once it was resubmitted (or never asked)."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return _from_state(workflow_state, page)


def change_requests_for_writer(user, limit=20):
    """The pages the user submitted that a reviewer sent back, newest request first."""
    states = (
        WorkflowState.objects.filter(requested_by=user, status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .prefetch_related("content_object")
        .order_by("-current_task_state__finished_at")[:limit]
    )
    return [_from_state(state) for state in states]


class ChangesRequestedPanel(Component):
    """Dashboard panel "Perubahan yang diminta": the writer's pages sent back, with the comment."""

    name = "perubahan_diminta"
    order = 40  # above "Tugas saya" and Wagtail's panels: it is the writer's next job
    template_name = "moderation/panels/changes_requested.html"

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        return {"requests": self.requests}


def add_changes_requested_panel(request, panels):
    """construct_homepage_panels: shown only to someone with a page sent back."""
    requests = change_requests_for_writer(request.user)
    if requests:
        panels.append(ChangesRequestedPanel(requests))


def show_change_request_in_editor(request, page):
    """before_edit_page: the request and its comment at the top of the editor, until resubmitted."""
    if request.method != "GET":
        return None
    change_request = change_request_for(page)
    if change_request is not None:
        messages.warning(request, change_request.summary())
    return None


def step_label(task):
    """An SOP step's own name ("Koreksi hasil liputan"), without the OPD the task's name adds."""
    task = task.specific
    return task.get_step_display() if hasattr(task, "get_step_display") else task.name


class SubmitToStepMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button naming the SOP step the page goes to: "Ajukan ke Koreksi hasil
    liputan" rather than the workflow's long name, "Ajukan ulang ke <the step that asked>"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page is not None and page.pk else None
        if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            step = step_label(workflow_state.current_task_state.task)
            context["label"] = _("Ajukan ulang ke %(step)s") % {"step": step}
            return context
        workflow = (page if page is not None and page.pk else context["parent_page"]).get_workflow()
        first_task = workflow.tasks.first() if workflow is not None else None
        if first_task is not None:
            context["label"] = _("Ajukan ke %(step)s") % {"step": step_label(first_task)}
        return context


def arrange_submit_actions(menu_items, request, context):
    """construct_page_action_menu: the submit button names its SOP step; on a page sent back,
    "Ajukan ulang ke <langkah>" is the main button (it goes back to the step that asked for
    changes). "Mulai ulang alur kerja" would send it to the first step: hidden from the
    writer, relabelled for a reviewer."""
    menu_items[:] = [
        SubmitToStepMenuItem(order=item.order) if item.name == RESUBMIT else item for item in menu_items
    ]
    page = context.get("page")
    if context.get("view") != "edit" or page is None or change_request_for(page) is None:
        return
    resubmit = [item for item in menu_items if item.name == RESUBMIT]
    others = [item for item in menu_items if item.name != RESUBMIT]
    reviews_this_workflow = request.user.is_superuser or bool(
        task_ids_of_groups(request.user)
        & set(page.current_workflow_state.workflow.tasks.values_list("pk", flat=True))
    )
    # Wagtail's menu items are shared by every request: replace them, never change them.
    others = [
        RestartFromFirstStepMenuItem(order=item.order) if item.name == RESTART else item for item in others
    ]
    if not reviews_this_workflow:
        others = [item for item in others if item.name != RESTART]
    menu_items[:] = resubmit + others
