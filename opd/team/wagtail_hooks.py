"""Admin wiring of the team capability: URLs, menu items and audit-log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from opd.menus import WebAdministratorMenuItem

from . import audit, views
from .reports import TeamChangesReportView


@hooks.register("register_admin_urls")
def register_team_urls():
    return [
        path("opd/tim/", views.index, name="team_index"),
        path("opd/tim/<slug:opd_slug>/", views.people_list, name="team_people"),
        path("opd/tim/<slug:opd_slug>/tambah/", views.person_create, name="team_create"),
        path("opd/tim/<slug:opd_slug>/<int:user_id>/", views.person_edit, name="team_edit"),
        path(
            "opd/tim/<slug:opd_slug>/<int:user_id>/nonaktifkan/",
            views.person_deactivate,
            name="team_deactivate",
        ),
        path(
            "opd/tim/<slug:opd_slug>/<int:user_id>/aktifkan/", views.person_reactivate, name="team_reactivate"
        ),
        path(
            "opd/tim/<slug:opd_slug>/<int:user_id>/kirim-tautan/",
            views.person_password_link,
            name="team_password_link_send",
        ),
        path("reports/perubahan-tim/", TeamChangesReportView.as_view(), name="team_changes_report"),
        path(
            "reports/perubahan-tim/results/",
            TeamChangesReportView.as_view(results_only=True),
            name="team_changes_report_results",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_team_menu_item():
    return WebAdministratorMenuItem(_("Tim OPD"), reverse("team_index"), icon_name="group", order=140)


@hooks.register("register_reports_menu_item")
def register_team_changes_menu_item():
    return WebAdministratorMenuItem(
        _("Perubahan tim"), reverse("team_changes_report"), icon_name="group", order=900
    )


@hooks.register("register_log_actions")
def register_team_log_actions(actions):
    audit.register_actions(actions)
