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
  or deleted (the shared version again); ``Site.get_site_root_paths`` likewise, until Wagtail
  clears them.
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
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager, Page, PagePermissionTester, PageViewRestriction, Site
from wagtail.query import PageQuerySet

# The bound on what one store keeps for one version (issue 25: a whole province on one install
# must not grow a worker without limit). Keys are sites × languages, OPD sets or page ids; past
# the bound an answer is computed and served but not kept, so memory stays flat and only the
# answers beyond it cost their queries again. 500 sites × 2 languages fit many times over.
MAX_KEPT_PER_STORE = 20_000


class _Generation(dict):
    """The answers one store holds for one version. Never emptied in place: a new version gets
    a new generation, so a thread still computing for the old one stores into the old one."""

    __slots__ = ("version",)

    def __init__(self, version):
        super().__init__()
        self.version = version

    def kept(self, key, compute):
        """The answer kept under ``key``, computed once (two threads asking at once may both
        compute it: the same answer for the same version, so either one may stay)."""
        try:
            return self[key]
        except KeyError:
            answer = compute()
            if len(self) < MAX_KEPT_PER_STORE:
                self[key] = answer
            return answer


class KeptPerWorker:
    """Answers a worker keeps in memory, valid for one version of what they were read from
    (a shared version in Django's cache, see ``_version``). Emptied by ``forget_all``.

    Safe with several threads per worker (``GUNICORN_THREADS``): the store swaps in a whole new
    generation when the version changes instead of clearing and refilling one dict, and a
    request keeps the generation of the version it read. An answer computed from rows read
    after version V was read is stored under V or an older generation, never under a newer
    one, which is what makes a kept answer at least as new as its version.
    """

    def __init__(self):
        self._generation = _Generation(None)

    def at(self, version):
        """The answers kept for ``version``; a new, empty generation when the store holds
        another version's."""
        generation = self._generation
        if generation.version != version:
            generation = self._generation = _Generation(version)
        return generation

    def current(self):
        """Whatever this store holds now (for lookups that accept any kept answer)."""
        return self._generation

    def clear(self):
        self._generation = _Generation(None)


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
    # A copy: a request may set attributes on the locale it is given.
    return copy.copy(_locales.at(_version(LOCALES_KEY)).kept(code, lambda: self.get(language_code=code)))


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
    """The shared version of something workers keep in memory (a key in Django's cache).

    Inside a transaction that changed it, this process already answers with the version that
    transaction will publish on commit (``new_version``): its own connection sees its changes.
    """
    pending = _pending_version(key)
    if pending is not None:
        return pending
    version = shared_value(key)
    if version is None:
        return _first_version(key)
    return version


def _first_version(key):
    """A version for a key the cache does not hold (never set, or the cache was emptied): no
    data changed, so it is written at once; ``add`` lets every worker agree on one."""
    candidate = uuid.uuid4().hex
    cache.add(key, candidate, None)
    version = cache.get(key) or candidate  # evicted again at once: this process uses its own
    remember_shared_value(key, version)
    return version


def _pending():
    """The versions this thread bumped inside a transaction not yet committed: key -> (version,
    the on_commit callback that publishes it). Kept on the thread's database connection, like
    the transaction itself: another thread's requests must go on using the shared version."""
    connection = transaction.get_connection()
    try:
        return connection.portal_pending_versions
    except AttributeError:
        connection.portal_pending_versions = {}
        return connection.portal_pending_versions


def new_version(key):
    """Tell every worker that what it keeps under ``key`` changed, once the change is committed.

    Other workers must not see the new version before the rows it stands for: a worker that
    read it early would fill its memory with the old rows under the new version and keep them
    until the next change. So the version is written to the shared cache in
    ``transaction.on_commit`` (at once outside a transaction), like the Varnish purge. Until
    then this thread alone uses it (``_version``): its connection sees the new rows. If the
    transaction rolls back, its callback is dropped and the thread goes back to the shared
    version.
    """
    version = uuid.uuid4().hex
    pending = _pending()

    def publish():
        if pending.get(key, (None,))[0] == version:
            del pending[key]
        cache.set(key, version, None)
        remember_shared_value(key, version)

    if not transaction.get_connection().in_atomic_block:
        publish()  # what on_commit would do, without opening a connection for it
        return version
    pending[key] = (version, publish)
    transaction.on_commit(publish)
    return version


