"""Abuse of the public forms: a honeypot field and rate limits kept in the cache.

No outside CAPTCHA: a bot that fills the hidden field is refused, and only *stored*
submissions count against two limits, both per OPD (a citizen writing to two OPDs is two
separate allowances):

- per client address: ``PORTAL_PPID_RATE_LIMIT`` per ``PORTAL_PPID_RATE_WINDOW`` seconds.
  Mobile carriers put many people behind one address (carrier-grade NAT), so this limit is
  sized for a shared address and only stops floods;
- per NIK: ``PORTAL_PPID_NIK_LIMIT`` per ``PORTAL_PPID_NIK_WINDOW`` seconds, which is what
  holds one person (or one stolen NIK) back.

A form refused for a typing mistake stores nothing and costs nothing. Windows are fixed and
aligned to local time (WIB), so the time at which a refused citizen may try again is exact.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.security.client_ip import client_ip

HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class Limit:
    """At most ``allowed`` stored submissions per ``window`` seconds for one counted thing."""

    allowed: int
    window: int


def address_limit():
    return Limit(settings.PORTAL_PPID_RATE_LIMIT, settings.PORTAL_PPID_RATE_WINDOW)


def nik_limit():
    return Limit(settings.PORTAL_PPID_NIK_LIMIT, settings.PORTAL_PPID_NIK_WINDOW)


@dataclass(frozen=True)
class Counter:
    """One cache counter: a form, an OPD, what is counted (address or NIK) and its limit."""

    key: str
    limit: Limit
    counts: str  # "address" or "nik": what the refusal message names

    def _window(self, now):
        """The (start, end) of the window holding ``now``: windows restart at local midnight,
        so a daily limit renews at 00:00 WIB and an hourly one on the hour."""
        local = timezone.localtime(now)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        elapsed = int((local - midnight).total_seconds())
        start = midnight + timedelta(seconds=elapsed - elapsed % self.limit.window)
        return start, min(start + timedelta(seconds=self.limit.window), midnight + timedelta(days=1))

    def _window_start(self, now):
        return self._window(now)[0]

    def _bucket(self, now):
        return f"{self.key}:{int(self._window_start(now).timestamp())}"

    def retry_at(self, now=None):
        """When the current window ends and the counter starts again from zero."""
        return self._window(now or timezone.now())[1]

    def used_up(self, now=None):
        return cache.get(self._bucket(now or timezone.now()), 0) >= self.limit.allowed

    def count(self, now=None):
        """Count one stored submission."""
        bucket = self._bucket(now or timezone.now())
        # The bucket outlives its window a little so that a clock step cannot revive it early.
        timeout = self.limit.window + 60
        if cache.add(bucket, 1, timeout=timeout):
            return
        try:
            cache.incr(bucket)
        except ValueError:  # expired between add and incr
            cache.set(bucket, 1, timeout=timeout)


def address_counter(request, form_name, opd):
    """The counter of this client address for this form at this OPD."""
    address = client_ip(request) or "unknown"
    return Counter(f"ppid-rate:{form_name}:{opd.pk}:addr:{address}", address_limit(), "address")


def nik_counter(nik, form_name, opd):
    """The counter of this NIK for this form at this OPD (the NIK itself never reaches the cache)."""
    digest = salted_hmac("ppid-rate-nik", nik).hexdigest()[:32]
    return Counter(f"ppid-rate:{form_name}:{opd.pk}:nik:{digest}", nik_limit(), "nik")


def first_used_up(counters, now=None):
    """The first counter with no submissions left, or None when all allow one more."""
    return next((counter for counter in counters if counter.used_up(now)), None)


def count_stored(counters, now=None):
    for counter in counters:
        counter.count(now)


def retry_after_seconds(counter, now=None):
    """Whole seconds until ``counter`` allows again, for the Retry-After header (at least 1)."""
    now = now or timezone.now()
    remaining = (counter.retry_at(now) - now).total_seconds()
    return max(1, int(remaining + 0.999))
