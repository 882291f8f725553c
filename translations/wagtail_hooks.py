"""Admin wiring: "Ajukan terjemahan ke <SOP>" on a translated page, and the guard on syncing."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import views
from .submission import refusal, source_is_newer, translation_of


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("terjemahan/<int:page_id>/ajukan/", views.submit, name="translations_submit")]


def translation_buttons(page, user, view_name=None, next_url=None):
    """On a page being translated in wagtail-localize's editor: submit it to the SOP; sync it."""
    if page.is_root() or page.locale_id is None:
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


hooks.register("register_page_header_buttons", translation_buttons)
hooks.register("register_page_listing_more_buttons", translation_buttons)
