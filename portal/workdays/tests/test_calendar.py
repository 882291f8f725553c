"""Office time counts working days and office hours only (WIB), skipping holidays."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.test import TestCase

from opd.tests.factories import UserFactory
from portal.workdays.calendar import add_office_seconds, add_working_days, office_seconds_between
from portal.workdays.models import NonWorkingDay
from tests.admin import is_refused, login

WIB = ZoneInfo("Asia/Jakarta")


def wib(*args):
    return datetime(*args, tzinfo=WIB)


class OfficeTimeTests(TestCase):
    def test_time_inside_one_office_day_counts_fully(self):
        self.assertEqual(office_seconds_between(wib(2026, 11, 25, 9, 0), wib(2026, 11, 25, 9, 40)), 40 * 60)

    def test_evening_and_weekend_do_not_count(self):
        # Friday 15:50 → Monday 07:40: ten minutes on Friday, ten on Monday.
        self.assertEqual(office_seconds_between(wib(2026, 11, 27, 15, 50), wib(2026, 11, 30, 7, 40)), 20 * 60)

    def test_national_holiday_does_not_count(self):
        # Christmas 2026 is Friday 25 December: Thursday 15:55 → Monday 07:35 is 10 minutes.
        self.assertEqual(office_seconds_between(wib(2026, 12, 24, 15, 55), wib(2026, 12, 28, 7, 35)), 10 * 60)

    def test_cuti_bersama_entered_by_the_web_developer_does_not_count(self):
        start, end = wib(2026, 12, 23, 15, 55), wib(2026, 12, 28, 7, 35)
        self.assertEqual(office_seconds_between(start, end), (5 + 510 + 5) * 60)
        developer = UserFactory(username="developer", is_superuser=True)
        response = login(developer).post(
            "/admin/snippets/workdays/nonworkingday/add/",
            {"date": "2026-12-24", "name": "Cuti bersama Natal", "kind": "cuti_bersama"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(office_seconds_between(start, end), 10 * 60)

    def test_deadline_moves_past_closing_time_to_the_next_working_day(self):
        self.assertEqual(add_office_seconds(wib(2026, 11, 27, 15, 50), 15 * 60), wib(2026, 11, 30, 7, 35))
        self.assertEqual(add_office_seconds(wib(2026, 11, 28, 10, 0), 15 * 60), wib(2026, 11, 30, 7, 45))

    def test_working_days_skip_weekends_and_holidays(self):
        NonWorkingDay.objects.create(date=date(2026, 12, 24), name="Cuti bersama Natal")
        # Monday 21 Dec + 5 working days: 22, 23, (24 cuti, 25 Natal, weekend) 28, 29, 30.
        self.assertEqual(add_working_days(date(2026, 12, 21), 5), date(2026, 12, 30))

    def test_only_the_web_developer_maintains_the_holiday_calendar(self):
        from opd.roles import Role
        from opd.tests.factories import make_opd, member

        webadmin = member(make_opd("dinkes"), Role.WEBADMIN)
        response = login(webadmin).post(
            "/admin/snippets/workdays/nonworkingday/add/",
            {"date": "2026-12-31", "name": "Libur", "kind": "cuti_bersama"},
        )
        self.assertTrue(is_refused(response) or response.status_code == 403)
        self.assertFalse(NonWorkingDay.objects.exists())
