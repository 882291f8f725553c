"""The banner: one row per alert, for every site (regency-wide) or for one OPD's site."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Level(models.TextChoices):
    """The three levels of the issue, lowest first; only a regency-wide alert may be darurat."""

    INFORMASI = "informasi", _("Informasi")
    WASPADA = "waspada", _("Waspada")
    DARURAT = "darurat", _("Darurat")


# What an OPD may set for its own site: anything below darurat.
NOTICE_LEVELS = (Level.INFORMASI, Level.WASPADA)


class Alert(models.Model):
    """A banner shown at the top of every page from ``starts_at`` until ``ends_at``.

    Without a site it is regency-wide: every site of the portal (the regency and every OPD)
    shows it, and only the regency portal's Web Administrator and the Web Developer may set
    it. With a site it is that OPD's own notice, on that site only, never darurat.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("situs"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
        help_text=_("Kosong: peringatan untuk seluruh situs Pemerintah Kabupaten Ketapang."),
    )
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices, default=Level.INFORMASI)
    text = models.CharField(
        _("teks"),
        max_length=200,
        help_text=_("Singkat dan jelas, dibaca di layar ponsel (paling banyak 200 huruf)."),
    )
    text_en = models.CharField(
        _("teks dalam bahasa Inggris"),
        max_length=200,
        blank=True,
        help_text=_("Ditampilkan di halaman bahasa Inggris; kosong: teks bahasa Indonesia yang tampil."),
    )
    link = models.URLField(
        _("tautan"), blank=True, help_text=_("Alamat halaman dengan keterangan lengkap (opsional).")
    )
    starts_at = models.DateTimeField(_("mulai tayang"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("berakhir"), help_text=_("Peringatan hilang sendiri dari semua halaman pada waktu ini.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("level"),
        FieldPanel("text"),
        FieldPanel("text_en"),
        FieldPanel("link"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta:
        verbose_name = _("peringatan")
        verbose_name_plural = _("peringatan")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["ends_at"], name="alerts_ends_at")]

    def __str__(self):
        return f"{self.get_level_display()}: {self.text}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Waktu berakhir harus sesudah waktu mulai.")})
        if self.site_id and self.level not in NOTICE_LEVELS:
            raise ValidationError(
                {"level": _("Tingkat darurat hanya untuk peringatan seluruh situs Kabupaten.")}
            )

    @property
    def is_regency_wide(self):
        return self.site_id is None

    def text_in(self, language_code=None):
        """The text in the visitor's language (Indonesian when no English was written)."""
        if (language_code or get_language() or "id").startswith("en") and self.text_en:
            return self.text_en
        return self.text
