"""The admin URLconf, object by object: what the permission-matrix test walks.

``admin_patterns()`` lists every URL pattern under the admin prefix, straight from Django's
resolver, so a view added by Wagtail, a package or our apps shows up here by itself.
``build_world()`` seeds two OPDs with one object of every kind the admin's URLs take (pages
in each state, revisions, task and workflow states, images, documents, uploads, users,
groups, sites, settings, redirects, translations, editing sessions...). ``url_for()`` fills a
pattern's path parameters with the objects of one OPD, or with install-wide objects (locales,
holidays, task types) where the URL has no OPD.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, UploadedFile
from wagtail_localize.models import OverridableSegment, StringSegment, Translation, TranslationSource

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import jpeg_bytes
from tests.test_sop_workflow import add_news_index

ADMIN_PREFIX = "admin/"


@dataclass
class AdminPattern:
    """One URL pattern of the admin: its key in the rule table and its path parameters."""

    key: str
    name: str | None
    route: str
    params: list = field(default_factory=list)


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            regex = pattern.pattern.regex
            params = sorted(regex.groupindex) if hasattr(pattern.pattern, "regex") else []
            yield AdminPattern(key="", name=name, route=prefix + str(pattern.pattern), params=params)


def admin_patterns():
    """Every URL pattern under the admin prefix, keyed by view name (plus parameters when a
    name is shared by several patterns, plus the route when a pattern has no name)."""
    found = [p for p in _walk(get_resolver().url_patterns) if p.route.startswith(ADMIN_PREFIX)]
    names = [p.name for p in found]
    for pattern in found:
        if pattern.name is None:
            pattern.key = pattern.route
        elif names.count(pattern.name) > 1:
            pattern.key = f"{pattern.name}({','.join(pattern.params)})"
        else:
            pattern.key = pattern.name
    return found


class World:
    """Two OPDs' worth of admin objects. ``own`` is Dinas Kesehatan, ``other`` the OPD whose
    every name and title carries ``marker``."""


@dataclass
class OPDObjects:
    opd: object
    people: dict
    draft: object = None
    live: object = None
    in_review: object = None
    image: object = None
    document: object = None
    image_upload: object = None
    document_upload: object = None
    redirect: object = None
    translation: object = None
    string_segment: object = None
    overridable_segment: object = None
    editing_session: object = None
    delegation: object = None
    assignment: object = None
    wordpress_import: object = None
    information_request: object = None
    objection: object = None
    alert: object = None
    survey_period: object = None
    survey_response: object = None


def build_opd(slug, name, marker):
    opd = make_opd(slug, name)
    people = {role: member(opd, role) for role in Role}
    for user in people.values():
        user.last_name = marker
        user.save(update_fields=["last_name"])
    penulis = people[Role.PENULIS]
    objects = OPDObjects(opd=opd, people=people)
    index = add_news_index(opd)
    index.title = f"{marker} Berita"
    index.save_revision().publish(skip_permission_checks=True)

    def news(slug, live=False):
        page = NewsPage(title=f"{marker} {slug}", slug=slug, lead=marker, owner=penulis)
        index.add_child(instance=page)
        revision = page.save_revision(user=penulis)
        if live:
            revision.publish(skip_permission_checks=True)
        return NewsPage.objects.get(pk=page.pk)

    # The workflow and its steps carry the marker too: the workflow reports' filters name them.
    workflow = index.get_workflow()
    workflow.name = f"SOP {marker}"
    workflow.save(update_fields=["name"])
    for task in workflow.tasks.all():
        task.name = f"{task.name} {marker}"
        task.save(update_fields=["name"])

    # Drafts under embargo: distinctive titles that only their own OPD may ever read.
    objects.draft = news("draf")
    objects.live = news("tayang", live=True)
    objects.in_review = news("ditinjau")
    objects.in_review.get_workflow().start(objects.in_review, penulis)
    objects.in_review.refresh_from_db()

    objects.image = get_image_model().objects.create(
        title=f"{marker} foto",
        file=ImageFile(jpeg_bytes(), name="foto.jpg"),
        collection=opd.collection,
        uploaded_by_user=penulis,
    )
    objects.document = get_document_model().objects.create(
        title=f"{marker} dokumen",
        file=ContentFile(b"isi laporan", name="laporan.txt"),
        collection=opd.collection,
        uploaded_by_user=penulis,
    )
    objects.image_upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        file=ImageFile(jpeg_bytes(), name="unggahan.jpg"),
        uploaded_by_user=penulis,
    )
    objects.document_upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_document_model()),
        file=ContentFile(b"isi", name="unggahan.txt"),
        uploaded_by_user=penulis,
    )
    objects.redirect = Redirect.objects.create(
        old_path=f"/lama-{slug}", site=opd.site, redirect_link=f"https://{opd.site.hostname}/"
    )
    # The OPD's home page has its English translation from provisioning.
    source, _created = TranslationSource.get_or_create_from_instance(opd.site.root_page.specific)
    objects.translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    objects.string_segment = StringSegment.objects.filter(source=source).first()
    objects.overridable_segment = OverridableSegment.objects.filter(source=source).first()
    from news.models import NewsCategory

    objects.category = NewsCategory.objects.create(
        site=opd.site, name=f"{marker} kategori", slug=f"kategori-{slug}", locale=Locale.get_default()
    )
    from home.alerts.models import Level
    from home.alerts.tests.factories import make_alert

    objects.alert = make_alert(site=opd.site, level=Level.INFORMASI, text=f"{marker} peringatan")
    from moderation.newsroom.tests.factories import make_assignment

    objects.assignment = make_assignment(opd, [penulis], title=f"{marker} liputan", place=f"{marker} tempat")
    from news.wordpress.models import ImportRun

    objects.wordpress_import = ImportRun.objects.create(
        opd=opd,
        export=ContentFile(b"<rss/>", name="ekspor.xml"),
        status="done",
        report=f"{marker} laporan impor",
    )
    objects.editing_session = EditingSession.objects.create(
        user=penulis,
        content_type=ContentType.objects.get_for_model(objects.draft, for_concrete_model=False),
        object_id=str(objects.draft.pk),
        last_seen_at=timezone.now(),
    )
    # A permohonan informasi and its keberatan (ppid/), identity marked like every name.
    from ppid.models import RequestStatus
    from ppid.services import change_status, file_objection, register_request
    from ppid.tests.factories import request_data

    objects.information_request = change_status(
        register_request(opd, request_data(name=f"{marker} pemohon")),
        RequestStatus.DITOLAK,
        None,
        answer=marker,
        rejection_basis=marker,
    )
    objects.objection = file_objection(objects.information_request, "a", f"{marker} keberatan")
    # A survey period and a response with a suggestion (ppid/skm/), marked like every name.
    from ppid.skm.tests.factories import open_period, respond

    objects.survey_period = open_period(opd, name=f"{marker} periode")
    objects.survey_response = respond(objects.survey_period, (3,) * 9, suggestion=f"{marker} saran")
    return objects


def build_world(marker):
    from portal.workdays.models import NonWorkingDay

    world = World()
    world.marker = marker
    world.own = build_opd("dinkes", "Dinas Kesehatan", marker="MILIKSENDIRI")
    world.other = build_opd("lain", "Dinas Lain", marker=marker)
    world.superuser = UserFactory(username="developer", is_superuser=True)
    world.holiday = NonWorkingDay.objects.create(date=timezone.localdate(), name="Cuti bersama")
    world.locale = Locale.objects.get(language_code="en")
    return world


# Path parameters that take the same object whatever the view.
def _by_param(objects, world):
    page, review = objects.draft, objects.in_review
    task_state = review.current_workflow_task_state
    return {
        "parent_page_id": objects.draft.get_parent().pk,
        "page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": objects.live.get_parent().pk,
        "page_pk": page.pk,
        "content_type_app_name": "news",
        "content_type_model_name": "newspage",
        "revision_id": page.latest_revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": task_state.pk,
        "task_id": task_state.task.pk,
        "workflow_state_id": review.current_workflow_state.pk,
        "workflow_pk": review.get_workflow().pk,
        "action_name": "approve",
        "collection_id": objects.opd.collection.pk,
        "redirect_id": objects.redirect.pk,
        "document_id": objects.document.pk,
        "doc_id": objects.document.pk,
        "image_id": objects.image.pk,
        "filter_spec": "fill-80x80",
        "translation_id": objects.translation.pk,
        "translation_source_id": objects.translation.source.pk,
        "string_segment_id": objects.string_segment.pk if objects.string_segment else 0,
        "overridable_segment_id": objects.overridable_segment.pk if objects.overridable_segment else 0,
        "mode": "",
        "session_id": objects.editing_session.pk,
        "opd_slug": objects.opd.slug,
        "assignment_id": objects.assignment.pk,
        "user_id": objects.people[Role.PENULIS].pk,
        "object_id": str(page.pk),
        "uidb64": "MQ",
        "token": "bukan-token",
        "action": "delete",
    }


def _pk_for(pattern, objects, world):
    """What ``pk`` (and a few generic names) mean depends on the view."""
    name = pattern.name or ""
    page = objects.draft
    if name.startswith("wagtailadmin_api:pages") or name.startswith("wagtailadmin_pages:revisions_compare"):
        return page.pk
    if name.startswith("wagtailadmin_api:documents") or name.startswith("wagtaildocs_chooser"):
        return objects.document.pk
    if name.startswith("wagtailadmin_api:images") or name.startswith("wagtailimages_chooser"):
        return objects.image.pk
    if name.startswith("wagtailadmin_collections"):
        return objects.opd.collection.pk
    if name.startswith("wagtailadmin_workflows:") and "task" in name:
        return objects.in_review.current_workflow_task_state.task.pk
    if name.startswith("wagtailadmin_workflows:"):
        return objects.in_review.get_workflow().pk
    if name.startswith("wagtailusers_users"):
        return objects.people[Role.PENULIS].pk
    if name.startswith("wagtailusers_groups"):
        return objects.opd.group_for(Role.PENULIS).pk
    if name.startswith("wagtailsites"):
        return objects.opd.site.pk
    if name.startswith("wagtailsettings"):
        return objects.opd.site.pk
    if name.startswith("wagtaillocales"):
        return world.locale.pk
    if "news_newscategory" in name:
        return objects.category.pk
    if "alerts_alert" in name:
        return objects.alert.pk
    if name.startswith(("wagtailsnippets", "wagtailsnippetchoosers")):
        return world.holiday.pk
    if name.startswith("wagtail_localize:"):
        return page.pk
    if name.startswith("wordpress_import"):
        return objects.wordpress_import.pk
    if name == "ppid_request":
        return objects.information_request.pk
    if name == "ppid_objection":
        return objects.objection.pk
    if name == "skm_follow_up":
        return objects.survey_response.pk
    if name == "skm_close_period":
        return objects.survey_period.pk
    raise KeyError(f"no object for pk in {pattern.key}")


def _app_model_for(pattern):
    name = pattern.name or ""
    if name.startswith("wagtailsettings"):
        return "opd", "sitebranding"
    if name.startswith("wagtail_localize:") or name.startswith("wagtailadmin_editing_sessions"):
        return "wagtailcore", "page"
    if name == "wagtail_bulk_action":
        return "wagtailcore", "page"
    if name.startswith("wagtailadmin_workflows"):
        return "moderation", "sopsteptask"
    return "news", "newspage"


# Views about a page's workflow take the page in review; unpublishing takes the live page.
IN_REVIEW_VIEWS = {
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_pages:workflow_history_detail",
}
LIVE_PAGE_VIEWS = {"wagtailadmin_pages:unpublish"}


def url_for(pattern, objects, world):
    """The URL of a pattern filled with ``objects`` (one OPD's); None for the catch-all."""
    if pattern.name is None:
        return "/" + pattern.route.replace("^.*/$", "tidak-ada/")
    values = _by_param(objects, world)
    if pattern.name in IN_REVIEW_VIEWS:
        values["page_id"] = objects.in_review.pk
    elif pattern.name in LIVE_PAGE_VIEWS:
        values["page_id"] = objects.live.pk
    kwargs = {}
    for param in pattern.params:
        if param == "pk":
            kwargs[param] = _pk_for(pattern, objects, world)
        elif param == "uploaded_file_id":
            upload = objects.image_upload if "image" in pattern.name else objects.document_upload
            kwargs[param] = upload.pk
        elif param in ("app_label", "app_name", "model_name"):
            app, model = _app_model_for(pattern)
            kwargs[param] = app if param != "model_name" else model
        else:
            kwargs[param] = values[param]
    if "mode" in kwargs and not kwargs["mode"]:
        kwargs["mode"] = "desktop"
    return reverse(pattern.name, kwargs=kwargs)


def has_objects(pattern):
    """Whether the URL takes an object that belongs to one OPD (so it has an own and an other form)."""
    global_params = {
        "content_type_app_name",
        "content_type_model_name",
        "app_label",
        "app_name",
        "model_name",
    }
    name = pattern.name or ""
    if "news_newscategory" in name or "alerts_alert" in name:
        return "pk" in pattern.params
    if name.startswith(("wagtaillocales", "wagtailsnippet", "wagtailadmin_password_reset")):
        return False
    return any(
        param not in global_params and param not in ("mode", "action", "filter_spec")
        for param in pattern.params
    )


def title_probe_urls(world):
    """Admin URLs that name another OPD's pages in their query, or that list pages, workflows
    and people of the whole install (reports and their filters, choosers, searches, history,
    usage), requested by a user of ``world.own``: no answer may name ``world.other``'s pages.

    Page ids are sequential, so an attacker simply counts; these are the forms they would try.
    """
    own, other = world.own, world.other
    draft, live, review = other.draft, other.live, other.in_review
    index = draft.get_parent()
    workflow = review.get_workflow()
    task = review.current_workflow_task_state.task
    q = world.marker.lower()
    urls = []
    for action in ("delete", "unpublish", "move", "publish"):
        urls += [
            f"/admin/bulk/wagtailcore/page/{action}/?id={draft.pk}",
            f"/admin/bulk/wagtailcore/page/{action}/?id={review.pk}&id={live.pk}",
            f"/admin/bulk/wagtailcore/page/{action}/?id={own.draft.pk}&id={review.pk}",
            f"/admin/bulk/wagtailcore/page/{action}/?id=all",
            f"/admin/bulk/wagtailcore/page/{action}/?id=all&childOf={index.pk}",
            f"/admin/bulk/wagtailcore/page/{action}/?id=all&childOf={index.pk}&q={q}",
        ]
    urls += [
        f"/admin/bulk/wagtailimages/image/delete/?id={other.image.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={other.document.pk}",
        f"/admin/bulk/news/newscategory/delete/?id={other.category.pk}",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}&id={review.pk}",
        f"/admin/choose-page/chosen-multiple/?id={own.draft.pk}&id={draft.pk}",
        f"/admin/choose-page/?q={q}",
        f"/admin/choose-page/search/?q={q}",
        "/admin/choose-page/search/?q=draf",
        f"/admin/choose-page/external-link/?link_url=http://{other.opd.site.hostname}/berita/tayang/",
        f"/admin/pages/search/?q={q}",
        "/admin/pages/search/?q=ditinjau",
        f"/admin/pages/?q={q}",
        f"/admin/api/main/pages/?search={q}",
        f"/admin/api/main/pages/?child_of={index.pk}",
        f"/admin/api/main/pages/?descendant_of={other.opd.site.root_page.pk}",
        f"/admin/api/main/pages/?id={draft.pk}",
        f"/admin/api/main/pages/find/?id={draft.pk}",
        "/admin/reports/workflow/",
        f"/admin/reports/workflow/?workflow={workflow.pk}",
        "/admin/reports/workflow_tasks/",
        f"/admin/reports/workflow_tasks/?workflow={workflow.pk}&task={task.pk}",
        "/admin/reports/site-history/",
        f"/admin/reports/site-history/?object_type={index.content_type_id}",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        f"/admin/pages/{own.draft.pk}/history/",
        f"/admin/pages/{own.draft.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{own.draft.pk}/usage/",
        "/admin/pages/usage/news/newspage/",
        f"/admin/images/usage/{own.image.pk}/",
        f"/admin/documents/usage/{own.document.pk}/",
        "/admin/laporan/mutu-baku/",
        f"/admin/laporan/mutu-baku/?opd={other.opd.pk}",
        "/admin/serta-merta/",
    ]
    return urls
