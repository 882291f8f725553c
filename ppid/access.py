"""Who may read which OPD's requests: its PPID group only (and the Web Developer)."""

from opd.models import OPD
from opd.roles import Role

from .models import InformationRequest, Objection


def ppid_opds(user):
    """The OPDs whose PPID group the user belongs to (every OPD for a superuser)."""
    if not user.is_authenticated:
        return OPD.objects.none()
    if user.is_superuser:
        return OPD.objects.all()
    return OPD.objects.filter(roles__role=Role.PPID, roles__group__user=user).distinct()


def sees_identity(user, opd):
    """Whether the user may read the requesters' identity data of ``opd``: its PPID group only.

    The Web Developer (superuser) may open a request to help, but sees no identity unless they
    are in that OPD's PPID group themselves.
    """
    return OPD.objects.filter(pk=opd.pk, roles__role=Role.PPID, roles__group__user=user).exists()


def report_opds(user):
    """The OPDs whose PPID service report a user reads: as PPID or as Web Administrator."""
    if user.is_superuser:
        return OPD.objects.all()
    return OPD.objects.filter(roles__role__in=(Role.PPID, Role.WEBADMIN), roles__group__user=user).distinct()


def requests_for(user):
    return InformationRequest.objects.filter(opd__in=ppid_opds(user)).select_related("opd")


def objections_for(user):
    return Objection.objects.filter(request__opd__in=ppid_opds(user)).select_related(
        "request", "request__opd"
    )
