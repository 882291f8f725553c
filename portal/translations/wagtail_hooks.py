"""Admin wiring: "Ajukan terjemahan ke <SOP>" on a translated page, and the guard on syncing."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail_localize.models import Translation

from portal.core.performance import kept_per_worker

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


TARGETS_KEY = "portal:translation-targets-version"
_targets = kept_per_worker()


def is_translation_target(page, user=None):
    """Whether wagtail-localize translates into this page. The translation keys translated into
    each locale are kept per worker (the explorer asks for every row) until a translation is
    created, changed or deleted, or a page is deleted (which disables its translations)."""
    from portal.core.performance import _version

    def read():
        translations = Translation.objects.filter(target_locale_id=page.locale_id, enabled=True)
        return frozenset(str(key) for key in translations.values_list("source__object_id", flat=True))

    targets = _targets.at(_version(TARGETS_KEY)).kept(page.locale_id, read)
    return str(page.translation_key) in targets


def forget_translation_targets(**kwargs):
    from portal.core.performance import new_version

    new_version(TARGETS_KEY)
    _targets.clear()


def translation_header_buttons(page, user, view_name=None, next_url=None):
    """Ours in a page's header, except the explorer's (see _keep_localize_buttons_to_the_edit_view)."""
    if view_name == "index":
        return
    yield from translation_buttons(page, user, view_name=view_name, next_url=next_url)


hooks.register("register_page_header_buttons", translation_header_buttons)
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


def _keep_localize_buttons_to_the_edit_view():
    """wagtail-localize's "Translate this page" and "Sync translated pages" also sit in the
    explorer's header, for the page being explored, at three queries on every explorer page.
    Translating is done from the page's editor, where they stay (and where ours are)."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    def localize_header_buttons(page, user, view_name=None, next_url=None):
        if view_name == "index":
            return []
        return localize_hooks.page_listing_more_buttons(page, user, view_name=view_name, next_url=next_url)

    registered = hooks._hooks.get("register_page_header_buttons", [])
    registered[:] = [
        (localize_header_buttons, order) if fn is localize_hooks.page_listing_more_buttons else (fn, order)
        for fn, order in registered
    ]


_keep_localize_buttons_to_the_edit_view()