def _pending_version(key):
    """The version this thread bumped for ``key`` in its transaction still open, if any."""
    pending = _pending()
    entry = pending.get(key)
    if entry is None:
        return None
    version, publish = entry
    # Django drops the callbacks of a rolled-back transaction (or savepoint) from this list.
    if any(callback is publish for _, callback, *_ in transaction.get_connection().run_on_commit):
        return version
    del pending[key]
    return None


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
    for locale in _locales.current().values():
        if isinstance(locale, Locale) and locale.pk == page.locale_id:
            return locale.language_code
    return page.locale.language_code


def view_restrictions():
    """Every page view restriction, with its page (the few restricted sections of the install)."""
    # A tuple read by this module only (tree paths for filters), never handed to a request.
    return _restrictions.at(_version(RESTRICTIONS_KEY)).kept(
        "list", lambda: tuple(PageViewRestriction.objects.select_related("page"))
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


ROOT_PATHS_KEY = "portal:site-root-paths-version"
_root_paths = kept_per_worker()
_original_get_site_root_paths = Site.get_site_root_paths
_original_clear_site_root_paths_cache = Site.clear_site_root_paths_cache


def get_site_root_paths():
    """Wagtail's site root paths (every page URL is made from them), kept per worker until
    Wagtail clears them (a Site saved or deleted, a site's root page moved or renamed): they
    were one Redis round trip and an unpickling of every site's row on each page."""
    return _root_paths.at(_version(ROOT_PATHS_KEY)).kept("all", _original_get_site_root_paths)


def clear_site_root_paths_cache():
    _original_clear_site_root_paths_cache()
    new_version(ROOT_PATHS_KEY)


def find_for_request(request):
    """Wagtail's Site for the request's host and port, kept per worker until a Site changes."""
    key = (request._get_raw_host(), request.get_port())
    kept = _sites.at(_version(SITES_KEY))
    if key in kept:
        site = kept[key]
    else:
        site = _original_find_for_request(request)
        if len(kept) <= 1000:  # host names from the outside world: keep the memory bounded
            kept[key] = site
    if site is None:
        return None
    # A copy without cached relations: its root page must be read fresh by each request.
    clone = copy.copy(site)
    clone._state = copy.copy(site._state)
    clone._state.fields_cache = {}
    return clone


def all_locales():
    """Every locale, ordered by language code, kept per worker (the admin asks on every page)."""
    # Copies: the admin is handed its own locales (a tuple of kept ones stays untouched).
    kept = _locales.at(_version(LOCALES_KEY)).kept(
        "*", lambda: tuple(Locale.objects.order_by("language_code"))
    )
    return [copy.copy(locale) for locale in kept]


class _KeptLocaleManager:
    """``Locale.objects`` for Wagtail admin modules that list every locale on each page; other
    questions go to the real manager."""

    def all(self):
        return all_locales()

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
    _pending().clear()


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
    request_started.connect(_new_request, dispatch_uid="portal.core.performance.versions")
    PageQuerySet.private_q = private_q
    Site._find_for_request = staticmethod(find_for_request)
    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(clear_site_root_paths_cache)
    post_save.connect(_forget_sites, sender=Site, dispatch_uid="portal.core.performance.sites.save")
    post_delete.connect(_forget_sites, sender=Site, dispatch_uid="portal.core.performance.sites.delete")
    Page.get_view_restrictions = get_view_restrictions
    post_save.connect(
        _forget_restrictions, sender=PageViewRestriction, dispatch_uid="portal.core.performance.pvr.save"
    )
    post_delete.connect(
        _forget_restrictions, sender=PageViewRestriction, dispatch_uid="portal.core.performance.pvr.delete"
    )
    pages.PagePermissionTester = LeafAwarePagePermissionTester
    # The admin's JS config lists every locale on every page.
    wagtailadmin_tags.Locale = KeptLocales()
    _original_test_page_is_public = wagtailadmin_tags.test_page_is_public
    wagtailadmin_tags.register.simple_tag(test_page_is_public, takes_context=True, name="test_page_is_public")
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="portal.core.performance.locales.save")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="portal.core.performance.locales.delete")
