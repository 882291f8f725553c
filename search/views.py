"""Search a site, or the whole portal, for live public pages in the visitor's language.

On PostgreSQL Wagtail's database backend uses full-text search with the text search
configuration in ``WAGTAILSEARCH_BACKENDS`` (Indonesian stemming); on SQLite it uses
FTS5 without stemming. Feature apps narrow the results through the
``filter_public_search_results`` hook (e.g. announcements leave out expired ones).
"""

from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from core.listing import paginate, query_without_page
from opd.directory import OPDDirectory

from .forms import SearchForm

PER_PAGE = 10


def _site_for(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def search(request):
    site = _site_for(request)
    directory = OPDDirectory.shared()
    own_opd = next((opd for opd in directory.opds if opd.site_id == site.pk), None)
    form = SearchForm(request.GET or None)
    query, scope = "", SearchForm.SITE
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        default_scope = SearchForm.PORTAL if own_opd is None or own_opd.is_portal else SearchForm.SITE
        scope = form.cleaned_data["lingkup"] or default_scope
    elif own_opd is None or own_opd.is_portal:
        scope = SearchForm.PORTAL

    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        if scope == SearchForm.PORTAL or own_opd is None:
            pages = pages.filter(directory.pages_q())
        else:
            pages = pages.filter(directory.pages_q([own_opd]))
        for narrow in hooks.get_hooks("filter_public_search_results"):
            pages = narrow(pages)
        results = paginate(request, pages.search(query), PER_PAGE)
        results.object_list = directory.label(_specific(results.object_list))

    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "scope": scope,
            "results": results,
            "own_opd": own_opd,
            "page_query": query_without_page(request),
        },
    )


def _specific(pages):
    """The result pages as their own types (one query per page type), in the results' order."""
    pages = list(pages)
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific.get(page.pk, page) for page in pages]
