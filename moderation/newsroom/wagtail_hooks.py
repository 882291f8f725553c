"""The newsroom in the admin: its URLs, menu, dashboard panel and the draft's link back."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from opd.menus import OPDMemberMenuItem, ReportReaderMenuItem
from opd.scoping import belongs_to_any

from . import views
from .models import Assignment
from .panels import MyAssignmentsPanel
from .report import chain_section


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [
        path("liputan/", views.index, name="newsroom_index"),
        path("liputan/tambah/", views.create, name="newsroom_create"),
        path("liputan/kalender/", views.calendar_view, name="newsroom_calendar"),
        path("liputan/<int:assignment_id>/", views.detail, name="newsroom_detail"),
        path("liputan/<int:assignment_id>/ubah/", views.edit, name="newsroom_edit"),
        path("liputan/<int:assignment_id>/mulai/", views.start, name="newsroom_start"),
        path("liputan/<int:assignment_id>/selesai/", views.finish, name="newsroom_finish"),
        path("liputan/<int:assignment_id>/draf/", views.create_draft, name="newsroom_create_draft"),
        path("liputan/<int:assignment_id>/unggah/", views.upload, name="newsroom_upload"),
        path("liputan/<int:assignment_id>/batalkan/", views.cancel, name="newsroom_cancel"),
    ]


newsroom_menu = Menu(
    register_hook_name="register_newsroom_menu_item", construct_hook_name="construct_newsroom_menu"
)


@hooks.register("register_newsroom_menu_item")
def register_assignments_item():
    return OPDMemberMenuItem(
        gettext_lazy("Penugasan liputan"), reverse("newsroom_index"), icon_name="clipboard-list", order=10
    )


@hooks.register("register_newsroom_menu_item")
def register_calendar_item():
    return ReportReaderMenuItem(
        gettext_lazy("Kalender redaksi"), reverse("newsroom_calendar"), icon_name="calendar", order=20
    )


class NewsroomMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return belongs_to_any(request.user)


@hooks.register("register_admin_menu_item")
def register_newsroom_menu():
    return NewsroomMenuItem(gettext_lazy("Redaksi"), newsroom_menu, icon_name="calendar", order=250)


@hooks.register("mutu_baku_report_sections")
def add_coverage_chain_to_report(request, opds, **filters):
    return chain_section(request, opds, **filters)


@hooks.register("construct_homepage_panels")
def add_my_assignments_panel(request, panels):
    if Assignment.objects.filter(assignees=request.user).exists():
        panels.append(MyAssignmentsPanel(request.user))


@hooks.register("before_edit_page")
def link_back_to_assignment(request, page):
    """A draft made from an assignment says so, with a link back, in the page editor."""
    if request.method != "GET":
        return None
    assignment = Assignment.objects.visible_to(request.user).filter(page_id=page.pk).first()
    if assignment is not None:
        messages.info(
            request,
            format_html(
                _('Berita ini dibuat dari penugasan liputan <a href="{}">{}</a>.'),
                reverse("newsroom_detail", args=[assignment.pk]),
                assignment.title,
            ),
        )
    return None
