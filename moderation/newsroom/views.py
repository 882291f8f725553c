"""The newsroom admin: assignments (list, form, detail with its checklist and chain) and the calendar."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from opd.scoping import opds_reported_to

from . import coverage
from .calendar import days, items_for, period
from .chain import chain_for
from .checklist import checklist, photo_problems, tagged_documents, tagged_images
from .forms import AssignmentForm, CalendarFilterForm, CoverageReportForm, MediaKind
from .models import Assignment, Status
from .policy import can_manage, can_report, can_work_on, opds_assignable_by


def _assignment(request, assignment_id):
    """The assignment, if it belongs to one of the user's OPDs (another OPD's is a 404)."""
    return get_object_or_404(
        Assignment.objects.visible_to(request.user).select_related("opd"), pk=assignment_id
    )


def index(request):
    assignments = (
        Assignment.objects.visible_to(request.user)
        .select_related("opd", "page")
        .prefetch_related("assignees")
    )
    mine = request.GET.get("saya") == "1"
    if mine:
        assignments = assignments.filter(assignees=request.user)
    status = request.GET.get("status", "")
    if status in Status.values:
        assignments = assignments.filter(status=status)
    return TemplateResponse(
        request,
        "newsroom/index.html",
        {
            "assignments": assignments[:200],
            "mine": mine,
            "status": status,
            "statuses": Status.choices,
            "can_assign": opds_assignable_by(request.user).exists(),
        },
    )


def _form_view(request, assignment=None):
    opds = opds_assignable_by(request.user)
    if assignment is not None and not can_manage(request.user, assignment):
        raise PermissionDenied
    if not opds.exists():
        raise PermissionDenied
    form = AssignmentForm(request.POST or None, instance=assignment, opds=opds)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            before = set(assignment.assignees.values_list("pk", flat=True)) if assignment else set()
            saved = form.save(commit=False)
            if assignment is None:
                saved.assigned_by = request.user
            saved.save()
            form.save_m2m()
            coverage.notify_assignees(saved, saved.assignees.exclude(pk__in=before))
        messages.success(request, _("Penugasan liputan “%(title)s” disimpan.") % {"title": saved.title})
        return redirect("newsroom_detail", saved.pk)
    return TemplateResponse(request, "newsroom/form.html", {"form": form, "assignment": assignment})


def create(request):
    return _form_view(request)


def edit(request, assignment_id):
    return _form_view(request, _assignment(request, assignment_id))


def detail(request, assignment_id):
    assignment = _assignment(request, assignment_id)
    may_report = can_report(request.user, assignment)
    report_form = CoverageReportForm(request.POST if request.method == "POST" else None, instance=assignment)
    if request.method == "POST":
        if not may_report:
            raise PermissionDenied
        if report_form.is_valid():
            report_form.save()
            messages.success(request, _("Hasil liputan disimpan."))
            return redirect("newsroom_detail", assignment.pk)
    images = list(tagged_images(assignment))
    documents = list(tagged_documents(assignment))
    return TemplateResponse(
        request,
        "newsroom/detail.html",
        {
            "assignment": assignment,
            "checklist": checklist(assignment, images, documents),
            "photos": [(image, photo_problems(image)) for image in images],
            "documents": documents,
            "report_form": report_form,
            "may_report": may_report,
            "may_work": can_work_on(request.user, assignment),
            "may_manage": can_manage(request.user, assignment),
            "chain": chain_for(assignment),
        },
    )


def _act(request, assignment_id, action, success):
    assignment = _assignment(request, assignment_id)
    if not can_work_on(request.user, assignment):
        raise PermissionDenied
    try:
        result = action(assignment, request.user)
    except coverage.CoverageError as error:
        messages.error(request, str(error))
        return redirect("newsroom_detail", assignment.pk)
    messages.success(request, success)
    return result, assignment


@require_POST
def start(request, assignment_id):
    answer = _act(request, assignment_id, coverage.start, _("Liputan ditandai dimulai."))
    return answer if not isinstance(answer, tuple) else redirect("newsroom_detail", assignment_id)


@require_POST
def finish(request, assignment_id):
    answer = _act(request, assignment_id, coverage.finish, _("Liputan ditandai selesai."))
    return answer if not isinstance(answer, tuple) else redirect("newsroom_detail", assignment_id)


@require_POST
def create_draft(request, assignment_id):
    answer = _act(
        request,
        assignment_id,
        coverage.create_draft,
        _("Draf berita dibuat dari penugasan. Lengkapi isinya, lalu ajukan ke SOP."),
    )
    if not isinstance(answer, tuple):
        return answer
    page, _assignment_ = answer
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def cancel(request, assignment_id):
    assignment = _assignment(request, assignment_id)
    if not can_manage(request.user, assignment):
        raise PermissionDenied
    try:
        coverage.cancel(assignment, request.user)
    except coverage.CoverageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Penugasan liputan dibatalkan."))
    return redirect("newsroom_detail", assignment.pk)


def upload(request, assignment_id):
    """Upload a photo or document for the assignment: into the OPD's collection, tagged with it."""
    assignment = _assignment(request, assignment_id)
    if not can_report(request.user, assignment):
        raise PermissionDenied
    kind = request.GET.get("jenis") or request.POST.get("jenis") or MediaKind.PHOTO
    if kind == MediaKind.DOCUMENT:
        model, form_class = get_document_model(), get_document_form(get_document_model())
    else:
        kind, model, form_class = MediaKind.PHOTO, get_image_model(), get_image_form(get_image_model())
    instance = model(uploaded_by_user=request.user, collection=assignment.opd.collection)
    form = None
    if request.method == "POST":
        data = request.POST.copy()
        data["collection"] = str(assignment.opd.collection_id)
        data["tags"] = assignment.media_tag
        form = form_class(data, request.FILES, instance=instance, user=request.user)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.collection = assignment.opd.collection
            saved.uploaded_by_user = request.user
            saved.save()
            form.save_m2m()
            messages.success(request, _("“%(title)s” diunggah untuk penugasan ini.") % {"title": saved.title})
            return redirect("newsroom_detail", assignment.pk)
    else:
        form = form_class(instance=instance, user=request.user)
    for name in (
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    ):
        if name in form.fields:
            form.fields[name].widget = form.fields[name].hidden_widget()
            form.fields[name].required = False
    return TemplateResponse(
        request, "newsroom/upload.html", {"assignment": assignment, "form": form, "kind": kind}
    )


