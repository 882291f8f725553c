"""Coverage assignments (penugasan liputan): SOP steps 3 and 4, before anything is typed.

The Editor or Redaktur of an OPD sends one or more of its Penulis / Tim Peliput to an event
with a checklist of what to bring back. The team marks the assignment started and done,
then creates the news draft from it; the draft carries the coverage metadata and the
assignment keeps a link to it, so the chain assignment → coverage → draft → SOP → live is
one visible, timed record.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ASSIGNED = "assigned", _("Ditugaskan")
    STARTED = "started", _("Sedang diliput")
    DONE = "done", _("Liputan selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Assignments of the OPDs the user belongs to (every one for the Web Developer)."""
        from opd.models import OPD

        if user.is_superuser:
            return self.all()
        return self.filter(opd__in=OPD.objects.for_user(user))


class Assignment(models.Model):
    """One coverage assignment of one OPD: the event, who goes, what to bring back, by when."""

    opd = models.ForeignKey("opd.OPD", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("judul liputan"), max_length=255)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("agenda"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Opsional: halaman Agenda situs ini yang diliput."),
    )
    place = models.CharField(_("tempat"), max_length=255)
    starts_at = models.DateTimeField(_("waktu liputan"))
    due_at = models.DateTimeField(_("tenggat"), help_text=_("Kapan hasil liputan harus lengkap."))
    planned_publication = models.DateField(
        _("rencana terbit"), null=True, blank=True, help_text=_("Tanggal berita direncanakan tayang.")
    )
    brief = models.TextField(_("arahan"), blank=True, help_text=_("Apa yang perlu diliput dan ditanyakan."))
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("tim peliput"), related_name="coverage_assignments"
    )
    photographer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fotografer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The checklist: what the team must bring back before the coverage counts as done.
    needs_photos = models.BooleanField(_("foto dengan keterangan"), default=True)
    needs_video = models.BooleanField(_("video"), default=False)
    needs_documents = models.BooleanField(_("dokumen"), default=False)
    needs_quotes = models.BooleanField(_("kutipan narasumber"), default=False)
    # What the team reports besides uploaded media.
    video_url = models.URLField(_("tautan video"), blank=True)
    quotes = models.TextField(_("kutipan narasumber"), blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ditugaskan pada"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai diliput"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("liputan selesai"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    page = models.OneToOneField(
        "news.NewsPage",
        verbose_name=_("draf berita"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coverage_assignment",
    )
    penugasan_timing = models.OneToOneField(
        "compliance.StepTiming", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    peliputan_timing = models.OneToOneField(
        "compliance.StepTiming", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan liputan")
        verbose_name_plural = _("penugasan liputan")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["opd", "starts_at"])]

    def __str__(self):
        return self.title

    @property
    def media_tag(self):
        """The tag every photo and document gathered for this assignment carries."""
        return f"liputan-{self.pk}"

    def is_assignee(self, user):
        return self.assignees.filter(pk=user.pk).exists()
