"""A site's news list (filters, pagination, feeds) and the regency portal's "Berita OPD"."""

from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from news.forms import NewsFilterForm, OPDFilterForm
from opd.directory import OPDDirectory
from opd.models import OPD
from portal.core.feeds import FeedRoutesMixin
from portal.core.listing import paginate, query_without_page
from portal.core.models import BasePage
from portal.core.performance import kept_per_worker
from portal.core.site_settings import current_version

from .article import NewsPage
from .categories import NewsCategory

PER_PAGE = 12
_categories = kept_per_worker()


class NewsIndexPage(FeedRoutesMixin, BasePage):
    """The list of a site's news, newest first, with filters by category, tag and month and feeds."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("daftar berita")

    def get_site_pk(self, request=None):
        parts = self.get_url_parts(request)
        return parts[0] if parts else None

    def categories(self, request=None):
        return NewsCategory.objects.filter(site_id=self.get_site_pk(request), locale_id=self.locale_id)

    def category_list(self, request=None):
        """The site's categories in this page's language, kept per worker until the public
        content changes (a category saved or deleted changes it too: news/apps.py)."""
        key = (self.get_site_pk(request), self.locale_id)
        return _categories.at(current_version()).kept(key, lambda: tuple(self.categories(request)))

    def get_category_or_404(self, slug, request=None):
        category = self.categories(request).filter(slug=slug).first()
        if category is None:
            raise Http404(_("Kategori tidak ditemukan."))
        return category

    def months_with_news(self):
        """The months of the month filter, newest first, kept in Django's cache until the public
        content changes (``DISTINCT`` over every article's month took longer than the list)."""
        key = f"portal:news-months:{self.pk}:{current_version()}"
        months = cache.get(key)
        if months is None:
            articles = NewsPage.objects.live().public().child_of(self)
            months = list(articles.dates("date", "month", order="DESC"))
            cache.set(key, months, 24 * 3600)
        return months

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsPage.objects.for_listing().child_of(self)
        categories = list(self.category_list(request))
        months = self.months_with_news()
        form = NewsFilterForm(request.GET or None, categories=categories, months=months)
        active = {}
        if form.is_valid():
            data = form.cleaned_data
            if data["kategori"]:
                active["category"] = next(c for c in categories if c.slug == data["kategori"])
                articles = articles.filter(categories=active["category"])
            if data["tag"]:
                active["tag"] = data["tag"]
                articles = articles.filter(tags__slug=data["tag"])
            if data["bulan"]:
                year, month = (int(part) for part in data["bulan"].split("-"))
                active["month"] = data["bulan"]
                articles = articles.filter(date__year=year, date__month=month)
        context.update(
            # A category or tag joins rows that can repeat an article; without them no DISTINCT
            # (which would make PostgreSQL sort every article of the list).
            articles=paginate(
                request,
                articles.distinct() if active else articles,
                PER_PAGE,
                # The filters applied (never the raw query string: any junk there would be a key).
                count_key=f"news:{self.pk}:{getattr(active.get('category'), 'slug', '')}:"
                f"{active.get('tag', '')}:{active.get('month', '')}",
            ),
            filter_form=form,
            active_filters=active,
            page_query=query_without_page(request),
            categories=categories,
            feeds=self.feed_links(request),
        )
        return context

    def get_feed_items(self, request):
        return NewsPage.objects.for_listing().child_of(self)[: self.feed_limit]

    @path("kategori/<slug:slug>/rss/", name="category_rss")
    def category_rss(self, request, slug):
        return self.category_feed(request, slug, "rss")

    @path("kategori/<slug:slug>/atom/", name="category_atom")
    def category_atom(self, request, slug):
        return self.category_feed(request, slug, "atom")

    def category_feed(self, request, slug, kind):
        category = self.get_category_or_404(slug, request)
        items = NewsPage.objects.for_listing().child_of(self).filter(categories=category)[: self.feed_limit]
        return self.feed_response(request, items, kind, title=f"{self.title}: {category.name}")


class OPDNewsIndexPage(BasePage):
    """ "Berita OPD" on the regency portal: the newest news of every OPD site, labelled by OPD.

    Each article links to its canonical URL on its own OPD's host. The number of queries is
    the same whatever the number of OPDs or articles (see ``opd.directory``).
    """

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("berita OPD (portal)")
        verbose_name_plural = _("berita OPD (portal)")

    @classmethod
    def can_create_at(cls, parent):
        # Only the regency portal gathers every OPD's news.
        return (
            super().can_create_at(parent)
            and OPD.objects.filter(
                is_portal=True, site__root_page__translation_key=parent.translation_key
            ).exists()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = OPDDirectory.shared()
        form = OPDFilterForm(request.GET or None, opds=directory.opds)
        chosen = None
        if form.is_valid() and form.cleaned_data["opd"]:
            chosen = [opd for opd in directory.opds if opd.slug == form.cleaned_data["opd"]]
        articles = (
            NewsPage.objects.for_listing().filter(locale_id=self.locale_id).filter(directory.pages_q(chosen))
        )
        page = paginate(request, articles, PER_PAGE)
        page.object_list = directory.label(page.object_list)
        context.update(articles=page, filter_form=form, page_query=query_without_page(request))
        return context
