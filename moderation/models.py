"""The SOP's review steps as Wagtail workflow tasks, each with its time standard.

Wagtail's ``Workflow``/``Task``/``TaskState`` carry the state; this module only adds
what the SOP needs on top: which SOP step a task is, its mutu baku, and the rule that
nobody approves their own work.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class SOPStep(models.TextChoices):
    """SOP steps 6-8 of "Pengelolaan Website Pemerintah Kabupaten Ketapang"."""

    KOREKSI = "koreksi", _("Koreksi hasil liputan")
    KOREKSI_ULANG = "koreksi_ulang", _("Koreksi ulang / penyaringan sebelum disebarluaskan")
    PUBLIKASI = "publikasi", _("Publikasi")


DEFAULT_MUTU_BAKU = {
    SOPStep.KOREKSI: timedelta(minutes=15),
    SOPStep.KOREKSI_ULANG: timedelta(minutes=15),
    SOPStep.PUBLIKASI: timedelta(minutes=15),
}


class SOPStepTask(AbstractGroupApprovalTask):
    """One SOP review step, approved by one OPD's group, timed against its mutu baku."""

    step = models.CharField(_("langkah SOP"), max_length=20, choices=SOPStep.choices)
    mutu_baku = models.DurationField(
        _("mutu baku"),
        default=timedelta(minutes=15),
        help_text=_("Standar waktu langkah ini menurut SOP, misalnya 00:15:00 untuk 15 menit."),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "step", "mutu_baku"]

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")

    @classmethod
    def get_description(cls):
        return _("Langkah SOP yang disetujui oleh grup peran satu OPD, dengan mutu baku waktunya.")

    @property
    def publishes(self):
        return self.step == SOPStep.PUBLIKASI

    def is_own_work(self, obj, user):
        """Whether the user submitted this work or wrote the revision that reached this step.

        Corrections a reviewer makes while the step is theirs are their job, not their own
        work; what they may not do is approve an article they wrote and submitted.
        """
        workflow_state = obj.current_workflow_state
        if workflow_state is None:
            return False
        if workflow_state.requested_by_id == user.pk:
            return True
        task_state = workflow_state.current_task_state
        return bool(task_state and task_state.revision and task_state.revision.user_id == user.pk)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.is_own_work(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # A forged POST reaches here without going through get_actions, so check again.
        obj = task_state.workflow_state.content_object
        allowed = {name for name, *_ in self.get_actions(obj, user)}
        if action_name not in allowed:
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)
