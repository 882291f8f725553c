"""The alerts a page shows now, read from each worker's memory.

Every page of every site asks, so the rows are kept per worker (``kept_per_worker``) for the
public content version, which saving or deleting an alert bumps (``changes.alert_changed``):
no query per page. Whether an alert shows is decided at each request from its start and end
time, so a banner appears and disappears on time without anyone acting.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language

from portal.core.performance import kept_per_worker
from portal.core.site_settings import current_version

from .models import Level

# Highest level first on the page.
ORDER = {Level.DARURAT: 0, Level.WASPADA: 1, Level.INFORMASI: 2}
# Alerts ended less than this long ago are still read: their end time is a change of the page
# (Last-Modified) for visitors holding a copy from before it.
RECENT = datetime.timedelta(days=1)

_kept = kept_per_worker()


@dataclass(frozen=True)
class ShownAlert:
    """One alert as the public sees it (immutable: every request reads the same instance)."""

    pk: int
    site_id: int | None
    level: str
    text: str
    text_en: str
    link: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    updated_at: datetime.datetime

    @property
    def regency_wide(self):
        return self.site_id is None

    @property
    def is_darurat(self):
        return self.level == Level.DARURAT

    @property
    def level_label(self):
        return Level(self.level).label

    def text_in(self, language_code=None):
        if (language_code or get_language() or "id").startswith("en") and self.text_en:
            return self.text_en
        return self.text

    def is_active(self, now):
        return self.starts_at <= now < self.ends_at


def _read():
    from .models import Alert

    rows = Alert.objects.filter(ends_at__gt=timezone.now() - RECENT).values_list(
        "pk", "site_id", "level", "text", "text_en", "link", "starts_at", "ends_at", "updated_at"
    )
    return tuple(ShownAlert(*row) for row in rows)


def kept_alerts():
    """Every alert not long ended, for every site (one query per worker and version)."""
    return _kept.at((current_version(), timezone.localdate())).kept("alerts", _read)


def concerning(site_id):
    """The alerts that concern one site: the regency-wide ones and the site's own."""
    return [alert for alert in kept_alerts() if alert.site_id is None or alert.site_id == site_id]


def shown_on(site_id, now=None):
    """The alerts a page of the site shows now: regency-wide before the OPD's own notice,
    the highest level first."""
    now = now or timezone.now()
    active = [alert for alert in concerning(site_id) if alert.is_active(now)]
    return sorted(active, key=lambda a: (a.site_id is not None, ORDER[a.level], -a.starts_at.timestamp()))


def next_change(site_id, now=None):
    """When the site's banner next changes by itself (an alert starts or ends), or None."""
    now = now or timezone.now()
    moments = [
        moment for alert in concerning(site_id) for moment in (alert.starts_at, alert.ends_at) if moment > now
    ]
    return min(moments, default=None)


def last_change(site_id, now=None):
    """When the site's banner last changed (saved, started or ended), or None."""
    now = now or timezone.now()
    moments = [
        moment
        for alert in concerning(site_id)
        for moment in (alert.updated_at, alert.starts_at, alert.ends_at)
        if moment <= now
    ]
    return max(moments, default=None)
