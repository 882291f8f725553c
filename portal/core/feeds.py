"""RSS and Atom feeds of a listing page's items, for any page type that lists pages.

A listing page mixes in ``FeedRoutesMixin`` and says which pages its feed carries
(``get_feed_items``); each item is a ``BasePage`` and describes itself through
``get_meta_description`` and ``get_feed_date``. Links are absolute, on the host that
serves the item's site.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class PageFeed(Feed):
    """One feed built for one request: a title, the listing's link and its items."""

    def __init__(self, *, request, title, link, description, items, kind="rss"):
        super().__init__()
        self.request = request
        self.feed_type = FEED_TYPES[kind]
        self._title = title
        self._link = link
        self._description = description
        self._items = list(items)

    def title(self):
        return self._title

    def link(self):
        return self._link

    def description(self):
        return self._description

    def subtitle(self):
        return self._description

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self._items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_meta_description()

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.get_feed_date()

    def item_updateddate(self, item):
        return item.last_published_at or item.get_feed_date()


class FeedRoutesMixin(RoutablePageMixin):
    """Adds ``rss/`` and ``atom/`` under a listing page, carrying ``get_feed_items``."""

    feed_limit = 20

    def get_feed_items(self, request):
        """The newest live items of this listing, at most ``feed_limit`` of them."""
        raise NotImplementedError

    def feed_response(self, request, items, kind, title=None):
        feed = PageFeed(
            request=request,
            title=title or f"{self.title} — {self.site_for(request).site_name}",
            link=self.get_full_url(request),
            description=self.get_meta_description()
            or _("Terbitan terbaru %(title)s") % {"title": self.title},
            items=items,
            kind=kind,
        )
        return feed(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return self.feed_response(request, self.get_feed_items(request), "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return self.feed_response(request, self.get_feed_items(request), "atom")

    def feed_links(self, request):
        """(kind, absolute URL) of this listing's feeds, for <link rel="alternate">."""
        base = self.get_full_url(request)
        return [(kind, base + self.reverse_subpage(kind)) for kind in ("rss", "atom")]
