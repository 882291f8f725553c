"""Mutu baku in the admin: "Tugas saya" on the dashboard, a notice in the editor, the report."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from moderation.models import SOPStepTask, task_ids_of_groups
from opd.menus import ReportReaderMenuItem

from .panels import MyTasksPanel
from .views import MutuBakuReportView
from .wording import step_clock


@hooks.register("construct_homepage_panels")
def add_my_tasks_panel(request, panels):
    if request.user.is_superuser or task_ids_of_groups(request.user):
        panels.append(MyTasksPanel(request.user))


@hooks.register("before_edit_page")
def show_current_step_and_time(request, page):
    """Tell whoever opens the editor which SOP step the page is at and how long it has waited."""
    if request.method != "GET":
        return None
    task_state = page.current_workflow_task_state
    if task_state is None:
        return None
    task = task_state.task.specific
    if not isinstance(task, SOPStepTask):
        return None
    clock = step_clock(task_state.started_at, task.mutu_baku)
    notify = messages.warning if clock.overdue else messages.info
    notify(request, clock.editor_notice(task.get_step_display()))
    return None


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("laporan/mutu-baku/", MutuBakuReportView.as_view(), name="compliance_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportReaderMenuItem(
        gettext_lazy("Kepatuhan Mutu Baku"), reverse("compliance_report"), icon_name="time", order=50
    )
