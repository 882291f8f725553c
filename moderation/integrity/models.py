"""Findings of the integrity monitor: defacement, content outside the SOP, spam, hidden links."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Finding(models.Model):
    class Kind(models.TextChoices):
        TAMPERED = "tampered", _("Konten tayang berbeda dari revisi yang disetujui")
        OUTSIDE_WORKFLOW = "outside_workflow", _("Terbit di luar alur SOP")
        FOREIGN_LINK = "foreign_link", _("Tautan keluar ke domain yang tidak diizinkan")
        HIDDEN_CONTENT = "hidden_content", _("Teks atau tautan tersembunyi")
        SPAM_TERM = "spam_term", _("Istilah judi online / spam")
        BROKEN_LINK = "broken_link", _("Tautan internal rusak")

    kind = models.CharField(_("jenis temuan"), max_length=30, choices=Kind.choices)
    opd = models.ForeignKey(
        "opd.OPD", null=True, blank=True, on_delete=models.CASCADE, related_name="integrity_findings"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    detail = models.TextField(_("rincian"))
    fingerprint = models.CharField(max_length=64)
    detected_at = models.DateTimeField(_("terdeteksi"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(_("penyelesaian"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("temuan integritas")
        verbose_name_plural = _("temuan integritas")
        ordering = ["-detected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_finding_per_fingerprint",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.detail[:60]}"
