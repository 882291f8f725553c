"""Abuse of the public forms: a honeypot field and a per-address rate limit in the cache.

No outside CAPTCHA: a bot that fills the hidden field is refused, and one address may
send at most ``PORTAL_PPID_RATE_LIMIT`` submissions per ``PORTAL_PPID_RATE_WINDOW`` seconds.
"""

from django.conf import settings
from django.core.cache import cache

from security.client_ip import client_ip

HONEYPOT_FIELD = "website"


def _key(request, form_name):
    return f"ppid-rate:{form_name}:{client_ip(request) or 'unknown'}"


def limit():
    return getattr(settings, "PORTAL_PPID_RATE_LIMIT", 5), getattr(settings, "PORTAL_PPID_RATE_WINDOW", 3600)


def is_rate_limited(request, form_name):
    """Whether this address has used up its submissions for now."""
    allowed, _window = limit()
    return cache.get(_key(request, form_name), 0) >= allowed


def count_submission(request, form_name):
    """Count one stored submission against the address."""
    _allowed, window = limit()
    key = _key(request, form_name)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
