"""The public catalogue and dataset pages, the DCAT catalogue, and ckanapi against a live server."""

import ckanapi
from django.test import LiveServerTestCase, TestCase
from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, RDF

from news.opendata.tests.factories import POPULATION_CSV, data_index, dataset, xlsx_bytes
from news.opendata.tests.test_api import PORTAL, OpenDataSetup
from opd.tests.factories import make_opd
from tests.transactional import KeepsMigratedData

KOMINFO = "diskominfo.ketapangkab.localhost"


class CataloguePageTests(OpenDataSetup, TestCase):
    def get(self, url, host=PORTAL):
        return self.client.get(url, headers={"host": host})

    def test_regency_catalogue_lists_every_opds_published_datasets(self):
        html = self.get("/data/").content.decode()
        for title in ("Jumlah Penduduk per Tahun", "Menara Telekomunikasi", "Jumlah Puskesmas per Kecamatan"):
            self.assertIn(title, html)
        for title in self.hidden_titles:
            self.assertNotIn(title, html)
        self.assertIn("Dinas Kesehatan", html)

    def test_opd_catalogue_lists_its_own_datasets_only(self):
        html = self.get("/data/", host=KOMINFO).content.decode()
        self.assertIn("Menara Telekomunikasi", html)
        self.assertNotIn("Jumlah Puskesmas per Kecamatan", html)
        self.assertNotIn("Data Terbatas Jaringan Intra", html)

    def test_search_and_facets(self):
        cases = {
            "?q=penduduk": ({"Jumlah Penduduk per Tahun"}, {"Menara Telekomunikasi"}),
            "?opd=dinkes": ({"Jumlah Puskesmas per Kecamatan"}, {"Menara Telekomunikasi"}),
            "?urusan=komunikasi-informatika": ({"Menara Telekomunikasi"}, {"Jumlah Penduduk per Tahun"}),
            "?format=XLSX": ({"Jumlah Puskesmas per Kecamatan"}, {"Jumlah Penduduk per Tahun"}),
            "?tahun=2023": ({"Menara Telekomunikasi"}, {"Jumlah Puskesmas per Kecamatan"}),
        }
        for query, (shown, hidden) in cases.items():
            with self.subTest(query=query):
                html = self.get(f"/data/{query}").content.decode()
                self.assertTrue(all(title in html for title in shown), shown)
                self.assertFalse(any(title in html for title in hidden), hidden)
        self.assertContains(self.get("/data/?format=EXE&tahun=abc"), 'class="field-error"', count=2)

    def test_dataset_page_previews_csv_as_a_table_with_a_chart(self):
        response = self.get(self.population.url, host=KOMINFO)
        self.assertContains(response, '<table class="data-preview" data-sortable>')
        self.assertContains(response, '<th scope="col">jumlah_penduduk</th>', html=False)
        self.assertContains(response, "<td>597800</td>", html=False)
        self.assertContains(response, '<svg viewBox="0 0 600 240" role="img"', html=False)
        self.assertContains(response, "sortable-table.js")
        self.assertContains(response, "Dinas Komunikasi dan Informatika")

    def test_xlsx_is_previewed_and_json_is_only_downloaded(self):
        response = self.get(self.clinics.url, host="dinkes.ketapangkab.localhost")
        self.assertContains(response, "<td>Delta Pawan</td>", html=False)
        response = self.get(self.towers.url, host=KOMINFO)
        self.assertNotContains(response, "data-preview")
        self.assertContains(response, "menara")

    def test_terbatas_dataset_shows_metadata_without_files(self):
        response = self.get(self.restricted.url, host=KOMINFO)
        self.assertContains(response, "berklasifikasi terbatas")
        self.assertNotContains(response, "/documents/")
        self.assertNotContains(response, "data-preview")

    def test_catalogue_feed_carries_the_datasets(self):
        feed = self.get("/data/rss/")
        self.assertEqual(feed.status_code, 200)
        self.assertContains(feed, "Jumlah Penduduk per Tahun")
        self.assertNotContains(feed, "Data Terbatas Jaringan Intra")

    def test_draft_and_unpublished_pages_are_404(self):
        for path in ("/data/draf-angka-kematian-bayi/", "/data/data-ditarik-imunisasi/"):
            self.assertEqual(self.get(path, "dinkes.ketapangkab.localhost").status_code, 404)

    def test_dcat_catalogue_in_turtle_and_json_ld(self):
        for suffix, fmt in (("catalog.ttl", "turtle"), ("catalog.jsonld", "json-ld")):
            with self.subTest(fmt=fmt):
                response = self.get(f"/data/{suffix}")
                self.assertEqual(response.status_code, 200)
                graph = Graph().parse(data=response.content.decode(), format=fmt)
                titles = {
                    str(graph.value(node, DCTERMS.title)) for node in graph.subjects(RDF.type, DCAT.Dataset)
                }
                self.assertEqual(
                    titles,
                    {"Jumlah Penduduk per Tahun", "Menara Telekomunikasi", "Jumlah Puskesmas per Kecamatan"},
                )
                self.assertEqual(len(set(graph.subjects(RDF.type, DCAT.Distribution))), 3)
                urls = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
                self.assertTrue(
                    all(url.startswith("http://ketapangkab.localhost/documents/") for url in urls)
                )


class BrokenFileTests(TestCase):
    def test_a_damaged_spreadsheet_gives_no_preview_and_no_error(self):
        opd = make_opd("disdik", "Dinas Pendidikan")
        index = data_index(opd)
        page = dataset(index, opd, "Sekolah", files=[("XLSX", "sekolah.xlsx", xlsx_bytes([["a"]])[:200])])
        response = self.client.get(page.url, headers={"host": "disdik.ketapangkab.localhost"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "data-preview")


class CKANClientTests(KeepsMigratedData, OpenDataSetup, LiveServerTestCase):
    """CKAN's own client library, against a live server of ours, as a harvester would use it."""

    def setUp(self):
        type(self).setUpTestData()

    def test_ckanapi_reads_the_catalogue(self):
        # localhost is no Site's host: the default site (the regency portal) answers it.
        for get_only in (False, True):
            with (
                self.subTest(get_only=get_only),
                ckanapi.RemoteCKAN(self.live_server_url, get_only=get_only) as ckan,
            ):
                names = ckan.action.package_list()
                self.assertEqual(len(names), 3)
                package = ckan.action.package_show(id="diskominfo-jumlah-penduduk-per-tahun")
                self.assertEqual(package["organization"]["name"], "diskominfo")
                found = ckan.action.package_search(q="puskesmas", rows=5)
                self.assertEqual(
                    [p["name"] for p in found["results"]], ["dinkes-jumlah-puskesmas-per-kecamatan"]
                )
                found = ckan.action.package_search(
                    fq="organization:diskominfo", rows=1, start=1, sort="name asc"
                )
                self.assertEqual(found["count"], 2)
                self.assertEqual([p["name"] for p in found["results"]], ["diskominfo-menara-telekomunikasi"])
                self.assertIn("dinkes", ckan.action.organization_list())
                with self.assertRaises(ckanapi.NotFound):
                    ckan.action.package_show(id="draf-angka-kematian-bayi")
                with self.assertRaises(ckanapi.ValidationError):
                    ckan.action.package_search(rows="banyak")
                with self.assertRaises(ckanapi.SearchError):
                    ckan.action.package_search(fq="warna:merah")
                url = package["resources"][0]["url"]
                self.assertTrue(url.startswith(self.live_server_url), url)
                self.assertEqual(ckan.session.get(url).content, POPULATION_CSV)
