"""Log every change to OPD role membership, whoever makes it and wherever.

Role changes made in the team admin, in Wagtail's own user management (the Web
Developer), by ``create_opd_site`` or in a shell all pass through ``User.groups``; logging
them here means none is missed. The acting user comes from Wagtail's log context, which
the admin sets for every admin request (none for commands: the entry shows no user).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from opd.models import OPDRole

from .audit import log_team_change

User = get_user_model()


def _log(user_ids, group_ids, action):
    opd_roles = OPDRole.objects.filter(group_id__in=group_ids).select_related("opd")
    if not opd_roles:
        return
    for person in User.objects.filter(pk__in=user_ids):
        for opd_role in opd_roles:
            log_team_change(
                person,
                action,
                [opd_role.opd],
                role=opd_role.role,
                role_label=str(opd_role.get_role_display()),
            )


@receiver(m2m_changed, sender=User.groups.through)
def log_role_membership(sender, instance, action, reverse, pk_set, **kwargs):
    # Forward: instance is a user and pk_set holds groups; reverse (group.user_set): the opposite.
    through = User.groups.through
    if action in ("pre_remove", "pre_clear"):
        # Django reports the ids it was asked to remove, held or not; keep only those held.
        rows = through.objects.filter(**({"group": instance} if reverse else {"user": instance}))
        if pk_set is not None:
            rows = rows.filter(**({"user_id__in": pk_set} if reverse else {"group_id__in": pk_set}))
        instance._team_removed = list(rows.values_list("user_id", "group_id"))
        return
    if action in ("post_remove", "post_clear"):
        for user_id, group_id in getattr(instance, "_team_removed", []):
            _log([user_id], [group_id], "team.role_removed")
        instance._team_removed = []
        return
    if action == "post_add" and pk_set:
        # Django passes only the ids that were actually added.
        if reverse:
            _log(pk_set, [instance.pk], "team.role_added")
        else:
            _log([instance.pk], pk_set, "team.role_added")
