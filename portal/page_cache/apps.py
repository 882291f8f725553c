from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The Varnish page cache: Cache-Control headers and purging on publish."""

    name = "portal.page_cache"

    label = "page_cache"
    verbose_name = "Cache halaman"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import purge

        page_published.connect(purge.on_publish_change, dispatch_uid="portal-purge-published")
        page_unpublished.connect(purge.on_publish_change, dispatch_uid="portal-purge-unpublished")
