"""What happens to an assignment: assigned (with an e-mail), started, done, drafted."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from moderation.page_types import news_index_page_model, news_page_model
from portal.core.mail_links import absolute_url

from . import timing
from .checklist import missing_required, tagged_images
from .models import Status


class CoverageError(Exception):
    """An action refused with a message the user reads."""


def admin_url(assignment):
    """The assignment in the admin, on its OPD's host (portal.core.mail_links)."""
    return absolute_url(reverse("newsroom_detail", args=[assignment.pk]), site=assignment.opd.site)


def notify_assignees(assignment, people=None):
    """E-mail the team (or the people newly added to it), once the assignment is saved."""
    people = list(people if people is not None else assignment.assignees.all())
    recipients = [person.email for person in people if person.email and person.is_active]
    if not recipients:
        return
    when = timezone.localtime(assignment.starts_at).strftime("%d-%m-%Y %H:%M")
    due = timezone.localtime(assignment.due_at).strftime("%d-%m-%Y %H:%M")
    subject = _("Penugasan liputan: %(title)s") % {"title": assignment.title}
    body = _(
        "Anda ditugaskan meliput “%(title)s” (%(opd)s).\n\n"
        "Tempat: %(place)s\nWaktu: %(when)s WIB\nTenggat hasil liputan: %(due)s WIB\n\n"
        "%(brief)s\n\nBuka penugasan, tandai mulai dan selesai, lalu buat draf berita di:\n%(url)s\n"
    ) % {
        "title": assignment.title,
        "opd": assignment.opd.name,
        "place": assignment.place,
        "when": when,
        "due": due,
        "brief": assignment.brief,
        "url": admin_url(assignment),
    }
    transaction.on_commit(lambda: send_mail(subject, body, None, recipients))


@transaction.atomic
def start(assignment, user, now=None):
    if assignment.status != Status.ASSIGNED:
        raise CoverageError(_("Penugasan ini sudah dimulai atau tidak lagi aktif."))
    assignment.status = Status.STARTED
    assignment.started_at = now or timezone.now()
    assignment.started_by = user
    timing.record_started(assignment, user)
    assignment.save()


@transaction.atomic
def finish(assignment, user, now=None):
    if assignment.status != Status.STARTED:
        raise CoverageError(_("Tandai penugasan dimulai sebelum menandainya selesai."))
    missing = missing_required(assignment)
    if missing:
        raise CoverageError(
            _("Liputan belum dapat ditandai selesai. Yang masih kurang: %(missing)s")
            % {"missing": " ".join(missing)}
        )
    assignment.status = Status.DONE
    assignment.done_at = now or timezone.now()
    assignment.done_by = user
    timing.record_done(assignment, user)
    assignment.save()


@transaction.atomic
def cancel(assignment, user):
    """The Editor or Redaktur calls a coverage off; a finished one stays as it is."""
    if assignment.status in (Status.DONE, Status.CANCELLED):
        raise CoverageError(_("Penugasan yang sudah selesai atau dibatalkan tidak dapat dibatalkan."))
    assignment.status = Status.CANCELLED
    assignment.save(update_fields=["status"])


def news_index_of(opd):
    """The OPD's Indonesian news list, where the release goes."""
    return news_index_page_model().objects.child_of(opd.site.root_page).first()


def _free_slug(parent, title):
    base = slugify(title)[:60] or "berita"
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def person_name(user):
    return user.get_full_name() or user.get_username()


@transaction.atomic
def create_draft(assignment, user):
    """The news draft, with the coverage metadata, linked to the assignment; one per assignment."""
    if assignment.page_id:
        raise CoverageError(_("Draf berita untuk penugasan ini sudah ada."))
    if assignment.status != Status.DONE:
        raise CoverageError(_("Tandai liputan selesai sebelum membuat draf berita."))
    parent = news_index_of(assignment.opd)
    if parent is None or not parent.permissions_for_user(user).can_add_subpage():
        raise CoverageError(_("Situs OPD ini belum memiliki halaman Berita yang dapat Anda tambahi."))
    photos = list(tagged_images(assignment)[:1])
    page = news_page_model()(
        title=assignment.title,
        slug=_free_slug(parent, assignment.title),
        lead=assignment.brief or assignment.title,
        reporters=", ".join(person_name(person) for person in assignment.assignees.order_by("pk")),
        photographer=person_name(assignment.photographer) if assignment.photographer else "",
        coverage_place=assignment.place,
        coverage_date=timezone.localdate(assignment.starts_at),
        featured_image=photos[0] if photos else None,
        owner=user,
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    assignment.page = page
    assignment.save(update_fields=["page"])
    timing.attach_page(assignment)
    return page
