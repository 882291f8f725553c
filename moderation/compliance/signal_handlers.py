"""Time each SOP step when Wagtail says it finished."""

from django.dispatch import receiver
from wagtail.signals import (
    task_approved,
    task_cancelled,
    task_rejected,
    workflow_approved,
    workflow_submitted,
)

from .models import Outcome
from .timing import record_first_submission, record_publication, record_task_state


@receiver(task_approved)
def time_approved_step(sender, instance, **kwargs):
    record_task_state(instance, Outcome.APPROVED)


@receiver(task_rejected)
def time_rejected_step(sender, instance, **kwargs):
    record_task_state(instance, Outcome.REJECTED)


@receiver(task_cancelled)
def time_cancelled_step(sender, instance, **kwargs):
    record_task_state(instance, Outcome.CANCELLED)


@receiver(workflow_submitted)
def time_rilis(sender, instance, **kwargs):
    record_first_submission(instance)


@receiver(workflow_approved)
def time_publication(sender, instance, **kwargs):
    record_publication(instance)