def calendar_view(request):
    opds = opds_reported_to(request.user)
    if not opds.exists():
        raise PermissionDenied
    form = CalendarFilterForm(request.GET or None, opds=opds)
    today = timezone.localdate()
    view, anchor, kind, status, person = "minggu", today, "", "", None
    if form.is_valid():
        data = form.cleaned_data
        view = data.get("tampilan") or "minggu"
        anchor = data.get("tanggal") or today
        if data.get("opd"):
            opds = opds.filter(pk=data["opd"].pk)
        kind, status, person = data.get("jenis", ""), data.get("status", ""), data.get("orang")
    first, following = period(view, anchor)
    items = items_for(opds, first, following, kind=kind, status=status, person=person)
    step = timedelta(days=7) if view == "minggu" else timedelta(days=31)
    query = request.GET.copy()
    previous_start = first - step if view == "minggu" else (first - timedelta(days=1)).replace(day=1)

    def link(day):
        query["tanggal"] = day.isoformat()
        query["tampilan"] = view
        return "?" + query.urlencode()

    return TemplateResponse(
        request,
        "newsroom/calendar.html",
        {
            "form": form,
            "view": view,
            "first": first,
            "last": following - timedelta(days=1),
            "days": days(first, following, items),
            "items": items,
            "previous_url": link(previous_start),
            "next_url": link(first + step if view == "minggu" else following),
            "today_url": link(today),
        },
    )
