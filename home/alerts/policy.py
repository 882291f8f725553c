"""Who may set which alert (issue 24).

- A regency-wide alert (no site): the regency portal's Web Administrator and the Web
  Developer (a superuser) only. An OPD's people can neither edit nor delete it.
- An OPD's own notice (its site, below darurat): that OPD's Web Administrator, the regency
  portal's Web Administrator and the Web Developer.

The rights follow the SOP roles (``opd.scoping``), not Django model permissions, so every OPD,
old or new, has them without re-provisioning.
"""

from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from opd.roles import Role
from opd.scoping import memberships, opds_administered_by, remember

ACTIONS = {"add", "change", "delete", "view"}


def sets_regency_alerts(user):
    """The regency portal's Web Administrator or the Web Developer."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(is_portal and role == Role.WEBADMIN for _opd, role, is_portal in memberships(user))


def notice_site_ids(user):
    """The sites whose own notice the user may set: every site for the regency's Web
    Administrator and the Web Developer, else the sites of the OPDs they administer."""
    if not user.is_active:
        return frozenset()

    def compute():
        if sets_regency_alerts(user):
            return frozenset(Site.objects.values_list("pk", flat=True))
        return frozenset(opds_administered_by(user).exclude(site=None).values_list("site_id", flat=True))

    return remember(user, "alert_sites", compute)


def may_set_alerts(user):
    return bool(user.is_authenticated and (sets_regency_alerts(user) or notice_site_ids(user)))


def may_manage(user, alert):
    """Whether the user may change or delete this alert."""
    if alert.site_id is None:
        return sets_regency_alerts(user)
    return alert.site_id in notice_site_ids(user)


class AlertPermissionPolicy(BasePermissionPolicy):
    """The rules above, as Wagtail asks them (menus, buttons, views, bulk actions)."""

    def user_has_permission(self, user, action):
        return action in ACTIONS and may_set_alerts(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_manage(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(visible_q(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__opd_role__role=Role.WEBADMIN), is_active=True)
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def visible_q(user):
    """The alerts the user manages (and so sees) in the admin."""
    q = Q(site_id__in=notice_site_ids(user))
    if sets_regency_alerts(user):
        q |= Q(site__isnull=True)
    return q
