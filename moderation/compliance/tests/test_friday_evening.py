"""Issue 19: one clock, in working time, with the same words on the dashboard, in the page editor
and in the reminder e-mail. A page submitted on a Friday evening is due on Monday morning, and
nothing may say "15 menit lagi" beside that Monday deadline."""

from bs4 import BeautifulSoup
from django.core import mail
from django.test import TestCase

from moderation.compliance.alerts import check_waiting_tasks
from moderation.compliance.tests.history import Clock, submit_news, wib
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login
from tests.test_sop_workflow import add_news_index

DEADLINE = "Senin, 7 Des 07:45"  # 15 working minutes from Monday's 07:30 opening


class FridayEveningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.index = add_news_index(cls.dinkes)

    def test_dashboard_and_editor_give_the_monday_deadline_and_working_minutes(self):
        clock = Clock(wib(2026, 12, 4, 17, 30))  # Friday, after office hours (07:30-16:00)
        page = submit_news(self.index, self.people[Role.PENULIS], "Rilis Jumat sore", clock)
        with clock.advance(15):
            editor = login(self.people[Role.EDITOR], host="dinkes.ketapangkab.localhost")
            soup = BeautifulSoup(editor.get("/admin/").content, "html.parser")
            row = soup.select_one("#tugas-saya-heading").find_parent("section").select_one("tbody tr")
            cells = [" ".join(cell.get_text(" ").split()) for cell in row.select("td")]
            self.assertEqual(cells[2], DEADLINE)
            self.assertEqual(cells[3], "15 menit kerja lagi (jam kerja mulai lagi Senin, 7 Des 07:30)")

            response = editor.get(f"/admin/pages/{page.pk}/edit/")
            self.assertContains(
                response,
                "Langkah SOP: Koreksi hasil liputan. Menunggu 0 menit kerja; mutu baku 15 menit kerja, "
                f"tenggat {DEADLINE}.",
            )

    def test_during_office_hours_no_resume_time_is_given(self):
        clock = Clock(wib(2026, 12, 7, 9, 0))  # Monday morning
        submit_news(self.index, self.people[Role.PENULIS], "Rilis Senin pagi", clock)
        with clock.advance(5):
            editor = login(self.people[Role.EDITOR], host="dinkes.ketapangkab.localhost")
            html = " ".join(BeautifulSoup(editor.get("/admin/").content, "html.parser").get_text(" ").split())
            self.assertIn("Senin, 7 Des 09:15", html)
            self.assertIn("10 menit kerja lagi", html)
            self.assertNotIn("jam kerja mulai lagi", html)

    def test_the_reminder_e_mail_uses_the_same_words_and_deadline(self):
        clock = Clock(wib(2026, 12, 4, 17, 30))
        submit_news(self.index, self.people[Role.PENULIS], "Rilis Jumat sore", clock)
        mail.outbox.clear()
        with clock.advance(60 * 62 + 30):  # Monday 08:00: 30 working minutes
            check_waiting_tasks()
        self.assertEqual(len(mail.outbox), 1)  # the reminder (the escalation comes past 30 minutes)
        body = mail.outbox[0].body
        self.assertIn("sudah menunggu 30 menit kerja pada langkah Koreksi hasil liputan", body)
        self.assertIn(f"mutu bakunya 15 menit kerja, tenggatnya {DEADLINE}", body)

    def test_the_report_says_its_minutes_are_working_minutes(self):
        webadmin = login(self.people[Role.WEBADMIN], host="dinkes.ketapangkab.localhost")
        text = " ".join(
            BeautifulSoup(webadmin.get("/admin/laporan/mutu-baku/").content, "html.parser").text.split()
        )
        self.assertIn("Semua waktu dalam menit kerja", text)
