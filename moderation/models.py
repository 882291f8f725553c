"""The SOP's review steps as Wagtail workflow tasks, each with its time standard.

Wagtail's ``Workflow``/``Task``/``TaskState`` carry the state; this module only adds
what the SOP needs on top: which SOP step a task is, its mutu baku, and the rule that
nobody approves their own work.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState


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

    def _user_in_groups(self, user):
        # The tasks of the user's groups and of their Plt/Plh roles (a delegate holds the role for
        # the delegation's period without joining the group), looked up once per user object:
        # the dashboard and menus ask for every task.
        if not user.is_authenticated:
            return False
        return self.pk in task_ids_of_groups(user)

    def user_is_reviewer(self, user):
        return user.is_superuser or self._user_in_groups(user)

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
        with transaction.atomic():
            # Two moderators clicking at the same moment: the row lock lets the first decide
            # and shows the second what happened instead of acting twice.
            locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
            if locked.status != TaskState.STATUS_IN_PROGRESS:
                return reverse("moderation_step_already_decided", args=[locked.pk])
            super().on_action(locked, user, action_name, **kwargs)
        return None


class DelegationQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at, revoked_at__isnull=True)


class Delegation(models.Model):
    """Plt / Plh: another person holds a role (a reviewing group) for a period, then it ends by itself.

    The delegate acts on that group's SOP tasks while the period lasts; nothing about
    their group membership changes, so nothing needs undoing when it ends.
    """

    group = models.ForeignKey("auth.Group", verbose_name=_("peran"), on_delete=models.CASCADE)
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaksana (Plt/Plh)"),
        on_delete=models.CASCADE,
        related_name="delegations_received",
    )
    delegated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diberikan oleh"),
        on_delete=models.PROTECT,
        related_name="delegations_given",
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("berakhir"))
    reason = models.CharField(_("alasan"), max_length=255, help_text=_("Misalnya: cuti tahunan, dinas luar."))
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    end_logged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("pelimpahan peran (Plt/Plh)")
        verbose_name_plural = _("pelimpahan peran (Plt/Plh)")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="delegation_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.delegate} — {self.group} ({self.starts_at:%d-%m-%Y} s.d. {self.ends_at:%d-%m-%Y})"

    def is_active(self, at=None):
        at = at or timezone.now()
        return self.revoked_at is None and self.starts_at <= at < self.ends_at


class FastTrack(models.Model):
    """Informasi serta-merta (UU 14/2008 art. 10): published ahead of the SOP with a written reason."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="fast_tracks")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("alasan serta-merta"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("penerbitan serta-merta")
        verbose_name_plural = _("penerbitan serta-merta")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page.title} ({self.created_at:%d-%m-%Y %H:%M})"


class FastTrackReviewQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(reviewed_at__isnull=True)


class FastTrackReview(models.Model):
    """The after-the-fact review a skipped SOP step owes a fast-tracked page."""

    fast_track = models.ForeignKey(FastTrack, on_delete=models.CASCADE, related_name="reviews")
    task = models.ForeignKey(SOPStepTask, on_delete=models.CASCADE, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("catatan tinjauan"), blank=True)

    objects = FastTrackReviewQuerySet.as_manager()

    class Meta:
        ordering = ["fast_track", "task"]

    def __str__(self):
        return f"{self.fast_track} — {self.task}"


def task_ids_of_groups(user):
    """Ids of the SOP steps of the user's groups and Plt/Plh roles, looked up once per user
    object (the dashboard, menus and each task's checks ask again and again)."""
    if not user.is_authenticated:
        return set()
    if getattr(user, "_sop_task_ids", None) is None:
        delegated = Delegation.objects.active().filter(delegate=user).values("group")
        user._sop_task_ids = set(
            SOPStepTask.objects.filter(
                models.Q(groups__in=user.groups.all()) | models.Q(groups__in=delegated)
            ).values_list("pk", flat=True)
        )
    return user._sop_task_ids


def tasks_reviewed_by(user):
    """The SOP steps a user may act on: their groups' tasks and those of their Plt/Plh roles."""
    if user.is_superuser:
        return SOPStepTask.objects.all()
    if not user.is_authenticated:
        return SOPStepTask.objects.none()
    delegated = Delegation.objects.active().filter(delegate=user).values("group")
    return SOPStepTask.objects.filter(
        models.Q(groups__in=user.groups.all()) | models.Q(groups__in=delegated)
    ).distinct()


class SOPPublication(models.Model):
    """A revision that reached the public through the SOP (final approval or serta-merta).

    The integrity monitor compares live content against these: a live revision with no
    such record, and not published by the Web Developer, went around the SOP.
    """

    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fast_track = models.ForeignKey(
        FastTrack, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-approved_at"]

    def __str__(self):
        return f"SOP publication of revision {self.revision_id}"
