"""Who may manage whom: the rules of the OPD-scoped people admin.

- A Web Administrator manages the people of the OPDs they administer, and nobody else.
- Roles are changed per OPD: only that OPD's four groups, never another OPD's.
- Account data (name, e-mail, active) is shared by every OPD the person belongs to, so it
  may be changed only by someone who administers all of them (otherwise an administrator
  of OPD A could change the e-mail of a colleague shared with OPD B, send a password link
  to the new address and take over that colleague's rights in B).
- Nobody changes their own account here: no self-granted roles, no self-deactivation.
  Together with "the editor is an active Web Administrator of the OPD" this also means an
  OPD can never lose its last Web Administrator through this admin.
- Accounts with rights beyond the OPDs (Web Developer / superuser, staff, direct
  permissions, a group that is no OPD role) belong to the Web Developer only.
- Separation of duties (SOP steps 6-8): in one OPD a person holds at most one of the
  reviewing roles Editor, Redaktur, Web Administrator. Cover during an absence is a
  Plt/Plh delegation, which is time-limited and logged.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from opd.models import OPD
from opd.roles import Role
from opd.scoping import opds_administered_by

# A person holds at most one of these in the same OPD (SOP steps 6, 7, 8).
REVIEW_ROLES = (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN)


def team_of(opd):
    """Everyone holding a role in the OPD (active or not), the Web Developer excepted."""
    return (
        get_user_model()
        .objects.filter(groups__opd_role__opd=opd, is_superuser=False)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def opds_of(person):
    """The OPDs whose role groups the person belongs to."""
    return OPD.objects.filter(roles__group__user=person).distinct()


def has_rights_beyond_opds(person):
    """Whether the account holds anything an OPD's role groups do not give (Web Developer's to manage)."""
    return (
        person.is_superuser
        or person.is_staff
        or person.user_permissions.exists()
        or person.groups.filter(opd_role__isnull=True).exists()
    )


@dataclass(frozen=True)
class Authority:
    """What an administrator may change on one person, in one OPD, and why not."""

    roles: bool = False
    account: bool = False
    reason: str = ""


def authority(admin, person, opd):
    """What ``admin`` may change on ``person`` while working in ``opd``'s team."""
    if not opds_administered_by(admin).filter(pk=opd.pk).exists():
        return Authority(reason=_("Anda bukan Web Administrator OPD ini."))
    if person.is_superuser:
        return Authority(reason=_("Akun Web Developer hanya dikelola Web Developer."))
    if not team_of(opd).filter(pk=person.pk).exists():
        return Authority(reason=_("Orang ini bukan anggota tim OPD ini."))
    if person.pk == admin.pk:
        return Authority(
            reason=_(
                "Ini akun Anda sendiri: peran Anda diubah oleh Web Administrator lain atau Web Developer."
            )
        )
    if has_rights_beyond_opds(person):
        return Authority(reason=_("Akun ini memiliki hak di luar OPD dan hanya dikelola Web Developer."))
    foreign = opds_of(person).exclude(pk__in=opds_administered_by(admin).values("pk"))
    if foreign.exists():
        return Authority(
            roles=True,
            reason=_(
                "Orang ini juga anggota OPD lain: Anda hanya dapat mengubah perannya di OPD ini. "
                "Nama, surel dan status akun diubah oleh Web Developer."
            ),
        )
    return Authority(roles=True, account=True)


def review_roles_conflict(groups):
    """A message when the chosen groups give one person more than one reviewing role, else None."""
    held = [group.opd_role.role for group in groups if group.opd_role.role in REVIEW_ROLES]
    if len(held) > 1:
        return _(
            "Satu orang hanya boleh memegang satu peran peninjau (Editor, Redaktur atau Web Administrator) "
            "di OPD yang sama, agar setiap langkah SOP ditinjau orang yang berbeda. Untuk menggantikan "
            "sementara, gunakan Pelimpahan peran (Plt/Plh)."
        )
    return None
