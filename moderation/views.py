"""Admin views for the SOP's exceptions: serta-merta publication and its after-the-fact review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState

from opd.scoping import opds_administered_by

from .delegation import DelegationForm, revoke
from .fast_track import fast_track_publish, user_can_fast_track
from .fast_track import record_review as record_fast_track_review
from .models import Delegation, FastTrackReview, tasks_reviewed_by


def fast_track(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not user_can_fast_track(page, request.user):
        raise PermissionDenied
    error = None
    reason = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        try:
            fast_track_publish(page, request.user, reason)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _('"%(title)s" diterbitkan serta-merta. Langkah yang dilewati diminta meninjaunya.')
                % {"title": page.title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "moderation/fast_track.html",
        {"page": page, "error": error, "reason": reason, "min_length": 20},
    )


def reviews_for(user):
    """Pending after-the-fact reviews the user can give (their groups or their Plt/Plh roles)."""
    return (
        FastTrackReview.objects.pending()
        .filter(task__in=tasks_reviewed_by(user))
        .select_related("fast_track__page", "fast_track__published_by", "task")
    )


def fast_track_reviews(request):
    pending = reviews_for(request.user)
    if request.method == "POST":
        review = get_object_or_404(pending, pk=request.POST.get("review"))
        try:
            record_fast_track_review(review, request.user, request.POST.get("note", "").strip())
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Tinjauan dicatat."))
        return redirect(reverse("moderation_fast_track_reviews"))
    return TemplateResponse(request, "moderation/fast_track_reviews.html", {"pending": pending})


def step_already_decided(request, task_state_id):
    """Where the second of two simultaneous moderators lands: what happened, and nothing done twice."""
    task_state = get_object_or_404(TaskState.objects.select_related("finished_by"), pk=task_state_id)
    page = task_state.workflow_state.content_object
    if not page.permissions_for_user(
        request.user
    ).can_edit() and not task_state.task.specific.user_is_reviewer(request.user):
        raise PermissionDenied
    who = (
        task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
        if task_state.finished_by
        else "-"
    )
    messages.warning(
        request,
        _(
            "Langkah ini sudah diputuskan oleh %(user)s (%(status)s) sebelum tindakan Anda; "
            "tindakan Anda tidak diterapkan."
        )
        % {"user": who, "status": task_state.get_status_display()},
    )
    return redirect("wagtailadmin_home")


def delegations(request):
    opds = opds_administered_by(request.user)
    if not opds.exists():
        raise PermissionDenied
    visible = Delegation.objects.filter(group__opd_role__opd__in=opds).select_related(
        "group", "delegate", "delegated_by"
    )
    if request.method == "POST" and "revoke" in request.POST:
        delegation = get_object_or_404(visible, pk=request.POST["revoke"], revoked_at__isnull=True)
        revoke(delegation, request.user)
        messages.success(request, _("Pelimpahan dicabut."))
        return redirect("opd_delegations")
    form = DelegationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delegation = form.save()
        messages.success(request, _("Pelimpahan peran dicatat: %(delegation)s") % {"delegation": delegation})
        return redirect("opd_delegations")
    return TemplateResponse(
        request,
        "moderation/delegations.html",
        {"form": form, "delegations": visible, "now": timezone.now()},
    )
