"""The portal's own image and document models, decided before the first migration.

Images carry alt text (Wagtail's ``description``), a caption and the photographer's
credit, as a newsroom needs. Documents carry their UU 14/2008 information class and
their official number and year, as the PPID's Daftar Informasi Publik needs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """A photo in an OPD's collection, with the alt text, caption and credit it is shown with."""

    caption = models.CharField(
        _("keterangan foto"),
        max_length=255,
        blank=True,
        help_text=_("Keterangan yang tampil di bawah foto."),
    )
    credit = models.CharField(
        _("fotografer / sumber"),
        max_length=255,
        blank=True,
        help_text=_("Nama fotografer atau sumber foto, misalnya 'Tim Peliput Diskominfo'."),
    )

    admin_form_fields = (
        *Image.admin_form_fields[:3],  # title, file, description (the alt text)
        "caption",
        "credit",
        *Image.admin_form_fields[3:],
    )

    @property
    def default_alt_text(self):
        return self.description or self.title

    class Meta(AbstractImage.Meta):
        verbose_name = _("gambar")
        verbose_name_plural = _("gambar")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class InformationClass(models.TextChoices):
    """The classes of public information under UU 14/2008."""

    BERKALA = "berkala", _("Informasi Berkala (Pasal 9)")
    SERTA_MERTA = "serta_merta", _("Informasi Serta-merta (Pasal 10)")
    SETIAP_SAAT = "setiap_saat", _("Informasi Tersedia Setiap Saat (Pasal 11)")
    DIKECUALIKAN = "dikecualikan", _("Informasi Dikecualikan (Pasal 17)")


class PortalDocument(AbstractDocument):
    """A document in an OPD's collection with its official identity and information class."""

    information_class = models.CharField(
        _("klasifikasi informasi"),
        max_length=20,
        choices=InformationClass.choices,
        blank=True,
        help_text=_("Klasifikasi menurut UU 14/2008 untuk Daftar Informasi Publik."),
    )
    number = models.CharField(
        _("nomor"), max_length=100, blank=True, help_text=_("Nomor dokumen, misalnya '12 Tahun 2024'.")
    )
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)

    admin_form_fields = (*Document.admin_form_fields, "information_class", "number", "year")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
