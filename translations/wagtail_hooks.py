"""Admin wiring: "Ajukan terjemahan ke <SOP>" on a translated page, and the guard on syncing."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail_localize.models import Translation

from . import views
from .submission import refusal, source_is_newer, translation_of


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("terjemahan/<int:page_id>/ajukan/", views.submit, name="translations_submit")]


def translation_buttons(page, user, view_name=None, next_url=None):
    """On a page being translated in wagtail-localize's editor: submit it to the SOP; sync it."""
    if page.is_root() or page.locale_id is None or not is_translation_target(page, user):
        return
    translation = translation_of(page)
    if translation is None:
        return
    if refusal(page, user, translation) is None:
        yield Button(
            _("Ajukan terjemahan ke %(workflow)s") % {"workflow": page.get_workflow().name},
            reverse("translations_submit", args=[page.pk]),
            icon_name="resubmit",
            priority=5,
        )
    if source_is_newer(translation) and user.has_perm("wagtail_localize.submit_translation"):
        yield Button(
            _("Teks asli berubah: perbarui terjemahan"),
            reverse("wagtail_localize:update_translations", args=[translation.source_id])
            + "?next="
            + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            icon_name="rotate",
            priority=6,
        )


def is_translation_target(page, user):
    """Whether wagtail-localize translates into this page: one query per locale and request
    (the explorer asks for every row), not one per page."""
    known = getattr(user, "_portal_translation_targets", None)
    if known is None:
        known = {}
        user._portal_translation_targets = known
    if page.locale_id not in known:
        known[page.locale_id] = set(
            Translation.objects.filter(target_locale_id=page.locale_id, enabled=True).values_list(
                "source__object_id", flat=True
            )
        )
    return page.translation_key in known[page.locale_id]


hooks.register("register_page_header_buttons", translation_buttons)
hooks.register("register_page_listing_more_buttons", translation_buttons)


def _drop_localize_row_buttons():
    """wagtail-localize offers "Translate this page" and "Sync translated pages" in every row of
    the page explorer, at two queries a row (a hundred for one screen of the explorer). They
    stay in the page's own header, one click away; the rows keep ours (batched above)."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    registered = hooks._hooks.get("register_page_listing_more_buttons", [])
    registered[:] = [
        entry for entry in registered if entry[0] is not localize_hooks.page_listing_more_buttons
    ]


_drop_localize_row_buttons()
