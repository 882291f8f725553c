"""The integrity monitor: is every live page what the SOP approved, and clean?"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry

from moderation.models import SOPPublication
from opd.models import OPD
from opd.roles import Role
from portal.core.mail_links import absolute_url, page_admin_url

from .models import Finding
from .scan import allowed_domains, content_differences, find_spam, internal_links, scan_content, spam_terms


def fingerprint(*parts):
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()


def sanctioned_revision_ids(revision_ids):
    """Revisions that reached the public legitimately: through the SOP, or by the Web Developer
    (a superuser) or the system itself (provisioning, scheduled publishing)."""
    through_sop = set(
        SOPPublication.objects.filter(revision_id__in=revision_ids).values_list("revision_id", flat=True)
    )
    by_developer = set(
        PageLogEntry.objects.filter(action="wagtail.publish", revision_id__in=revision_ids)
        .filter(user__isnull=True)
        .values_list("revision_id", flat=True)
    ) | set(
        PageLogEntry.objects.filter(
            action="wagtail.publish", revision_id__in=revision_ids, user__is_superuser=True
        ).values_list("revision_id", flat=True)
    )
    # Revisions written by a trusted import (the WordPress import's "Diimpor dari WordPress"),
    # named by log action in settings: moderation knows no importer.
    actions = getattr(settings, "PORTAL_INTEGRITY_SANCTIONED_ACTIONS", ())
    imported = set(
        PageLogEntry.objects.filter(action__in=actions, revision_id__in=revision_ids).values_list(
            "revision_id", flat=True
        )
    )
    return through_sop | by_developer | imported


def last_approved_revision(page):
    """The newest revision of the page that went public through the SOP or the Web Developer."""
    candidates = page.revisions.order_by("-created_at").values_list("pk", flat=True)[:200]
    sanctioned = sanctioned_revision_ids(list(candidates))
    return page.revisions.filter(pk__in=sanctioned).order_by("-created_at").first()


def page_problems(page, terms, allowlist, sanctioned):
    problems = []
    live = page.specific
    live_data = live.serializable_data()
    revision = page.live_revision
    if revision is None or revision.pk not in sanctioned:
        problems.append((Finding.Kind.OUTSIDE_WORKFLOW, _("Revisi tayang tidak melalui alur SOP.")))
    if revision is not None:
        # Fields a page type derives from other pages' publications (a legal product's status
        # when a later one revokes it) change on the live row without a revision of their own.
        derived = set(getattr(live, "integrity_derived_fields", ()))
        changed = [
            field for field in content_differences(live_data, revision.content) if field not in derived
        ]
        if changed:
            problems.append(
                (
                    Finding.Kind.TAMPERED,
                    _("Kolom berbeda dari revisi yang disetujui: %s") % ", ".join(changed),
                )
            )
    for problem in scan_content(live_data, terms, allowlist):
        problems.append((problem.kind, problem.detail))
    return problems


def record(kind, detail, page=None, document=None, opd=None):
    """Open a finding unless the same one is already open; return it when new."""
    key = fingerprint(kind, page.pk if page else "", document.pk if document else "", detail)
    try:
        with transaction.atomic():
            return Finding.objects.create(
                kind=kind, detail=detail, page=page, document=document, opd=opd, fingerprint=key
            )
    except IntegrityError:
        return None


def broken_links(links, live_page_ids, document_ids):
    return sorted(
        f"{kind} #{pk}"
        for kind, pk in links
        if (kind == "page" and pk not in live_page_ids) or (kind == "document" and pk not in document_ids)
    )


def check_pages(pages=None):
    terms, allowlist = spam_terms(), allowed_domains()
    pages = pages if pages is not None else Page.objects.live().filter(depth__gt=1)
    new = []
    pages = list(pages.select_related("live_revision"))
    sanctioned = sanctioned_revision_ids([page.live_revision_id for page in pages if page.live_revision_id])
    live_page_ids = set(Page.objects.live().values_list("pk", flat=True))
    document_ids = set(get_document_model().objects.values_list("pk", flat=True))
    for page in pages:
        problems = page_problems(page, terms, allowlist, sanctioned)
        for target in broken_links(
            internal_links(page.specific.serializable_data()), live_page_ids, document_ids
        ):
            problems.append(
                (Finding.Kind.BROKEN_LINK, _("Tautan ke %(target)s yang tidak tayang") % {"target": target})
            )
        opd = OPD.objects.for_page(page) if problems else None
        for kind, detail in problems:
            finding = record(kind, detail, page=page, opd=opd)
            if finding:
                new.append(finding)
    return new


def check_documents():
    terms = spam_terms()
    new = []
    Document = get_document_model()
    opd_by_collection = {opd.collection_id: opd for opd in OPD.objects.all()}
    for document in Document.objects.all():
        text = f"{document.title} {document.file.name}"
        for term in find_spam(text.replace("_", " ").replace("-", " "), terms):
            finding = record(
                Finding.Kind.SPAM_TERM,
                _('Dokumen "%(title)s": %(term)s') % {"title": document.title, "term": term},
                document=document,
                opd=opd_by_collection.get(document.collection_id),
            )
            if finding:
                new.append(finding)
    return new


def finding_admin_url(finding):
    """Where the operator opens the finding's page (or document) in the admin, on its OPD's host."""
    if finding.page_id:
        return page_admin_url(finding.page)
    if finding.document_id:
        site = finding.opd.site if finding.opd else None
        return absolute_url(reverse("wagtaildocs:edit", args=[finding.document_id]), site=site)
    return ""


def describe(finding):
    """One line an operator can act on: the OPD, the page's title and admin URL, then what was found."""
    subject = finding.page or finding.document
    return _("%(opd)s — “%(title)s” (%(url)s) — %(kind)s: %(detail)s") % {
        "opd": finding.opd.name if finding.opd else _("portal"),
        "title": subject.title if subject else "",
        "url": finding_admin_url(finding),
        "kind": finding.get_kind_display(),
        "detail": finding.detail,
    }


