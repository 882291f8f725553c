"""The portal's own image and document models, decided before the first migration.

Images carry alt text (Wagtail's ``description``), a caption and the photographer's
credit, as a newsroom needs. Documents carry their UU 14/2008 information class and
their official number and year, as the PPID's Daftar Informasi Publik needs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


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

    def find_existing_renditions(self, *filters):
        """Wagtail's lookup, with renditions found in the cache marked as such.

        Wagtail marks only prefetched renditions, so every rendition read from the cache was
        written back to it (pickled, with its image) on each request that showed it.
        """
        if not filters or self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        Rendition = self.get_rendition_model()
        by_key = {Rendition.construct_cache_key(self, f.get_cache_key(self), f.spec): f for f in filters}
        # One page asks for the same rendition more than once (its share image for the meta
        # tags and again for its JSON-LD): this image remembers what it already found.
        known = self.__dict__.setdefault("_portal_found_renditions", {})
        found = {by_key[key]: known[key] for key in by_key if key in known}
        wanted = [key for key in by_key if key not in known]
        if wanted:
            for key, rendition in Rendition.cache_backend.get_many(wanted).items():
                rendition.image = self
                rendition._from_cache = True
                found[by_key[key]] = known[key] = rendition
        missing = [f for f in filters if f not in found]
        if missing:
            found.update(super().find_existing_renditions(*missing))
        return found

    def get_rendition(self, filter):
        """Wagtail's, without writing back to the cache a rendition that was just read from it."""
        if isinstance(filter, str):
            filter = Filter(spec=filter)
        if not isinstance(filter, Filter):
            return super().get_rendition(filter)  # Wagtail's error for a bad filter
        filter = self.clean_filter_for_svg(filter)
        Rendition = self.get_rendition_model()
        try:
            rendition = self.find_existing_rendition(filter)
        except Rendition.DoesNotExist:
            return super().get_rendition(filter)
        if not getattr(rendition, "_from_cache", False):
            key = Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec)
            Rendition.cache_backend.set(key, rendition)
        return rendition

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

    def clean(self):
        # Wagtail checks the file's extension here. When the upload form has already refused
        # the file (security/uploads.py says why), the document has no file and that check
        # would add a spurious "Ekstensi berkas “” tidak diizinkan" next to the real reason.
        if self.file:
            super().clean()

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
