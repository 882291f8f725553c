"""The survey's admin screens under Laporan (report, suggestions) and Pengaturan (periods)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from opd.menus import ReportReaderMenuItem, RoleMenuItem, WebAdministratorMenuItem
from opd.roles import Role

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("laporan/skm/", views.SKMReportView.as_view(), name="skm_report"),
        path("skm/saran/", views.suggestions, name="skm_suggestions"),
        path("skm/saran/<int:pk>/tindak-lanjut/", views.follow_up, name="skm_follow_up"),
        path("skm/periode/", views.periods, name="skm_periods"),
        path("skm/periode/<int:pk>/tutup/", views.close_period, name="skm_close_period"),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportReaderMenuItem(
        gettext_lazy("Survei Kepuasan Masyarakat"), reverse("skm_report"), icon_name="tasks", order=60
    )


@hooks.register("register_reports_menu_item")
def register_suggestions_menu_item():
    return RoleMenuItem(
        gettext_lazy("Saran responden SKM"),
        reverse("skm_suggestions"),
        icon_name="comment",
        order=61,
        roles=[Role.PPID, Role.WEBADMIN],
    )


@hooks.register("register_settings_menu_item")
def register_periods_menu_item():
    return WebAdministratorMenuItem(
        gettext_lazy("Periode survei (SKM)"), reverse("skm_periods"), icon_name="date", order=610
    )
