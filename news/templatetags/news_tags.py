"""Template tags that let any page (the home pages above all) show news without importing news/."""

from django import template

from news.models import NewsPage
from opd.directory import OPDDirectory

register = template.Library()

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
