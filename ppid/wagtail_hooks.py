"""The PPID in the admin: its menu (PPID group only), the reports, the page types' place."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from opd.menus import OPDMemberMenuItem, RoleMenuItem
from opd.roles import Role

from . import views


@hooks.register("register_admin_urls")
def register_ppid_urls():
    return [
        path("ppid/permohonan/", views.request_list, name="ppid_requests"),
        path("ppid/permohonan/<int:pk>/", views.request_detail, name="ppid_request"),
        path("ppid/keberatan/<int:pk>/", views.objection_detail, name="ppid_objection"),
        path("laporan/layanan-ppid/", views.service_report, name="ppid_service_report"),
        path("laporan/dip/", views.dip_report, name="ppid_dip_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_ppid_menu_item():
    return RoleMenuItem(
        _("Permohonan informasi"), reverse("ppid_requests"), icon_name="mail", order=250, roles=[Role.PPID]
    )


@hooks.register("register_reports_menu_item")
def register_service_report_menu_item():
    return RoleMenuItem(
        _("Layanan PPID"),
        reverse("ppid_service_report"),
        icon_name="list-ul",
        order=60,
        roles=[Role.PPID, Role.WEBADMIN],
    )


@hooks.register("register_reports_menu_item")
def register_dip_report_menu_item():
    return OPDMemberMenuItem(
        _("Daftar Informasi Publik"), reverse("ppid_dip_report"), icon_name="doc-full", order=61
    )
