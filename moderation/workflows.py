"""What happens when the last SOP step approves a page."""

from django.core.exceptions import PermissionDenied


def publish_after_sop_approval(workflow_state, user=None):
    """Publish (or schedule, with a go-live date) on the authority of the approved workflow.

    No OPD role holds Wagtail's publish permission, so publishing is only possible here:
    at the end of a workflow whose last task is the SOP's Publikasi step.
    """
    last_task_state = workflow_state.current_task_state
    task = last_task_state.task.specific if last_task_state else None
    if not getattr(task, "publishes", False):
        raise PermissionDenied("Only the SOP's Publikasi step may publish.")
    from .models import SOPPublication

    revision = workflow_state.content_object.get_latest_revision()
    SOPPublication.objects.update_or_create(
        revision=revision, defaults={"workflow_state": workflow_state, "approved_by": user}
    )
    revision.publish(user=user, skip_permission_checks=True)
