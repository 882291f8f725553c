"""Keberatan (30 working days to file, 30 to answer) and the PPID service report."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, TestCase

from opd.roles import Role
from opd.tests.factories import make_opd, member
from ppid.models import Objection, ObjectionStatus, RequestStatus
from ppid.services import change_status
from tests.admin import is_refused, login

from .factories import make_request, ppid_officer, ppid_page

HOST = "dinkes.ketapangkab.localhost"
WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return datetime(*args, tzinfo=WIB)


class ObjectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        ppid_page(cls.dinkes)
        cls.ppid = ppid_officer(cls.dinkes)

    def setUp(self):
        cache.clear()
        self.public = Client(headers={"host": HOST})

    def object_to(self, item):
        return self.public.post(
            f"/ppid/lacak/{item.token}/keberatan/", {"reason": "a", "explanation": "Tidak setuju."}
        )

    def test_an_objection_is_filed_within_30_working_days_and_answered_within_30(self):
        with time_machine.travel(at(2026, 9, 1, 9), tick=False):
            item = make_request(self.dinkes)
            # Open and within its deadline: nothing to object to yet.
            self.assertEqual(self.object_to(item).status_code, 200)
            change_status(
                item, RequestStatus.DITOLAK, self.ppid, answer="Ditolak.", rejection_basis="Pasal 17 huruf c"
            )
        # 30 working days after Tue 1 Sep 2026 (no holidays in between): Tue 13 Oct 2026.
        with time_machine.travel(at(2026, 10, 13, 15), tick=False):
            tracking = self.public.get(f"/ppid/lacak/{item.token}/")
            self.assertContains(tracking, "Ajukan keberatan")
            self.assertEqual(self.object_to(item).status_code, 302)
        objection = Objection.objects.get()
        self.assertEqual(objection.number, f"{item.number}/K/0001")
        self.assertEqual(objection.due_date, date(2026, 11, 24))  # 30 working days after 13 Oct
        self.assertContains(self.public.get(f"/ppid/lacak/{item.token}/"), objection.number)

        ppid = login(self.ppid, host=HOST)
        self.assertContains(ppid.get("/admin/ppid/permohonan/"), objection.number)
        refused = ppid.post(f"/admin/ppid/keberatan/{objection.pk}/", {"status": "selesai", "answer": ""})
        self.assertContains(refused, "Tuliskan tanggapan")
        ppid.post(
            f"/admin/ppid/keberatan/{objection.pk}/", {"status": "selesai", "answer": "Keberatan diterima."}
        )
        objection.refresh_from_db()
        self.assertEqual(objection.status, ObjectionStatus.SELESAI)

    def test_an_objection_after_30_working_days_is_refused(self):
        with time_machine.travel(at(2026, 9, 1, 9), tick=False):
            item = make_request(self.dinkes)
            change_status(item, RequestStatus.SELESAI, self.ppid, answer="Terlampir.")
        with time_machine.travel(at(2026, 10, 14, 9), tick=False):
            self.assertNotContains(self.public.get(f"/ppid/lacak/{item.token}/"), "Ajukan keberatan")
            response = self.object_to(item)
            self.assertContains(response, "30 hari kerja")
        self.assertFalse(Objection.objects.exists())

    def test_an_unanswered_request_past_its_deadline_may_be_objected_to(self):
        with time_machine.travel(at(2026, 9, 1, 9), tick=False):
            item = make_request(self.dinkes)
        with time_machine.travel(at(2026, 9, 16, 9), tick=False):  # due 15 Sep
            self.assertTrue(item.is_late)
            self.assertEqual(self.object_to(item).status_code, 302)


class ServiceReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        ppid_page(cls.dinkes)
        cls.ppid = ppid_officer(cls.dinkes)
        with time_machine.travel(at(2026, 3, 2, 9), tick=False):  # Monday; due Mon 16 Mar
            fulfilled = make_request(cls.dinkes)
            rejected = make_request(cls.dinkes)
            late = make_request(cls.dinkes)
            make_request(cls.dinkes)  # still open
        with time_machine.travel(at(2026, 3, 6, 9), tick=False):
            change_status(fulfilled, RequestStatus.SELESAI, cls.ppid, answer="Dikirim.")
            change_status(
                rejected,
                RequestStatus.DITOLAK,
                cls.ppid,
                answer="Ditolak.",
                rejection_basis="Pasal 17 huruf h",
            )
        with time_machine.travel(at(2026, 4, 1, 9), tick=False):
            change_status(late, RequestStatus.SELESAI, cls.ppid, answer="Maaf terlambat.")
        with time_machine.travel(at(2026, 8, 3, 9), tick=False):
            make_request(cls.dinkes)  # second semester

    @time_machine.travel(at(2026, 12, 1, 9), tick=False)
    def test_the_semester_report_counts_fulfilled_rejected_late_and_the_median(self):
        client = login(self.ppid, host=HOST)
        response = client.get("/admin/laporan/layanan-ppid/?tahun=2026&periode=1")
        rows = response.context["rows"]
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual((row.received, row.fulfilled, row.rejected, row.open, row.late), (4, 2, 1, 1, 2))
        self.assertEqual(row.median_days, 4)  # 4, 4 and 30 calendar days
        self.assertEqual(row.rejection_reasons, "Pasal 17 huruf h")
        year = client.get("/admin/laporan/layanan-ppid/?tahun=2026&periode=tahun").context["rows"][0]
        self.assertEqual(year.received, 5)
        export = client.get("/admin/laporan/layanan-ppid/?tahun=2026&periode=1&export=csv").content.decode()
        self.assertIn("Median waktu jawaban (hari)", export)
        self.assertIn("Dinas Kesehatan,4,2,1,1,4,2,0,Pasal 17 huruf h", export)
        public = Client(headers={"host": HOST}).get("/ppid/laporan/?tahun=2026&periode=1")
        self.assertContains(public, "Semester I 2026")
        self.assertContains(public, "Pasal 17 huruf h")

    def test_the_report_is_refused_to_other_roles_and_other_opds_do_not_see_the_figures(self):
        self.assertTrue(
            is_refused(
                login(member(self.dinkes, Role.PENULIS), host=HOST).get("/admin/laporan/layanan-ppid/")
            )
        )
        other = login(member(self.diskominfo, Role.WEBADMIN), host="diskominfo.ketapangkab.localhost")
        response = other.get("/admin/laporan/layanan-ppid/")
        self.assertNotContains(response, "Dinas Kesehatan")


class RoleGroupTests(TestCase):
    def test_existing_opds_get_their_ppid_group_from_the_command(self):
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        dinkes.roles.get(role=Role.PPID).group.delete()
        self.assertFalse(dinkes.roles.filter(role=Role.PPID).exists())
        out = io.StringIO()
        call_command("ensure_opd_roles", stdout=out)
        group = dinkes.group_for(Role.PPID)
        self.assertEqual(group.name, "Dinas Kesehatan — PPID")
        self.assertIn("1 grup ditambahkan", out.getvalue())
        self.assertTrue(group.page_permissions.filter(permission__codename="add_page").exists())
        self.assertFalse(group.page_permissions.filter(permission__codename="publish_page").exists())
        call_command("ensure_opd_roles", stdout=out)
        self.assertEqual(dinkes.roles.filter(role=Role.PPID).count(), 1)

    def test_provisioning_gives_a_new_opd_its_ppid_group(self):
        dinsos = make_opd("dinsos", "Dinas Sosial")
        self.assertEqual(dinsos.group_for(Role.PPID).name, "Dinas Sosial — PPID")
