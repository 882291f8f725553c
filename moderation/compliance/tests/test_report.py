"""The "Kepatuhan Mutu Baku" report against a history whose figures were worked out by hand."""

import csv
import io
from datetime import timedelta

import openpyxl
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.compliance.models import StepTiming
from moderation.compliance.tests.history import Clock, act, resubmit, submit_news, wib
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import is_refused, login
from tests.test_sop_workflow import add_news_index


class MutuBakuReportTests(TestCase):
    """History (all inside office hours, Monday 23 - Tuesday 24 November 2026):

    Dinkes page A: Editor 10 min, Redaktur 40 min (late), Web Administrator 5 min.
    Dinkes page B: Editor requests changes after 20 min (late), Penulis resubmits 30 min later,
                   Editor 5 min, Redaktur 10 min, Web Administrator 20 min (late).
    Diskominfo page C: Editor 15 min, Redaktur 15 min, Web Administrator 16 min (late).
    """

    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.dk = {role: member(cls.dinkes, role) for role in Role}
        cls.kominfo = {role: member(cls.diskominfo, role) for role in Role}
        cls.portal_redaktur = member(cls.portal, Role.REDAKTUR)

        clock = Clock(wib(2026, 11, 23, 8, 0))
        index = add_news_index(cls.dinkes)
        a = submit_news(index, cls.dk[Role.PENULIS], "Berita A", clock)
        act(a, cls.dk[Role.EDITOR], "approve", clock, 10)
        act(a, cls.dk[Role.REDAKTUR], "approve", clock, 40)
        act(a, cls.dk[Role.WEBADMIN], "approve", clock, 5)

        clock = Clock(wib(2026, 11, 23, 13, 0))
        b = submit_news(index, cls.dk[Role.PENULIS], "Berita B", clock)
        act(b, cls.dk[Role.EDITOR], "reject", clock, 20, comment="Lengkapi.")
        resubmit(b, cls.dk[Role.PENULIS], clock, 30)
        act(b, cls.dk[Role.EDITOR], "approve", clock, 5)
        act(b, cls.dk[Role.REDAKTUR], "approve", clock, 10)
        act(b, cls.dk[Role.WEBADMIN], "approve", clock, 20)

        clock = Clock(wib(2026, 11, 24, 9, 0))
        kominfo_index = add_news_index(cls.diskominfo)
        c = submit_news(kominfo_index, cls.kominfo[Role.PENULIS], "Berita C", clock)
        act(c, cls.kominfo[Role.EDITOR], "approve", clock, 15)
        act(c, cls.kominfo[Role.REDAKTUR], "approve", clock, 15)
        act(c, cls.kominfo[Role.WEBADMIN], "approve", clock, 16)
        cls.pages = (a, b, c)

    def report(self, user, **params):
        response = login(user).get("/admin/laporan/mutu-baku/", params)
        self.assertEqual(response.status_code, 200)
        return response

    def rows(self, user, **params):
        """The report's CSV export, as {step label: row}."""
        response = login(user).get("/admin/laporan/mutu-baku/", {**params, "export": "csv"})
        self.assertEqual(response.status_code, 200)
        text = b"".join(response.streaming_content).decode()
        return {row["Langkah"]: row for row in csv.DictReader(io.StringIO(text))}

    def test_all_pages_were_published(self):
        for page in self.pages:
            page.refresh_from_db()
            self.assertTrue(page.live)

    def test_regency_figures_match_the_hand_computed_ones(self):
        rows = self.rows(self.portal_redaktur)
        koreksi = rows["Koreksi hasil liputan"]
        # Editor: 10, 20 (changes requested), 5, 15 → 3 of 4 within 15 min; nearest-rank median 10, p90 20.
        self.assertEqual(
            (koreksi["Ditangani"], koreksi["Sesuai mutu baku"], koreksi["Persentase sesuai"]),
            ("4", "3", "75.0"),
        )
        self.assertEqual((koreksi["Median (menit)"], koreksi["Persentil 90 (menit)"]), ("10.0", "20.0"))
        self.assertEqual(koreksi["Minta perubahan"], "1")
        ulang = rows["Koreksi ulang / penyaringan sebelum disebarluaskan"]
        self.assertEqual(
            (ulang["Ditangani"], ulang["Sesuai mutu baku"], ulang["Median (menit)"]), ("3", "2", "15.0")
        )
        self.assertEqual(ulang["Persentil 90 (menit)"], "40.0")
        publikasi = rows["Publikasi"]
        self.assertEqual((publikasi["Ditangani"], publikasi["Sesuai mutu baku"]), ("3", "1"))
        self.assertEqual((publikasi["Median (menit)"], publikasi["Persentil 90 (menit)"]), ("16.0", "20.0"))
        rilis = rows["Rilis dan editing (Penulis)"]
        self.assertEqual((rilis["Ditangani"], rilis["Sesuai mutu baku"]), ("3", "3"))
        # End to end against 45 minutes: A 55, B 85 (one rework round), C 46 → none within.
        total = rows["Pengajuan sampai terbit"]
        self.assertEqual(
            (total["Ditangani"], total["Sesuai mutu baku"], total["Minta perubahan"]), ("3", "0", "1")
        )
        self.assertEqual(
            (total["Median (menit)"], total["Persentil 90 (menit)"], total["Mutu baku (menit)"]),
            ("55.0", "85.0", "45.0"),
        )

    def test_filters_by_opd_step_period_and_role_holder(self):
        rows = self.rows(self.portal_redaktur, opd=self.dinkes.pk)
        koreksi = rows["Koreksi hasil liputan"]
        self.assertEqual(
            (koreksi["Ditangani"], koreksi["Sesuai mutu baku"], koreksi["Median (menit)"]), ("3", "2", "10.0")
        )
        rows = self.rows(self.portal_redaktur, step="publikasi")
        self.assertEqual(list(rows), ["Publikasi"])
        rows = self.rows(self.portal_redaktur, start="2026-11-24", end="2026-11-24")
        self.assertEqual(rows["Koreksi hasil liputan"]["Ditangani"], "1")
        rows = self.rows(self.portal_redaktur, actor=self.dk[Role.EDITOR].pk)
        self.assertEqual(rows["Koreksi hasil liputan"]["Ditangani"], "3")
        self.assertEqual(rows["Publikasi"]["Ditangani"], "0")

    def test_xlsx_download_contains_the_same_figures(self):
        response = login(self.portal_redaktur).get("/admin/laporan/mutu-baku/", {"export": "xlsx"})
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        sheet = workbook.active
        values = {row[0]: row for row in sheet.iter_rows(values_only=True)}
        self.assertEqual(values["Koreksi hasil liputan"][1:4], (4, 3, 75.0))

    def test_page_shows_table_and_weekly_chart(self):
        response = self.report(self.portal_redaktur)
        self.assertContains(response, "Koreksi hasil liputan")
        self.assertContains(response, "<svg", html=False)
        self.assertContains(response, "75,0%")  # Indonesian decimal comma

    def test_opd_people_see_only_their_own_opd(self):
        rows = self.rows(self.kominfo[Role.WEBADMIN])
        self.assertEqual(rows["Koreksi hasil liputan"]["Ditangani"], "1")
        self.assertEqual(rows["Pengajuan sampai terbit"]["Ditangani"], "1")
        # Asking for another OPD is a form error, not a peek.
        response = self.report(self.kominfo[Role.WEBADMIN], opd=self.dinkes.pk)
        self.assertContains(response, "error-message")
        self.assertEqual(
            self.rows(self.kominfo[Role.WEBADMIN], opd=self.dinkes.pk)["Koreksi hasil liputan"]["Ditangani"],
            "1",
        )

    def test_people_without_an_opd_role_are_refused(self):
        stranger = UserFactory(username="tamu")
        stranger.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
        self.assertTrue(is_refused(login(stranger).get("/admin/laporan/mutu-baku/")))


class ReportQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.developer = UserFactory(username="developer", is_superuser=True)

    def make_history(self, count):
        now = timezone.now()
        StepTiming.objects.bulk_create(
            StepTiming(
                step=["koreksi", "koreksi_ulang", "publikasi", "rilis"][i % 4],
                outcome="approved" if i % 5 else "rejected",
                opd=self.dinkes,
                started_at=now - timedelta(days=i % 300, minutes=30),
                finished_at=now - timedelta(days=i % 300),
                wall_seconds=60 * (i % 40),
                office_seconds=60 * (i % 40),
                standard_seconds=900,
            )
            for i in range(count)
        )

    def queries_for_report(self):
        client = login(self.developer)
        client.get("/admin/laporan/mutu-baku/")  # warm sessions and caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/laporan/mutu-baku/")
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_history(self):
        self.make_history(10)
        small = self.queries_for_report()
        self.make_history(990)
        self.assertEqual(StepTiming.objects.count(), 1000)
        self.assertEqual(self.queries_for_report(), small)
