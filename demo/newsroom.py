"""Demo coverage assignments: one waiting for the team, one under way, per OPD."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from moderation.newsroom.models import Assignment, Status
from news.events.models import EventPage
from opd.roles import Role


def _at(day, hour):
    return datetime.combine(day, time(hour, 0), tzinfo=timezone.get_current_timezone())


def seed_assignments(opd, people, short_name):
    """Two assignments on the OPD's calendar (tomorrow and today); nothing if they exist."""
    if Assignment.objects.filter(opd=opd).exists():
        return False
    penulis, editor = people[Role.PENULIS], people[Role.EDITOR]
    today = timezone.localdate()
    event = EventPage.objects.descendant_of(opd.site.root_page).filter(start__gte=timezone.now()).first()
    tomorrow = today + timedelta(days=1)
    upcoming = Assignment.objects.create(
        opd=opd,
        title=event.title if event else f"Rapat koordinasi {short_name}",
        event=event,
        place=event.place if event else "Aula kantor",
        starts_at=event.start if event else _at(tomorrow, 9),
        due_at=(event.start if event else _at(tomorrow, 9)) + timedelta(hours=5),
        planned_publication=(timezone.localtime(event.start).date() if event else tomorrow),
        brief="Foto kegiatan dengan keterangan dan kredit, kutipan dari pimpinan OPD.",
        needs_photos=True,
        needs_quotes=True,
        photographer=penulis,
        assigned_by=editor,
    )
    upcoming.assignees.set([penulis])
    under_way = Assignment.objects.create(
        opd=opd,
        title=f"Pelayanan publik {short_name} hari ini",
        place="Kantor pelayanan",
        starts_at=_at(today, 8),
        due_at=_at(today, 14),
        planned_publication=tomorrow,
        brief="Suasana pelayanan dan wawancara warga.",
        needs_photos=True,
        status=Status.STARTED,
        started_at=_at(today, 8),
        started_by=penulis,
        assigned_by=editor,
    )
    under_way.assignees.set([penulis])
    return True
