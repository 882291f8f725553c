"""The Daftar Informasi Publik: generated from classified content that went through the SOP."""

import io
from datetime import timedelta

import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.test.utils.form_data import rich_text

from opd.roles import Role
from opd.tests.factories import make_opd, member
from ppid.models import InformationPage, StandarPelayananPage
from tests.admin import approve_through_sop, create_page, form_errors, login
from tests.content import make_document, publish
from tests.querycount import ConstantQueriesMixin

from .factories import ppid_page

HOST = "dinkes.ketapangkab.localhost"


def information(title, klass="berkala", **fields):
    return InformationPage(
        title=title, slug=title.lower().replace(" ", "-"), information_class=klass, **fields
    )


class DIPTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.ppid_page = ppid_page(cls.dinkes)
        ppid_page(cls.portal)
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        cls.live = publish(cls.ppid_page, information("Laporan Keuangan 2025", intro="LRA semester II."))
        cls.draft = information("Rencana Kerja Draf", live=False)
        cls.ppid_page.add_child(instance=cls.draft)
        cls.draft.save_revision()
        with time_machine.travel(timezone.now() - timedelta(days=213), tick=False):
            cls.old = publish(cls.ppid_page, information("Profil Kesehatan Lama"))
        cls.setiap_saat = publish(
            cls.ppid_page, information("Daftar Puskesmas", klass="setiap_saat", information_year=2024)
        )
        document = make_document(cls.dinkes, "Perbup Tarif Layanan")
        document.information_class = "berkala"
        document.year = 2025
        document.save()

    def test_the_dip_lists_live_classified_pages_and_hides_drafts(self):
        response = Client(headers={"host": HOST}).get("/ppid/dip/")
        self.assertContains(response, "Laporan Keuangan 2025")
        self.assertContains(response, "Informasi Berkala (Pasal 9)")
        self.assertContains(response, "Perbup Tarif Layanan")  # a classified document
        self.assertNotContains(response, "Rencana Kerja Draf")
        # Kept briefly by Varnish (the plain path is also purged when an entry is published).
        self.assertIn("s-maxage=300", response["Cache-Control"])
        self.assertIn("/dip/", self.ppid_page.get_cached_paths())

    def test_the_dip_filters_by_class_and_year(self):
        client = Client(headers={"host": HOST})
        response = client.get("/ppid/dip/?kelas=setiap_saat")
        self.assertContains(response, "Daftar Puskesmas")
        self.assertNotContains(response, "Laporan Keuangan 2025")
        response = client.get("/ppid/dip/?tahun=2024")
        self.assertContains(response, "Daftar Puskesmas")
        self.assertNotContains(response, "Perbup Tarif Layanan")

    def test_the_regency_dip_gathers_every_opd_filterable_by_unit(self):
        portal = Client(headers={"host": "ketapangkab.localhost"})
        response = portal.get("/ppid/dip/")
        self.assertContains(response, "Laporan Keuangan 2025")
        self.assertContains(response, "Dinas Kesehatan")
        self.assertNotContains(portal.get("/ppid/dip/?unit=ketapangkab"), "Laporan Keuangan 2025")
        self.assertContains(portal.get("/ppid/dip/?unit=dinkes"), "Laporan Keuangan 2025")

    def test_the_dip_exports_as_csv_and_xlsx(self):
        client = Client(headers={"host": HOST})
        csv = client.get("/ppid/dip/?kelas=berkala&format=csv")
        self.assertEqual(csv["Content-Type"], "text/csv; charset=utf-8")
        text = csv.content.decode()
        self.assertIn("Judul informasi", text.splitlines()[0])
        self.assertIn("Laporan Keuangan 2025", text)
        self.assertNotIn("Daftar Puskesmas", text)
        xlsx = client.get("/ppid/dip/?format=xlsx")
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        titles = [row[1] for row in sheet.iter_rows(values_only=True)]
        self.assertIn("Laporan Keuangan 2025", titles)
        self.assertNotIn("Rencana Kerja Draf", titles)

    def test_a_seven_month_old_berkala_entry_is_flagged_in_the_report_and_mailed_once(self):
        client = login(self.webadmin, host=HOST)
        report = client.get("/admin/laporan/dip/?basi=1")
        self.assertContains(report, "Profil Kesehatan Lama")
        self.assertNotContains(report, "Laporan Keuangan 2025")
        self.assertContains(report, "1 informasi berkala belum diperbarui")
        export = client.get("/admin/laporan/dip/?export=csv").content.decode()
        self.assertIn("Profil Kesehatan Lama", export)
        mail.outbox.clear()
        call_command("check_dip", stdout=io.StringIO())
        self.assertEqual([m.to for m in mail.outbox], [[self.webadmin.email]])
        self.assertIn("Profil Kesehatan Lama", mail.outbox[0].body)
        self.assertNotIn("Laporan Keuangan 2025", mail.outbox[0].body)
        call_command("check_dip", stdout=io.StringIO())
        self.assertEqual(len(mail.outbox), 1)

    def test_another_opd_does_not_see_this_opds_dip_report(self):
        other = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        client = login(member(other, Role.WEBADMIN), host="diskominfo.ketapangkab.localhost")
        self.assertNotContains(client.get("/admin/laporan/dip/"), "Laporan Keuangan 2025")


class DIPThroughTheSOPTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.ppid_page = ppid_page(cls.dinkes)
        cls.people = {role: member(cls.dinkes, role) for role in Role}

    def test_a_ppid_entry_is_public_only_after_the_sop_and_an_exempt_one_needs_its_basis(self):
        ppid = login(self.people[Role.PPID], host=HOST)
        fields = {"title": "Hasil Audit Internal", "slug": "audit", "information_class": "dikecualikan"}
        response = create_page(ppid, self.ppid_page, InformationPage, fields)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(any("dasar hukum" in error for error in form_errors(response)), form_errors(response))
        self.assertFalse(InformationPage.objects.exists())

        fields.update(
            exemption_basis="Pasal 17 huruf a UU 14/2008", consequence_test="Menghambat penegakan hukum."
        )
        self.assertEqual(create_page(ppid, self.ppid_page, InformationPage, fields).status_code, 302)
        page = InformationPage.objects.get()
        public = Client(headers={"host": HOST})
        self.assertNotContains(public.get("/ppid/dip/"), "Hasil Audit Internal")
        approve_through_sop(page, self.people, HOST)
        dip = public.get("/ppid/dip/")
        self.assertContains(dip, "Hasil Audit Internal")
        self.assertContains(dip, "Pasal 17 huruf a UU 14/2008")
        self.assertContains(public.get("/ppid/audit/"), "dikecualikan")

    def test_the_ppid_adds_a_standar_pelayanan_under_the_home_page_through_the_sop(self):
        ppid = login(self.people[Role.PPID], host=HOST)
        home = self.dinkes.site.root_page
        self.assertContains(ppid.get(f"/admin/pages/add/ppid/standarpelayananpage/{home.pk}/"), "Maklumat")
        fields = {
            "title": "SP Izin Praktik Bidan",
            "slug": "sp-bidan",
            "persyaratan": rich_text("<p>STR aktif</p>"),
        }
        self.assertEqual(create_page(ppid, home, StandarPelayananPage, fields).status_code, 302)
        page = StandarPelayananPage.objects.get(slug="sp-bidan")
        self.assertFalse(page.live)
        self.assertEqual(Client(headers={"host": HOST}).get("/sp-bidan/").status_code, 404)
        approve_through_sop(page, self.people, HOST)
        self.assertContains(Client(headers={"host": HOST}).get("/sp-bidan/"), "STR aktif")

    def test_the_standar_pelayanan_shows_the_public_components_and_the_maklumat(self):
        page = publish(
            self.dinkes.site.root_page,
            StandarPelayananPage(
                title="Standar Pelayanan Surat Keterangan Sehat",
                slug="sp-surat-sehat",
                persyaratan="<p>KTP asli</p>",
                biaya="<p>Gratis</p>",
                kompetensi="<p>RAHASIA-INTERNAL dokter umum</p>",
                maklumat="<p>Kami sanggup melayani sesuai standar.</p>",
                information_class="berkala",
            ),
        )
        response = Client(headers={"host": HOST}).get(
            page.url.replace("http://dinkes.ketapangkab.localhost", "")
        )
        self.assertContains(response, "KTP asli")
        self.assertContains(response, "Gratis")
        self.assertContains(response, "Maklumat Pelayanan")
        self.assertContains(response, "https://www.lapor.go.id/")
        self.assertNotContains(response, "RAHASIA-INTERNAL")
        self.assertContains(
            Client(headers={"host": HOST}).get("/ppid/"), "Standar Pelayanan Surat Keterangan Sehat"
        )
        self.assertContains(
            Client(headers={"host": HOST}).get("/ppid/dip/"), "Standar Pelayanan Surat Keterangan Sehat"
        )


class DIPQueryCountTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        for opd in (cls.portal, cls.dinkes, cls.diskominfo):
            publish(ppid_page(opd), information(f"Entri awal {opd.slug}"))

    def test_the_regency_dip_costs_the_same_queries_whatever_the_number_of_entries(self):
        def grow():
            for opd in (self.dinkes, self.diskominfo):
                for number in range(5):
                    publish(ppid_page(opd), information(f"Entri tambahan {opd.slug} {number}"))
                document = make_document(opd, f"Dokumen tambahan {opd.slug}")
                document.information_class = "setiap_saat"
                document.save()

        queries = self.assert_constant_queries(
            "/ppid/dip/", "ketapangkab.localhost", grow, expect_growth_in="Entri tambahan diskominfo 4"
        )
        self.assertLess(queries, 30)  # 23 measured
