"""Django's Redis cache backend for the portal: one Redis client per connection pool, and pages
that keep being served from the database while Redis is away.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object for every cache
operation, and redis-py copies its table of about 170 response callbacks into each new client:
on a public page that reads a dozen keys this cost about 2 ms of a 20 ms request. A client is
safe to share (it takes a connection from its pool per command, and the pool starts afresh in a
forked worker), so each pool gets one.

Redis is a cache here: when it cannot be reached, a read finds nothing, a write is dropped and
the page is built from the database (docs/operations.md, "Redis away"). The outage is logged
once per worker when it starts and once when Redis answers again, never per request, and for
``RETRY_AFTER_SECONDS`` after a failure no call waits on Redis at all.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Redis down, restarting, loading its data or too slow to answer: what an outage looks like.
# Any other Redis error (a wrong command, a full Redis that never evicts) is a bug and is raised.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
# After a failure, calls answer "nothing cached" at once for this long: a Redis that does not
# answer (a dead host, not a refused connection) would otherwise cost each call its time-out.
RETRY_AFTER_SECONDS = 1.0


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisOutage:
    """Whether one Redis server (a LOCATION) is away, shared by every alias and thread of a process."""

    _by_location = {}
    _lock = threading.Lock()

    def __init__(self, location):
        self.location = location
        self.away = False
        self.retry_at = 0.0

    @classmethod
    def of(cls, location):
        with cls._lock:
            return cls._by_location.setdefault(location, cls(location))

    def skipping(self):
        """True right after a failure: do not even try Redis yet."""
        return self.away and time.monotonic() < self.retry_at

    def failed(self, error):
        self.retry_at = time.monotonic() + RETRY_AFTER_SECONDS
        if not self.away:
            self.away = True
            logger.warning(
                "Redis %s is unreachable (%s): pages are built without the cache until it answers again",
                self.location,
                error,
            )

    def succeeded(self):
        if self.away:
            self.away = False
            logger.warning("Redis %s answers again: the cache is back in use", self.location)


class PortalRedisCache(RedisCache):
    """Redis cache with a shared client per pool that treats an unreachable Redis as an empty cache.

    Each operation answers as if the key were missing while Redis is away: ``get`` the default,
    ``get_many`` nothing, ``add``/``touch``/``delete``/``has_key`` False, ``incr`` ValueError (the
    key is not there), writes are dropped.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self.outage = RedisOutage.of(server if isinstance(server, str) else ",".join(server))

    def is_unreachable(self):
        """Whether the last call found Redis away (sessions use it to stop retrying at once)."""
        return self.outage.away

    def _tolerant(self, call, fallback):
        if self.outage.skipping():
            return fallback()
        try:
            result = call()
        except OUTAGE_ERRORS as error:
            self.outage.failed(error)
            return fallback()
        self.outage.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(
            lambda: super(PortalRedisCache, self).add(key, value, timeout, version), lambda: False
        )

    def get(self, key, default=None, version=None):
        return self._tolerant(
            lambda: super(PortalRedisCache, self).get(key, default, version), lambda: default
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(
            lambda: super(PortalRedisCache, self).set(key, value, timeout, version), lambda: None
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(
            lambda: super(PortalRedisCache, self).touch(key, timeout, version), lambda: False
        )

    def delete(self, key, version=None):
        return self._tolerant(lambda: super(PortalRedisCache, self).delete(key, version), lambda: False)

    def get_many(self, keys, version=None):
        return self._tolerant(lambda: super(PortalRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key, version=None):
        return self._tolerant(lambda: super(PortalRedisCache, self).has_key(key, version), lambda: False)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (Redis is unreachable).")

        return self._tolerant(lambda: super(PortalRedisCache, self).incr(key, delta, version), missing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that could not be stored: all of them.
        return self._tolerant(
            lambda: super(PortalRedisCache, self).set_many(data, timeout, version), lambda: list(data)
        )

    def delete_many(self, keys, version=None):
        return self._tolerant(lambda: super(PortalRedisCache, self).delete_many(keys, version), lambda: None)

    def clear(self):
        return self._tolerant(lambda: super(PortalRedisCache, self).clear(), lambda: False)
