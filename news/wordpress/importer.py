"""The WordPress import: one export into one OPD's tree, collection and redirects.

Every item is imported in its own transaction, keyed by (site, WordPress id) in
``ImportedItem``: a failure mid-way loses nothing already done and a re-run resumes; a second
run of the same export changes nothing; a page edited in the portal since its import is never
overwritten. The whole file is read once before anything is written, so a file that is not
XML, cut short or hostile writes nothing.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from home.models import StandardPage
from moderation.integrity.monitor import record as record_finding
from moderation.integrity.scan import find_hidden, find_spam, spam_terms
from news.models import NewsCategory, NewsIndexPage, NewsPage
from portal.core.indexing import deferred_indexing
from portal.page_cache.purge import purges_per_site
from portal.security.uploads import check_document, check_image

from .content import Converter, original_upload_url
from .media import MediaError, NoMedia, uploads_relative
from .models import ImportedItem
from .report import Report
from .wxr import stream, validate

IMPORT_ACTION = "wordpress.import"
# Search and reference indexing is done in bulk after this many items (their own transactions
# committed): a crash loses at most these items' index entries, which `update_index` restores.
INDEX_EVERY = 200
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
DOCUMENT_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"}
LIVE, DRAFT = "live", "draft"
STATUS = {"publish": LIVE, "draft": DRAFT, "pending": DRAFT, "future": DRAFT}
SKIPPED_STATUS = {
    "private": "berstatus privat di WordPress",
    "trash": "ada di tempat sampah WordPress",
    "auto-draft": "draf otomatis WordPress",
    "inherit": "revisi WordPress",
}


def digest(*parts):
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


def old_path(url):
    """The path (and query) of an old address, as a redirect's ``old_path``."""
    parts = urlsplit(url or "")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return path


@dataclass
class Progress:
    """What a long import tells whoever watches it (the command's bar, the admin's task)."""

    def start(self, phase, total):
        pass

    def advance(self):
        pass


