"""Reminders and escalations for SOP steps past their mutu baku, each sent once."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from moderation.models import Delegation, SOPStep, SOPStepTask
from opd.models import OPD
from opd.roles import Role
from portal.core.mail_links import page_admin_url
from portal.workdays.calendar import WorkCalendar

from .models import Alert
from .timing import elapsed
from .wording import escalation_text, reminder_text, step_clock

# Who hears when a step has waited twice its standard.
ESCALATE_TO = {
    SOPStep.KOREKSI: ("same_opd", Role.REDAKTUR),
    SOPStep.KOREKSI_ULANG: ("portal", Role.WEBADMIN),
    SOPStep.PUBLIKASI: ("same_opd", Role.REDAKTUR),
}


def _addresses(groups):
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    members = users.filter(groups__in=groups)
    delegates = users.filter(delegations_received__in=Delegation.objects.active().filter(group__in=groups))
    return sorted(
        set(members.values_list("email", flat=True)) | set(delegates.values_list("email", flat=True))
    )


def _escalation_groups(task, page):
    scope, role = ESCALATE_TO[task.step]
    opd = OPD.objects.filter(is_portal=True).first() if scope == "portal" else OPD.objects.for_page(page)
    return [opd.group_for(role)] if opd else []


def admin_link_line(page):
    """The line under a reminder that opens the page in the admin, on its OPD's host."""
    return "\n\n" + _("Buka di admin: %(url)s") % {"url": page_admin_url(page)}


def _send_once(task_state, kind, recipients, subject, body):
    """Record the alert and send it in one transaction; a second sender hits the unique row."""
    if not recipients:
        return False
    try:
        with transaction.atomic():
            Alert.objects.create(task_state=task_state, kind=kind, recipients=", ".join(recipients))
            # Inside the transaction: if the mail server refuses, nothing is recorded and
            # the next run tries again.
            send_mail(subject, body, None, recipients)
    except IntegrityError:
        return False
    return True


def check_waiting_tasks(now=None):
    """Send the reminders and escalations due now; return (reminders, escalations) sent."""
    now = now or timezone.now()
    calendar = None
    sent = {Alert.Kind.REMINDER: 0, Alert.Kind.ESCALATION: 0}
    waiting = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=SOPStepTask.objects.all())
        .select_related("workflow_state")
        .order_by("started_at")
    )
    already = set(Alert.objects.filter(task_state__in=waiting).values_list("task_state_id", "kind"))
    for task_state in waiting:
        task = task_state.task.specific
        standard = task.mutu_baku.total_seconds()
        calendar = calendar or WorkCalendar.around(task_state.started_at, now)
        waited = elapsed(task_state.started_at, now, calendar)
        page = task_state.workflow_state.content_object
        step = task.get_step_display()
        context = {"title": page.title, "step": step}
        link = admin_link_line(page)
        if waited > standard and (task_state.pk, Alert.Kind.REMINDER) not in already:
            clock = step_clock(task_state.started_at, task.mutu_baku, now, calendar)
            sent[Alert.Kind.REMINDER] += _send_once(
                task_state,
                Alert.Kind.REMINDER,
                _addresses(task.groups.all()),
                _('Pengingat mutu baku: "%(title)s" menunggu %(step)s') % context,
                reminder_text(page.title, step, clock) + link,
            )
        if waited > 2 * standard and (task_state.pk, Alert.Kind.ESCALATION) not in already:
            clock = step_clock(task_state.started_at, task.mutu_baku, now, calendar)
            sent[Alert.Kind.ESCALATION] += _send_once(
                task_state,
                Alert.Kind.ESCALATION,
                _addresses(_escalation_groups(task, page)),
                _('Eskalasi mutu baku: "%(title)s" terlambat pada %(step)s') % context,
                escalation_text(page.title, step, clock) + link,
            )
    return sent[Alert.Kind.REMINDER], sent[Alert.Kind.ESCALATION]
