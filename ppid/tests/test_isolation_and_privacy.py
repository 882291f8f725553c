"""Requests belong to one OPD's PPID group; the public never sees anyone's identity."""

from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone

from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from ppid.models import InformationRequest, ObjectionStatus, RequestStatus
from ppid.services import change_status
from tests.admin import is_refused, login

from .factories import VALID_NIK, make_request, ppid_officer, ppid_page, request_data

HOST = "dinkes.ketapangkab.localhost"
IDENTITY = ("Siti Rahmawati", VALID_NIK, "Jl. Merdeka", "siti.pemohon@contoh.id", "081234567890")


class OtherOPDTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        ppid_page(cls.dinkes)
        ppid_page(cls.diskominfo)
        cls.own_ppid = ppid_officer(cls.dinkes)
        cls.other_ppid = ppid_officer(cls.diskominfo)
        cls.item = make_request(cls.dinkes)

    def test_another_opds_ppid_cannot_see_or_act_on_the_request(self):
        other = login(self.other_ppid, host="diskominfo.ketapangkab.localhost")
        listing = other.get("/admin/ppid/permohonan/")
        self.assertEqual(listing.status_code, 200)
        self.assertNotContains(listing, self.item.number)
        url = f"/admin/ppid/permohonan/{self.item.pk}/"
        self.assertEqual(other.get(url).status_code, 404)
        self.assertEqual(other.post(url, {"status": "diproses"}).status_code, 404)
        self.item.refresh_from_db()
        self.assertEqual(self.item.status, RequestStatus.DITERIMA)
        # Its tracking token does not open on another OPD's site either.
        token_url = f"/ppid/lacak/{self.item.token}/"
        self.assertEqual(
            Client(headers={"host": "diskominfo.ketapangkab.localhost"}).get(token_url).status_code, 404
        )

    def test_the_opds_other_roles_do_not_see_identity_data(self):
        for role in (Role.PENULIS, Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            with self.subTest(role=role):
                client = login(member(self.dinkes, role), host=HOST)
                self.assertTrue(is_refused(client.get("/admin/ppid/permohonan/")))
                self.assertTrue(is_refused(client.get(f"/admin/ppid/permohonan/{self.item.pk}/")))
                dashboard = client.get("/admin/").content.decode()
                self.assertNotIn("/admin/ppid/permohonan/", dashboard)
                for value in IDENTITY:
                    self.assertNotIn(value, dashboard)

    def test_the_web_developer_may_open_a_request_but_sees_no_identity(self):
        developer = UserFactory(username="developer", is_superuser=True)
        response = login(developer, host=HOST).get(f"/admin/ppid/permohonan/{self.item.pk}/")
        self.assertContains(response, self.item.number)
        self.assertContains(response, "hanya dapat dibaca oleh PPID OPD ini")
        for value in IDENTITY:
            self.assertNotContains(response, value)

    def test_the_own_ppid_sees_the_menu(self):
        dashboard = login(self.own_ppid, host=HOST).get("/admin/")
        self.assertContains(dashboard, "/admin/ppid/permohonan/")


class PublicPrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        ppid_page(cls.dinkes)
        ppid_page(cls.portal)
        cls.ppid = ppid_officer(cls.dinkes)

    def setUp(self):
        cache.clear()

    def test_no_public_response_carries_the_requesters_identity(self):
        public = Client(headers={"host": HOST})
        response = public.post("/ppid/permohonan/", request_data())
        tracking = response["Location"]
        item = InformationRequest.objects.get()
        change_status(item, RequestStatus.SELESAI, self.ppid, answer="Dikirim lewat surel.")
        objection = public.post(
            tracking.split("?")[0] + "keberatan/", {"reason": "d", "explanation": "Kurang lengkap."}
        )
        self.assertEqual(objection.status_code, 302)
        self.assertEqual(item.objections.get().status, ObjectionStatus.DITERIMA)
        urls = [
            tracking,
            tracking.split("?")[0] + "keberatan/",
            "/ppid/",
            "/ppid/dip/",
            "/ppid/dip/?format=csv",
            "/ppid/dip/?format=xlsx",
            "/ppid/laporan/",
            "/sitemap.xml",
            "/berita/rss/",
        ]
        portal = Client(headers={"host": "ketapangkab.localhost"})
        for client, url in [(public, url) for url in urls] + [
            (portal, "/ppid/laporan/"),
            (portal, "/ppid/dip/"),
        ]:
            with self.subTest(url=url):
                response = client.get(url)
                body = response.content.decode(errors="replace")
                for value in IDENTITY:
                    self.assertNotIn(value, body)
        # Search finds nothing of it (the query itself is echoed, so count the results).
        for query in ("Rahmawati", VALID_NIK, "imunisasi"):
            for scope in ("situs", "portal"):
                self.assertContains(public.get(f"/cari/?q={query}&lingkup={scope}"), "0 hasil")
        report = portal.get("/ppid/laporan/")
        self.assertContains(report, "Dinas Kesehatan")

    def test_identity_is_purged_after_the_retention_period(self):
        old = make_request(self.dinkes)
        change_status(old, RequestStatus.SELESAI, self.ppid, answer="Selesai.")
        InformationRequest.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=400))
        recent = make_request(self.dinkes)
        change_status(recent, RequestStatus.SELESAI, self.ppid, answer="Selesai.")
        with self.settings(PORTAL_PPID_RETENTION_DAYS=365):
            call_command("purge_ppid_identities", stdout=open("/dev/null", "w"))  # noqa: SIM115
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual((old.name, old.nik, old.address, old.email, old.phone), ("", "", "", "", ""))
        self.assertIsNotNone(old.identity_purged_at)
        self.assertEqual(old.status, RequestStatus.SELESAI)  # the record stays for the report
        self.assertEqual(recent.nik, VALID_NIK)
        detail = login(self.ppid, host=HOST).get(f"/admin/ppid/permohonan/{old.pk}/")
        self.assertContains(detail, "Data identitas dihapus")
