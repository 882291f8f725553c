"""Keep each OPD's people inside their own OPD wherever the admin lists the whole install."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .scoping import opd_pages_q, page_is_visible_to
from .snippets import SiteScopedDeleteBulkAction


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_opd(pages, request):
    # Wagtail's page chooser browses every site by default.
    if request.user.is_superuser:
        return pages
    return pages.filter(opd_pages_q(request.user))


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_own_opd(parent_page, pages, request):
    # The explorer lets any admin user open any page of the tree by its URL; the
    # page's title and breadcrumb would then show another OPD's content.
    if not page_is_visible_to(parent_page, request.user):
        raise PermissionDenied
    if request.user.is_superuser:
        return pages
    return pages.filter(opd_pages_q(request.user))


# After Wagtail's own snippet bulk delete (order), so it replaces it for site-scoped snippets.
hooks.register("register_bulk_action", SiteScopedDeleteBulkAction, order=100)
