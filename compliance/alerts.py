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
from workdays.calendar import WorkCalendar

from .models import Alert
from .timing import elapsed

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
        context = {
            "title": page.title,
            "step": task.get_step_display(),
            "minutes": waited // 60,
            "standard": int(standard // 60),
        }
        if waited > standard and (task_state.pk, Alert.Kind.REMINDER) not in already:
            sent[Alert.Kind.REMINDER] += _send_once(
                task_state,
                Alert.Kind.REMINDER,
                _addresses(task.groups.all()),
                _('Pengingat mutu baku: "%(title)s" menunggu %(step)s') % context,
                _(
                    '"%(title)s" sudah menunggu %(minutes)d menit pada langkah %(step)s; '
                    "mutu bakunya %(standard)d menit. Mohon segera ditindaklanjuti di admin portal."
                )
                % context,
            )
        if waited > 2 * standard and (task_state.pk, Alert.Kind.ESCALATION) not in already:
            sent[Alert.Kind.ESCALATION] += _send_once(
                task_state,
                Alert.Kind.ESCALATION,
                _addresses(_escalation_groups(task, page)),
                _('Eskalasi mutu baku: "%(title)s" terlambat pada %(step)s') % context,
                _(
                    '"%(title)s" sudah menunggu %(minutes)d menit pada langkah %(step)s, lebih dari dua kali '
                    "mutu bakunya (%(standard)d menit). Mohon dipastikan agar segera ditindaklanjuti."
                )
                % context,
            )
    return sent[Alert.Kind.REMINDER], sent[Alert.Kind.ESCALATION]
