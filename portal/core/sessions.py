"""Sessions in Redis (production's SESSION_ENGINE) that turn a Redis outage into "logged out", never a 500.

Django's cache session store cannot tell a full cache from an absent one: while Redis is away
it would try 10,000 session keys before failing a login, and a changed session would end the
request with SessionInterrupted. Here a session that cannot be stored while Redis is away
(portal.core.cache.PortalRedisCache.is_unreachable) is simply not stored: the visitor is anonymous
until Redis answers again, as documented in docs/operations.md ("Redis away").
"""

from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore


class SessionStore(CacheSessionStore):
    """Django's cache session store, giving up quietly when Redis is unreachable."""

    def save(self, must_create=False):
        try:
            super().save(must_create)
        except (CreateError, UpdateError):
            if self._redis_unreachable():
                return
            raise

    def _redis_unreachable(self):
        is_unreachable = getattr(self._cache, "is_unreachable", None)
        return bool(is_unreachable and is_unreachable())
