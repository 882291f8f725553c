"""Wagtail's frontend-cache HTTP backend with a time-out, for Varnish."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class VarnishBackend(HTTPBackend):
    """Send PURGE for one URL to one Varnish, giving up after TIMEOUT seconds (default 2).

    Wagtail's HTTPBackend waits forever on a Varnish that does not answer, which would hang a
    publish. purge() returns False when Varnish could not be reached, so the caller can stop
    trying it and leave the rest to the task queue.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 - LOCATION comes from settings
        except HTTPError as error:
            logger.error("Couldn't purge %r from Varnish: HTTP %s %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge %r: Varnish at %s unreachable (%s)", url, self.cache_netloc, error)
            return False
        return True
