"""Who may do what with a coverage assignment, decided in one place for every view."""

from opd.models import OPD
from opd.roles import Role

ASSIGNING_ROLES = (Role.EDITOR, Role.REDAKTUR)


def opds_assignable_by(user):
    """OPDs in which the user assigns coverage: their Editor or Redaktur (all for the Web Developer)."""
    if user.is_superuser:
        return OPD.objects.all()
    return OPD.objects.filter(roles__role__in=ASSIGNING_ROLES, roles__group__user=user).distinct()


def penulis_of(opd):
    """The OPD's Penulis / Tim Peliput who can be sent on a coverage."""
    return opd.group_for(Role.PENULIS).user_set.filter(is_active=True).order_by("first_name", "username")


def can_manage(user, assignment):
    """Edit or cancel: the Editor / Redaktur of the assignment's OPD."""
    return opds_assignable_by(user).filter(pk=assignment.opd_id).exists()


def can_work_on(user, assignment):
    """Start, finish and draft: the people sent on it."""
    return assignment.is_assignee(user)


def can_report(user, assignment):
    """Upload media and fill in the quotes and video: the team and whoever assigned it."""
    return can_work_on(user, assignment) or can_manage(user, assignment)
