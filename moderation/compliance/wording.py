"""One clock and one set of words for a waiting SOP step: the dashboard ("Tugas saya"), the
page editor's notice and the reminder e-mails say the same thing the same way.

The mutu baku counts office time (``PORTAL_MUTU_BAKU_CLOCK``, the ``workdays`` WorkCalendar), so
on a Friday evening a fresh step is due on Monday morning. Saying "15 menit lagi" beside a
Monday deadline read as a contradiction: the minutes are working minutes ("menit kerja"),
and while the office is closed we say when the clock starts again.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal.workdays.calendar import WorkCalendar

from .timing import OFFICE_HOURS, clock_mode, deadline, elapsed


def minutes_text(minutes):
    """ "15 menit kerja" in office time, "15 menit" on the wall clock."""
    if clock_mode() == OFFICE_HOURS:
        return _("%(minutes)d menit kerja") % {"minutes": minutes}
    return _("%(minutes)d menit") % {"minutes": minutes}


def clock_note():
    """The sentence that says which minutes a figure counts, for the report."""
    if clock_mode() == OFFICE_HOURS:
        return _(
            "Semua waktu dalam menit kerja: hari kerja pada jam kantor, tanpa hari libur dan cuti bersama, "
            "seperti tenggat di dasbor dan surel pengingat."
        )
    return _("Semua waktu dalam menit jam dinding, seperti tenggat di dasbor dan surel pengingat.")


def moment_text(moment):
    """A deadline or opening time as people read it: "Senin, 7 Des 07:45"."""
    return formats.date_format(timezone.localtime(moment), "l, j M H:i")


@dataclass
class StepClock:
    """Where a waiting step stands against its mutu baku at one moment."""

    deadline: datetime
    waited_minutes: int
    standard_minutes: int
    overdue: bool
    minutes_left: int
    resumes_at: datetime | None  # the office's next opening while it is closed (office clock)

    @property
    def deadline_text(self):
        return moment_text(self.deadline)

    @property
    def remaining_text(self):
        """ "15 menit kerja lagi (jam kerja mulai lagi Senin, 7 Des 07:30)", or the delay."""
        if self.overdue:
            return _("Terlambat: menunggu %(waited)s (mutu baku %(standard)s)") % {
                "waited": minutes_text(self.waited_minutes),
                "standard": minutes_text(self.standard_minutes),
            }
        text = _("%(left)s lagi") % {"left": minutes_text(self.minutes_left)}
        if self.resumes_at is not None:
            text += " " + _("(jam kerja mulai lagi %(when)s)") % {"when": moment_text(self.resumes_at)}
        return text

    def editor_notice(self, step):
        """The line at the top of the page editor."""
        values = {
            "step": step,
            "waited": minutes_text(self.waited_minutes),
            "standard": minutes_text(self.standard_minutes),
            "deadline": self.deadline_text,
        }
        if self.overdue:
            return (
                _("Langkah SOP: %(step)s. Menunggu %(waited)s; mutu baku %(standard)s (terlambat).") % values
            )
        return (
            _("Langkah SOP: %(step)s. Menunggu %(waited)s; mutu baku %(standard)s, tenggat %(deadline)s.")
            % values
        )


def step_clock(started_at, standard, now=None, calendar=None):
    """The StepClock of a step started at ``started_at`` with the mutu baku ``standard``."""
    now = now or timezone.now()
    calendar = calendar or WorkCalendar.around(started_at, now)
    waited = elapsed(started_at, now, calendar)
    standard_seconds = int(standard.total_seconds())
    resumes_at = None
    if clock_mode() == OFFICE_HOURS:
        opening = calendar.add_office_seconds(now, 0)
        resumes_at = opening if opening > now else None
    return StepClock(
        deadline=deadline(started_at, standard, calendar),
        waited_minutes=waited // 60,
        standard_minutes=standard_seconds // 60,
        overdue=waited > standard_seconds,
        minutes_left=max(0, (standard_seconds - waited) // 60),
        resumes_at=resumes_at,
    )


def reminder_text(title, step, clock):
    """The body of the reminder sent when a step passes its mutu baku."""
    return _(
        '"%(title)s" sudah menunggu %(waited)s pada langkah %(step)s; mutu bakunya %(standard)s, '
        "tenggatnya %(deadline)s. Mohon segera ditindaklanjuti di admin portal."
    ) % _mail_values(title, step, clock)


def escalation_text(title, step, clock):
    """The body of the escalation sent when a step passes twice its mutu baku."""
    return _(
        '"%(title)s" sudah menunggu %(waited)s pada langkah %(step)s, lebih dari dua kali mutu bakunya '
        "(%(standard)s, tenggatnya %(deadline)s). Mohon dipastikan agar segera ditindaklanjuti."
    ) % _mail_values(title, step, clock)


def _mail_values(title, step, clock):
    return {
        "title": title,
        "step": step,
        "waited": minutes_text(clock.waited_minutes),
        "standard": minutes_text(clock.standard_minutes),
        "deadline": clock.deadline_text,
    }
