"""The changes an OPD's Web Administrator makes to its team, each in one transaction and logged.

Views check *whether* the administrator may act (``opd.team.policy``) and forms check the
values; these functions make the change. Role changes are logged by ``opd.team.signals``.
"""

import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from opd.roles import Role

from .audit import log_team_change
from .invitations import send_added_to_team, send_invitation, send_password_link
from .policy import opds_of

User = get_user_model()
ACCOUNT_FIELDS = ("first_name", "last_name", "email")


def role_labels(groups):
    return [str(group.opd_role.get_role_display()) for group in sorted(groups, key=lambda g: g.name)]


def suggest_username(email):
    """A free username from the e-mail's local part: "budi.santoso", then "budi.santoso2", ..."""
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0].lower())[:140] or "pengguna"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def set_opd_roles(person, opd, groups):
    """Give ``person`` exactly ``groups`` among ``opd``'s role groups; other OPDs' groups are untouched."""
    current = set(person.groups.filter(opd_role__opd=opd))
    chosen = {group for group in groups if group.opd_role.opd_id == opd.pk}
    if current - chosen:
        person.groups.remove(*(current - chosen))
    if chosen - current:
        person.groups.add(*(chosen - current))


@transaction.atomic
def create_person(opd, admin, *, username, first_name, last_name, email, groups):
    """A new account in the OPD's team; it has no password until the person sets one."""
    person = User(username=username, first_name=first_name, last_name=last_name, email=email)
    person.set_unusable_password()
    person.save()
    log_team_change(person, "team.invited", [opd], user=admin)
    set_opd_roles(person, opd, groups)
    send_invitation(person, opd.name, role_labels(groups), invited_by=admin, site=opd.site)
    return person


@transaction.atomic
def add_existing_person(opd, admin, person, groups):
    """Someone with an account (in another OPD) joins this team; their account is not changed."""
    log_team_change(person, "team.joined", [opd], user=admin)
    set_opd_roles(person, opd, groups)
    send_added_to_team(person, opd.name, role_labels(groups), added_by=admin, site=opd.site)
    return person


@transaction.atomic
def update_person(opd, admin, person, *, groups, account=None):
    """Change the person's roles in ``opd`` and, when given, their name and e-mail."""
    if account is not None:
        before = User.objects.get(pk=person.pk)
        changes = {
            field: [getattr(before, field), account[field]]
            for field in ACCOUNT_FIELDS
            if field in account and getattr(before, field) != account[field]
        }
        if changes:
            for field in changes:
                setattr(person, field, account[field])
            person.save(update_fields=list(changes))
            log_team_change(person, "team.account_changed", opds_of(person), user=admin, changes=changes)
    set_opd_roles(person, opd, groups)


@transaction.atomic
def deactivate(admin, person):
    """Block the login; pages, revisions and history keep the person as their author."""
    person.is_active = False
    person.save(update_fields=["is_active"])
    log_team_change(person, "team.deactivated", opds_of(person), user=admin)


@transaction.atomic
def reactivate(admin, person):
    person.is_active = True
    person.save(update_fields=["is_active"])
    log_team_change(person, "team.reactivated", opds_of(person), user=admin)


@transaction.atomic
def send_password_setting_link(opd, admin, person):
    """A password link; for someone who never set a password, the invitation again."""
    if person.has_usable_password():
        send_password_link(person, site=opd.site)
        log_team_change(person, "team.password_link_sent", [opd], user=admin)
    else:
        groups = person.groups.filter(opd_role__opd=opd).select_related("opd_role")
        send_invitation(person, opd.name, role_labels(groups), invited_by=admin, site=opd.site)
        log_team_change(person, "team.invitation_resent", [opd], user=admin)


class AppointmentRefused(Exception):
    """The e-mail cannot name the OPD's Web Administrator; the message says why, in one line."""


@transaction.atomic
def appoint_web_administrator(opd, email, appointed_by=None):
    """Make the owner of ``email`` a Web Administrator of ``opd``: create and invite them if needed.

    Returns "created", "added" or "unchanged"; running it again changes nothing.
    """
    group = opd.group_for(Role.WEBADMIN)
    matches = list(User.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise AppointmentRefused(
            _("Beberapa akun memakai alamat surel %(email)s; tidak ada yang diubah.") % {"email": email}
        )
    if not matches:
        person = User(username=suggest_username(email), email=email)
        person.set_unusable_password()
        person.save()
        log_team_change(person, "team.invited", [opd], user=appointed_by)
        person.groups.add(group)
        send_invitation(person, opd.name, [str(Role.WEBADMIN.label)], invited_by=appointed_by, site=opd.site)
        return person, "created"
    person = matches[0]
    if person.is_superuser or not person.is_active:
        raise AppointmentRefused(
            _("Akun dengan alamat surel %(email)s adalah Web Developer atau nonaktif; tidak ada yang diubah.")
            % {"email": email}
        )
    if person.groups.filter(pk=group.pk).exists():
        return person, "unchanged"
    log_team_change(person, "team.joined", [opd], user=appointed_by)
    person.groups.add(group)
    if person.has_usable_password():
        send_added_to_team(person, opd.name, [str(Role.WEBADMIN.label)], added_by=appointed_by, site=opd.site)
    else:
        send_invitation(person, opd.name, [str(Role.WEBADMIN.label)], invited_by=appointed_by, site=opd.site)
    return person, "added"
