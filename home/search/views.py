"""Search a site, or the whole portal, for live public pages in the visitor's language.

On PostgreSQL Wagtail's database backend uses full-text search with the text search
configuration in ``WAGTAILSEARCH_BACKENDS`` (Indonesian stemming); on SQLite it uses
FTS5 without stemming. Feature apps narrow the results through the
``filter_public_search_results`` hook (e.g. announcements leave out expired ones).
"""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from opd.directory import OPDDirectory
from portal.core.listing import paginate, query_without_page

from .forms import SearchForm

PER_PAGE = 10
WORD = re.compile(r"\w+")


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

    results = found = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        if scope == SearchForm.PORTAL or own_opd is None:
            pages = pages.filter(directory.pages_q())
        else:
            pages = pages.filter(directory.pages_q([own_opd]))
        for narrow in hooks.get_hooks("filter_public_search_results"):
            pages = narrow(pages)
        words = search_words(query)
        if not words:
            found = pages.none()
        elif connection.vendor == "postgresql":
            found = RankedMatches(pages, words, one_opd=scope == SearchForm.SITE and own_opd is not None)
        else:
            # Any of the words, as RankedMatches does.
            found = pages.search(" ".join(words), operator="or")
        results = paginate(request, found, PER_PAGE)
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
            "capped": getattr(found, "capped", False),
        },
    )


def search_words(query):
    """The query's words (runs of letters and digits), at most MAX_WORDS: all that reaches
    the full-text engine, on either database.

    FTS5 on SQLite reads quotes, parentheses, AND/OR/NOT/NEAR, '*', '^' and 'column:' as
    syntax, and Wagtail's SQLite backend does not escape a double quote (``q="`` was a 500);
    PostgreSQL's parser reads 'title:ambulans' as one odd token. Words alone mean the same
    search on both.
    """
    return WORD.findall(query)[:MAX_WORDS]


def _specific(pages):
    """The result pages as their own types (one query per page type), in the results' order."""
    pages = list(pages)
    if all(type(page) is page.specific_class for page in pages):  # RankedMatches gives them so
        return pages
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific.get(page.pk, page) for page in pages]


# On PostgreSQL the results are ranked among the newest CANDIDATES matching pages, and at most
# that many are counted: ranking and counting every entry that holds a common word (nearly all
# 20,000 articles hold "pelayanan") took 1–2 s under load. The expression index of migration
# 0001 ("title || body", the document Wagtail's backend matches) lets the planner either walk
# the newest pages and stop after CANDIDATES matches (a common word) or look the few matches up
# in the index (a rare word): ~10–20 ms either way at 20,000 articles.
# Within one OPD the newest pages of the install are mostly other OPDs': walking them took
# 8–12 ms to find an OPD's 500 (the planner cannot know that an OPD's pages are not spread
# evenly), so there the OPD's pages (a few thousand at most, read through the tree-path
# index) are listed newest first and the matches looked up among them: 2–4 ms for a common
# or a rare word.
CANDIDATES = 500
MAX_WORDS = 10


class RankedMatches:
    """The pages among ``pages`` whose search-index entry matches the query, for a Paginator."""

    def __init__(self, pages, words, one_opd=False):
        columns = ("pk", "content_type_id") if one_opd else ("pk",)
        self.scope_sql, self.scope_params = pages.order_by().values(*columns).query.sql_with_params()
        self.one_opd = one_opd
        config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"
        # Any of the words, as Wagtail's backend does by default; pages with more of them rank higher.
        self.tsquery = " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(words))
        self.tsquery_params = [value for word in words for value in (config, word)]
        self._ids = None
        self.capped = False

    # The SQL below is made of fixed text and the ORM's compiled scope; every value is a parameter.
    def _matches(self, limit):
        """The newest ``limit`` matching pages as (id, document)."""
        if self.one_opd:
            # The OPD's pages newest first (OFFSET 0 keeps that order for the planner): it walks
            # them and stops after ``limit`` matches for a common word, or joins the few entries
            # the index finds for a rare one.
            sql = (
                f"SELECT s.pk AS id, s.content_type_id, e.title || e.body AS document"  # noqa: S608
                f" FROM (SELECT * FROM ({self.scope_sql}) AS scope ORDER BY pk DESC OFFSET 0) AS s"
                " JOIN wagtailsearch_indexentry e"
                " ON e.content_type_id = s.content_type_id AND e.object_id = s.pk::varchar"
                f" WHERE (e.title || e.body) @@ ({self.tsquery})"
                " ORDER BY s.pk DESC LIMIT %s"
            )
            return sql, [*self.scope_params, *self.tsquery_params, limit]
        sql = (
            "SELECT p.id, p.content_type_id, e.title || e.body AS document FROM wagtailcore_page p"  # noqa: S608
            " JOIN wagtailsearch_indexentry e"
            " ON e.content_type_id = p.content_type_id AND e.object_id = p.id::varchar"
            f" WHERE (e.title || e.body) @@ ({self.tsquery}) AND p.id IN ({self.scope_sql})"
            " ORDER BY p.id DESC LIMIT %s"
        )
        return sql, [*self.tsquery_params, *self.scope_params, limit]

    def _ranked_ids(self):
        """The ids of the matching pages, best first: at most CANDIDATES + 1 (one more tells that
        there are more than CANDIDATES). One query answers the count and every slice."""
        if self._ids is None:
            sql, params = self._matches(limit=CANDIDATES + 1)
            ranked = (
                f"SELECT id, content_type_id FROM ({sql}) AS candidates"  # noqa: S608
                f" ORDER BY ts_rank(document, ({self.tsquery})) DESC, id DESC"
            )
            with transaction.atomic(), connection.cursor() as cursor:
                # A parallel worker costs more to start (~3 ms) than this query takes, and takes
                # the other core from the other gunicorn worker.
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                cursor.execute(ranked, [*params, *self.tsquery_params])
                rows = cursor.fetchall()
            self.capped = len(rows) > CANDIDATES
            self._ids = rows[:CANDIDATES]
        return self._ids

    def count(self):
        return len(self._ranked_ids())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        rows = self._ranked_ids()[index]
        # Each type's pages in one query of their own table (Wagtail's specific() reads the
        # generic pages first), without their StreamFields.
        by_type = {}
        for pk, content_type_id in rows:
            by_type.setdefault(content_type_id, []).append(pk)
        pages = {}
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            pages.update(model._default_manager.filter(pk__in=ids).defer_streamfields().in_bulk())
        return [pages[pk] for pk, _type in rows if pk in pages]
