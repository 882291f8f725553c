"""*Pengaturan → Impor WordPress*: upload an export, read the dry run, confirm, watch the import.

The Web Administrator imports only into the OPD they administer; the Web Developer into any.
A run of another OPD is refused with 403 before anything is shown.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from opd.scoping import opds_administered_by

from .forms import ImportForm
from .models import ImportRun
from .tasks import run_wordpress_import


def _opds(request):
    opds = opds_administered_by(request.user)
    if not opds.exists():
        raise PermissionDenied
    return opds


def index(request):
    opds = _opds(request)
    form = ImportForm(request.POST or None, request.FILES or None, opds=opds)
    if request.method == "POST" and form.is_valid():
        run = ImportRun.objects.create(
            opd=form.chosen_opd(),
            user=request.user,
            export=form.cleaned_data["export"],
            uploads_zip=form.cleaned_data.get("uploads") or "",
        )
        run_wordpress_import.enqueue(run.pk, True)
        return redirect("wordpress_import_run", run.pk)
    runs = ImportRun.objects.filter(opd__in=opds).select_related("opd")[:20]
    return TemplateResponse(request, "wordpress/import_index.html", {"form": form, "runs": runs})


def _run(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("opd"), pk=pk)
    if not _opds(request).filter(pk=run.opd_id).exists():
        raise PermissionDenied
    return run


def run_detail(request, pk):
    return TemplateResponse(request, "wordpress/import_run.html", {"run": _run(request, pk)})


@require_POST
def confirm(request, pk):
    run = _run(request, pk)
    if run.status == ImportRun.Status.CHECKED:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED)
        run_wordpress_import.enqueue(run.pk, False)
    return redirect("wordpress_import_run", run.pk)
