"""JDIH through the front door: the site kind, the public library and its filters, the product
page, the relations and the status they give, the JDIHN feed, and the editor's form."""

import io
import json

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from home.navigation.models import SiteNavigation
from news.jdih.models import DownloadCount, LegalProductIndexPage, LegalProductPage
from opd.media_library.models import InformationClass
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, create_page, form_errors, inline, is_refused, login
from tests.querycount import ConstantQueriesMixin

from .factories import HOST, add_product, make_jdih_site, make_pdf

FEED_FIELDS = {
    "idData",
    "tahun_pengundangan",
    "tanggal_pengundangan",
    "tanggal_penetapan",
    "jenis",
    "singkatanJenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlabstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
}


def path(page):
    return page.get_url_parts()[2]


class JDIHTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.opd, cls.index = make_jdih_site()
        cls.old_perda = add_product(
            cls.index,
            cls.opd,
            "Retribusi Pasar",
            year=2012,
            number="7",
            legal_field="pajak",
            subjects="retribusi, pasar",
            gazette="Lembaran Daerah Kabupaten Ketapang Tahun 2012 Nomor 7",
            initiator="Dinas Perindustrian dan Perdagangan",
            summary="<p>Tarif retribusi pelayanan pasar.</p>",
            text=("Pasal 1 retribusi los kios pasar rakyat.",),
        )
        cls.perbup = add_product(
            cls.index,
            cls.opd,
            "Petunjuk Pelaksanaan Sekolah Gratis",
            doc_type="perbup",
            year=2023,
            number="15",
            legal_field="pendidikan",
            subjects="pendidikan",
            text=("Bantuan operasional sekolah daerah bagi murid.",),
        )
        cls.new_perda = add_product(
            cls.index,
            cls.opd,
            "Pajak Daerah dan Retribusi Daerah",
            year=2024,
            number="1",
            legal_field="pajak",
            subjects="pajak, retribusi",
            relations=[("mencabut", cls.old_perda)],
            text=("Ketentuan umum pajak barang dan jasa tertentu.",),
        )

    def get(self, url, host=HOST):
        return self.client.get(url, headers={"host": host})

    def feed(self, query="", host=HOST):
        response = self.get(f"/jdihn.json{query}", host=host)
        self.assertEqual(response.status_code, 200, response.content[:200])
        return json.loads(response.content)


class SiteKindTests(JDIHTestCase):
    def test_jdih_kind_gets_the_library_in_both_languages_and_in_the_main_menu(self):
        self.assertEqual(self.index.slug, "produk-hukum")
        self.assertTrue(self.index.live)
        english = self.index.get_translation(Locale.objects.get(language_code="en"))
        self.assertTrue(english.live)
        self.assertEqual(self.get("/en/produk-hukum/").status_code, 200)
        menu_pages = [item.value["page"] for item in SiteNavigation.for_site(self.opd.site).main_menu]
        self.assertEqual(menu_pages[0].pk, self.index.pk)
        self.assertContains(self.get("/"), 'href="/produk-hukum/"')

    def test_an_ordinary_opd_site_gets_no_library_and_no_feed(self):
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.assertFalse(LegalProductIndexPage.objects.descendant_of(dinkes.site.root_page).exists())
        self.assertEqual(self.get("/jdihn.json", host="dinkes.ketapangkab.localhost").status_code, 404)

    def test_create_opd_site_with_kind_jdih_is_idempotent_and_refuses_an_unknown_kind(self):
        out = io.StringIO()
        call_command(
            "create_opd_site", "jdih", "--name", "Bagian Hukum Sekretariat Daerah", "--hostname", HOST,
            "--kind", "jdih", stdout=out,
        )  # fmt: skip
        self.assertIn("sudah ada", out.getvalue())
        self.assertEqual(LegalProductIndexPage.objects.filter(locale__language_code="id").count(), 1)
        with self.assertRaisesMessage(CommandError, "Jenis situs 'perpustakaan' tidak dikenal"):
            call_command(
                "create_opd_site", "hukum2", "--name", "Hukum Dua",
                "--hostname", "hukum2.ketapangkab.localhost", "--kind", "perpustakaan", stdout=io.StringIO(),
            )  # fmt: skip
        self.assertFalse(Page.objects.filter(slug="hukum2").exists())


