"""Admin wiring for the SOP: serta-merta action, its review list, and audit-log labels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem

from moderation.panels import bound_review_panel
from opd.menus import WebAdministratorMenuItem

from . import change_requests, views
from .fast_track import LOG_ACTION, user_can_fast_track
from .models import task_ids_of_groups, tasks_reviewed_by


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("serta-merta/", views.fast_track_reviews, name="moderation_fast_track_reviews"),
        path("serta-merta/<int:page_id>/", views.fast_track, name="moderation_fast_track"),
        path(
            "moderasi/langkah/<int:task_state_id>/",
            views.step_already_decided,
            name="moderation_step_already_decided",
        ),
    ]


class FastTrackMenuItem(ActionMenuItem):
    label = _("Terbitkan serta-merta…")
    name = "action-serta-merta"
    icon_name = "warning"
    order = 60

    def is_shown(self, context):
        return context["view"] == "edit" and user_can_fast_track(context["page"], context["request"].user)

    def get_url(self, parent_context):
        return reverse("moderation_fast_track", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_fast_track_menu_item():
    return FastTrackMenuItem()


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        # The ids are kept on the user object: the dashboard and task checks ask them too.
        return tasks_reviewed_by(user).exists() if user.is_superuser else bool(task_ids_of_groups(user))


@hooks.register("register_admin_menu_item")
def register_fast_track_reviews_menu_item():
    return ReviewerMenuItem(
        # Short enough for the sidebar; the page itself is headed "Tinjauan serta-merta".
        _("Serta-merta"),
        reverse("moderation_fast_track_reviews"),
        icon_name="warning",
        order=250,
    )


@hooks.register("register_log_actions")
def register_sop_log_actions(actions):
    actions.register_action(
        LOG_ACTION, _("Terbit serta-merta"), _("Diterbitkan serta-merta (tanpa menunggu SOP)")
    )
    actions.register_action(
        "moderation.serta_merta_reviewed", _("Tinjauan serta-merta"), _("Penerbitan serta-merta ditinjau")
    )


hooks.register("construct_homepage_panels", bound_review_panel)
hooks.register("construct_homepage_panels", change_requests.add_changes_requested_panel)
hooks.register("before_edit_page", change_requests.show_change_request_in_editor)
hooks.register("construct_page_action_menu", change_requests.arrange_submit_actions)


# Plt/Plh delegations (moderation/delegation.py), administered by an OPD's Web Administrator.
@hooks.register("register_admin_urls")
def register_delegation_urls():
    return [path("opd/pelimpahan/", views.delegations, name="opd_delegations")]


@hooks.register("register_settings_menu_item")
def register_delegations_menu_item():
    return WebAdministratorMenuItem(
        _("Pelimpahan peran (Plt/Plh)"), reverse("opd_delegations"), icon_name="group", order=150
    )


@hooks.register("register_log_actions")
def register_delegation_log_actions(actions):
    actions.register_action(
        "moderation.delegation_granted", _("Pelimpahan peran"), _("Peran dilimpahkan (Plt/Plh)")
    )
    actions.register_action(
        "moderation.delegation_revoked", _("Pelimpahan dicabut"), _("Pelimpahan peran dicabut")
    )
    actions.register_action(
        "moderation.delegation_ended", _("Pelimpahan berakhir"), _("Pelimpahan peran berakhir")
    )
