"""ALLOWED_HOSTS derived from the Wagtail sites, checked per request.

Settings load before the database can be read, so production sets Django's ALLOWED_HOSTS to
["*"] and this middleware, first in the chain, refuses any Host that is neither a Wagtail
Site's hostname nor one of the extras in DJANGO_ALLOWED_HOSTS. A new OPD site is accepted as
soon as it is saved: the hostname list is cached and dropped whenever a Site changes.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port, validate_host

CACHE_KEY = "portal:site-hostnames"
CACHE_SECONDS = 300


def site_hostnames():
    """Every hostname a Wagtail Site answers to (lower case), cached."""
    from portal.core.performance import remember_shared_value, shared_value

    hostnames = shared_value(CACHE_KEY)
    if hostnames is None:
        from wagtail.models import Site

        hostnames = sorted({hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)})
        cache.set(CACHE_KEY, hostnames, CACHE_SECONDS)
        remember_shared_value(CACHE_KEY, hostnames)
    return hostnames


def allowed_hosts():
    """The hosts this install serves: Site hostnames plus the configured extras."""
    return [*site_hostnames(), *settings.PORTAL_EXTRA_ALLOWED_HOSTS]


def forget_site_hostnames(**kwargs):
    """Drop the list now (this process) and again once the change is committed: a worker that
    re-read the sites in between read the old ones."""
    from django.db import transaction

    _drop_site_hostnames()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_drop_site_hostnames)


def _drop_site_hostnames():
    from portal.core.performance import remember_shared_value

    cache.delete(CACHE_KEY)
    remember_shared_value(CACHE_KEY, None)


def connect_signals():
    from wagtail.models import Site

    post_save.connect(forget_site_hostnames, sender=Site, dispatch_uid="portal-site-hostnames-save")
    post_delete.connect(forget_site_hostnames, sender=Site, dispatch_uid="portal-site-hostnames-delete")


class SiteHostsMiddleware:
    """Refuse (400, logged as DisallowedHost) a request for a host we do not serve.

    Only active when PORTAL_ALLOWED_HOSTS_FROM_SITES is on (production). The health check is
    exempt: a load balancer probes it by address, not by site name.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PORTAL_ALLOWED_HOSTS_FROM_SITES and request.path_info != "/healthz/":
            raw_host = request._get_raw_host()
            domain, _port = split_domain_port(raw_host)
            if not domain or not validate_host(domain, allowed_hosts()):
                raise DisallowedHost(f"Host {raw_host!r} is not a site of this portal.")
        return self.get_response(request)