class PublicLibraryTests(JDIHTestCase):
    def titles(self, query):
        html = self.get(f"/produk-hukum/{query}").content.decode()
        return {
            title
            for title in (
                "Retribusi Pasar",
                "Petunjuk Pelaksanaan Sekolah Gratis",
                "Pajak Daerah dan Retribusi",
            )
            if title in html
        }

    def test_filters_by_type_year_status_field_subject_and_pdf_text(self):
        cases = {
            "": {"Retribusi Pasar", "Petunjuk Pelaksanaan Sekolah Gratis", "Pajak Daerah dan Retribusi"},
            "?jenis=perbup": {"Petunjuk Pelaksanaan Sekolah Gratis"},
            "?tahun=2012": {"Retribusi Pasar"},
            "?status=dicabut": {"Retribusi Pasar"},
            "?status=berlaku&jenis=perda": {"Pajak Daerah dan Retribusi"},
            "?bidang=pendidikan": {"Petunjuk Pelaksanaan Sekolah Gratis"},
            "?subjek=retribusi": {"Retribusi Pasar", "Pajak Daerah dan Retribusi"},
            # Words found only inside the PDFs.
            "?q=kios": {"Retribusi Pasar"},
            "?q=operasional+murid": {"Petunjuk Pelaksanaan Sekolah Gratis"},
        }
        for query, shown in cases.items():
            with self.subTest(query=query):
                self.assertEqual(self.titles(query), shown)

    def test_unknown_filter_values_are_field_errors(self):
        response = self.get("/produk-hukum/?jenis=uu&tahun=abc&status=hilang&bidang=x")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'class="field-error"', count=4)

    def test_product_page_shows_citation_metadata_and_the_relation_chain_both_ways(self):
        old = self.get(path(self.old_perda)).content.decode()
        self.assertIn("Peraturan Daerah Kabupaten Ketapang Nomor 7 Tahun 2012 tentang Retribusi Pasar", old)
        self.assertIn("Lembaran Daerah Kabupaten Ketapang Tahun 2012 Nomor 7", old)
        self.assertIn("Dinas Perindustrian dan Perdagangan", old)
        self.assertIn("sudah dicabut", old)
        self.assertIn("dicabut oleh", old)
        self.assertIn(path(self.new_perda), old)
        new = self.get(path(self.new_perda)).content.decode()
        self.assertIn("Produk ini mencabut", new)
        self.assertIn(path(self.old_perda), new)

    def test_download_link_counts_and_leads_to_the_pdf(self):
        response = self.get(f"{path(self.perbup)}unduh/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("no-cache", response["Cache-Control"])
        pdf = self.get(response["Location"])
        self.assertEqual(pdf.status_code, 200)
        self.assertTrue(b"".join(pdf.streaming_content).startswith(b"%PDF-"))
        self.get(f"{path(self.perbup)}unduh/")
        self.assertEqual(DownloadCount.objects.get(page=self.perbup).count, 2)
        self.assertContains(self.get(path(self.perbup)), "2 kali")

    def test_statistics_by_type_and_year(self):
        response = self.get("/produk-hukum/statistik/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<svg", html)
        self.assertIn('<th scope="row">Peraturan Daerah (Perda)</th><td>2</td>', html)
        self.assertIn('<th scope="row">2023</th><td>1</td>', html)

    def test_portal_search_finds_a_product_by_a_word_in_its_pdf(self):
        response = self.get("/cari/?q=kios&lingkup=portal", host="ketapangkab.localhost")
        self.assertContains(response, "Retribusi Pasar")

    def test_published_products_pdf_joins_the_dip_as_available_at_any_time(self):
        self.perbup.document.refresh_from_db()
        self.assertEqual(self.perbup.document.information_class, InformationClass.SETIAP_SAAT)


class FeedTests(JDIHTestCase):
    def test_feed_is_an_array_of_jdihn_records_with_string_values(self):
        records = self.feed()
        self.assertEqual(len(records), 3)
        for record in records:
            self.assertEqual(set(record), FEED_FIELDS)
            self.assertTrue(all(isinstance(value, str) for value in record.values()), record)
        old = next(record for record in records if record["idData"] == str(self.old_perda.pk))
        expected = {
            "tahun_pengundangan": "2012",
            "tanggal_pengundangan": "2012-03-05",
            "tanggal_penetapan": "2012-03-01",
            "jenis": "Peraturan Daerah",
            "singkatanJenis": "PERDA",
            "noPeraturan": "7",
            "judul": "Peraturan Daerah Kabupaten Ketapang Nomor 7 Tahun 2012 tentang Retribusi Pasar",
            "tempatTerbit": "Ketapang",
            "sumber": "Lembaran Daerah Kabupaten Ketapang Tahun 2012 Nomor 7",
            "subjek": "retribusi, pasar",
            "status": "Dicabut",
            "bahasa": "Indonesia",
            "bidangHukum": "Hukum Pajak dan Retribusi Daerah",
            "teuBadan": "Kabupaten Ketapang",
            "fileDownload": self.old_perda.document.file.name.rsplit("/", 1)[-1],
            "urlDownload": f"http://{HOST}{self.old_perda.document.url}",
            "abstrak": "Tarif retribusi pelayanan pasar.",
            "urlabstrak": f"http://{HOST}{path(self.old_perda)}#abstrak",
            "urlDetailPeraturan": f"http://{HOST}{path(self.old_perda)}",
            "deskripsiFisik": "1 hlm.",
            "operasi": "4",
            "display": "1",
        }
        self.assertEqual({key: old[key] for key in expected}, expected)

    def test_limit_and_offset_page_through_in_a_stable_order(self):
        ids = [record["idData"] for record in self.feed()]
        self.assertEqual(ids, sorted(ids, key=int))
        self.assertEqual([r["idData"] for r in self.feed("?limit=2")], ids[:2])
        self.assertEqual([r["idData"] for r in self.feed("?limit=2&offset=2")], ids[2:])
        self.assertEqual(self.feed("?offset=10"), [])

    def test_bad_paging_parameters_are_a_400_with_a_message(self):
        for query in ("?limit=abc", "?offset=-1", "?limit=1.5"):
            with self.subTest(query=query):
                response = self.get(f"/jdihn.json{query}")
                self.assertEqual(response.status_code, 400)
                self.assertIn("error", json.loads(response.content))

    def test_unpublished_product_leaves_the_feed_and_revoked_status_follows_the_revoker(self):
        self.assertEqual(len(self.feed()), 3)
        self.new_perda.unpublish()
        records = {record["idData"]: record for record in self.feed()}
        self.assertNotIn(str(self.new_perda.pk), records)
        # The revoking Perda is gone: the old one is in force again, in the feed and on its page.
        self.assertEqual(records[str(self.old_perda.pk)]["status"], "Berlaku")
        self.assertNotContains(self.get(path(self.old_perda)), "sudah dicabut")


class EditorTests(JDIHTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.people = {role: member(cls.opd, role) for role in Role}

    def form(self, title, document, **fields):
        data = {
            "title": title,
            "slug": slugify(title),
            "document": str(document.pk),
            "doc_type": "perda",
            "status": "berlaku",
            "number": "5",
            "year": "2025",
            "enacted_on": "2025-02-01",
            "promulgated_on": "2025-02-03",
            "place": "Ketapang",
            "publisher": "Pemerintah Kabupaten Ketapang",
            "teu": "Kabupaten Ketapang",
            "language": "Indonesia",
            "subjects": "pasar",
            "legal_field": "pajak",
        }
        data.update(inline("relations", []))
        data.update(fields)
        return data

    def test_penulis_creates_a_perda_that_revokes_another_and_the_sop_publishes_it(self):
        client = login(self.people[Role.PENULIS], host=HOST)
        document = make_pdf(self.opd, "Perda Pasar Rakyat", ["Pengelolaan pasar rakyat."])
        fields = self.form("Pengelolaan Pasar Rakyat", document)
        fields.update(inline("relations", [{"kind": "mencabut", "target": str(self.perbup.pk)}]))
        response = create_page(client, self.index, LegalProductPage, fields)
        self.assertEqual(response.status_code, 302, form_errors(response))
        page = LegalProductPage.objects.get(title="Pengelolaan Pasar Rakyat")
        self.assertFalse(page.live)
        self.assertNotIn(str(page.pk), [record["idData"] for record in self.feed()])
        self.perbup.refresh_from_db()
        self.assertEqual(self.perbup.status, "berlaku", "a draft revokes nothing")
        approve_through_sop(page, self.people, HOST)
        records = {record["idData"]: record for record in self.feed()}
        self.assertEqual(records[str(page.pk)]["judul"], page.specific.full_title)
        self.assertEqual(records[str(self.perbup.pk)]["status"], "Dicabut")
        self.assertContains(self.get(path(self.perbup)), "dicabut oleh")
        self.assertContains(self.get("/produk-hukum/?q=rakyat"), "Pengelolaan Pasar Rakyat")

    def test_non_pdf_file_and_bad_year_are_field_errors_and_nothing_is_saved(self):
        client = login(self.people[Role.PENULIS], host=HOST)
        text = get_document_model().objects.create(
            title="Catatan",
            file=ContentFile(b"bukan pdf", name="catatan.txt"),
            collection=self.opd.collection,
        )
        disguised = get_document_model().objects.create(
            title="Palsu",
            file=ContentFile(b"<html>bukan pdf</html>", name="palsu.pdf"),
            collection=self.opd.collection,
        )
        good = make_pdf(self.opd, "Sah")
        cases = [
            (self.form("Berkas Teks", text), "harus PDF"),
            (self.form("Berkas Palsu", disguised), "harus PDF"),
            (self.form("Tahun Salah", good, year="1800"), "Tahun harus antara"),
            (self.form("Tahun Depan Jauh", good, year="2999"), "Tahun harus antara"),
            (self.form("Tanggal Terbalik", good, promulgated_on="2025-01-01"), "tidak boleh sebelum"),
        ]
        for fields, message in cases:
            with self.subTest(title=fields["title"]):
                response = create_page(client, self.index, LegalProductPage, fields)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(
                    any(message in error for error in form_errors(response)), form_errors(response)
                )
                self.assertFalse(LegalProductPage.objects.filter(title=fields["title"]).exists())

    def test_only_legal_product_types_are_offered(self):
        client = login(self.people[Role.PENULIS], host=HOST)
        html = client.get(f"/admin/pages/add/jdih/legalproductpage/{self.index.pk}/").content.decode()
        self.assertIn('value="perda"', html)
        self.assertIn('value="monografi"', html)
        self.assertNotIn('value="renstra"', html)

    def test_another_opds_penulis_cannot_add_a_product(self):
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        outsider = member(dinkes, Role.PENULIS)
        client = login(outsider, host="dinkes.ketapangkab.localhost")
        response = client.get(f"/admin/pages/add/jdih/legalproductpage/{self.index.pk}/")
        self.assertTrue(is_refused(response), response.status_code)


class QueryCountTests(ConstantQueriesMixin, JDIHTestCase):
    def grow(self):
        for number in range(5):
            add_product(
                self.index, self.opd, f"Perbup Tambahan {number}", doc_type="perbup", number=str(40 + number)
            )

    def test_library_list_query_count_does_not_grow_with_products(self):
        self.assert_constant_queries("/produk-hukum/", HOST, self.grow, expect_growth_in="Perbup Tambahan 4")

    def test_feed_query_count_does_not_grow_with_products(self):
        def count():
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                records = self.feed()
            return len(queries), len(records)

        self.feed()
        before, records = count()
        self.grow()
        self.feed()
        self.assertEqual(count(), (before, records + 5))
