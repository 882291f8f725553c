"""What the WordPress import remembers, so that running it again changes nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One WordPress item (post, page or attachment) imported into one site, keyed by its
    WordPress id: the page, image or document it became and the digest of its source."""

    class Kind(models.TextChoices):
        POST = "post", _("berita")
        PAGE = "page", _("halaman")
        ATTACHMENT = "attachment", _("lampiran")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    wp_id = models.PositiveBigIntegerField(_("ID WordPress"))
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "media_library.PortalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "media_library.PortalDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The revision the import wrote: a newer one means the page was edited in the portal.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_path = models.CharField(_("alamat lama"), max_length=500, blank=True)
    digest = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("diimpor"), auto_now=True)

    class Meta:
        verbose_name = _("butir impor WordPress")
        verbose_name_plural = _("butir impor WordPress")
        constraints = [models.UniqueConstraint(fields=["site", "wp_id"], name="wordpress_item_once_per_site")]
        indexes = [models.Index(fields=["site", "source_path"])]

    def __str__(self):
        return f"{self.kind} #{self.wp_id}"
