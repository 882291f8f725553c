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

    def purge_host(self, root_url):
        """Drop every cached page of one host (portal.vcl bans the host on this header)."""
        parts = urlsplit(root_url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""]),
            headers={
                "Host": host,
                "X-Portal-Purge": "host",
                "User-Agent": f"Wagtail-frontendcache/{__version__}",
            },
        )
        return self._send(request, root_url)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        return self._send(request, url)

    def _send(self, request, url):
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 - LOCATION comes from settings
        except HTTPError as error:
            logger.error("Couldn't purge %r from Varnish: HTTP %s %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge %r: Varnish at %s unreachable (%s)", url, self.cache_netloc, error)
            return False
        return True
