"""Admin views an OPD's Web Administrator uses for the OPD's own people."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation.models import Delegation

from .delegation import DelegationForm, opds_administered_by, revoke


def delegations(request):
    opds = opds_administered_by(request.user)
    if not opds.exists():
        raise PermissionDenied
    visible = Delegation.objects.filter(group__opd_role__opd__in=opds).select_related(
        "group", "delegate", "delegated_by"
    )
    if request.method == "POST" and "revoke" in request.POST:
        delegation = get_object_or_404(visible, pk=request.POST["revoke"], revoked_at__isnull=True)
        revoke(delegation, request.user)
        messages.success(request, _("Pelimpahan dicabut."))
        return redirect("opd_delegations")
    form = DelegationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delegation = form.save()
        messages.success(request, _("Pelimpahan peran dicatat: %(delegation)s") % {"delegation": delegation})
        return redirect("opd_delegations")
    return TemplateResponse(
        request,
        "opd/delegations.html",
        {"form": form, "delegations": visible, "now": timezone.now()},
    )
