"""What every listing page (berita, pengumuman, agenda, dokumen, galeri) shares: pagination."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_PARAM = "halaman"


def paginate(request, items, per_page):
    """The requested page of ``items``; a bad or too-large page number gives the nearest page.

    A listing's filters stay in the links to other pages through ``query_without_page``.
    """
    paginator = Paginator(items, per_page)
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
