"""Keep each OPD's people inside their own OPD wherever the admin lists the whole install."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .delegation import opds_administered_by
from .middleware import INSTALL_WIDE_MENU_ITEMS
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


@hooks.register("register_admin_urls")
def register_opd_urls():
    return [path("opd/pelimpahan/", views.delegations, name="opd_delegations")]


class WebAdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return opds_administered_by(request.user).exists()


@hooks.register("register_settings_menu_item")
def register_delegations_menu_item():
    return WebAdministratorMenuItem(
        _("Pelimpahan peran (Plt/Plh)"), reverse("opd_delegations"), icon_name="group", order=150
    )


@hooks.register("register_log_actions")
def register_delegation_log_actions(actions):
    actions.register_action(
        "moderation.delegation_granted", _("Pelimpahan peran"), _("Peran dilimpahkan (Plt/Plh)")
    )
    actions.register_action(
        "moderation.delegation_revoked", _("Pelimpahan dicabut"), _("Pelimpahan peran dicabut")
    )
    actions.register_action(
        "moderation.delegation_ended", _("Pelimpahan berakhir"), _("Pelimpahan peran berakhir")
    )


@hooks.register("construct_reports_menu")
def hide_install_wide_reports(request, menu_items):
    if not request.user.is_superuser:
        # By URL: a menu item's name is made from its label, which is translated.
        hidden = {reverse(view_name) for view_name in INSTALL_WIDE_MENU_ITEMS}
        menu_items[:] = [item for item in menu_items if item.url not in hidden]


# After Wagtail's own snippet bulk delete (order), so it replaces it for site-scoped snippets.
hooks.register("register_bulk_action", SiteScopedDeleteBulkAction, order=100)
