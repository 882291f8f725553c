"""The public forms' rate limits: stored submissions only, per OPD, per address and per NIK.

Many citizens share one carrier-grade NAT address, so a typo must cost nothing and one OPD's
limit must not lock anyone out of another OPD's forms.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from opd.tests.factories import make_opd
from ppid.models import InformationRequest, Objection, RequestStatus
from ppid.services import change_status

from .factories import make_request, ppid_officer, ppid_page, request_data

DINKES = "dinkes.ketapangkab.localhost"
DISKOMINFO = "diskominfo.ketapangkab.localhost"
WIB = ZoneInfo("Asia/Jakarta")
# Thursday 13 August 2026, 10:20 WIB.
THURSDAY_MORNING = datetime(2026, 8, 13, 10, 20, tzinfo=WIB)


def nik(serial):
    """A valid NIK of Kabupaten Ketapang, distinct per serial number."""
    return f"610401520390{serial:04d}"


def citizen(host=DINKES, address="203.0.113.9"):
    return Client(headers={"host": host}, REMOTE_ADDR=address)


@time_machine.travel(THURSDAY_MORNING, tick=False)
class RequestRateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        ppid_page(cls.dinkes)
        ppid_page(cls.diskominfo)

    def setUp(self):
        cache.clear()

    def submit(self, client, **overrides):
        return client.post("/ppid/permohonan/", request_data(**overrides))

    def assert_stored(self, response):
        self.assertEqual(response.status_code, 302, response.content[:1500])

    def assert_rate_limited(self, response, message, retry_after, try_again):
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, message, status_code=429)
        self.assertContains(response, try_again, status_code=429)
        self.assertEqual(response["Retry-After"], str(retry_after))
        self.assertIn("private", response["Cache-Control"])
        # The page is the site's own (header, navigation) and keeps what the citizen wrote.
        self.assertContains(response, '<header class="site-header">', status_code=429)
        self.assertContains(response, "Bahan penelitian skripsi.", status_code=429)

    @override_settings(PORTAL_PPID_RATE_LIMIT=2)
    def test_mistyped_submissions_do_not_count(self):
        shared_address = citizen()
        self.assert_stored(self.submit(shared_address, nik=nik(1)))
        for mistake in ("123", "61040152039000AB", ""):
            self.assertEqual(self.submit(shared_address, nik=mistake).status_code, 200)
        self.assertEqual(
            self.submit(shared_address, nik=nik(2), website="http://spam.example").status_code, 200
        )
        self.assert_stored(self.submit(shared_address, nik=nik(3)))
        self.assertEqual(InformationRequest.objects.count(), 2)

    @override_settings(PORTAL_PPID_RATE_LIMIT=2, PORTAL_PPID_RATE_WINDOW=3600)
    def test_an_address_over_its_limit_is_told_when_to_try_again_at_that_opd_only(self):
        shared_address = citizen()
        self.assert_stored(self.submit(shared_address, nik=nik(1)))
        self.assert_stored(self.submit(shared_address, nik=nik(2)))
        self.assert_rate_limited(
            self.submit(shared_address, nik=nik(3)),
            "Terlalu banyak pengajuan dari alamat jaringan Anda",
            retry_after=40 * 60,  # the hourly window ends at 11:00 WIB
            try_again="pukul 11.00 WIB, Kamis, 13 Agustus 2026",
        )
        self.assertEqual(InformationRequest.objects.count(), 2)
        # The same address at another OPD, and another address at this one, are not affected.
        self.assert_stored(self.submit(citizen(host=DISKOMINFO), nik=nik(3)))
        self.assert_stored(self.submit(citizen(address="198.51.100.4"), nik=nik(4)))
        # The next hour the address may send again.
        with time_machine.travel(datetime(2026, 8, 13, 11, 0, tzinfo=WIB), tick=False):
            self.assert_stored(self.submit(shared_address, nik=nik(5)))

    def test_by_default_one_nik_sends_five_requests_a_day_to_one_opd(self):
        for serial in range(5):
            self.assert_stored(self.submit(citizen(address=f"198.51.100.{serial + 1}")))
        refused = self.submit(citizen(address="198.51.100.77"))
        self.assert_rate_limited(
            refused,
            "Pengajuan dengan NIK ini ke PPID ini sudah mencapai batasnya",
            retry_after=13 * 3600 + 40 * 60,  # until midnight WIB
            try_again="pukul 00.00 WIB, Jumat, 14 Agustus 2026",
        )
        self.assertEqual(InformationRequest.objects.count(), 5)
        # Another NIK from the same address, and the same NIK at another OPD, go through.
        self.assert_stored(self.submit(citizen(address="198.51.100.77"), nik=nik(9)))
        self.assert_stored(self.submit(citizen(host=DISKOMINFO, address="198.51.100.77")))

    def test_by_default_a_shared_address_sends_twenty_requests_an_hour_to_one_opd(self):
        carrier_nat = citizen()
        for serial in range(20):
            self.assert_stored(self.submit(carrier_nat, nik=nik(serial)))
        self.assertEqual(self.submit(carrier_nat, nik=nik(99)).status_code, 429)


@time_machine.travel(THURSDAY_MORNING, tick=False)
class ObjectionRateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        ppid_page(cls.dinkes)
        ppid = ppid_officer(cls.dinkes)
        with time_machine.travel(datetime(2026, 8, 3, 9, tzinfo=WIB), tick=False):
            cls.items = []
            for serial in range(3):
                item = make_request(cls.dinkes, nik=nik(serial % 2))  # two requests share a NIK
                change_status(item, RequestStatus.SELESAI, ppid, answer="Terlampir.")
                cls.items.append(item)

    def setUp(self):
        cache.clear()

    def object_to(self, item, client, explanation="Jawaban tidak lengkap."):
        return client.post(
            f"/ppid/lacak/{item.token}/keberatan/", {"reason": "d", "explanation": explanation}
        )

    @override_settings(PORTAL_PPID_RATE_LIMIT=1)
    def test_only_stored_objections_count_against_the_address(self):
        shared_address = citizen()
        self.assertEqual(self.object_to(self.items[0], shared_address, explanation="").status_code, 200)
        self.assertEqual(self.object_to(self.items[0], shared_address).status_code, 302)
        refused = self.object_to(self.items[1], shared_address)
        self.assertContains(refused, "alamat jaringan Anda", status_code=429)
        self.assertContains(refused, "Jawaban tidak lengkap.", status_code=429)
        self.assertEqual(refused["Retry-After"], str(40 * 60))
        self.assertEqual(Objection.objects.count(), 1)

    @override_settings(PORTAL_PPID_NIK_LIMIT=1)
    def test_objections_count_against_the_requesters_nik(self):
        self.assertEqual(self.object_to(self.items[0], citizen(address="198.51.100.1")).status_code, 302)
        # Same NIK (items 0 and 2), another address: refused; another NIK (item 1): stored.
        refused = self.object_to(self.items[2], citizen(address="198.51.100.2"))
        self.assertContains(refused, "NIK ini", status_code=429)
        self.assertEqual(self.object_to(self.items[1], citizen(address="198.51.100.2")).status_code, 302)
        self.assertEqual(Objection.objects.count(), 2)
