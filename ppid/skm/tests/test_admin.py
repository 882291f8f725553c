"""The survey in the admin, as the people of two OPDs use it: each reads only its own IKM and
suggestions, the Web Administrator opens and closes periods, the report exports CSV and XLSX."""

import csv
import io

import openpyxl
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import TestCase

from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from ppid.skm.models import SurveyPeriod
from tests.admin import is_refused, login

from .factories import open_period, respond, service

REPORT = "/admin/laporan/skm/"
SAMPLE = [
    (4, 4, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 4, 4, 3, 3),
    (4, 3, 2, 4, 3, 3, 4, 2, 3),
    (3, 3, 3, 4, 4, 3, 4, 3, 2),
]


class SKMAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdik = make_opd("disdik", "Dinas Pendidikan")
        cls.dinkes_period = open_period(cls.dinkes, "Semester II 2026 Dinkes")
        cls.disdik_period = open_period(cls.disdik, "Semester II 2026 Disdik")
        health = service(cls.dinkes)
        for answers in SAMPLE:
            respond(cls.dinkes_period, answers, health)
        respond(cls.dinkes_period, (4,) * 9, health, suggestion="Tambah kursi ruang tunggu.")
        respond(cls.disdik_period, (1,) * 9, suggestion="Rahasia Disdik: loket tutup terlalu cepat.")
        cls.dinkes_admin = member(cls.dinkes, Role.WEBADMIN)
        cls.dinkes_ppid = member(cls.dinkes, Role.PPID)
        cls.dinkes_penulis = member(cls.dinkes, Role.PENULIS)
        cls.disdik_admin = member(cls.disdik, Role.WEBADMIN)
        cls.portal_redaktur = member(cls.portal, Role.REDAKTUR)

    def setUp(self):
        cache.clear()

    def rows(self, user, **params):
        response = login(user).get(REPORT, {**params, "export": "csv"})
        self.assertEqual(response.status_code, 200)
        text = b"".join(response.streaming_content).decode()
        return {row["Periode"]: row for row in csv.DictReader(io.StringIO(text))}

    def test_an_opd_reads_only_its_own_ikm(self):
        rows = self.rows(self.dinkes_admin)
        self.assertEqual(list(rows), ["Semester II 2026 Dinkes"])
        # Five respondents: the sample of test_scoring plus one "4" everywhere.
        # Sums 18 17 15 20 17 17 20 15 15 = 154 / 5 = 30.8 / 9 x 25 = 85.555... -> 85.56 (B).
        self.assertEqual(rows["Semester II 2026 Dinkes"]["Responden"], "5")
        self.assertEqual(rows["Semester II 2026 Dinkes"]["NRR U1"], "3.600")
        self.assertEqual(rows["Semester II 2026 Dinkes"]["IKM"], "85.56")
        self.assertEqual(rows["Semester II 2026 Dinkes"]["Mutu pelayanan"], "B (Baik)")
        self.assertEqual(list(self.rows(self.disdik_admin)), ["Semester II 2026 Disdik"])
        # Asking for another OPD is a form error, not a peek.
        page = login(self.disdik_admin).get(REPORT, {"opd": self.dinkes.pk})
        self.assertContains(page, "error-message")
        self.assertNotContains(page, "Semester II 2026 Dinkes")

    def test_the_regency_portal_redaktur_reads_every_opd_and_the_xlsx_holds_the_same_figures(self):
        self.assertEqual(
            set(self.rows(self.portal_redaktur)), {"Semester II 2026 Dinkes", "Semester II 2026 Disdik"}
        )
        response = login(self.portal_redaktur).get(REPORT, {"export": "xlsx"})
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        values = {row[1]: row for row in sheet.iter_rows(values_only=True)}
        self.assertEqual(values["Semester II 2026 Disdik"][-2:], (25.0, "D (Tidak Baik)"))
        page = login(self.portal_redaktur).get(REPORT)
        self.assertContains(page, "85,56")

    def test_suggestions_are_read_by_the_opds_ppid_and_web_administrator_only(self):
        for user in (self.dinkes_admin, self.dinkes_ppid):
            page = login(user).get("/admin/skm/saran/")
            self.assertContains(page, "Tambah kursi ruang tunggu.")
            self.assertNotContains(page, "Rahasia Disdik")
        self.assertNotContains(login(self.disdik_admin).get("/admin/skm/saran/"), "Tambah kursi")
        self.assertTrue(is_refused(login(self.dinkes_penulis).get("/admin/skm/saran/")))
        self.assertTrue(is_refused(login(self.portal_redaktur).get("/admin/skm/saran/")))

    def test_the_ppid_marks_a_suggestion_followed_up_and_another_opd_cannot(self):
        item = self.dinkes_period.responses.exclude(suggestion="").get()
        refused = login(self.disdik_admin).post(f"/admin/skm/saran/{item.pk}/tindak-lanjut/", {"note": "x"})
        self.assertEqual(refused.status_code, 404)
        login(self.dinkes_ppid).post(
            f"/admin/skm/saran/{item.pk}/tindak-lanjut/", {"note": "Kursi ditambah 10."}
        )
        item.refresh_from_db()
        self.assertIsNotNone(item.followed_up_at)
        self.assertEqual(item.follow_up_note, "Kursi ditambah 10.")

    def test_the_web_administrator_opens_and_closes_periods_of_their_own_opd_only(self):
        client = login(self.dinkes_admin)
        bad = client.post(
            "/admin/skm/periode/",
            {"opd": self.dinkes.pk, "name": "Tahun 2027", "start": "2027-12-31", "end": "2027-01-01"},
        )
        self.assertContains(bad, "Tanggal selesai tidak boleh sebelum tanggal mulai.")
        other = client.post(
            "/admin/skm/periode/",
            {"opd": self.disdik.pk, "name": "Tahun 2027", "start": "2027-01-01", "end": "2027-12-31"},
        )
        self.assertEqual(other.status_code, 200)  # a form error: Disdik is not a choice
        self.assertFalse(SurveyPeriod.objects.filter(name="Tahun 2027").exists())
        year = {
            "opd": self.dinkes.pk,
            "name": "Tahun 2027",
            "start": "2027-01-01",
            "end": "2027-12-31",
            "minimum_sample": 100,
        }
        # Dinkes's open period runs into January 2027: a response must belong to one period.
        self.assertContains(client.post("/admin/skm/periode/", year), "bertumpang tindih")
        self.assertEqual(client.post(f"/admin/skm/periode/{self.disdik_period.pk}/tutup/").status_code, 404)
        client.post(f"/admin/skm/periode/{self.dinkes_period.pk}/tutup/")
        self.dinkes_period.refresh_from_db()
        self.assertTrue(self.dinkes_period.is_closed)
        self.assertEqual(client.post("/admin/skm/periode/", year).status_code, 302)
        self.assertEqual(SurveyPeriod.objects.get(name="Tahun 2027").opd, self.dinkes)
        self.assertTrue(is_refused(login(self.dinkes_ppid).get("/admin/skm/periode/")))

    def test_people_without_an_opd_role_are_refused(self):
        stranger = UserFactory(username="tamu")
        stranger.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
        self.assertTrue(is_refused(login(stranger).get(REPORT)))

    def test_reports_menu_lists_the_survey(self):
        self.assertContains(login(self.dinkes_ppid).get("/admin/"), REPORT)
