"""Purge a page and the listings that show it from Varnish when it is published or unpublished.

Wagtail's own frontend_cache handler purges the page itself through the task queue. This adds
what a visitor also sees change: every live ancestor (the news index, the OPD's home page),
the page in its other languages (their language switcher links to it),
the regency portal's home page (which aggregates the OPDs), and the per-site paths in
PORTAL_PURGE_SITE_PATHS (sitemap, feeds). A listing page that serves extra routes (a feed,
a category) declares them in its get_cached_paths(), the standard Wagtail way, and they are
purged with it. The purge is sent as soon as the publishing transaction commits, so the
next visitor sees the change at once; a Varnish that cannot be reached is retried through
the task queue.
"""

import logging
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)
_bulk = threading.local()


def site_urls(root_url):
    """The configured site-wide paths of one site, for every language prefix."""
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return [f"{root_url}{prefix}{path}" for prefix in prefixes for path in settings.PORTAL_PURGE_SITE_PATHS]


def urls_to_purge(page):
    """Every URL whose cached copy may show this page: itself, its listings, the portal home."""
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live())
    # Its other languages: their switcher and hreflang links point at it once it is live.
    batch.add_pages(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).live())
    root_urls = set()
    url_parts = page.get_url_parts()
    if url_parts:
        root_urls.add(url_parts[1])
    portal = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if portal is not None:
        batch.add_pages(Page.objects.filter(translation_key=portal.root_page.translation_key).live())
        root_urls.add(portal.root_url)
    for root_url in root_urls:
        batch.add_urls(site_urls(root_url))
    return list(dict.fromkeys(batch.urls))


def purge_now(urls):
    """PURGE each URL on every configured Varnish now; queue what could not be sent."""
    for name, backend in get_backends().items():
        pending = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        for index, url in enumerate(pending):
            if backend.purge(url) is False:
                purge_urls_from_cache_task.enqueue(pending[index:], None, [name])
                break


def purge_sites(sites):
    """Drop every cached page of these sites once the transaction commits: something shown on
    every page changed (the alert banner, home/alerts)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    root_urls = [site.root_url for site in sites]
    logger.info("Purging every page of %d sites", len(root_urls))
    transaction.on_commit(lambda: purge_hosts_now(root_urls))


@contextmanager
def purges_per_site():
    """A bulk job that publishes thousands of pages (the WordPress import) purges every page
    of each site it touched, and the regency portal that aggregates them, once at the end,
    instead of a dozen URLs after each page (for 10,000 pages: a handful of PURGE requests
    instead of 200,000). Only this thread's publications are gathered."""
    if getattr(_bulk, "sites", None) is not None:
        yield
        return
    touched = _bulk.sites = set()
    try:
        yield
    finally:
        _bulk.sites = None
        touched.discard(None)
        if touched:
            purge_sites(touched | set(Site.objects.filter(is_default_site=True)))


def purge_hosts_now(root_urls, backend_names=None, retry=True):
    """Ask every configured Varnish to drop all it keeps for each site's host; a Varnish that
    cannot be reached gets the rest through the task queue (once).

    A backend that cannot drop a whole host (not ours) is sent each site's home page and
    site-wide paths instead; the rest then expires by itself (s-maxage).
    """
    for name, backend in get_backends(backends=backend_names).items():
        pending = [url for url in root_urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        purge_host = getattr(backend, "purge_host", None)
        for index, root_url in enumerate(pending):
            if purge_host is None:
                backend.purge_batch([f"{root_url}/", *site_urls(root_url)])
            elif purge_host(root_url) is False:
                if retry:
                    from .tasks import purge_hosts_task

                    purge_hosts_task.enqueue(pending[index:], [name])
                else:
                    logger.error(
                        "Varnish %s unreachable: %d sites keep their pages", name, len(pending) - index
                    )
                break


def on_publish_change(sender, instance, **kwargs):
    """page_published / page_unpublished: purge once the change is committed."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    touched = getattr(_bulk, "sites", None)
    if touched is not None:
        touched.add(instance.get_site())
        return
    urls = urls_to_purge(instance)
    logger.info("Purging %d URLs after a change to page %s", len(urls), instance.pk)
    transaction.on_commit(lambda: purge_now(urls))
