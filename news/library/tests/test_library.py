"""The document library: filters by type and year, download links, query counts."""

from django.test import TestCase

from news.library.models import DocumentIndexPage, DocumentPage
from opd.tests.factories import make_opd
from tests.content import add_index, make_document, publish
from tests.querycount import ConstantQueriesMixin

HOST = "disdik.ketapangkab.localhost"


def add_document(index, opd, title, doc_type, year, **fields):
    return publish(
        index,
        DocumentPage(
            title=title,
            document=make_document(opd, title),
            doc_type=doc_type,
            year=year,
            **fields,
        ),
    )


class DocumentLibraryTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.opd = make_opd("disdik", "Dinas Pendidikan")
        cls.index = add_index(cls.opd, DocumentIndexPage, "Produk Hukum", "produk-hukum")
        cls.perda = add_document(
            cls.index, cls.opd, "Penyelenggaraan Pendidikan", "perda", 2024, number="3 Tahun 2024"
        )
        cls.perbup = add_document(cls.index, cls.opd, "Juknis PPDB", "perbup", 2025, number="12 Tahun 2025")
        cls.revoked = add_document(cls.index, cls.opd, "Cagar Budaya", "perbup", 2018, status="dicabut")

    def get(self, url):
        return self.client.get(url, headers={"host": HOST})

    def test_filters_by_type_and_year(self):
        cases = {
            "?jenis=perda": ({"Penyelenggaraan Pendidikan"}, {"Juknis PPDB", "Cagar Budaya"}),
            "?jenis=perbup": ({"Juknis PPDB", "Cagar Budaya"}, {"Penyelenggaraan Pendidikan"}),
            "?tahun=2025": ({"Juknis PPDB"}, {"Penyelenggaraan Pendidikan", "Cagar Budaya"}),
            "?jenis=perbup&tahun=2018": ({"Cagar Budaya"}, {"Juknis PPDB"}),
        }
        for query, (shown, hidden) in cases.items():
            with self.subTest(query=query):
                html = self.get(f"/produk-hukum/{query}").content.decode()
                self.assertTrue(all(title in html for title in shown), shown)
                self.assertFalse(any(title in html for title in hidden), hidden)

    def test_year_choices_are_the_years_in_the_library(self):
        html = self.get("/produk-hukum/").content.decode()
        for year in (2024, 2025, 2018):
            self.assertIn(f'<option value="{year}">{year}</option>', html)
        self.assertContains(self.get("/produk-hukum/?jenis=uu&tahun=abc"), 'class="field-error"', count=2)

    def test_detail_shows_identity_status_and_download(self):
        response = self.get(self.revoked.get_url_parts()[2])
        self.assertContains(response, "sudah dicabut")
        self.assertContains(response, self.revoked.document.url)
        self.assertContains(self.get(self.perda.get_url_parts()[2]), "3 Tahun 2024")

    def test_list_query_count_does_not_grow_with_documents(self):
        def grow():
            for number in range(10):
                add_document(self.index, self.opd, f"Laporan Kinerja {number}", "laporan", 2020 + number % 3)

        self.assert_constant_queries("/produk-hukum/", HOST, grow, expect_growth_in="Laporan Kinerja 9")
