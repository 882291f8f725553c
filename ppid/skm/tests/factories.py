"""SKM test objects: an OPD's open period, a Standar Pelayanan to rate, and form data."""

from datetime import timedelta

from django.utils import timezone

from ppid.models import PPIDPage, StandarPelayananPage
from ppid.skm import scoring
from ppid.skm.models import SurveyPeriod, SurveyResponse
from tests.content import publish


def open_period(opd, name="Semester II 2026", minimum_sample=0):
    today = timezone.localdate()
    return SurveyPeriod.objects.create(
        opd=opd,
        name=name,
        start=today - timedelta(days=30),
        end=today + timedelta(days=30),
        minimum_sample=minimum_sample,
    )


def service(opd, title="Penerbitan Surat Keterangan Sehat"):
    ppid = PPIDPage.objects.child_of(opd.site.root_page).get()
    existing = StandarPelayananPage.objects.child_of(ppid).filter(title=title).first()
    return existing or publish(
        ppid, StandarPelayananPage(title=title, slug=title.lower().replace(" ", "-")[:50])
    )


def form_data(answers=(4, 3, 3, 4, 3, 3, 4, 3, 3), **overrides):
    data = {field: str(value) for field, value in zip(scoring.FIELDS, answers, strict=True)}
    data.update(
        {"age_band": "30-39", "sex": "P", "education": "s1", "occupation": "swasta", "suggestion": ""}
    )
    data.update(overrides)
    return data


def respond(period, answers, service_page=None, **fields):
    """A stored response as the form would store it."""
    return SurveyResponse.objects.create(
        opd=period.opd,
        period=period,
        service=service_page,
        service_title=service_page.title if service_page else "",
        **dict(zip(scoring.FIELDS, answers, strict=True)),
        **fields,
    )
