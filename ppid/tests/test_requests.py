"""Permohonan informasi end to end: the citizen's form, the tracking page, the PPID's admin."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.core.cache import cache
from django.test import Client, TestCase

from opd.roles import Role
from opd.tests.factories import make_opd, member
from portal.core.tests.test_redis_away import redis_away_settings
from portal.workdays.models import NonWorkingDay
from ppid.models import InformationRequest, RequestStatus
from tests.admin import login
from tests.integration.services import free_port

from .factories import VALID_NIK, ppid_officer, ppid_page, request_data

HOST = "dinkes.ketapangkab.localhost"
WIB = ZoneInfo("Asia/Jakarta")
IDENTITY = ("Siti Rahmawati", VALID_NIK, "Jl. Merdeka", "siti.pemohon@contoh.id", "081234567890")


class RequestFlowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.page = ppid_page(cls.dinkes)
        ppid_page(cls.diskominfo)
        cls.ppid = ppid_officer(cls.dinkes)
        cls.other_ppid = ppid_officer(cls.diskominfo)
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        # 10 working days from Thursday 13 August 2026 cross a weekend, Independence Day (Mon 17),
        # a cuti bersama the Web Developer entered (Tue 18) and the Prophet's Birthday (Tue 25).
        NonWorkingDay.objects.create(date=date(2026, 8, 18), name="Cuti bersama HUT RI")

    def setUp(self):
        cache.clear()
        self.public = Client(headers={"host": HOST})

    def submit(self, **overrides):
        return self.public.post("/ppid/permohonan/", request_data(**overrides))

    def submit_and_follow(self):
        response = self.submit()
        self.assertEqual(response.status_code, 302, response.content[:2000])
        tracking_url = response["Location"]
        self.assertRegex(tracking_url, r"^/ppid/lacak/[\w-]{30,}/\?baru=1$")
        return InformationRequest.objects.get(), self.public.get(tracking_url)

    def act(self, client, item, status, **fields):
        return client.post(f"/admin/ppid/permohonan/{item.pk}/", {"status": status, **fields})

    @time_machine.travel(datetime(2026, 8, 13, 10, 0, tzinfo=WIB), tick=False)
    def test_citizen_gets_a_number_and_tracks_the_request_while_the_ppid_answers_it(self):
        mail.outbox.clear()
        self.assertEqual(self.public.get("/ppid/permohonan/").status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            item, tracking = self.submit_and_follow()
        self.assertEqual(item.number, "PPID/DINKES/2026/0001")
        self.assertContains(tracking, "PPID/DINKES/2026/0001")
        self.assertContains(tracking, "Diterima")
        self.assertContains(tracking, "1 September 2026")  # the legal deadline
        for value in IDENTITY:
            self.assertNotContains(tracking, value)
        self.assertIn("no-store", tracking["Cache-Control"])
        self.assertEqual(tracking["Referrer-Policy"], "strict-origin")
        # The OPD's PPID group is mailed, without the requester's identity.
        self.assertEqual([m.to for m in mail.outbox], [[self.ppid.email]])
        self.assertIn(item.number, mail.outbox[0].body)
        for value in IDENTITY:
            self.assertNotIn(value, mail.outbox[0].body)

        ppid = login(self.ppid, host=HOST)
        listing = ppid.get("/admin/ppid/permohonan/")
        self.assertContains(listing, item.number)
        detail = ppid.get(f"/admin/ppid/permohonan/{item.pk}/")
        self.assertContains(detail, "Siti Rahmawati")
        self.assertContains(detail, VALID_NIK)

        self.assertEqual(self.act(ppid, item, "diproses").status_code, 302)
        item.refresh_from_db()
        self.assertEqual(item.status, RequestStatus.DIPROSES)
        self.assertEqual(item.due_date, date(2026, 9, 1))

        self.assertEqual(self.act(ppid, item, "diperpanjang", note="Data di puskesmas").status_code, 302)
        item.refresh_from_db()
        self.assertEqual(item.status, RequestStatus.DIPERPANJANG)
        self.assertEqual(item.due_date, date(2026, 9, 10))  # +7 working days
        self.assertContains(self.public.get(f"/ppid/lacak/{item.token}/"), "10 September 2026")

        second = self.act(ppid, item, "diperpanjang", note="Lagi")
        self.assertEqual(second.status_code, 200)
        self.assertContains(second, "hanya dapat diperpanjang satu kali")
        item.refresh_from_db()
        self.assertEqual(item.due_date, date(2026, 9, 10))

        self.assertEqual(
            self.act(ppid, item, "selesai", answer="Salinan dikirim lewat surel.").status_code, 302
        )
        item.refresh_from_db()
        self.assertEqual(item.status, RequestStatus.SELESAI)
        self.assertFalse(item.is_late)
        self.assertContains(self.public.get(f"/ppid/lacak/{item.token}/"), "Selesai")
        self.assertEqual(
            list(item.events.values_list("status", flat=True)),
            ["diterima", "diproses", "diperpanjang", "selesai"],
        )

    @time_machine.travel(datetime(2026, 8, 13, 10, 0, tzinfo=WIB), tick=False)
    def test_extension_without_a_reason_and_rejection_without_a_basis_are_refused(self):
        item, _tracking = self.submit_and_follow()
        ppid = login(self.ppid, host=HOST)
        self.act(ppid, item, "diproses")
        response = self.act(ppid, item, "diperpanjang", note="")
        self.assertContains(response, "alasan perpanjangan")
        response = self.act(ppid, item, "ditolak", answer="Ditolak.", rejection_basis="")
        self.assertContains(response, "dasar pengecualian")
        item.refresh_from_db()
        self.assertEqual((item.status, item.extended), (RequestStatus.DIPROSES, False))
        self.act(ppid, item, "ditolak", answer="Ditolak.", rejection_basis="Pasal 17 huruf h UU 14/2008")
        item.refresh_from_db()
        self.assertEqual(item.status, RequestStatus.DITOLAK)
        # A closed request cannot be reopened.
        self.act(ppid, item, "diproses")
        item.refresh_from_db()
        self.assertEqual(item.status, RequestStatus.DITOLAK)


class InvalidRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        ppid_page(cls.dinkes)

    def setUp(self):
        cache.clear()
        self.public = Client(headers={"host": HOST})

    def assert_refused(self, response, message, status=200):
        self.assertEqual(response.status_code, status)
        self.assertContains(response, message, status_code=status)
        self.assertFalse(InformationRequest.objects.exists())

    def post(self, client=None, **overrides):
        return (client or self.public).post("/ppid/permohonan/", request_data(**overrides))

    def test_invalid_nik_is_refused_with_a_clear_message(self):
        for nik in (
            "610401520390000",
            "61040152039000021",
            "61040152039000AB",
            "0004015203900002",
            "6104019913900002",
        ):
            with self.subTest(nik=nik):
                cache.clear()
                self.assert_refused(self.post(nik=nik), "NIK")
        response = self.post(nik="12345")
        self.assertContains(response, "NIK harus terdiri atas 16 angka")
        # Error reports (mails to admins, logs) never carry what the citizen typed.
        self.assertEqual(response.wsgi_request.sensitive_post_parameters, "__ALL__")

    def test_missing_fields_are_refused(self):
        for field in ("name", "nik", "address", "information", "purpose", "delivery"):
            with self.subTest(field=field):
                cache.clear()
                self.assert_refused(self.post(**{field: ""}), "Kolom ini wajib diisi")
        cache.clear()
        self.assert_refused(self.post(email="", phone=""), "Isi surel atau nomor telepon")

    def test_over_long_text_is_refused(self):
        self.assert_refused(self.post(information="x" * 2001), "2000")

    def test_mistyped_requests_never_lock_an_address_out(self):
        # Issue 20: one valid and four mistyped requests used to lock the address out for an hour.
        shared_address = Client(headers={"host": HOST}, REMOTE_ADDR="203.0.113.9")
        self.assertEqual(self.post(shared_address).status_code, 302)
        for _ in range(10):
            self.assertEqual(self.post(shared_address, nik="123").status_code, 200)
        self.assertEqual(self.post(shared_address, nik="6104015203900003").status_code, 302)
        self.assertEqual(InformationRequest.objects.count(), 2)

    def test_requests_are_accepted_while_redis_is_away_and_the_limit_cannot_be_counted(self):
        # Fail open (docs/ppid.md): a citizen is never refused because the cache is down.
        citizen = Client(headers={"host": HOST}, REMOTE_ADDR="203.0.113.7")
        with redis_away_settings(free_port()):
            answers = [self.post(citizen).status_code for _ in range(6)]
        self.assertEqual(answers, [302] * 6)
        self.assertEqual(InformationRequest.objects.count(), 6)

    def test_a_filled_honeypot_stores_nothing(self):
        self.assert_refused(self.post(website="http://spam.example"), "tidak dapat diterima")
