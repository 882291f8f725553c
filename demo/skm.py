"""Demo Survei Kepuasan Masyarakat per OPD: last semester closed with its published result and
the current semester open for responses (the citizen journey answers it)."""

import random
from datetime import date, datetime, time

from django.utils import timezone

from ppid.models import StandarPelayananPage
from ppid.skm import scoring
from ppid.skm.models import AgeBand, Education, Occupation, Sex, SurveyPeriod, SurveyResponse

SUGGESTIONS = [
    "Ruang tunggu perlu kipas angin tambahan.",
    "Petugas ramah, tetapi antrean pagi panjang.",
    "Mohon informasi persyaratan dipasang di papan depan.",
    "",
    "",
]


def semesters(today):
    """(previous, current) semesters as (name, start, end)."""
    if today.month <= 6:
        return (
            (f"Semester II {today.year - 1}", date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)),
            (f"Semester I {today.year}", date(today.year, 1, 1), date(today.year, 6, 30)),
        )
    return (
        (f"Semester I {today.year}", date(today.year, 1, 1), date(today.year, 6, 30)),
        (f"Semester II {today.year}", date(today.year, 7, 1), date(today.year, 12, 31)),
    )


def seed_skm(opd, respondents=30):
    """The OPD's survey periods and last semester's responses; False when already there."""
    if SurveyPeriod.objects.filter(opd=opd).exists():
        return False
    (old_name, old_start, old_end), (name, start, end) = semesters(timezone.localdate())
    tz = timezone.get_current_timezone()
    closed = SurveyPeriod.objects.create(
        opd=opd,
        name=old_name,
        start=old_start,
        end=old_end,
        minimum_sample=respondents,
        closed_at=datetime.combine(old_end, time(16), tzinfo=tz),
    )
    SurveyPeriod.objects.create(opd=opd, name=name, start=start, end=end, minimum_sample=respondents)
    service = StandarPelayananPage.objects.descendant_of(opd.site.root_page).live().first()
    chance = random.Random(opd.slug)  # noqa: S311  (demo data, the same on every run)
    for number in range(respondents):
        answers = [chance.choices((2, 3, 4), weights=(1, 5, 3))[0] for _ in scoring.UNSUR]
        SurveyResponse.objects.create(
            opd=opd,
            period=closed,
            service=service,
            service_title=service.title if service else "",
            submitted_at=datetime.combine(old_start, time(9), tzinfo=tz)
            + (old_end - old_start) * number / respondents,
            **dict(zip(scoring.FIELDS, answers, strict=True)),
            age_band=chance.choice(AgeBand.values),
            sex=chance.choice(Sex.values),
            education=chance.choice(Education.values),
            occupation=chance.choice(Occupation.values),
            suggestion=SUGGESTIONS[number % len(SUGGESTIONS)],
        )
    return True
