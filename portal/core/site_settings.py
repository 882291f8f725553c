"""Per-site settings read by every public page (branding, menus), kept in each worker's memory.

Wagtail reads a site setting from the database on every request, and a menu's page links
cost more queries each time they are resolved. A setting model that puts
``CachedSiteSetting`` before ``BaseSiteSetting`` is loaded once per worker and site; the
worker keeps that instance fully resolved (its StreamFields, the pages its menus link to) and
hands each request its own copy. It reloads when the shared version (one key in Django's
cache: Redis in production, so every worker sees it) changes, which happens, once the change
is committed, when any cached setting or any Site is saved or deleted, and when a page is
published, unpublished, moved or deleted (menus show page titles and addresses).
"""

import copy

from .performance import kept_per_worker

VERSION_KEY = "portal:site-settings-version"
_loaded = kept_per_worker()


def current_version():
    """The public content version (read from Django's cache once per request)."""
    from .performance import _version

    return _version(VERSION_KEY)


CHANGED_AT_KEY = "portal:public-content-changed-at"


def forget(**kwargs):
    """Make every worker reload its settings on their next use, once the change is committed
    (``new_version``)."""
    from django.db import transaction

    from .performance import new_version

    new_version(VERSION_KEY)
    _loaded.clear()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_record_change_moment)
    else:
        _record_change_moment()


def _record_change_moment():
    from django.core.cache import cache
    from django.utils import timezone

    from .performance import remember_shared_value

    moment = timezone.now().replace(microsecond=0)
    cache.set(CHANGED_AT_KEY, moment, None)
    remember_shared_value(CHANGED_AT_KEY, moment)


def changed_at():
    """When the public content last changed (the version above was bumped): what every page
    shows besides its own content (menus, OPD list, latest news) is no older than this."""
    from django.core.cache import cache
    from django.utils import timezone

    from .performance import remember_shared_value, shared_value

    value = shared_value(CHANGED_AT_KEY)
    if value is None:  # never recorded, or the cache was emptied: changes since are unknown
        value = timezone.now().replace(microsecond=0)
        cache.add(CHANGED_AT_KEY, value, None)
        value = cache.get(CHANGED_AT_KEY, value)
        remember_shared_value(CHANGED_AT_KEY, value)
    return value


def forget_on_save(sender, instance, created=False, **kwargs):
    # Wagtail creates a site's empty settings row the first time a page asks for it: that shows
    # nothing new, and forgetting then would make the next request load everything again.
    if isinstance(instance, CachedSiteSetting) and not created:
        forget()


class CachedSiteSetting:
    """Mixin for a ``BaseSiteSetting``: ``for_site`` answers from the worker's memory."""

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        key = (cls._meta.label_lower, site.pk)
        kept = _loaded.at(current_version()).kept(key, lambda: _fully_loaded(cls, site))
        return _request_copy(kept)


def _stream_fields(setting):
    from wagtail.fields import StreamField

    return [field.attname for field in setting._meta.concrete_fields if isinstance(field, StreamField)]


def _fully_loaded(cls, site):
    """The setting with every StreamField resolved now (the pages its menus link to, one query
    per block type), so that reading the kept instance later never changes it: Wagtail resolves
    a StreamField's blocks lazily, on first use, into the value itself."""
    setting = super(CachedSiteSetting, cls).for_site(site)
    for name in _stream_fields(setting):
        list(getattr(setting, name))
    if hasattr(setting, "prepare_kept"):  # what the setting itself would look up on first use
        setting.prepare_kept()
    return setting


def _request_copy(kept):
    """A copy of the kept setting for one request: its own instance and StreamValues (what a
    request sets on them stays in that request); the resolved blocks inside, with their pages,
    are shared and only read. ``copy.deepcopy`` would not do: a StreamValue deep-copies through
    its raw JSON and would read its pages again."""
    from wagtail.blocks import StreamValue

    setting = copy.copy(kept)
    for name in _stream_fields(kept):
        value = kept.__dict__[name]
        own = StreamValue(value.stream_block, list(value), is_lazy=False)
        if hasattr(value, "_stream_field"):
            own._stream_field = value._stream_field
        setting.__dict__[name] = own
    return setting


def install():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    post_save.connect(forget_on_save, dispatch_uid="portal.core.site_settings.save")
    post_delete.connect(forget_on_save, dispatch_uid="portal.core.site_settings.delete")
    for signal, sender in (
        (post_save, Site),
        (post_delete, Site),
        (post_delete, Page),
        (page_published, None),
        (page_unpublished, None),
        (page_slug_changed, None),
        (post_page_move, None),
    ):
        signal.connect(forget, sender=sender, dispatch_uid=f"portal.core.site_settings.{id(signal)}.{sender}")
    # Cached page fragments (core/templatetags/fragment_tags.py) show images' renditions and
    # alt texts: an image edited or deleted shows at once.
    from wagtail.images import get_image_model

    for signal in (post_save, post_delete):
        signal.connect(
            _forget_image,
            sender=get_image_model(),
            dispatch_uid=f"portal.core.site_settings.image.{id(signal)}",
        )


def _forget_image(sender, instance, created=False, **kwargs):
    if not created:  # a new image is on no page yet
        forget()
