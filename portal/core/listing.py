"""What every listing page (berita, pengumuman, agenda, dokumen, galeri) shares: pagination."""

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property

from portal.core.site_settings import current_version

PAGE_PARAM = "halaman"


class CountKeptPaginator(Paginator):
    """A paginator whose count is kept in Django's cache (Redis in production, shared by every
    worker) until the public content changes: counting a list of thousands of articles was a
    third of the list page's time, and the count only changes with a publication."""

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        key = f"portal:list-count:{current_version()}:{self.count_key}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, 24 * 3600)
        return count


def paginate(request, items, per_page, count_key=None):
    """The requested page of ``items``; a bad or too-large page number gives the nearest page.

    A listing's filters stay in the links to other pages through ``query_without_page``.
    ``count_key`` names the list with its filters (never the page number): its count is then
    kept until the public content changes.
    """
    if count_key is None:
        paginator = Paginator(items, per_page)
    else:
        paginator = CountKeptPaginator(items, per_page, count_key)
    number = request.GET.get(PAGE_PARAM, 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def query_without_page(request):
    """The listing's current query string (its filters) without the page number, for page links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()
