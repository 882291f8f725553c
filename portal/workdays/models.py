"""Days the government offices are closed beyond weekends and national holidays."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NonWorkingDay(models.Model):
    """A cuti bersama, a regional holiday, or a national holiday the library does not know yet.

    Maintained by the Web Developer; national public holidays come from the ``holidays``
    package as well, so only what it lacks needs entering here.
    """

    class Kind(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        LIBUR_NASIONAL = "libur_nasional", _("Libur nasional")
        LIBUR_DAERAH = "libur_daerah", _("Libur daerah")

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("keterangan"), max_length=255)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.CUTI_BERSAMA)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur dan cuti bersama")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"
