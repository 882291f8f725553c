"""Finding the page for a URL in two queries whatever its depth. Installed by ``CoreConfig.ready()``.

Wagtail routes one level at a time: the site's root page, then its specific form, then for
each step of the path the child with that slug and its specific form, two queries a level
(a news article, three levels down, cost five before its template asked anything). Here the
pages along the path are read in one query (they are the descendants of the site's root whose
depth and slug match each step), and only the page that answers is read in its specific form:

1. the root of the request's site in the visitor's language, kept per worker (its id, tree
   path and type; ``site.root_page.localized`` costs one or two queries), until a Site or the
   public content changes;
2. one query for the root and every page whose (depth, slug) matches a step of the path;
3. the walk down those pages stops where Wagtail's would hand over to a page's own ``route``:
   a routable page (``RoutablePageMixin``) whose sub-routes match the rest of the path, a page
   type with a ``route`` of its own, or the end of what was found; that page is read in its
   specific form (one query, with the type's ``route_select_related``) and its ``route`` is
   called with the rest of the path, so every decision Wagtail's routing makes (live or not,
   sub-route, 404) is still made by Wagtail's code.

The pages walked through become the answer's parent (``get_parent()``) and its ancestors
(``routed_ancestors``, used by the breadcrumb), so they are not read again.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from .models import BasePage
from .performance import SITES_KEY, _version, kept_per_worker
from .site_settings import current_version

_roots = kept_per_worker()
_original_route_for_request = Page.route_for_request


def route_for_request(request, path):
    """``Page.route_for_request``: Wagtail's contract (the result kept on the request)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = _route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def _route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root_pk, root_path, root_model = _localized_root(site)
    if not components:
        try:
            root = _load_specific(root_model, root_pk)
        except Page.DoesNotExist:  # the root went away since this worker looked
            return _original_route_for_request(request, path)
        return root.route(request, [])
    found = _pages_along(root_pk, root_path, components)
    root = found.pop(None, None)
    if root is None:  # the root went away since this worker looked
        return _original_route_for_request(request, path)
    if root.pk == site.root_page_id:
        site.root_page = root  # the request's Site, answered without reading the page again
    trail, remaining = _walk(root, found, components)
    page = _load_specific(trail[-1].specific_class, trail[-1].pk)
    if len(trail) > 1:
        page._cached_parent_obj = trail[-2]
    page.routed_ancestors = trail[:-1]
    return page.route(request, remaining)


def _localized_root(site):
    """(id, tree path, model) of the site's root page in the active language, kept per worker."""
    try:
        locale_id = Locale.get_active().pk
    except (LookupError, Locale.DoesNotExist):
        locale_id = None

    def identify():
        root = site.root_page.localized
        return root.pk, root.path, root.specific_class

    return _roots.at((_version(SITES_KEY), current_version())).kept((site.pk, locale_id), identify)


def _pages_along(root_pk, root_path, components):
    """The root and the pages below it matching each step of the path, by (parent path, slug);
    the root under None. One query."""
    depth = len(root_path) // Page.steplen
    steps = Q(pk=root_pk)
    for offset, slug in enumerate(components, start=1):
        steps |= Q(depth=depth + offset, slug=slug)
    found = {}
    for page in Page.objects.filter(steps, path__startswith=root_path):
        found[None if page.pk == root_pk else (page.path[: -Page.steplen], page.slug)] = page
    return found


def _walk(root, found, components):
    """Follow the path down the pages found while each page would only hand the rest of the path
    to its child; return the pages walked (root first) and the part of the path left."""
    trail = [root]
    remaining = list(components)
    while remaining and _hands_down(trail[-1], remaining):
        child = found.get((trail[-1].path, remaining[0]))
        if child is None:
            break
        child._cached_parent_obj = trail[-1]
        trail.append(child)
        remaining = remaining[1:]
    return trail, remaining


def _hands_down(page, remaining):
    """Would Wagtail's ``route`` of this page pass ``remaining`` on to the child it names?"""
    model = page.specific_class
    if model is None:
        return False
    if model.route in (Page.route, BasePage.route):
        return True
    if model.route is RoutablePageMixin.route and issubclass(model, BasePage):
        if not page.live:  # Wagtail offers a page's sub-routes only while it is live
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return True
        return False  # the page answers itself (a feed, a PPID form, ...)
    return False  # a route of its own: let it decide


def _load_specific(model, pk):
    if model is None:
        return Page.objects.get(pk=pk)
    related = getattr(model, "route_select_related", ())
    return model._default_manager.select_related(*related).get(pk=pk)


def install():
    Page.route_for_request = staticmethod(route_for_request)
