"""Permohonan informasi and keberatan: what a citizen asks an OPD's PPID, and its legal clock.

Identity data (name, NIK, address, contacts) lives only in ``InformationRequest`` and is
shown only to the OPD's PPID group; the public tracking page and the reports read the
status and dates alone. ``purge_identity`` blanks it after the retention period.
"""

import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NIK_VALIDATOR = RegexValidator(r"^\d{16}$", _("NIK harus terdiri atas 16 angka."))

# What a citizen may write: enough for a real request, not a dump.
MAX_TEXT = 2000


def new_token():
    """An unguessable tracking token (192 bits)."""
    return secrets.token_urlsafe(24)


class DeliveryMethod(models.TextChoices):
    AMBIL = "ambil", _("Mengambil langsung di kantor")
    SUREL = "surel", _("Surel (e-mail)")
    POS = "pos", _("Pos / kurir")
    SALINAN_CETAK = "cetak", _("Salinan tercetak (hardcopy)")


class RequestStatus(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DIPROSES = "diproses", _("Diproses")
    DIPERPANJANG = "diperpanjang", _("Diperpanjang")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")


OPEN_STATUSES = (RequestStatus.DITERIMA, RequestStatus.DIPROSES, RequestStatus.DIPERPANJANG)
CLOSED_STATUSES = (RequestStatus.SELESAI, RequestStatus.DITOLAK)


class InformationRequest(models.Model):
    """One permohonan informasi to one OPD, from receipt to answer (UU 14/2008 art. 22)."""

    opd = models.ForeignKey("opd.OPD", on_delete=models.PROTECT, related_name="information_requests")
    number = models.CharField(_("nomor registrasi"), max_length=40, unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    # Identity: the PPID group only; purged after PORTAL_PPID_RETENTION_DAYS.
    name = models.CharField(_("nama lengkap"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, validators=[NIK_VALIDATOR])
    address = models.TextField(_("alamat"), max_length=500)
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon / WhatsApp"), max_length=30, blank=True)
    identity_purged_at = models.DateTimeField(_("data identitas dihapus"), null=True, blank=True)

    information = models.TextField(_("rincian informasi yang dibutuhkan"), max_length=MAX_TEXT)
    purpose = models.TextField(_("tujuan penggunaan informasi"), max_length=MAX_TEXT)
    delivery = models.CharField(
        _("cara mendapatkan informasi"), max_length=10, choices=DeliveryMethod.choices
    )

    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DITERIMA
    )
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    due_date = models.DateField(_("batas waktu"))
    extended = models.BooleanField(_("diperpanjang"), default=False)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    answer = models.TextField(_("jawaban / pemberitahuan tertulis"), blank=True)
    rejection_basis = models.TextField(
        _("dasar pengecualian"),
        blank=True,
        help_text=_(
            "Pasal UU 14/2008 (Pasal 17 huruf ...) dan uji konsekuensi yang menjadi dasar penolakan."
        ),
    )
    closed_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-received_at"]

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_late(self):
        """Answered after its deadline, or still open past it."""
        if self.closed_at:
            return timezone.localtime(self.closed_at).date() > self.due_date
        return timezone.localdate() > self.due_date

    @property
    def response_days(self):
        """Calendar days from receipt to answer (for the service report's median)."""
        if not self.closed_at:
            return None
        return (timezone.localtime(self.closed_at).date() - timezone.localtime(self.received_at).date()).days

    def purge_identity(self):
        self.name = ""
        self.nik = ""
        self.address = ""
        self.email = ""
        self.phone = ""
        self.identity_purged_at = timezone.now()


class RequestEvent(models.Model):
    """One step of a request or objection (who, when, which status): its audit trail."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")
    objection = models.ForeignKey(
        "Objection", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    status = models.CharField(_("status"), max_length=20)
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request} {self.status}"


class ObjectionReason(models.TextChoices):
    """The grounds of UU 14/2008 art. 35(1)."""

    DITOLAK = "a", _("Permohonan ditolak berdasarkan alasan pengecualian (Pasal 17)")
    BERKALA_TIDAK_DISEDIAKAN = "b", _("Informasi berkala tidak disediakan")
    TIDAK_DITANGGAPI = "c", _("Permohonan tidak ditanggapi")
    TIDAK_SESUAI = "d", _("Permohonan ditanggapi tidak sebagaimana yang diminta")
    TIDAK_DIPENUHI = "e", _("Permohonan tidak dipenuhi")
    BIAYA = "f", _("Pengenaan biaya yang tidak wajar")
    TERLAMBAT = "g", _("Penyampaian informasi melebihi jangka waktu")


class ObjectionStatus(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DIPROSES = "diproses", _("Diproses")
    SELESAI = "selesai", _("Selesai")


class Objection(models.Model):
    """A keberatan against the answer (or silence) on one request, to the PPID's superior."""

    request = models.ForeignKey(InformationRequest, on_delete=models.PROTECT, related_name="objections")
    number = models.CharField(_("nomor keberatan"), max_length=40, unique=True)
    reason = models.CharField(_("alasan keberatan"), max_length=1, choices=ObjectionReason.choices)
    explanation = models.TextField(_("uraian keberatan"), max_length=MAX_TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=ObjectionStatus.choices, default=ObjectionStatus.DITERIMA
    )
    filed_at = models.DateTimeField(_("diajukan"), default=timezone.now)
    due_date = models.DateField(_("batas waktu tanggapan"))
    answer = models.TextField(_("tanggapan atasan PPID"), blank=True)
    closed_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-filed_at"]

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.status != ObjectionStatus.SELESAI


class StaleNotice(models.Model):
    """A stale Berkala entry already mailed to its OPD's Web Administrators (once per version)."""

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    notified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["opd", "key"], name="one_stale_notice_per_version")]

    def __str__(self):
        return self.key
