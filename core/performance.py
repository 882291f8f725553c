"""Wagtail lookups repeated within one request, answered once. Installed by ``CoreConfig.ready()``.

- ``Locale.objects.get_for_language``: every page link that follows the visitor's language
  (``page.localized``: menus, lists, the language switcher) asks for the active locale again;
  a page with a menu of ten links asked twenty times. Each worker keeps the locales until the
  shared version (a key in Django's cache, Redis in production) changes: whenever a locale
  is saved or deleted.
- Page view restrictions: every list of public pages (``.public()``) and every page served
  asks for the install's restricted sections; there are few and they rarely change, so each
  worker keeps them until the shared version (a key in Django's cache) changes when one is
  saved or deleted.
- ``Site.find_for_request``: the site of a host name, kept per worker until a Site is saved
  or deleted (the shared version again).
- ``PagePermissionTester.can_delete``: for a reviewer without the publish permission (every
  SOP role), Wagtail asks the database whether a page or one of its descendants is live, for
  every row of the page explorer (its "Pindahkan" and "Hapus" buttons). For a page without
  children the page itself answers.
"""

import copy
import time
import uuid

from django.core.cache import cache
from django.core.signals import request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager, Page, PagePermissionTester, PageViewRestriction, Site
from wagtail.query import PageQuerySet


class KeptPerWorker(dict):
    """Answers a worker keeps in memory, valid for one version of what they were read from
    (a shared version in Django's cache, see ``_version``). Emptied by ``forget_all``."""

    version = None

    def at(self, version):
        """This store, emptied first when what it holds was read under another version."""
        if self.version != version:
            self.clear()
            self.version = version
        return self

    def kept(self, key, compute):
        """The answer kept under ``key``, computed once."""
        if key not in self:
            self[key] = compute()
        return self[key]

    def clear(self):
        super().clear()
        self.version = None


_stores = []


def kept_per_worker():
    """A new ``KeptPerWorker`` store, which ``forget_all`` empties with the rest."""
    store = KeptPerWorker()
    _stores.append(store)
    return store


_locales = kept_per_worker()
RESTRICTIONS_KEY = "portal:view-restrictions-version"
_restrictions = kept_per_worker()
_original_get_view_restrictions = Page.get_view_restrictions


LOCALES_KEY = "portal:locales-version"


def _forget_locales(**kwargs):
    new_version(LOCALES_KEY)
    _locales.clear()


def get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    return _locales.at(_version(LOCALES_KEY)).kept(code, lambda: self.get(language_code=code))


_versions_seen = {}
# Every shared key this process has read: a request reads them all in one round trip at its start.
_shared_keys = set()


def shared_value(key):
    """``cache.get(key)`` for a small value every request needs (versions, the host list), read
    from the cache at most once per request and second.

    The keys read so far are fetched together when a request starts (``_new_request``: one
    round trip to Redis instead of one per key). Processes that serve no requests, like the task
    worker, ask again after a second. A change made by another worker is seen from its next
    request on, one made here at once (``remember_shared_value``).
    """
    _shared_keys.add(key)
    seen = _versions_seen.get(key)
    now = time.monotonic()
    if seen is None or now - seen[1] > 1.0:
        seen = _versions_seen[key] = (cache.get(key), now)
    return seen[0]


def remember_shared_value(key, value):
    """Record a value this process just wrote (or deleted, with None) under a shared key."""
    _versions_seen[key] = (value, time.monotonic())


def _version(key):
    """The shared version of something workers keep in memory (a key in Django's cache)."""
    version = shared_value(key)
    if version is None:
        return new_version(key)
    return version


def new_version(key):
    """Tell every worker that what it keeps under ``key`` changed."""
    version = uuid.uuid4().hex
    cache.set(key, version, None)
    remember_shared_value(key, version)
    return version


def _new_request(**kwargs):
    _versions_seen.clear()
    if _shared_keys:
        keys = list(_shared_keys)
        try:
            found = cache.get_many(keys)
        except Exception:  # noqa: BLE001 -- the cache is down: each reader meets it (and /healthz/ tells)
            return
        now = time.monotonic()
        for key in keys:
            _versions_seen[key] = (found.get(key), now)


def language_code_of(page):
    """The page's language code, from the locales this request has already loaded if possible."""
    for locale in _locales.values():
        if isinstance(locale, Locale) and locale.pk == page.locale_id:
            return locale.language_code
    return page.locale.language_code


