"""Alerts for the tests, and the sites they show on."""

import datetime

from django.utils import timezone

from home.alerts.models import Alert, Level

WIB = timezone.get_fixed_timezone(7 * 60)
PORTAL = "ketapangkab.localhost"
DINKES = "dinkes.ketapangkab.localhost"
DISPAR = "dispar.ketapangkab.localhost"


def wib(*args):
    return datetime.datetime(*args, tzinfo=WIB)


def make_alert(site=None, level=Level.DARURAT, text="Banjir Sungai Pawan", hours=6, starts_at=None, **fields):
    starts_at = starts_at or timezone.now()
    return Alert.objects.create(
        site=site,
        level=level,
        text=text,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        **fields,
    )
