from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from opd.menus import WebAdministratorMenuItem

from . import views
from .importer import IMPORT_ACTION


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("impor-wordpress/", views.index, name="wordpress_import"),
        path("impor-wordpress/<int:pk>/", views.run_detail, name="wordpress_import_run"),
        path("impor-wordpress/<int:pk>/impor/", views.confirm, name="wordpress_import_confirm"),
    ]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return WebAdministratorMenuItem(
        _("Impor WordPress"), reverse("wordpress_import"), icon_name="download", order=150
    )


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action(IMPORT_ACTION, _("Diimpor dari WordPress"), _("Diimpor dari WordPress"))
