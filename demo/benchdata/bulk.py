"""Insert many Wagtail pages at once, as Wagtail would have left them, without saving each one.

Wagtail's ``add_child`` locks and rewrites the tree for every page and ``publish`` writes a
revision, a log entry and a search-index row one page at a time. For tens of thousands of
benchmark pages this builds the treebeard paths itself (children of one parent get
consecutive steps), inserts the ``wagtailcore_page`` rows and the page type's own rows with
one statement per batch, and writes their revisions the same way.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Revision

BATCH = 1000


def next_step(parent):
    """The treebeard step number for the next child of ``parent``."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return 1 if last is None else Page._str2int(last[-Page.steplen :]) + 1


def add_children(parent, pages, user=None, live=True):
    """Insert unsaved ``pages`` (one concrete Page subclass) as the last children of ``parent``.

    Each page's ``first_published_at`` (when live) is taken from the page as given; the
    live and latest revision are written too. Returns the pages, now with primary keys.
    """
    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    step = next_step(parent)
    depth = parent.depth + 1
    base_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.content_type = content_type
        page.draft_title = page.title
        page.live = live
        page.has_unpublished_changes = not live
        page.owner = user
        if live:
            page.last_published_at = page.first_published_at
        page.latest_revision_created_at = page.first_published_at or page.latest_revision_created_at
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in batch]
        Page.objects.bulk_create(rows)
        for page, row in zip(batch, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        local = list(model._meta.local_concrete_fields)
        model._base_manager._insert(batch, fields=local, using=connection.alias)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    add_revisions(pages, user)
    return pages


def add_revisions(pages, user):
    """One revision per page (its content as Wagtail serialises it), set as latest and live."""
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    base_type = ContentType.objects.get_for_model(Page)
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        revisions = [
            Revision(
                content_type=content_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at or timezone.now(),
                user=user,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in batch
        ]
        Revision.objects.bulk_create(revisions)
        for page, revision in zip(batch, revisions, strict=True):
            page.latest_revision = revision
            if page.live:
                page.live_revision = revision
        Page.objects.bulk_update(
            [
                Page(pk=p.pk, latest_revision_id=p.latest_revision_id, live_revision_id=p.live_revision_id)
                for p in batch
            ],
            ["latest_revision", "live_revision"],
        )
