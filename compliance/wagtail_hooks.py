"""Mutu baku in the admin: "Tugas saya" on the dashboard, a notice in the editor, the report."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from moderation.models import SOPStepTask, task_ids_of_groups
from opd.scoping import reads_reports

from .panels import MyTasksPanel
from .timing import deadline, elapsed
from .views import MutuBakuReportView

ON_TIME_NOTICE = gettext_lazy(
    "Langkah SOP: %(step)s. Menunggu %(waited)d menit; mutu baku %(standard)d menit, tenggat %(deadline)s."
)


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
    waited = elapsed(task_state.started_at, timezone.now())
    standard = int(task.mutu_baku.total_seconds())
    context = {
        "step": task.get_step_display(),
        "waited": waited // 60,
        "standard": standard // 60,
        "deadline": deadline(task_state.started_at, task.mutu_baku).strftime("%d-%m-%Y %H:%M"),
    }
    if waited > standard:
        messages.warning(
            request,
            _("Langkah SOP: %(step)s. Menunggu %(waited)d menit; mutu baku %(standard)d menit (terlambat).")
            % context,
        )
    else:
        messages.info(
            request,
            ON_TIME_NOTICE % context,
        )
    return None


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("laporan/mutu-baku/", MutuBakuReportView.as_view(), name="compliance_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return reads_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        gettext_lazy("Kepatuhan Mutu Baku"), reverse("compliance_report"), icon_name="time", order=50
    )