NOTICE_BODY = gettext_lazy(
    "Monitor integritas menemukan:\n\n%(lines)s\n\nTindak lanjuti di admin: Laporan → Temuan integritas."
)


def notify(findings):
    """One e-mail per OPD with new findings, to its Web Administrators and the Web Developers."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    developers = set(users.filter(is_superuser=True).values_list("email", flat=True))
    by_opd = {}
    for finding in findings:
        by_opd.setdefault(finding.opd, []).append(finding)
    for opd, items in by_opd.items():
        recipients = set(developers)
        if opd is not None:
            recipients |= set(
                users.filter(groups=opd.group_for(Role.WEBADMIN)).values_list("email", flat=True)
            )
        if not recipients:
            continue
        lines = [f"- {describe(finding)}" for finding in items]
        send_mail(
            _("Peringatan integritas situs %(opd)s: %(count)d temuan baru")
            % {"opd": opd or _("portal"), "count": len(items)},
            NOTICE_BODY % {"lines": "\n".join(lines)},
            None,
            sorted(recipients),
        )


def run_check():
    findings = check_pages() + check_documents()
    notify(findings)
    return findings


def restore_last_approved(page, user):
    """Put the last SOP-approved revision back in front of the public (logged as a restore)."""
    revision = last_approved_revision(page)
    if revision is None:
        return None
    revision.publish(user=user, skip_permission_checks=True, log_action="integrity.restore")
    resolve_page_findings(page, user, "restore")
    return revision


def unpublish(page, user):
    # The Web Administrator holds no publish right (the SOP forbids direct publishing),
    # so taking a defaced page down runs on the monitor's authority, logged as such.
    UnpublishPageAction(page.specific, user=user, log_action="integrity.unpublish").execute(
        skip_permission_checks=True
    )
    resolve_page_findings(page, user, "unpublish")


def resolve_page_findings(page, user, how):
    Finding.objects.filter(page=page, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=user, resolution=how
    )
