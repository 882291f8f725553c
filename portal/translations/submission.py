"""A wagtail-localize translation of a page goes to the public through the page's SOP workflow.

wagtail-localize's translation editor saves each string as it is typed, but only its
Publish button (which needs the publish permission no OPD role holds) turns them into the
page. ``submit_translation`` is the missing step: it saves the translation's current state as
a draft revision of the translated page and starts its workflow (or resumes it after the
reviewers asked for changes). The workflow's last step publishes that revision, as for any
page (``moderation.workflows.publish_after_sop_approval``).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation, TranslationSource


class SubmissionRefused(Exception):
    """Why a translation cannot be submitted now, in words for the person who tried."""


def translation_of(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def source_is_newer(translation):
    """True when the original was published again after the translation last took its text.

    "Sync translated pages" (wagtail-localize's UpdateTranslationsView) brings the new text
    into the translation editor; until then the translation is out of date.
    """
    try:
        original = translation.source.get_source_instance()
    except ObjectDoesNotExist:
        return False
    published = getattr(original, "last_published_at", None)
    return bool(published and published > translation.source.last_updated_at)


def refusal(page, user, translation=None):
    """Why ``user`` may not submit ``page``'s translation now (None when they may)."""
    translation = translation or translation_of(page)
    if translation is None:
        return _("Halaman ini bukan terjemahan yang dikerjakan di penyunting terjemahan.")
    if not page.permissions_for_user(user).can_edit():
        return _("Anda tidak berhak mengubah halaman ini.")
    if page.get_workflow() is None:
        return _("Halaman ini tidak punya alur kerja SOP.")
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("Terjemahan ini sudah dalam moderasi; tunggu keputusan peninjau.")
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return _("Halaman ini sedang dikunci.")
    return None


def _keep_live_content(page, live_revision, draft_revision):
    """Put the live content back into the page row after wagtail-localize wrote the draft there.

    ``save_target(publish=False)`` saves the translated fields into the page itself before
    making the revision, and the page row is what visitors see: without this, a change to a
    live translation would reach the public before any reviewer saw it.
    """
    live = live_revision.as_object()
    live.latest_revision = draft_revision
    live.draft_title = draft_revision.content.get("title", live.title)
    live.has_unpublished_changes = True
    live.save(clean=False)


@transaction.atomic
def submit_translation(page, user):
    """Save the translation as a draft revision of ``page`` and start (or resume) its SOP.

    Returns the workflow state. Raises ``SubmissionRefused`` when the user may not submit,
    and ``ValidationError`` when the translated content is not a valid page.
    """
    translation = translation_of(page)
    reason = refusal(page, user, translation)
    if reason:
        raise SubmissionRefused(reason)
    live_revision = page.live_revision if page.live else None
    translation.save_target(user=user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    if live_revision is not None:
        _keep_live_content(page, live_revision, page.get_latest_revision())
        page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    return page.get_workflow().start(page, user)


def sources_of(page):
    """The translation source of an original page (to sync its translations), or None."""
    return TranslationSource.objects.get_for_instance_or_none(page)