def view_restrictions():
    """Every page view restriction, with its page (the few restricted sections of the install)."""
    return _restrictions.at(_version(RESTRICTIONS_KEY)).kept(
        "list", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def _forget_restrictions(**kwargs):
    new_version(RESTRICTIONS_KEY)
    _restrictions.clear()


def private_q(self):
    q = Q()
    for restriction in view_restrictions():
        q |= self.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def get_view_restrictions(self):
    if not view_restrictions():
        return PageViewRestriction.objects.none()
    return _original_get_view_restrictions(self)


SITES_KEY = "portal:sites-version"
_sites = kept_per_worker()
_original_find_for_request = Site._find_for_request


def _forget_sites(**kwargs):
    new_version(SITES_KEY)
    _sites.clear()


def find_for_request(request):
    """Wagtail's Site for the request's host and port, kept per worker until a Site changes."""
    key = (request._get_raw_host(), request.get_port())
    _sites.at(_version(SITES_KEY))
    if key not in _sites:
        site = _original_find_for_request(request)
        if len(_sites) > 1000:  # host names from the outside world: keep the memory bounded
            return site
        _sites[key] = site
    site = _sites[key]
    if site is None:
        return None
    # A copy without cached relations: its root page must be read fresh by each request.
    clone = copy.copy(site)
    clone._state = copy.copy(site._state)
    clone._state.fields_cache = {}
    return clone


def all_locales():
    """Every locale, ordered by language code, kept per worker (the admin asks on every page)."""
    return _locales.at(_version(LOCALES_KEY)).kept(
        "*", lambda: list(Locale.objects.order_by("language_code"))
    )


class _KeptLocaleManager:
    """``Locale.objects`` for Wagtail admin modules that list every locale on each page; other
    questions go to the real manager."""

    def all(self):
        return list(all_locales())

    def values_list(self, *fields, flat=False):
        if fields == ("language_code",) and flat:
            return [locale.language_code for locale in all_locales()]
        return Locale.objects.values_list(*fields, flat=flat)

    def __getattr__(self, name):
        return getattr(Locale.objects, name)


class KeptLocales:
    objects = _KeptLocaleManager()

    def __getattr__(self, name):
        return getattr(Locale, name)


def test_page_is_public(context, page):
    """Wagtail's admin tag, with the restricted sections this worker keeps (one query a page)."""
    request = context["request"]
    if not hasattr(request, "all_page_view_restriction_paths"):
        request.all_page_view_restriction_paths = [r.page.path for r in view_restrictions()]
    return _original_test_page_is_public(context, page)


_original_test_page_is_public = None


def forget_all():
    """Drop every answer kept in memory (tests roll the database back under them)."""
    for store in _stores:
        store.clear()
    _versions_seen.clear()


class LeafAwarePagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if (
            self.page.numchild == 0
            and self.user.is_active
            and not self.user.is_superuser
            and not self.page_is_root
            and "change" in self.permissions
            and "publish" not in self.permissions
        ):
            # Wagtail's answer (no live page among the page and its descendants), without its query.
            return not self.page.live
        return super().can_delete(ignore_bulk=ignore_bulk)


def install():
    global _original_test_page_is_public
    from wagtail.admin.templatetags import wagtailadmin_tags
    from wagtail.models import pages

    LocaleManager.get_for_language = get_for_language
    request_started.connect(_new_request, dispatch_uid="core.performance.versions")
    PageQuerySet.private_q = private_q
    Site._find_for_request = staticmethod(find_for_request)
    post_save.connect(_forget_sites, sender=Site, dispatch_uid="core.performance.sites.save")
    post_delete.connect(_forget_sites, sender=Site, dispatch_uid="core.performance.sites.delete")
    Page.get_view_restrictions = get_view_restrictions
    post_save.connect(
        _forget_restrictions, sender=PageViewRestriction, dispatch_uid="core.performance.pvr.save"
    )
    post_delete.connect(
        _forget_restrictions, sender=PageViewRestriction, dispatch_uid="core.performance.pvr.delete"
    )
    pages.PagePermissionTester = LeafAwarePagePermissionTester
    # The admin's JS config lists every locale on every page.
    wagtailadmin_tags.Locale = KeptLocales()
    _original_test_page_is_public = wagtailadmin_tags.test_page_is_public
    wagtailadmin_tags.register.simple_tag(test_page_is_public, takes_context=True, name="test_page_is_public")
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="core.performance.locales.save")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="core.performance.locales.delete")
