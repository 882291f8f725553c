"""What the WordPress import remembers, so that running it again changes nothing."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
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


def import_storage():
    """Exports hold drafts, private posts and authors' e-mails: kept outside the public media."""
    return FileSystemStorage(location=settings.PORTAL_WORDPRESS_IMPORT_ROOT)


class ImportRun(models.Model):
    """One import started in the admin (*Pengaturan → Impor WordPress*): the uploaded export,
    its dry-run report, the background task's progress and the final report."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Sedang diperiksa (uji coba)")
        CHECKED = "checked", _("Siap diimpor")
        QUEUED = "queued", _("Menunggu giliran")
        RUNNING = "running", _("Sedang diimpor")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    opd = models.ForeignKey("opd.OPD", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    export = models.FileField(_("berkas ekspor"), storage=import_storage, upload_to="ekspor/")
    uploads_zip = models.FileField(
        _("zip unggahan"), storage=import_storage, upload_to="unggahan/", blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CHECKING)
    phase = models.CharField(max_length=20, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    dry_run_report = models.TextField(blank=True)
    report = models.TextField(blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor WordPress")
        verbose_name_plural = _("impor WordPress")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.opd} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def working(self):
        return self.status in (self.Status.CHECKING, self.Status.QUEUED, self.Status.RUNNING)
