"""Datasets in the admin: written by a Penulis, published through the SOP, bad files refused,
and another OPD's people kept out."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model

from news.opendata.models import DatasetPage
from news.opendata.tests.factories import POPULATION_CSV, data_index, dataset, make_data_file
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, create_page, form_errors, inline, is_refused, login

HOST = "dinkes.ketapangkab.localhost"
PORTAL = "ketapangkab.localhost"


class DatasetEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.kominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.outsider = member(cls.kominfo, Role.WEBADMIN)
        data_index(cls.portal)
        cls.index = data_index(cls.dinkes)
        cls.csv = make_data_file(cls.dinkes, "Kunjungan Puskesmas", "kunjungan.csv", POPULATION_CSV)

    def setUp(self):
        self.penulis = login(self.people[Role.PENULIS], host=HOST)

    def fields(self, slug, resources):
        return {
            "title": f"Dataset {slug}",
            "slug": slug,
            "description": "Jumlah kunjungan pasien per tahun.",
            "topic": "kesehatan",
            "frequency": "tahunan",
            "year": "2024",
            "last_updated": "2025-01-15",
            "classification": "publik",
            "licence": "cc-by",
            "spatial": "Kabupaten Ketapang",
            "tags": "kunjungan, puskesmas",
            **inline("resources", resources),
        }

    def api(self, name, **params):
        return self.client.get(f"/api/3/action/{name}", params, headers={"host": PORTAL})

    def test_dataset_goes_live_through_the_sop_and_is_found_by_the_api(self):
        response = create_page(
            self.penulis,
            self.index,
            DatasetPage,
            self.fields(
                "kunjungan", [{"name": "Kunjungan 2020-2024", "format": "CSV", "document": self.csv.pk}]
            ),
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        page = DatasetPage.objects.get(slug="kunjungan")
        self.assertFalse(page.live)
        # Waiting in the SOP: nowhere to be found.
        self.assertEqual(self.api("package_show", id="dinkes-kunjungan").status_code, 404)
        self.assertEqual(self.api("package_search", q="kunjungan").json()["result"]["count"], 0)
        approve_through_sop(page, self.people, HOST)
        found = self.api("package_search", q="kunjungan pasien").json()["result"]
        self.assertEqual([package["name"] for package in found["results"]], ["dinkes-kunjungan"])
        package = self.api("package_show", id="dinkes-kunjungan").json()["result"]
        self.assertEqual([tag["name"] for tag in package["tags"]], ["kunjungan", "puskesmas"])
        self.assertEqual(package["resources"][0]["name"], "Kunjungan 2020-2024")
        html = self.client.get(page.url, headers={"host": HOST}).content.decode()
        self.assertIn("<td>591100</td>", html)

    def test_bad_files_are_refused_in_the_editor_with_a_clear_message(self):
        Document = get_document_model()

        def raw(name, content):
            # Files that reached the collection some other way (an old upload, an import).
            return Document.objects.create(
                title=name, file=ContentFile(content, name=name), collection=self.dinkes.collection
            ).pk

        cases = {
            "cp1252": (
                {
                    "format": "CSV",
                    "document": raw("rusak.csv", "desa;jumlah\nSungai Pel\xe9tai;3\n".encode("cp1252")),
                },
                "tidak berkodekan UTF-8",
            ),
            "xlsx-is-csv": (
                {"format": "XLSX", "document": self.csv.pk},
                "bukan berkas XLSX",
            ),
            "renamed-xlsx": (
                {"format": "XLSX", "document": raw("palsu.xlsx", b"tahun,jumlah\n2024,3\n")},
                "bukan berkas XLSX yang sah",
            ),
            "broken-json": (
                {"format": "JSON", "document": raw("rusak.json", b'{"desa": ')},
                "bukan JSON yang sah",
            ),
            "nothing": ({"format": "CSV"}, "Pilih satu berkas atau isi satu tautan"),
        }
        for slug, (resource, message) in cases.items():
            with self.subTest(slug):
                response = create_page(
                    self.penulis, self.index, DatasetPage, self.fields(slug, [{"name": "Berkas", **resource}])
                )
                self.assertEqual(response.status_code, 200)
                self.assertTrue(
                    any(message in error for error in form_errors(response)), form_errors(response)
                )
                self.assertFalse(DatasetPage.objects.filter(slug=slug).exists())

    @override_settings(PORTAL_OPENDATA_MAX_RESOURCE_SIZE=100)
    def test_an_oversized_file_is_refused(self):
        response = create_page(
            self.penulis,
            self.index,
            DatasetPage,
            self.fields("besar", [{"name": "Besar", "format": "CSV", "document": self.csv.pk}]),
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            any("terlalu besar" in error for error in form_errors(response)), form_errors(response)
        )

    def test_a_link_resource_is_accepted(self):
        response = create_page(
            self.penulis,
            self.index,
            DatasetPage,
            self.fields(
                "tautan",
                [{"name": "Di BPS", "format": "XLSX", "url": "https://ketapangkab.bps.go.id/data.xlsx"}],
            ),
        )
        self.assertEqual(response.status_code, 302, form_errors(response))

    def test_another_opds_people_cannot_edit_or_add_datasets(self):
        page = dataset(self.index, self.dinkes, "Gizi Balita", files=[("CSV", "gizi.csv", b"a,b\n1,2\n")])
        outsider = login(self.outsider, host="diskominfo.ketapangkab.localhost")
        self.assertTrue(is_refused(outsider.get(f"/admin/pages/{page.pk}/edit/")))
        self.assertTrue(is_refused(outsider.get(f"/admin/pages/add/opendata/datasetpage/{self.index.pk}/")))
        response = outsider.post(f"/admin/pages/{page.pk}/edit/", {"title": "Diubah"})
        self.assertTrue(is_refused(response) or response.status_code == 404)
        page.refresh_from_db()
        self.assertEqual(page.title, "Gizi Balita")

    def test_json_uploads_are_checked_like_every_document(self):
        client = login(self.people[Role.PENULIS], host=HOST)

        def upload(name, content):
            return client.post(
                "/admin/documents/add/",
                {
                    "title": name,
                    "file": SimpleUploadedFile(name, content),
                    "collection": self.dinkes.collection.pk,
                },
            )

        self.assertEqual(upload("menara.json", b'[{"desa": "Sukabangun"}]').status_code, 302)
        for name, content in (("rusak.json", b'{"desa": '), ("skrip.json", b'["<script>alert(1)</script>"]')):
            with self.subTest(name):
                self.assertEqual(upload(name, content).status_code, 200)
                self.assertFalse(get_document_model().objects.filter(title=name).exists())
