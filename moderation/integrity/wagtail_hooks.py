"""Integrity in the admin: the findings report, audit-log labels, and warnings at review time."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from opd.menus import ReportReaderMenuItem

from . import views
from .scan import scan_content


@hooks.register("register_admin_urls")
def register_integrity_urls():
    return [
        path("laporan/integritas/", views.findings, name="integrity_findings"),
        path("laporan/kesegaran/", views.freshness, name="integrity_freshness"),
    ]


@hooks.register("register_reports_menu_item")
def register_findings_menu_item():
    return ReportReaderMenuItem(
        gettext_lazy("Temuan integritas"), reverse("integrity_findings"), icon_name="warning", order=60
    )


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item():
    return ReportReaderMenuItem(
        gettext_lazy("Kesegaran konten"), reverse("integrity_freshness"), icon_name="time", order=61
    )


@hooks.register("register_log_actions")
def register_integrity_log_actions(actions):
    actions.register_action(
        "integrity.restore", gettext_lazy("Pulihkan revisi"), gettext_lazy("Revisi yang disetujui dipulihkan")
    )
    actions.register_action(
        "integrity.unpublish",
        gettext_lazy("Batalkan penerbitan"),
        gettext_lazy("Penerbitan dibatalkan (integritas)"),
    )


def warn_about_content(request, page):
    problems = scan_content(page.get_latest_revision_as_object().serializable_data())
    if problems:
        listed = "; ".join(f"{problem.detail}" for problem in problems[:5])
        messages.warning(
            request,
            _("Peringatan integritas: konten ini memuat %(items)s. Periksa sebelum diteruskan.")
            % {"items": listed},
        )


@hooks.register("before_edit_page")
def warn_reviewers(request, page):
    if request.method == "GET" and page.current_workflow_task_state is not None:
        warn_about_content(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_on_submission(request, page):
    if "action-submit" in request.POST:
        warn_about_content(request, page)
