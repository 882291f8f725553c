"""Steps timed against their mutu baku with controlled clocks; reminders and escalations once."""

import io
import threading
import unittest

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings

from moderation.compliance.alerts import check_waiting_tasks
from moderation.compliance.models import Alert, StepTiming
from moderation.compliance.tests.history import Clock, act, submit_news, wib
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login
from tests.test_sop_workflow import add_news_index
from tests.transactional import KeepsMigratedData


class StepTimingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.index = add_news_index(cls.dinkes)

    def test_ten_minutes_is_within_and_forty_is_late(self):
        clock = Clock(wib(2026, 11, 23, 9, 0))
        page = submit_news(self.index, self.people[Role.PENULIS], "Tepat", clock)
        act(page, self.people[Role.EDITOR], "approve", clock, 10)
        act(page, self.people[Role.REDAKTUR], "approve", clock, 40)
        editor = StepTiming.objects.get(page=page, step="koreksi")
        redaktur = StepTiming.objects.get(page=page, step="koreksi_ulang")
        self.assertEqual((editor.office_seconds, editor.standard_seconds), (600, 900))
        self.assertEqual(editor.actor, self.people[Role.EDITOR])
        self.assertEqual(redaktur.office_seconds, 2400)
        self.assertTrue(editor.office_seconds <= editor.standard_seconds)
        self.assertFalse(redaktur.office_seconds <= redaktur.standard_seconds)

    def test_office_hours_skip_a_weekend(self):
        # Submitted Friday 15:55, approved Monday 07:35: 5 + 5 minutes of office time.
        clock = Clock(wib(2026, 11, 27, 15, 55))
        page = submit_news(self.index, self.people[Role.PENULIS], "Akhir pekan", clock)
        act(page, self.people[Role.EDITOR], "approve", clock, 60 * 63 + 40)
        timing = StepTiming.objects.get(page=page, step="koreksi")
        self.assertEqual(timing.office_seconds, 600)
        self.assertEqual(timing.wall_seconds, (60 * 63 + 40) * 60)

    def test_office_hours_skip_a_holiday(self):
        # Thursday 24 Dec 15:55 → Monday 28 Dec 07:35, Christmas on the Friday.
        clock = Clock(wib(2026, 12, 24, 15, 55))
        page = submit_news(self.index, self.people[Role.PENULIS], "Natal", clock)
        act(page, self.people[Role.EDITOR], "approve", clock, 4 * 24 * 60 - 8 * 60 - 20)
        self.assertEqual(StepTiming.objects.get(page=page, step="koreksi").office_seconds, 600)

    @override_settings(PORTAL_MUTU_BAKU_CLOCK="wall_clock")
    def test_wall_clock_mode_counts_the_weekend(self):
        clock = Clock(wib(2026, 11, 27, 15, 55))
        page = submit_news(self.index, self.people[Role.PENULIS], "Dinding", clock)
        act(page, self.people[Role.EDITOR], "approve", clock, 60 * 63 + 40)
        with Clock(wib(2026, 11, 30, 8, 0)).at():
            response = login(self.people[Role.WEBADMIN]).get("/admin/laporan/mutu-baku/", {"export": "csv"})
        text = b"".join(response.streaming_content).decode()
        self.assertIn("Koreksi hasil liputan,1,0,0.0", text)


class DashboardAndEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.foreign_editor = member(cls.diskominfo, Role.EDITOR)
        cls.index = add_news_index(cls.dinkes)

    def test_my_tasks_lists_overdue_first_with_deadline_and_the_editor_shows_the_step(self):
        clock = Clock(wib(2026, 11, 23, 9, 0))
        old = submit_news(self.index, self.people[Role.PENULIS], "Sudah lama menunggu", clock)
        clock.advance(25)
        fresh = submit_news(self.index, self.people[Role.PENULIS], "Baru masuk", clock)
        with clock.advance(5):
            editor = login(self.people[Role.EDITOR])
            html = editor.get("/admin/").content.decode()
            self.assertIn("Tugas saya (2)", html)
            self.assertLess(html.index("Sudah lama menunggu"), html.index("Baru masuk"))
            self.assertIn("Terlambat: menunggu 30 menit kerja (mutu baku 15 menit kerja)", html)
            self.assertIn("10 menit kerja lagi", html)
            response = editor.get(f"/admin/pages/{fresh.pk}/edit/")
            self.assertContains(
                response,
                "Langkah SOP: Koreksi hasil liputan. Menunggu 5 menit kerja; mutu baku 15 menit kerja",
            )
            response = editor.get(f"/admin/pages/{old.pk}/edit/")
            self.assertContains(response, "(terlambat)")
            outsider = login(self.foreign_editor).get("/admin/").content.decode()
            self.assertNotIn("Sudah lama menunggu", outsider)
            self.assertIn("Tugas saya (0)", outsider)


class AlertTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.portal_webadmin = member(cls.portal, Role.WEBADMIN)
        cls.index = add_news_index(cls.dinkes)

    def run_check(self):
        call_command("check_mutu_baku", stdout=io.StringIO())
        return sorted(address for message in mail.outbox for address in message.to)

    def test_reminder_then_escalation_each_once(self):
        clock = Clock(wib(2026, 11, 23, 9, 0))
        page = submit_news(self.index, self.people[Role.PENULIS], "Menunggu Editor", clock)
        mail.outbox.clear()
        with clock.advance(10):
            self.assertEqual(self.run_check(), [])
        with clock.advance(10):  # 20 minutes: past the 15-minute standard
            self.assertEqual(self.run_check(), ["editor.dinkes@ketapangkab.go.id"])
            self.assertIn("Pengingat mutu baku", mail.outbox[0].subject)
            # A command has no request: the OPD's host with WAGTAILADMIN_BASE_URL's scheme and port.
            self.assertIn(
                f"Buka di admin: http://dinkes.ketapangkab.localhost:8000/admin/pages/{page.pk}/edit/",
                mail.outbox[0].body,
            )
            mail.outbox.clear()
            self.assertEqual(self.run_check(), [])
        with clock.advance(15):  # 35 minutes: past twice the standard → the Redaktur
            self.assertEqual(self.run_check(), ["redaktur.dinkes@ketapangkab.go.id"])
            self.assertIn("Eskalasi", mail.outbox[0].subject)
            mail.outbox.clear()
            self.assertEqual(self.run_check(), [])
        self.assertEqual(Alert.objects.count(), 2)

    def test_redaktur_step_escalates_to_the_portals_web_administrator(self):
        clock = Clock(wib(2026, 11, 23, 9, 0))
        page = submit_news(self.index, self.people[Role.PENULIS], "Menunggu Redaktur", clock)
        act(page, self.people[Role.EDITOR], "approve", clock, 5)
        mail.outbox.clear()
        with clock.advance(31):
            # 31 minutes: the Redaktur group is reminded, the portal's Web Administrator alerted.
            self.assertEqual(
                self.run_check(),
                ["redaktur.dinkes@ketapangkab.go.id", "webadmin.ketapangkab@ketapangkab.go.id"],
            )

    @override_settings(EMAIL_BACKEND="tests.mail.FailingEmailBackend")
    def test_a_failing_mail_server_leaves_the_alert_to_be_retried(self):
        clock = Clock(wib(2026, 11, 23, 9, 0))
        submit_news(self.index, self.people[Role.PENULIS], "Server surel mati", clock)
        with clock.advance(20):
            with self.assertRaises(OSError):
                check_waiting_tasks()
            self.assertFalse(Alert.objects.exists())
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                mail.outbox = []
                self.assertEqual(check_waiting_tasks(), (1, 0))


@unittest.skipUnless(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
class ConcurrentAlertTests(KeepsMigratedData, TransactionTestCase):
    # KeepsMigratedData: the root page, locales and permissions come back after the flush.

    def test_two_concurrent_runs_send_one_reminder(self):
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        people = {role: member(dinkes, role) for role in Role}
        index = add_news_index(dinkes)
        submit_news(index, people[Role.PENULIS], "Balapan", Clock(wib(2026, 11, 23, 9, 0)))
        mail.outbox = []
        results, barrier = [], threading.Barrier(2)

        def run():
            from django.db import connections

            try:
                barrier.wait()
                with Clock(wib(2026, 11, 23, 9, 20)).at():
                    results.append(check_waiting_tasks())
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(r[0] for r in results), [0, 1])
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(Alert.objects.count(), 1)
