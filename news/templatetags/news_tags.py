"""Template tags that let any page (the home pages above all) show news without importing news/."""

from django import template
from django.conf import settings
from wagtail.models import Locale, Site

from news.models import NewsIndexPage, NewsPage
from opd.directory import OPDDirectory
from portal.core.performance import kept_per_worker
from portal.core.site_settings import current_version

register = template.Library()

_site_feeds = kept_per_worker()

# A home page block's "sumber": "site" (this site) or "all" (every OPD, for the regency portal).
ALL_SITES = "all"


def _articles(root_page, all_sites):
    articles = NewsPage.objects.for_listing()
    if all_sites:
        directory = OPDDirectory.shared()
        return directory, articles.filter(locale_id=root_page.locale_id).filter(directory.pages_q())
    return None, articles.descendant_of(root_page)


def _take(directory, articles, count):
    items = list(articles[:count])
    return directory.label(items) if directory else items


@register.simple_tag
def latest_news(root_page, count=6, scope="site"):
    """The newest live articles under a site's root page, in the root page's language.

    With ``scope="all"`` (the regency portal), the newest of every OPD's site instead,
    each carrying ``opd`` for its label.
    """
    directory, articles = _articles(root_page, scope == ALL_SITES)
    return _take(directory, articles, count)


@register.simple_tag
def featured_news(root_page, count=3, scope="site"):
    """Articles marked "berita utama" for the home page's slider, newest first."""
    directory, articles = _articles(root_page, scope == ALL_SITES)
    return _take(directory, articles.filter(featured=True), count)


@register.simple_tag(takes_context=True)
def site_news_feeds(context):
    """(kind, URL, title) of this site's news feeds in the page's language, for <link rel="alternate">.

    Every page of a site advertises its news feed, not only the news list (issue 25), so a feed
    reader pointed at any page finds it. Kept per worker until the public content changes.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)

    def read():
        locale = Locale.objects.filter(pk=locale_id).first() if locale_id else None
        locale = locale or Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        root = site.root_page.get_translation_or_none(locale) if locale else site.root_page
        index = (
            NewsIndexPage.objects.live().public().descendant_of(root).order_by("path").first()
            if root is not None
            else None
        )
        if index is None:
            return ()
        base = index.get_full_url(request)
        return tuple((kind, base + index.reverse_subpage(kind), index.title) for kind in ("rss", "atom"))

    return _site_feeds.at(current_version()).kept((site.pk, locale_id), read)
