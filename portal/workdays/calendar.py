"""Office time: working days (Monday-Friday, not a holiday) and office hours.

Both the mutu baku of the SOP and the PPID's legal deadlines count working time. Office
hours and days come from settings (``PORTAL_OFFICE_HOURS``, ``PORTAL_WORKING_WEEKDAYS``);
holidays are Indonesia's national public holidays (``holidays`` package, when
``PORTAL_NATIONAL_HOLIDAYS`` is on) plus the ``NonWorkingDay`` rows the Web Developer
maintains (cuti bersama, regional holidays).
"""

from datetime import date, datetime, time, timedelta

import holidays as holiday_library
from django.conf import settings
from django.utils import timezone

from .models import NonWorkingDay


def _office_hours():
    start, end = getattr(settings, "PORTAL_OFFICE_HOURS", ("07:30", "16:00"))
    return time.fromisoformat(start), time.fromisoformat(end)


def _weekdays():
    return set(getattr(settings, "PORTAL_WORKING_WEEKDAYS", (0, 1, 2, 3, 4)))


class WorkCalendar:
    """Holidays for a span of years, loaded once (one query), and the arithmetic on them."""

    def __init__(self, first_year, last_year):
        self.first_year, self.last_year = first_year, last_year
        self.closed = set()
        if getattr(settings, "PORTAL_NATIONAL_HOLIDAYS", True):
            self.closed |= set(holiday_library.country_holidays("ID", years=range(first_year, last_year + 1)))
        self.closed |= set(
            NonWorkingDay.objects.filter(date__year__gte=first_year, date__year__lte=last_year).values_list(
                "date", flat=True
            )
        )
        self.opens, self.closes = _office_hours()
        self.weekdays = _weekdays()

    @classmethod
    def around(cls, *moments, margin_years=1):
        years = [moment.year for moment in moments if moment is not None]
        return cls(min(years), max(years) + margin_years)

    def is_working_day(self, day):
        return day.weekday() in self.weekdays and day not in self.closed

    def _open_interval(self, day):
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(day, self.opens, tzinfo=tz),
            datetime.combine(day, self.closes, tzinfo=tz),
        )

    def office_seconds_between(self, start, end):
        """Seconds of office time between two moments (0 if end is not after start)."""
        if end <= start:
            return 0
        start, end = timezone.localtime(start), timezone.localtime(end)
        total = 0
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                opens, closes = self._open_interval(day)
                overlap = min(closes, end) - max(opens, start)
                total += max(0, overlap.total_seconds())
            day += timedelta(days=1)
        return int(total)

    def add_office_seconds(self, start, seconds):
        """The moment at which ``seconds`` of office time have passed since ``start``."""
        moment = timezone.localtime(start)
        remaining = seconds
        day = moment.date()
        for _ in range(3660):  # ten years of days: a bound, never reached in practice
            if self.is_working_day(day):
                opens, closes = self._open_interval(day)
                begin = max(opens, moment)
                available = (closes - begin).total_seconds()
                if available > 0:
                    if remaining <= available:
                        return begin + timedelta(seconds=remaining)
                    remaining -= available
            day += timedelta(days=1)
            moment = datetime.combine(day, time.min, tzinfo=moment.tzinfo)
        raise ValueError("Office time could not be added within ten years.")

    def add_working_days(self, start_day, count):
        """The date ``count`` working days after ``start_day`` (the start day itself not counted)."""
        day = (
            start_day
            if isinstance(start_day, date) and not isinstance(start_day, datetime)
            else start_day.date()
        )
        added = 0
        while added < count:
            day += timedelta(days=1)
            if self.is_working_day(day):
                added += 1
        return day


def office_seconds_between(start, end):
    return WorkCalendar.around(start, end).office_seconds_between(start, end)


def add_office_seconds(start, seconds):
    return WorkCalendar.around(start).add_office_seconds(start, seconds)


def add_working_days(start_day, count):
    return WorkCalendar.around(start_day).add_working_days(start_day, count)
