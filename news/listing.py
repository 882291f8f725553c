"""The one base of every list page of a public content type (pengumuman, agenda, dokumen, galeri).

Each list page sits under an OPD's home page, introduces itself, lists its own children a page
at a time (filters kept in the page links) and offers them as RSS and Atom feeds. A content type
says only which children it lists (``listing_items``), how its feed orders them
(``feed_items``), and, if it has any, its filters (``filter_listing``).
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.core.feeds import FeedRoutesMixin
from portal.core.listing import paginate, query_without_page
from portal.core.models import BasePage


class ListingIndexPage(FeedRoutesMixin, BasePage):
    """Abstract list page: intro, paginated children in ``context[items_name]``, feeds."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]

    #: How many items a page of the list shows, and the template variable that holds them.
    per_page = 12
    items_name = "items"
    #: True when what the list holds changes only with a publication (documents, galleries), so
    #: its count can be kept until the public content changes; False for lists that also change
    #: with the clock (the agenda's upcoming events, announcements still valid).
    count_follows_content = False

    class Meta:
        abstract = True

    def listing_items(self, request, **kwargs):
        """The children this page lists, in list order (a queryset)."""
        raise NotImplementedError

    def feed_items(self, request):
        """The children the feeds carry, newest first (a queryset; the base cuts it to the limit)."""
        return self.listing_items(request)

    def filter_listing(self, request, items, context):
        """Apply the list's filters to ``items``; may add the filter form to ``context``."""
        return items

    def count_key(self, items):
        """The list's count key (``portal.core.listing.paginate``): its SQL, filters included, so
        a query string that filters nothing shares the key of the plain list."""
        if not self.count_follows_content:
            return None
        return f"{self.pk}:{hashlib.sha1(str(items.query).encode(), usedforsecurity=False).hexdigest()}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.filter_listing(request, self.listing_items(request, **kwargs), context)
        context.update(
            {
                self.items_name: paginate(request, items, self.per_page, count_key=self.count_key(items)),
                "page_query": query_without_page(request),
                "feeds": self.feed_links(request),
            }
        )
        return context

    def get_feed_items(self, request):
        return self.feed_items(request)[: self.feed_limit]
