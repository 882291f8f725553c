"""The PPID in the admin: its menu (PPID group only), the reports, the page types' place."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from opd.roles import Role
from opd.scoping import belongs_to_any, memberships

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


def holds_role(user, *roles):
    """Whether the user holds one of ``roles`` in any OPD: read from the memberships the admin
    menu already loaded for this request (no query of its own)."""
    return any(role in roles for _opd, role, _is_portal in memberships(user))


class PPIDMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or holds_role(request.user, Role.PPID)


class ServiceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or holds_role(request.user, Role.PPID, Role.WEBADMIN)


class DIPReportMenuItem(MenuItem):
    def is_shown(self, request):
        # opds_reported_to(user) is non-empty exactly when the user belongs to any OPD.
        return belongs_to_any(request.user)


@hooks.register("register_admin_menu_item")
def register_ppid_menu_item():
    return PPIDMenuItem(_("Permohonan informasi"), reverse("ppid_requests"), icon_name="mail", order=250)


@hooks.register("register_reports_menu_item")
def register_service_report_menu_item():
    return ServiceReportMenuItem(
        _("Layanan PPID"), reverse("ppid_service_report"), icon_name="list-ul", order=60
    )


@hooks.register("register_reports_menu_item")
def register_dip_report_menu_item():
    return DIPReportMenuItem(
        _("Daftar Informasi Publik"), reverse("ppid_dip_report"), icon_name="doc-full", order=61
    )
