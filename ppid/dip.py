"""The Daftar Informasi Publik, generated from classified content: live pages of the page
types carrying ``InformationClassMixin`` and classified documents of the OPD's collection.

An entry marked Berkala that has not been updated for ``STALE_AFTER_DAYS`` is stale: UU 14/2008
art. 9 wants periodic information renewed at least every six months.
"""

import copy
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from opd.directory import OPDDirectory
from opd.media_library.models import InformationClass
from opd.models import OPD
from portal.core.performance import _version, kept_per_worker, new_version
from portal.core.site_settings import current_version

from .models import InformationClassMixin

STALE_AFTER_DAYS = 183  # six months


@dataclass
class DIPEntry:
    """One line of the register; plain attributes for the CSV/XLSX export."""

    unit: str
    title: str
    summary: str
    information_class: str
    class_label: str
    year: int | None
    responsible: str
    form: str
    updated_at: object
    url: str
    exemption_basis: str
    consequence_test: str
    opd_slug: str
    page_id: int | None = None
    stale: bool = False


def classified_page_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, InformationClassMixin) and issubclass(model, Page)
    ]


def _opd_of(page, roots):
    for path, opd in roots:
        if page.path.startswith(path):
            return opd
    return None


def _roots(opds):
    """(tree path, OPD) for every language tree of the given OPDs, from the worker's directory."""
    wanted = {opd.pk: opd for opd in opds}
    return sorted(
        (path, wanted[opd.pk]) for path, opd in OPDDirectory.shared()._by_path.items() if opd.pk in wanted
    )


def is_stale(information_class, updated_at, now=None):
    now = now or timezone.now()
    return (
        information_class == InformationClass.BERKALA
        and updated_at is not None
        and updated_at < now - timedelta(days=STALE_AFTER_DAYS)
    )


def entries(opds=None, now=None, live_only=True):
    """Every DIP entry of the OPDs (all of them by default), ordered by unit, class and title."""
    now = now or timezone.now()
    opds = list(opds if opds is not None else OPD.objects.all())
    roots = _roots(opds)
    if not roots:
        return []
    in_trees = Q()
    for path, _opd in roots:
        in_trees |= Q(path__startswith=path)
    result = []
    for model in classified_page_models():
        pages = model.objects.filter(in_trees).exclude(information_class="")
        if live_only:
            pages = pages.live().public()
        for page in pages:
            opd = _opd_of(page, roots)
            updated = page.last_published_at or page.latest_revision_created_at
            result.append(
                DIPEntry(
                    unit=opd.name,
                    opd_slug=opd.slug,
                    title=page.title,
                    summary=getattr(page, "intro", "") or page.search_description,
                    information_class=page.information_class,
                    class_label=str(InformationClass(page.information_class).label),
                    year=page.information_year or (updated.year if updated else None),
                    responsible=page.responsible or opd.name,
                    form="elektronik",
                    updated_at=updated,
                    url=page.get_full_url() or "",
                    exemption_basis=page.exemption_basis if page.is_exempt else "",
                    consequence_test=page.consequence_test if page.is_exempt else "",
                    page_id=page.pk,
                    stale=is_stale(page.information_class, updated, now),
                )
            )
    collections = {opd.collection_id: opd for opd in opds}
    documents = (
        get_document_model().objects.filter(collection_id__in=collections).exclude(information_class="")
    )
    for document in documents:
        opd = collections[document.collection_id]
        exempt = document.information_class == InformationClass.DIKECUALIKAN
        result.append(
            DIPEntry(
                unit=opd.name,
                opd_slug=opd.slug,
                title=document.title,
                summary=document.number,
                information_class=document.information_class,
                class_label=str(InformationClass(document.information_class).label),
                year=document.year or document.created_at.year,
                responsible=opd.name,
                form="elektronik",
                updated_at=document.created_at,
                url="" if exempt else document.url,
                exemption_basis="",
                consequence_test="",
                stale=is_stale(document.information_class, document.created_at, now),
            )
        )
    order = list(InformationClass.values)
    result.sort(key=lambda e: (e.unit, order.index(e.information_class), e.title.lower()))
    return result


DOCUMENTS_KEY = "portal:dip-documents-version"
_kept = kept_per_worker()


def forget_documents(**kwargs):
    """A document was saved or deleted: every worker rebuilds its registers."""
    new_version(DOCUMENTS_KEY)
    _kept.clear()


def public_entries(opds):
    """``entries(opds)`` as the public DIP shows them, kept in the worker's memory until a page
    is published, unpublished, moved or deleted, a Site or OPD changes (the public content
    version, ``portal.core.site_settings``) or a document is saved or deleted; rebuilt daily too."""
    version = (current_version(), _version(DOCUMENTS_KEY), timezone.localdate())
    kept = _kept.at(version).kept(tuple(sorted(opd.pk for opd in opds)), lambda: tuple(entries(opds)))
    return [copy.copy(entry) for entry in kept]  # each request its own entries: they are mutable


def filtered(items, information_class="", unit="", year=None):
    return [
        item
        for item in items
        if (not information_class or item.information_class == information_class)
        and (not unit or item.opd_slug == unit)
        and (not year or item.year == year)
    ]


EXPORT_FIELDS = [
    "unit",
    "title",
    "summary",
    "class_label",
    "year",
    "responsible",
    "form",
    "updated_at",
    "url",
    "exemption_basis",
    "consequence_test",
]
