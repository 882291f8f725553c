"""The editorial calendar: what an OPD plans, schedules and publishes, day by day in WIB.

One list of ``CalendarItem`` for a period, from five sources, each one query (the
number of queries does not grow with the number of items or OPDs): assignments
(by coverage time), agenda events (by start), drafts with a planned publication date
(from their assignment), pages scheduled to go live (an approved revision's
``approved_go_live_at``) and pages published in the period (``last_published_at``).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision

from moderation.page_types import event_page_model
from opd.directory import OPDDirectory

from .models import Assignment, Status


@dataclass
class CalendarItem:
    kind: str
    kind_label: str
    title: str
    when: datetime | date
    url: str
    opd: str
    status: str = ""
    people: str = ""

    @property
    def day(self):
        return timezone.localtime(self.when).date() if isinstance(self.when, datetime) else self.when

    @property
    def sort_key(self):
        if isinstance(self.when, datetime):
            return (self.day, timezone.localtime(self.when).time())
        return (self.day, time.min)

    @property
    def time_label(self):
        if isinstance(self.when, datetime):
            return timezone.localtime(self.when).strftime("%H:%M")
        return ""


def period(view, anchor):
    """(first day, day after the last) of the week (Monday first) or month holding ``anchor``."""
    if view == "bulan":
        first = anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following
    first = anchor - timedelta(days=anchor.weekday())
    return first, first + timedelta(days=7)


def _bounds(first, following):
    tz = timezone.get_current_timezone()
    return datetime.combine(first, time.min, tzinfo=tz), datetime.combine(following, time.min, tzinfo=tz)


def items_for(opds, first, following, kind="", status="", person=None):
    """Every calendar item of these OPDs between two dates (local days, end exclusive)."""
    scope = _Scope(list(opds.select_related("site__root_page")), first, following, person)
    items = []
    if kind in ("", "penugasan"):
        items += _assignments(scope, status)
    # Status filters assignments only; the other kinds have no assignment status.
    if not status:
        if kind in ("", "agenda") and person is None:
            items += _agenda(scope)
        if kind in ("", "rencana"):
            items += _planned(scope)
        if kind in ("", "terjadwal"):
            items += _scheduled(scope)
        if kind in ("", "terbit"):
            items += _published(scope)
    return sorted(items, key=lambda item: item.sort_key)


class _Scope:
    """What every source of the calendar filters on: the OPDs, the period, the person."""

    def __init__(self, opds, first, following, person):
        self.opds, self.first, self.following, self.person = opds, first, following, person
        self.start, self.end = _bounds(first, following)
        self.directory = OPDDirectory(opds)
        self.tree = self.directory.pages_q()

    def pages(self):
        """The OPDs' pages below their home pages."""
        return Page.objects.filter(self.tree).exclude(depth__lte=2)

    def page_item(self, page, kind, kind_label, title, when, status=""):
        """An item that opens the page in the editor."""
        opd = self.directory.opd_for(page)
        return CalendarItem(
            kind=kind,
            kind_label=kind_label,
            title=title,
            when=when,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            opd=opd.name if opd else "",
            status=status,
        )


def _assignments(scope, status):
    """Coverage assignments, by coverage time."""
    assignments = (
        Assignment.objects.filter(opd__in=scope.opds, starts_at__gte=scope.start, starts_at__lt=scope.end)
        .select_related("opd")
        .prefetch_related("assignees")
    )
    if status:
        assignments = assignments.filter(status=status)
    if scope.person:
        assignments = assignments.filter(assignees=scope.person)
    return [
        CalendarItem(
            kind="penugasan",
            kind_label=_("Penugasan liputan"),
            title=assignment.title,
            when=assignment.starts_at,
            url=reverse("newsroom_detail", args=[assignment.pk]),
            opd=assignment.opd.name,
            status=assignment.get_status_display(),
            people=", ".join(u.get_full_name() or u.username for u in assignment.assignees.all()),
        )
        for assignment in assignments
    ]


def _agenda(scope):
    """Agenda events, by start."""
    events = event_page_model().objects.filter(scope.tree, start__gte=scope.start, start__lt=scope.end)
    return [
        scope.page_item(
            event, "agenda", _("Agenda"), event.title, event.start, _("Tayang") if event.live else _("Draf")
        )
        for event in events.only("pk", "title", "start", "path", "live")
    ]


def _planned(scope):
    """Drafts (or assignments without one yet) with a planned publication date."""
    planned = Assignment.objects.filter(
        opd__in=scope.opds,
        planned_publication__gte=scope.first,
        planned_publication__lt=scope.following,
    ).exclude(status=Status.CANCELLED)
    planned = planned.filter(Q(page__isnull=True) | Q(page__live=False)).select_related("opd", "page")
    if scope.person:
        planned = planned.filter(Q(assignees=scope.person) | Q(page__owner=scope.person)).distinct()
    items = []
    for assignment in planned:
        page = assignment.page
        items.append(
            CalendarItem(
                kind="rencana",
                kind_label=_("Rencana terbit"),
                title=page.draft_title if page else assignment.title,
                when=assignment.planned_publication,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk])
                if page
                else reverse("newsroom_detail", args=[assignment.pk]),
                opd=assignment.opd.name,
                status=_("Draf") if page else _("Belum ada draf"),
            )
        )
    return items


def _scheduled(scope):
    """Pages scheduled to go live (an approved revision's ``approved_go_live_at``)."""
    scheduled = Revision.page_revisions.filter(
        approved_go_live_at__gte=scope.start,
        approved_go_live_at__lt=scope.end,
        object_id__in=[str(pk) for pk in scope.pages().values_list("pk", flat=True)],
    )
    if scope.person:
        scheduled = scheduled.filter(user=scope.person)
    scheduled = list(scheduled.only("object_id", "approved_go_live_at"))
    pages = Page.objects.filter(pk__in=[int(r.object_id) for r in scheduled]).only(
        "pk", "draft_title", "path"
    )
    pages = {page.pk: page for page in pages}
    return [
        scope.page_item(page, "terjadwal", _("Terjadwal"), page.draft_title, revision.approved_go_live_at)
        for revision in scheduled
        if (page := pages.get(int(revision.object_id))) is not None
    ]


def _published(scope):
    """Pages published in the period (``last_published_at``)."""
    published = scope.pages().filter(
        live=True, last_published_at__gte=scope.start, last_published_at__lt=scope.end
    )
    if scope.person:
        published = published.filter(owner=scope.person)
    return [
        scope.page_item(page, "terbit", _("Terbit"), page.title, page.last_published_at, _("Tayang"))
        for page in published.only("pk", "title", "last_published_at", "path")
    ]


def days(first, following, items):
    """The period's days, each with its items, for the grid."""
    by_day = {}
    for item in items:
        by_day.setdefault(item.day, []).append(item)
    result, day = [], first
    while day < following:
        result.append({"date": day, "items": by_day.get(day, []), "weekend": day.weekday() >= 5})
        day += timedelta(days=1)
    return result
