"""What Wagtail's task and workflow records lack for the mutu baku: office-time durations.

Wagtail's ``TaskState`` and ``WorkflowState`` hold who acted, when a step started and
finished and with what outcome. Office-time elapsed cannot be computed in SQL, so when a
step finishes its durations (wall-clock and office hours) are stored here once, and the
reports aggregate these rows in the database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.models import SOPStep


class Step(models.TextChoices):
    """Every timed SOP step: penugasan and peliputan (3-4, newsroom/), the Penulis's rilis (5)
    and the three review steps (6-8)."""

    PENUGASAN = "penugasan", _("Pengumpulan data/gambar/video (penugasan liputan)")
    PELIPUTAN = "peliputan", _("Peliputan")
    RILIS = "rilis", _("Rilis dan editing (Penulis)")
    KOREKSI = SOPStep.KOREKSI.value, SOPStep.KOREKSI.label
    KOREKSI_ULANG = SOPStep.KOREKSI_ULANG.value, SOPStep.KOREKSI_ULANG.label
    PUBLIKASI = SOPStep.PUBLIKASI.value, SOPStep.PUBLIKASI.label


class Outcome(models.TextChoices):
    SUBMITTED = "submitted", _("diajukan")
    APPROVED = "approved", _("disetujui")
    REJECTED = "rejected", _("minta perubahan")
    CANCELLED = "cancelled", _("dibatalkan")


class StepTiming(models.Model):
    """One finished SOP step of one page, timed against the step's mutu baku."""

    step = models.CharField(max_length=20, choices=Step.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    opd = models.ForeignKey("opd.OPD", null=True, on_delete=models.SET_NULL, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", null=True, on_delete=models.CASCADE, related_name="+"
    )
    task_state = models.OneToOneField(
        "wagtailcore.TaskState", null=True, on_delete=models.CASCADE, related_name="timing"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(db_index=True)
    wall_seconds = models.PositiveIntegerField()
    office_seconds = models.PositiveIntegerField()
    standard_seconds = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["opd", "step", "finished_at"])]

    def __str__(self):
        return f"{self.get_step_display()} {self.page_id} ({self.outcome})"


class PublicationTiming(models.Model):
    """One page's way from submission to publication, against the SOP's total standard."""

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="+"
    )
    opd = models.ForeignKey("opd.OPD", null=True, on_delete=models.SET_NULL, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField()
    published_at = models.DateTimeField(db_index=True)
    wall_seconds = models.PositiveIntegerField()
    office_seconds = models.PositiveIntegerField()
    standard_seconds = models.PositiveIntegerField()
    rework_rounds = models.PositiveSmallIntegerField(default=0)

    def __str__(self):
        return f"{self.page_id} {self.published_at:%Y-%m-%d}"


class Alert(models.Model):
    """A reminder or escalation sent for one task state: the unique row guarantees once."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("pengingat")
        ESCALATION = "escalation", _("eskalasi")

    task_state = models.ForeignKey("wagtailcore.TaskState", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_state", "kind"], name="one_alert_per_kind")]

    def __str__(self):
        return f"{self.kind} #{self.task_state_id}"
