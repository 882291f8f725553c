"""Informasi serta-merta: publish ahead of the SOP, with a reason, and owe a review afterwards.

UU 14/2008 art. 10 obliges a public body to announce at once information that threatens
lives or public order. The SOP's Redaktur or Web Administrator may then publish a page
straight away, but only with a written reason; every skipped step is asked to review
the page after the fact, and the fast-track stands in the audit log and the reports.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState

from portal.core.mail_links import page_admin_url

from .models import FastTrack, FastTrackReview, SOPPublication, SOPStep, SOPStepTask

FAST_TRACK_ROLES = (SOPStep.KOREKSI_ULANG, SOPStep.PUBLIKASI)
MIN_REASON_LENGTH = 20
LOG_ACTION = "moderation.serta_merta"


def sop_tasks_for(page):
    workflow = page.get_workflow()
    if workflow is None:
        return []
    return [task.specific for task in workflow.tasks.filter(active=True)]


def user_can_fast_track(page, user):
    """Redaktur or Web Administrator of the page's own workflow (or their Plt/Plh)."""
    if not user.is_authenticated:
        return False
    return any(
        isinstance(task, SOPStepTask) and task.step in FAST_TRACK_ROLES and task.user_is_reviewer(user)
        for task in sop_tasks_for(page)
    )


def clean_reason(reason):
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Tuliskan alasan penerbitan serta-merta (minimal %(count)d karakter).")
            % {"count": MIN_REASON_LENGTH}
        )
    return reason


def _skipped_tasks(page, user):
    """The SOP steps nobody has approved for this content, except the fast-tracker's own."""
    approved = set()
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        approved = set(
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED).values_list(
                "task_id", flat=True
            )
        )
    return [
        task
        for task in sop_tasks_for(page)
        if isinstance(task, SOPStepTask) and task.pk not in approved and not task.user_is_reviewer(user)
    ]


@transaction.atomic
def fast_track_publish(page, user, reason):
    """Publish the page's latest content now; return the FastTrack record."""
    reason = clean_reason(reason)
    page = page.specific
    if not user_can_fast_track(page, user):
        raise PermissionDenied
    skipped = _skipped_tasks(page, user)
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    revision = page.get_latest_revision() or page.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    fast_track = FastTrack.objects.create(page=page, revision=revision, published_by=user, reason=reason)
    SOPPublication.objects.update_or_create(
        revision=revision, defaults={"fast_track": fast_track, "approved_by": user}
    )
    FastTrackReview.objects.bulk_create(FastTrackReview(fast_track=fast_track, task=task) for task in skipped)
    log(
        instance=page,
        action=LOG_ACTION,
        user=user,
        revision=revision,
        data={"reason": reason, "skipped_steps": [task.get_step_display() for task in skipped]},
    )
    transaction.on_commit(lambda: _notify_skipped_reviewers(fast_track, skipped))
    return fast_track


def _notify_skipped_reviewers(fast_track, skipped_tasks):
    from django.contrib.auth import get_user_model

    addresses = sorted(
        get_user_model()
        .objects.filter(
            groups__in=[group for task in skipped_tasks for group in task.groups.all()], is_active=True
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not addresses:
        return
    page = fast_track.page
    send_mail(
        subject=_('Terbit serta-merta: "%(title)s" menunggu tinjauan Anda') % {"title": page.title},
        message=_(
            '%(user)s menerbitkan "%(title)s" secara serta-merta tanpa menunggu langkah SOP Anda.\n\n'
            "Alasan: %(reason)s\n\n"
            "Mohon tinjau halaman ini setelah terbit di menu Serta-merta pada admin."
        )
        % {
            "user": fast_track.published_by.get_full_name() or fast_track.published_by,
            "title": page.title,
            "reason": fast_track.reason,
        }
        + "\n\n"
        + _("Buka di admin: %(url)s") % {"url": page_admin_url(page)},
        from_email=None,
        recipient_list=addresses,
    )


@transaction.atomic
def record_review(review, user, note=""):
    """A member of the skipped step's group confirms the after-the-fact review."""
    if review.reviewed_at is not None:
        raise ValidationError(_("Tinjauan ini sudah dicatat."))
    if not review.task.specific.user_is_reviewer(user):
        raise PermissionDenied
    review.reviewed_by = user
    review.reviewed_at = timezone.now()
    review.note = note
    review.save(update_fields=["reviewed_by", "reviewed_at", "note"])
    log(
        instance=review.fast_track.page.specific,
        action="moderation.serta_merta_reviewed",
        user=user,
        data={"step": review.task.specific.get_step_display(), "note": note},
    )
    return review
