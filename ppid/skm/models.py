"""Survey periods and responses of the Survei Kepuasan Masyarakat, one set per OPD.

A response belongs to the OPD whose site took it and to the period open there at that
moment; it holds the nine answers, the optional respondent profile (never a name or NIK)
and an optional suggestion with its follow-up (tindak lanjut).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import scoring


class AgeBand(models.TextChoices):
    UNDER_20 = "<20", _("di bawah 20 tahun")
    FROM_20 = "20-29", _("20–29 tahun")
    FROM_30 = "30-39", _("30–39 tahun")
    FROM_40 = "40-49", _("40–49 tahun")
    FROM_50 = "50-59", _("50–59 tahun")
    FROM_60 = "60+", _("60 tahun ke atas")


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    DIPLOMA = "diploma", _("D1/D2/D3/D4")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2 ke atas")


class Occupation(models.TextChoices):
    PNS = "pns", _("PNS/ASN")
    TNI_POLRI = "tni-polri", _("TNI/Polri")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRAUSAHA = "wirausaha", _("Wirausaha")
    PELAJAR = "pelajar", _("Pelajar/mahasiswa")
    LAINNYA = "lainnya", _("Lainnya")


PROFILE_FIELDS = {
    "age_band": AgeBand,
    "sex": Sex,
    "education": Education,
    "occupation": Occupation,
}


class SurveyPeriodQuerySet(models.QuerySet):
    def open_for(self, opd, now=None):
        """The OPD's open period whose dates hold today, or None."""
        today = timezone.localdate(now)
        return (
            self.filter(opd=opd, closed_at=None, start__lte=today, end__gte=today).order_by("-start").first()
        )

    def published(self):
        return self.exclude(closed_at=None)


class SurveyPeriod(models.Model):
    """A survey period (semester or year) of one OPD, opened and closed by its Web Administrator;
    a closed period's result is published."""

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="survey_periods")
    name = models.CharField(_("nama periode"), max_length=100, help_text=_("Misalnya: Semester I 2026."))
    start = models.DateField(_("mulai"))
    end = models.DateField(_("selesai"))
    minimum_sample = models.PositiveIntegerField(
        _("sampel minimum"),
        default=0,
        help_text=_(
            "Jumlah responden minimum yang ditetapkan OPD (misalnya menurut tabel Krejcie dan Morgan)."
        ),
    )
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)

    objects = SurveyPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("periode survei")
        verbose_name_plural = _("periode survei")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="skm_period_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.opd})"

    @property
    def is_closed(self):
        return self.closed_at is not None

    def result(self, service=None):
        return result_of(self.responses.all() if service is None else self.responses.filter(service=service))


def result_of(responses):
    """The index of a queryset of responses, computed in one aggregate query."""
    totals = responses.aggregate(respondents=Count("pk"), **{field: Sum(field) for field in scoring.FIELDS})
    respondents = totals.pop("respondents")
    return scoring.compute([totals[field] or 0 for field in scoring.FIELDS], respondents)


def results_by_period(periods):
    """{period id: result} for many periods in one grouped query (no response: no index)."""
    ids = [period.pk for period in periods]
    rows = (
        SurveyResponse.objects.filter(period__in=ids)
        .values("period")
        .annotate(respondents=Count("pk"), **{field: Sum(field) for field in scoring.FIELDS})
    )
    found = {
        row["period"]: scoring.compute([row[f] for f in scoring.FIELDS], row["respondents"]) for row in rows
    }
    empty = scoring.compute([0] * len(scoring.FIELDS), 0)
    return {pk: found.get(pk, empty) for pk in ids}


ANSWER_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class SurveyResponse(models.Model):
    """One respondent's answers in one period of one OPD."""

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="survey_responses")
    period = models.ForeignKey(SurveyPeriod, on_delete=models.CASCADE, related_name="responses")
    service = models.ForeignKey(
        "ppid.StandarPelayananPage",
        verbose_name=_("jenis layanan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_title = models.CharField(_("jenis layanan"), max_length=255, blank=True)
    submitted_at = models.DateTimeField(_("diisi pada"), default=timezone.now, db_index=True)
    u1 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u2 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u3 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u4 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u5 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u6 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u7 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u8 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    u9 = models.PositiveSmallIntegerField(validators=ANSWER_VALIDATORS)
    age_band = models.CharField(_("umur"), max_length=8, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=10, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=12, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("saran dan masukan"), blank=True, max_length=2000)
    # Free text passes the integrity scanner first; what it holds back nobody reads in the admin.
    suggestion_held = models.BooleanField(_("ditahan pemindai"), default=False)
    followed_up_at = models.DateTimeField(_("ditindaklanjuti pada"), null=True, blank=True)
    follow_up_note = models.TextField(_("catatan tindak lanjut"), blank=True)

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 4}), name=f"skm_{field}_1_to_4"
            )
            for field in scoring.FIELDS
        ]

    def __str__(self):
        return f"{self.opd} · {self.submitted_at:%Y-%m-%d}"

    @property
    def answers(self):
        return tuple(getattr(self, field) for field in scoring.FIELDS)
