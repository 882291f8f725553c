"""Wagtail's page bulk actions (delete, move, publish, unpublish), kept inside the user's OPDs.

Wagtail's bulk action reads the pages named by ``?id=`` (or every page of the install for
``?id=all``) and lists those the user may not act on under "Anda tidak memiliki izin ..." with
their titles: anyone could name every draft of the install by counting ids. These subclasses,
registered after Wagtail's own for the same action (so they replace them), read only pages
of the user's OPDs (``opd.scoping.visible_pages``): another OPD's page is simply not there
(404 when nothing else is), on the confirmation page and when the action runs. The move's
destination is limited the same way.
"""

from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction

from .scoping import visible_pages


class OwnOPDPagesMixin:
    """Reads only the pages of the requester's OPDs (every page for the Web Developer)."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(visible_pages(self.request.user, model.objects.all()), pk__in=object_ids)


class OwnOPDDeleteBulkAction(OwnOPDPagesMixin, DeleteBulkAction):
    pass


class OwnOPDPublishBulkAction(OwnOPDPagesMixin, PublishBulkAction):
    pass


class OwnOPDUnpublishBulkAction(OwnOPDPagesMixin, UnpublishBulkAction):
    pass


class OwnOPDMoveBulkAction(OwnOPDPagesMixin, MoveBulkAction):
    def get_form(self, form_class=None):
        # A forged destination of another OPD would be named back in the refusal.
        form = super().get_form(form_class)
        chooser = form.fields["chooser"]
        chooser.queryset = visible_pages(self.request.user, chooser.queryset)
        return form


def register():
    """Register after Wagtail's own page bulk actions (order), so these replace them."""
    for action_class in (
        OwnOPDDeleteBulkAction,
        OwnOPDPublishBulkAction,
        OwnOPDUnpublishBulkAction,
        OwnOPDMoveBulkAction,
    ):
        hooks.register("register_bulk_action", action_class, order=100)
