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

from events.models import EventPage
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
    start, end = _bounds(first, following)
    opds = list(opds.select_related("site__root_page"))
    directory = OPDDirectory(opds)
    tree = directory.pages_q()

    def opd_name(page):
        opd = directory.opd_for(page)
        return opd.name if opd else ""

    items = []

    if kind in ("", "penugasan"):
        assignments = (
            Assignment.objects.filter(opd__in=opds, starts_at__gte=start, starts_at__lt=end)
            .select_related("opd")
            .prefetch_related("assignees")
        )
        if status:
            assignments = assignments.filter(status=status)
        if person:
            assignments = assignments.filter(assignees=person)
        for assignment in assignments:
            items.append(
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
            )
    # Status filters assignments only; the other kinds have no assignment status.
    if status:
        return sorted(items, key=lambda item: item.sort_key)

    if kind in ("", "agenda") and person is None:
        for event in EventPage.objects.filter(tree, start__gte=start, start__lt=end).only(
            "pk", "title", "start", "path", "live"
        ):
            items.append(
                CalendarItem(
                    kind="agenda",
                    kind_label=_("Agenda"),
                    title=event.title,
                    when=event.start,
                    url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
                    opd=opd_name(event),
                    status=_("Tayang") if event.live else _("Draf"),
                )
            )

    if kind in ("", "rencana"):
        planned = Assignment.objects.filter(
            opd__in=opds,
            planned_publication__gte=first,
            planned_publication__lt=following,
        ).exclude(status=Status.CANCELLED)
        planned = planned.filter(Q(page__isnull=True) | Q(page__live=False)).select_related("opd", "page")
        if person:
            planned = planned.filter(Q(assignees=person) | Q(page__owner=person)).distinct()
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

    pages_in_tree = Page.objects.filter(tree).exclude(depth__lte=2)
    if kind in ("", "terjadwal"):
        scheduled = Revision.page_revisions.filter(
            approved_go_live_at__gte=start,
            approved_go_live_at__lt=end,
            object_id__in=[str(pk) for pk in pages_in_tree.values_list("pk", flat=True)],
        )
        if person:
            scheduled = scheduled.filter(user=person)
        scheduled = list(scheduled.only("object_id", "approved_go_live_at"))
        pages = Page.objects.filter(pk__in=[int(r.object_id) for r in scheduled]).only(
            "pk", "draft_title", "path"
        )
        pages = {page.pk: page for page in pages}
        for revision in scheduled:
            page = pages.get(int(revision.object_id))
            if page is None:
                continue
            items.append(
                CalendarItem(
                    kind="terjadwal",
                    kind_label=_("Terjadwal"),
                    title=page.draft_title,
                    when=revision.approved_go_live_at,
                    url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    opd=opd_name(page),
                )
            )

    if kind in ("", "terbit"):
        published = pages_in_tree.filter(live=True, last_published_at__gte=start, last_published_at__lt=end)
        if person:
            published = published.filter(owner=person)
        for page in published.only("pk", "title", "last_published_at", "path"):
            items.append(
                CalendarItem(
                    kind="terbit",
                    kind_label=_("Terbit"),
                    title=page.title,
                    when=page.last_published_at,
                    url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    opd=opd_name(page),
                    status=_("Tayang"),
                )
            )
    return sorted(items, key=lambda item: item.sort_key)


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
