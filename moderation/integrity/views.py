"""The "Temuan integritas" report and its one-click remedies."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from opd.scoping import opds_administered_by, opds_reported_to

from .freshness import freshness_rows
from .models import Finding
from .monitor import restore_last_approved, unpublish


def findings(request):
    opds = opds_reported_to(request.user)
    if not opds.exists():
        raise PermissionDenied
    visible = Finding.objects.filter(opd__in=opds) if not request.user.is_superuser else Finding.objects.all()
    if request.method == "POST":
        finding = get_object_or_404(visible, pk=request.POST.get("finding"), page__isnull=False)
        if not (
            request.user.is_superuser or opds_administered_by(request.user).filter(pk=finding.opd_id).exists()
        ):
            raise PermissionDenied
        page = finding.page
        if request.POST.get("action") == "restore":
            revision = restore_last_approved(page, request.user)
            if revision is None:
                messages.error(
                    request, _("Tidak ada revisi yang pernah disetujui; batalkan penerbitan saja.")
                )
            else:
                messages.success(
                    request, _('Revisi yang disetujui dipulihkan untuk "%(title)s".') % {"title": page.title}
                )
        elif request.POST.get("action") == "unpublish":
            unpublish(page, request.user)
            messages.success(request, _('Penerbitan "%(title)s" dibatalkan.') % {"title": page.title})
        return redirect("integrity_findings")
    return TemplateResponse(
        request,
        "integrity/findings.html",
        {
            "open": visible.filter(resolved_at__isnull=True).select_related("page", "document", "opd"),
            "resolved": visible.filter(resolved_at__isnull=False).select_related("page", "resolved_by")[:20],
            "can_act": request.user.is_superuser or opds_administered_by(request.user).exists(),
        },
    )


def freshness(request):
    opds = opds_reported_to(request.user)
    if not opds.exists():
        raise PermissionDenied
    return TemplateResponse(request, "integrity/freshness.html", {"rows": freshness_rows(opds)})
