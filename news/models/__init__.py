"""Berita: categories, the article (rilis), a site's news list and the portal's "Berita OPD"."""

from .article import NewsPage, NewsPageRelatedArticle, NewsPageTag
from .categories import NewsCategory
from .listing import NewsIndexPage, OPDNewsIndexPage

__all__ = [
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedArticle",
    "NewsPageTag",
    "OPDNewsIndexPage",
]
