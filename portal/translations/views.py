"""Admin view: submit a wagtail-localize translation of a page to the page's SOP workflow."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .submission import SubmissionRefused, refusal, source_is_newer, submit_translation, translation_of


def submit(request, page_id):
    """GET: what will happen; POST: save the translation as a draft and start the SOP."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = translation_of(page)
    if request.method == "POST":
        try:
            submit_translation(page, request.user)
        except SubmissionRefused as refused:
            messages.error(request, str(refused))
        except ValidationError as error:
            messages.error(
                request,
                _("Terjemahan belum dapat diajukan: %(errors)s") % {"errors": " ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                _('Terjemahan "%(title)s" diajukan ke %(workflow)s.')
                % {"title": page.get_admin_display_title(), "workflow": page.get_workflow().name},
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
        return redirect("wagtailadmin_pages:edit", page.pk)
    workflow = page.get_workflow()
    update_url = None
    if translation is not None and source_is_newer(translation):
        update_url = (
            reverse("wagtail_localize:update_translations", args=[translation.source_id])
            + "?next="
            + reverse("wagtailadmin_pages:edit", args=[page.pk])
        )
    return TemplateResponse(
        request,
        "translations/submit.html",
        {
            "page": page,
            "translation": translation,
            "workflow": workflow,
            "refusal": refusal(page, request.user, translation),
            "update_url": update_url,
        },
    )
