"""Keep each OPD's people inside their own OPD wherever the admin lists the whole install."""

from contextlib import suppress

from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from . import dashboard, explorer, page_bulk_actions
from .middleware import INSTALL_WIDE_MENU_ITEMS, INSTALL_WIDE_VIEWS
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


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Replaces Wagtail's default page viewset (registered for Page) with one whose explorer
    # reads the explored page once (opd/explorer.py).
    return explorer.OPDPageViewSet(name="halaman")


explorer.install()


def install_wide_urls():
    """The addresses of the install-wide views that take no parameter (menu entries)."""
    urls = set()
    for name in INSTALL_WIDE_VIEWS:
        with suppress(NoReverseMatch):
            urls.add(reverse(name))
    return urls


@hooks.register("construct_reports_menu")
def hide_install_wide_reports(request, menu_items):
    # By address as well as by name: a menu item's name is its label slugified in the
    # language active when it was built ("translations" or "terjemahan").
    if not request.user.is_superuser:
        hidden = install_wide_urls()
        menu_items[:] = [
            item for item in menu_items if item.name not in INSTALL_WIDE_MENU_ITEMS and item.url not in hidden
        ]


def _in_usable_collections(queryset, model, user):
    policy = policy_registry.get_by_type(model)
    collections = policy.collections_user_has_any_permission_for(user, ["add", "change", "choose"])
    return queryset.filter(collection__in=collections)


class OwnCollectionImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images, limited to the collections the user works in."""

    def get_queryset(self):
        return _in_usable_collections(super().get_queryset(), get_image_model(), self.request.user)


class OwnCollectionDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents, limited to the collections the user works in."""

    def get_queryset(self):
        return _in_usable_collections(super().get_queryset(), get_document_model(), self.request.user)


@hooks.register("construct_admin_api", order=100)
def limit_media_api_to_own_collections(router):
    # Wagtail's admin API (/admin/api/main/images/, /documents/) lists every image and
    # document of the install, with titles, to any admin user; the choosers and listings
    # already respect collection permissions. Registered after Wagtail's own endpoints
    # (order=100), so these replace them.
    router.register_endpoint("images", OwnCollectionImagesAPIViewSet)
    router.register_endpoint("documents", OwnCollectionDocumentsAPIViewSet)


page_bulk_actions.register()

# After Wagtail's own snippet bulk delete (order), so it replaces it for site-scoped snippets.
hooks.register("register_bulk_action", SiteScopedDeleteBulkAction, order=100)


# After Wagtail's own hook (order 0) has added its PagesSummaryItem.
hooks.register("construct_homepage_summary_items", dashboard.scope_pages_summary, order=100)