class Importer:
    """Imports one WXR file into one OPD. ``run()`` returns the ``Report``."""

    def __init__(self, opd, path, *, media=None, old_host="", dry_run=False, user=None, progress=None):
        self.opd = opd
        self.site = opd.site
        self.path = path
        self.media = media or NoMedia()
        self.old_host = old_host
        self.dry_run = dry_run
        self.user = user
        self.progress = progress or Progress()
        self.report = Report(dry_run=dry_run)
        self.terms = spam_terms()
        self.converter = Converter(self)
        self.forward_links = False
        self.to_relink = []  # (page id, revision id) whose body links to a page imported later
        # Kept for the run: what would otherwise be looked up again for every item.
        self.slugs = {}  # parent page id -> the slugs of its children
        self.category_objects = {}
        self.tag_objects = {}
        self.redirect_paths = set()
        self.redirects_due = []
        self.batch = None
        self.done = 0

    # -- the run ---------------------------------------------------------------------------
    def run(self):
        self.channel, counts = validate(self.path)
        self.old_host = (
            self.old_host or urlsplit(self.channel.base_site_url or self.channel.link).hostname or ""
        ).lower()
        self.home = self.site.root_page.specific
        self.records = {r.wp_id: r for r in ImportedItem.objects.filter(site=self.site)}
        self.by_upload = {
            r.source_path: r for r in self.records.values() if r.kind == "attachment" and r.source_path
        }
        self.paths = {r.source_path: r.page_id for r in self.records.values() if r.page_id and r.source_path}
        self.users = self.find_users()
        self.redirect_paths = set(Redirect.objects.filter(site=self.site).values_list("old_path", flat=True))
        with deferred_indexing() as self.batch, purges_per_site():
            self.index = self.news_index()
            self.import_items(counts)
            self.link_forward_references()
            self.term_redirects()
        return self.report

    def import_items(self, counts):
        self.progress.start("media", counts.get("attachment", 0))
        for item in stream(self.path):
            if item.post_type == "attachment":
                self.import_attachment(item)
                self.advance()

        self.progress.start("posts", counts.get("post", 0) + counts.get("page", 0))
        pages = []
        for item in stream(self.path):
            if item.post_type == "post":
                self.import_post(item)
                self.advance()
            elif item.post_type == "page":
                item.content_digest = digest(item.content)  # noqa: B010 (kept for the later pass)
                pages.append(item)
            elif item.post_type != "attachment":
                self.report.other[item.post_type] += 1
        for item in self.in_tree_order(pages):
            self.import_page(item)
            self.advance()

    def advance(self):
        self.progress.advance()
        self.done += 1
        if self.done % INDEX_EVERY == 0:
            self.batch.flush()

    def find_users(self):
        """WordPress authors matched to portal users of this OPD by e-mail (no account is made)."""
        emails = {a.email.lower(): a.login for a in self.channel.authors.values() if a.email}
        users = {}
        if emails:
            found = (
                get_user_model()
                .objects.filter(groups__opd_role__opd=self.opd, is_active=True, email__in=list(emails))
                .distinct()
            )
            for user in found:
                users[emails.get(user.email.lower())] = user
        return users

    def news_index(self):
        index = NewsIndexPage.objects.child_of(self.home).first()
        if index is None and not self.dry_run:
            index = NewsIndexPage(title="Berita", slug=self.free_slug(self.home, "berita"), intro="")
            self.home.add_child(instance=index)
            index.save_revision(user=self.user, log_action=IMPORT_ACTION).publish(
                user=self.user, skip_permission_checks=True
            )
        return index

    # -- resolver (used by the content converter) -------------------------------------------
    def image(self, url=None, wp_id=None):
        record = self.records.get(wp_id) if wp_id else None
        if (record is None or not record.image_id) and url and self.is_old(url):
            record = self.by_upload.get(uploads_relative(original_upload_url(url))) or self.by_upload.get(
                uploads_relative(url)
            )
        if record is None:
            return None
        return getattr(record, "image_object", None) or (record.image if record.image_id else None)

    def document(self, url):
        if not url or not self.is_old(url):
            return None
        record = self.by_upload.get(uploads_relative(url))
        if record is None:
            return None
        return getattr(record, "document_object", None) or (record.document if record.document_id else None)

    def link(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or (parts.netloc and not self.is_old(url)):
            return None
        if not parts.netloc and not url.startswith("/"):
            return None
        document = self.document(url)
        if document is not None and document.pk:
            return {"linktype": "document", "id": str(document.pk)}
        page_id = self.paths.get(old_path(url)) or self.paths.get(old_path(url).rstrip("/") + "/")
        if page_id:
            return {"linktype": "page", "id": str(page_id)}
        # An old address not imported (yet): relative, so it reaches the redirect on this site;
        # ``link_forward_references`` makes it internal once its page exists.
        self.forward_links = True
        return {"href": old_path(url) + (f"#{parts.fragment}" if parts.fragment else "")}

    def is_old(self, url):
        host = (urlsplit(url).hostname or "").lower()
        return not host or host == self.old_host or host == "www." + self.old_host

    # -- attachments ----------------------------------------------------------------------
    def import_attachment(self, item):
        title = item.title or PurePosixPath(urlsplit(item.attachment_url).path).name
        extension = PurePosixPath(urlsplit(item.attachment_url).path).suffix.lower().lstrip(".")
        if extension in IMAGE_EXTENSIONS:
            kind = "image"
        elif extension in DOCUMENT_EXTENSIONS:
            kind = "document"
        else:
            self.report.skip(
                "attachment", item.wp_id, title, f"jenis berkas .{extension or '?'} tidak diimpor"
            )
            return
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()
        caption = strip_tags(item.excerpt).strip()[:255]
        credit = strip_tags(item.content).strip()[:255]
        source = uploads_relative(item.attachment_url)
        item_digest = digest(item.attachment_url, title, alt, caption, credit)
        record = self.records.get(item.wp_id)
        if record and record.digest == item_digest and (record.image_id or record.document_id):
            self.report.count("attachment", "unchanged")
            self.by_upload[source] = record
            return
        try:
            data = self.media.read(item.attachment_url)
            upload = ContentFile(data, name=PurePosixPath(urlsplit(item.attachment_url).path).name)
            (check_image if kind == "image" else check_document)(upload)
        except MediaError as error:
            self.report.missing_media.append((f"lampiran #{item.wp_id}", item.attachment_url, str(error)))
            self.report.skip("attachment", item.wp_id, title, str(error))
            return
        except ValidationError as error:
            self.report.skip("attachment", item.wp_id, title, " ".join(error.messages))
            return
        if kind == "image" and not alt:
            self.report.needs_alt_text.append(f"#{item.wp_id} {title}")
        outcome = "updated" if record else "created"
        if self.dry_run:
            self.report.count("attachment", outcome)
            stand_in = SimpleNamespace(pk=None, caption=caption, credit=credit)
            self.by_upload[source] = SimpleNamespace(
                image_id=None, document_id=None, image_object=stand_in if kind == "image" else None,
                document_object=stand_in if kind == "document" else None,
            )  # fmt: skip
            return
        file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own file_hash is SHA-1)
        with transaction.atomic():
            if kind == "image":
                model = get_image_model()
                obj = record.image if record and record.image_id else None
                obj = obj or model.objects.filter(collection=self.opd.collection, file_hash=file_hash).first()
                if obj is None:
                    obj = model(file=upload, collection=self.opd.collection, file_hash=file_hash)
                obj.title, obj.description, obj.caption, obj.credit = title[:255], alt[:255], caption, credit
                obj.save()
                fields = {"image": obj, "document": None}
                target = obj.file.url
            else:
                model = get_document_model()
                obj = record.document if record and record.document_id else None
                obj = obj or model.objects.filter(collection=self.opd.collection, file_hash=file_hash).first()
                if obj is None:
                    obj = model(file=upload, collection=self.opd.collection, file_hash=file_hash)
                obj.title = title[:255]
                obj.save()
                fields = {"document": obj, "image": None}
                target = obj.url
            record, _ = ImportedItem.objects.update_or_create(
                site=self.site,
                wp_id=item.wp_id,
                defaults={
                    "kind": "attachment",
                    "source_path": source,
                    "digest": item_digest,
                    "page": None,
                    **fields,
                },
            )
            for path in (old_path(item.link), f"/?attachment_id={item.wp_id}"):
                self.redirect(path, link=target)
            self.write_redirects()
        self.records[item.wp_id] = record
        self.by_upload[source] = record
        self.report.count("attachment", outcome)

    # -- posts and pages ----------------------------------------------------------------
    def state_of(self, kind, item):
        """LIVE, DRAFT, or None after noting why the item is skipped."""
        if item.status in SKIPPED_STATUS:
            self.report.skip(kind, item.wp_id, item.title, SKIPPED_STATUS[item.status])
            return None
        if item.status not in STATUS:
            self.report.skip(kind, item.wp_id, item.title, f"status WordPress '{item.status}' tidak dikenal")
            return None
        if not item.title.strip():
            self.report.skip(kind, item.wp_id, item.title, "tanpa judul")
            return None
        return STATUS[item.status]

    def problems(self, item):
        """What the integrity scanner finds in the original (unsanitised) item."""
        found = [
            f"istilah spam «{term}»"
            for term in find_spam(" ".join((item.title, item.content, item.excerpt)), self.terms)
        ]
        # Iframes are dropped or kept as video embeds by the sanitiser; they are not hidden text.
        without_iframes = re.sub(
            r"<iframe\b.*?(</iframe>|/>|$)", "", item.content, flags=re.IGNORECASE | re.S
        )
        found += [f"konten tersembunyi: {hidden}" for hidden in find_hidden(without_iframes)]
        if re.search(r"<script\b|\bon[a-z]+\s*=", item.content, re.IGNORECASE):
            found.append("skrip atau penangan peristiwa disisipkan")
        return found

    def existing(self, kind, item, item_digest):
        """(record, page, go_on): the page imported before and whether to write it again."""
        record = self.records.get(item.wp_id)
        page = record.page.specific if record and record.page_id and record.page else None
        if page is None:
            return record, None, True
        if record.digest == item_digest:
            self.report.count(kind, "unchanged")
            return record, page, False
        if record.revision_id is None or page.latest_revision_id != record.revision_id:
            self.report.edited.append((kind, item.wp_id, item.title))
            self.report.count(kind, "skipped")
            return record, page, False
        return record, page, True

    def import_post(self, item):
        state = self.state_of("post", item)
        if state is None:
            return
        thumbnail = int(item.meta.get("_thumbnail_id") or 0) or None
        item_digest = digest(
            item.title, item.content, item.excerpt, item.status, item.slug, item.date, item.categories,
            item.tags, thumbnail, item.creator, item.link,
        )  # fmt: skip
        record, page, go_on = self.existing("post", item, item_digest)
        if not go_on:
            return
        conversion = self.convert(item)
        problems = self.problems(item)
        self.count_outcome("post", record and page, item, problems)
        if self.dry_run or self.index is None:
            return
        author = self.channel.authors.get(item.creator)
        lead = strip_tags(item.excerpt).strip() or Truncator(strip_tags(item.content).strip()).words(40)
        with transaction.atomic():
            page = page or NewsPage(live=False)
            page.title = item.title[:255]
            page.draft_title = page.title
            page.lead = lead or item.title
            page.date = timezone.localdate(item.date) if item.date else timezone.localdate()
            page.body = json.dumps(conversion.blocks)
            page.reporters = (author.display_name if author else item.creator)[:255]
            page.featured_image = self.image(wp_id=thumbnail) if thumbnail else None
            page.categories = self.categories(item)
            page.tags.set(self.tags(item), clear=True)
            # Placed (saved) with its tags, so the import revision holds them as stored.
            self.place(page, self.index, item, state, problems)
            self.finish("post", page, item, item_digest, state, problems, conversion)

    def in_tree_order(self, pages):
        """Parents before children, siblings by WordPress's menu order."""
        ids = {item.wp_id for item in pages}
        children = {}
        for item in pages:
            children.setdefault(item.parent if item.parent in ids else 0, []).append(item)
        ordered, queue = [], [0]
        while queue:
            parent = queue.pop(0)
            for item in sorted(children.get(parent, []), key=lambda i: (i.menu_order, i.wp_id)):
                ordered.append(item)
                queue.append(item.wp_id)
        return ordered

    def import_page(self, item):
        state = self.state_of("page", item)
        if state is None:
            return
        item_digest = digest(
            item.title,
            item.content,
            item.excerpt,
            item.status,
            item.slug,
            item.parent,
            item.menu_order,
            item.link,
        )
        record, page, go_on = self.existing("page", item, item_digest)
        if not go_on:
            return
        conversion = self.convert(item)
        problems = self.problems(item)
        self.count_outcome("page", record and page, item, problems)
        if self.dry_run:
            return
        parent_record = self.records.get(item.parent) if item.parent else None
        parent = parent_record.page.specific if parent_record and parent_record.page_id else self.home
        with transaction.atomic():
            page = page or StandardPage(live=False)
            page.title = item.title[:255]
            page.draft_title = page.title
            page.intro = strip_tags(item.excerpt).strip()
            page.body = json.dumps(conversion.blocks)
            self.place(page, parent, item, state, problems)
            self.finish("page", page, item, item_digest, state, problems, conversion)

    def convert(self, item):
        self.forward_links = False
        conversion = self.converter.convert(item.content)
        conversion.forward_links = self.forward_links
        self.report.unknown_shortcodes.update(conversion.unknown_shortcodes)
        self.report.unknown_blocks.update(conversion.unknown_blocks)
        for url in conversion.missing_media:
            self.report.missing_media.append(
                (f"#{item.wp_id} «{item.title}»", url, "tidak ada di lampiran yang diimpor")
            )
        return conversion

    def count_outcome(self, kind, existed, item, problems):
        self.report.count(kind, "updated" if existed else "created")
        if problems:
            self.report.flagged.append((kind, item.wp_id, item.title, problems))

    def place(self, page, parent, item, state, problems):
        """A new page goes under ``parent`` with a slug free among its siblings, already live
        when it will be published (so that it is saved once, not again by the publication)."""
        author = self.channel.authors.get(item.creator)
        owner = self.users.get(author.login) if author else None
        if page.pk:
            if owner:
                page.owner = owner
            return
        page.slug = self.free_slug(parent, slugify(item.slug) or slugify(item.title) or f"wp-{item.wp_id}")
        page.owner = owner or self.user
        page.locale_id = parent.locale_id
        page.live = state == LIVE and not problems
        page.has_unpublished_changes = not page.live
        if item.date:
            page.first_published_at = item.date
        if page.live:
            page.first_published_at = page.first_published_at or timezone.now()
            page.last_published_at = timezone.now()
        self.add_child(parent, page)

    @staticmethod
    def add_child(parent, page):
        """treebeard's ``add_child`` (lock the parent, take the path after its last child, count
        the child), with the page saved once and not validated again: its slug is free among
        its siblings (``free_slug``) and every field was cut to fit. Wagtail's own validation
        of a live page costs a query per foreign key, on every one of 20,000 items."""
        locked = Page.objects.select_for_update().only("path", "depth", "numchild").get(pk=parent.pk)
        page.depth = locked.depth + 1
        if locked.is_leaf():
            page.path = Page._get_path(locked.path, page.depth, 1)
        else:
            page.path = locked.get_last_child()._inc_path()
        page._cached_parent_obj = parent
        page._is_site_root = False
        page.save(clean=False)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild = locked.numchild + 1

    def free_slug(self, parent, wanted):
        wanted = wanted[:200] or "halaman"
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        taken = self.slugs[parent.pk]
        slug, n = wanted, 2
        while slug in taken:
            slug, n = f"{wanted}-{n}", n + 1
        taken.add(slug)
        return slug

    def categories(self, item):
        found = []
        for slug, name in item.categories:
            slug = slugify(slug or name)[:100]
            if not slug or slug == "uncategorized":
                continue
            if slug not in self.category_objects:
                term = self.channel.categories.get(slug)
                self.category_objects[slug], _ = NewsCategory.objects.get_or_create(
                    site=self.site,
                    locale_id=self.index.locale_id,
                    slug=slug,
                    defaults={"name": (term.name if term else name)[:100]},
                )
            found.append(self.category_objects[slug])
        return found

    def tags(self, item):
        """The item's tags as tag objects, each looked up (or made) once a run."""
        found = []
        for _, name in item.tags:
            name = name.strip()[:100]
            if not name:
                continue
            if name not in self.tag_objects:
                tag = Tag.objects.filter(name__iexact=name).first()
                self.tag_objects[name] = tag or Tag.objects.create(name=name)
            found.append(self.tag_objects[name])
        return found

    def finish(self, kind, page, item, item_digest, state, problems, conversion):
        """The revision "Diimpor dari WordPress", published when live and clean; the record,
        the redirects and any integrity findings."""
        if page.latest_revision_id is None:
            revision = self.first_revision(page)
        else:
            revision = page.save_revision(user=self.user, log_action=IMPORT_ACTION, clean=False)
            if state == LIVE and not problems:
                revision.publish(user=self.user, skip_permission_checks=True)
                if item.date and page.first_published_at != item.date:
                    # The original publication time stays the article's (archive order, feeds).
                    type(page).objects.filter(pk=page.pk).update(first_published_at=item.date)
        fields = {
            "kind": kind,
            "page": page,
            "revision": revision,
            "source_path": old_path(item.link),
            "digest": item_digest,
            "image": None,
            "document": None,
        }
        if item.wp_id in self.records:
            record, _ = ImportedItem.objects.update_or_create(
                site=self.site, wp_id=item.wp_id, defaults=fields
            )
        else:
            record = ImportedItem.objects.create(site=self.site, wp_id=item.wp_id, **fields)
        self.records[item.wp_id] = record
        self.paths[old_path(item.link)] = page.pk
        if conversion.forward_links:
            self.to_relink.append((page.pk, revision.pk))
        new_path = page.get_url_parts()[2] if page.get_url_parts() else ""
        for path in {
            old_path(item.link),
            f"/?p={item.wp_id}",
            f"/?page_id={item.wp_id}" if kind == "page" else "",
        }:
            if path and path != new_path:
                self.redirect(path, page=page)
        self.write_redirects()
        for problem in problems:
            kind_of = "spam_term" if problem.startswith("istilah") else "hidden_content"
            record_finding(kind_of, f"Impor WordPress: {problem}", page=page, opd=self.opd)

    def first_revision(self, page):
        """The revision "Diimpor dari WordPress" of a page just placed, and its publication when
        the page went in live: what ``save_revision`` and ``publish`` record (the revision, the
        page's revision fields, the two audit-log entries, ``page_published``) without saving
        and validating the page twice more."""
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self.user,
            content=page.serializable_data(),
            object_str=str(page),
        )
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        fields = {"latest_revision": revision, "latest_revision_created_at": revision.created_at}
        if page.live:
            page.live_revision = revision
            fields["live_revision"] = revision
        Page.objects.filter(pk=page.pk).update(**fields)
        log(instance=page, action=IMPORT_ACTION, user=self.user, revision=revision, content_changed=True)
        if page.live:
            log(
                instance=page,
                action="wagtail.publish",
                user=self.user,
                revision=revision,
                content_changed=True,
            )
            page_published.send(sender=type(page), instance=page, revision=revision)
        return revision

    def link_forward_references(self):
        """Links to an old address imported after the page that links to it become internal
        links, in the page and in its import revision alike (so it still counts as unedited)."""
        if self.dry_run or not self.to_relink:
            return
        href = re.compile(r'<a href=\\"([^"\\#]+)\\">')

        def internal(match):
            page_id = self.paths.get(match.group(1))
            return f'<a linktype=\\"page\\" id=\\"{page_id}\\">' if page_id else match.group(0)

        for page_id, revision_id in self.to_relink:
            with transaction.atomic():
                page = Page.objects.get(pk=page_id).specific
                revision = Revision.objects.get(pk=revision_id)
                body = json.dumps(list(page.body.raw_data))
                linked = href.sub(internal, body)
                if linked == body:
                    continue
                page.body = linked
                type(page).objects.filter(pk=page_id).update(body=page.body)
                content = dict(revision.content)
                stored = content.get("body")
                if isinstance(stored, str):
                    content["body"] = href.sub(internal, stored)
                else:
                    content["body"] = json.loads(href.sub(internal, json.dumps(stored)))
                Revision.objects.filter(pk=revision_id).update(content=content)

    # -- redirects ------------------------------------------------------------------------
    def redirect(self, path, page=None, link=""):
        """Noted; written by ``write_redirects`` in the same transaction."""
        if not path or path == "/" or self.dry_run:
            return
        self.redirects_due.append((Redirect.normalise_path(path), page, link))
        self.report.redirects += 1

    def write_redirects(self):
        """The noted redirects: those already there updated, the new ones in one insert."""
        due, self.redirects_due = {path: (page, link) for path, page, link in self.redirects_due}, []
        new = []
        for path, (page, link) in due.items():
            if path in self.redirect_paths:
                Redirect.objects.filter(site=self.site, old_path=path).update(
                    redirect_page=page, redirect_link=link, is_permanent=True
                )
            else:
                new.append(
                    Redirect(
                        site=self.site,
                        old_path=path,
                        redirect_page=page,
                        redirect_link=link,
                        is_permanent=True,
                    )
                )
        for redirect in Redirect.objects.bulk_create(new):
            self.redirect_paths.add(redirect.old_path)
            if redirect.pk:  # bulk_create sends no post_save: its references are indexed with the rest
                self.batch.note(redirect)

    def term_redirects(self):
        """/category/…/, /tag/…/, /author/…/ and /feed/ to the news list, filtered where it can be."""
        if self.index is None or self.dry_run:
            return
        base = self.index.get_url_parts()[2]
        with transaction.atomic():
            for slug in self.channel.categories:
                if NewsCategory.objects.filter(site=self.site, slug=slug).exists():
                    self.redirect(f"/category/{slug}/", link=f"{base}?kategori={slug}")
            for slug, term in self.channel.tags.items():
                self.redirect(f"/tag/{slug}/", link=f"{base}?tag={slugify(term.name) or slug}")
            for login in self.channel.authors:
                self.redirect(f"/author/{login}/", link=base)
            self.redirect("/feed/", link=f"{base}rss/")
            self.write_redirects()
