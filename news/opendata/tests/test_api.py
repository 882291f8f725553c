"""The CKAN-compatible API over HTTP: shapes, paging, search, errors, and what never leaves."""

import json

from django.test import TestCase
from wagtail.models import PageViewRestriction

from news.opendata.models import DatasetPage
from news.opendata.tests.factories import POPULATION_CSV, data_index, dataset, xlsx_bytes
from opd.tests.factories import make_opd

PORTAL = "ketapangkab.localhost"
PACKAGE_KEYS = {
    "id", "name", "title", "notes", "type", "state", "private", "license_id", "license_title",
    "license_url", "maintainer", "maintainer_email", "url", "metadata_created", "metadata_modified",
    "owner_org", "organization", "groups", "tags", "num_tags", "resources", "num_resources", "extras",
}  # fmt: skip
RESOURCE_KEYS = {
    "id", "package_id", "name", "description", "format", "mimetype", "url", "url_type", "size",
    "position", "state", "created", "last_modified", "metadata_modified",
}  # fmt: skip


class OpenDataSetup:
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.kominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.catalogue = data_index(cls.portal)
        cls.kominfo_index = data_index(cls.kominfo)
        cls.dinkes_index = data_index(cls.dinkes)
        cls.population = dataset(
            cls.kominfo_index,
            cls.kominfo,
            "Jumlah Penduduk per Tahun",
            files=[("CSV", "penduduk.csv", POPULATION_CSV)],
            tags=["penduduk", "statistik dasar"],
            topic="kependudukan",
        )
        cls.towers = dataset(
            cls.kominfo_index,
            cls.kominfo,
            "Menara Telekomunikasi",
            files=[("JSON", "menara.json", b'[{"desa": "Sukabangun", "menara": 3}]')],
            tags=["infrastruktur"],
            topic="komunikasi-informatika",
            year=2023,
        )
        cls.clinics = dataset(
            cls.dinkes_index,
            cls.dinkes,
            "Jumlah Puskesmas per Kecamatan",
            files=[("XLSX", "puskesmas.xlsx", xlsx_bytes([["kecamatan", "puskesmas"], ["Delta Pawan", 3]]))],
            tags=["kesehatan", "statistik dasar"],
            topic="kesehatan",
        )
        # Never to leave the portal: a draft, a terbatas dataset, a page behind a password, and
        # a dataset that was published and then unpublished.
        cls.draft = dataset(
            cls.dinkes_index,
            cls.dinkes,
            "Draf Angka Kematian Bayi",
            files=[("CSV", "akb.csv", b"a,b\n1,2\n")],
            live=False,
        )
        cls.restricted = dataset(
            cls.kominfo_index,
            cls.kominfo,
            "Data Terbatas Jaringan Intra",
            classification="terbatas",
            files=[("CSV", "intra.csv", b"a,b\n1,2\n")],
        )
        cls.protected = dataset(
            cls.dinkes_index, cls.dinkes, "Data Berpassword Gizi", files=[("CSV", "gizi.csv", b"a,b\n1,2\n")]
        )
        PageViewRestriction.objects.create(
            page=cls.protected, restriction_type="password", password="rahasia"
        )
        cls.withdrawn = dataset(
            cls.dinkes_index, cls.dinkes, "Data Ditarik Imunisasi", files=[("CSV", "imun.csv", b"a,b\n1,2\n")]
        )
        cls.withdrawn.unpublish()
        cls.hidden_titles = [
            "Draf Angka Kematian Bayi", "Data Terbatas Jaringan Intra", "Data Berpassword Gizi",
            "Data Ditarik Imunisasi",
        ]  # fmt: skip

    def action(self, name, host=PORTAL, version="3", **params):
        prefix = f"/api/{version}/action/" if version else "/api/action/"
        return self.client.get(prefix + name, params, headers={"host": host})

    def post(self, name, body, host=PORTAL):
        return self.client.post(
            f"/api/3/action/{name}", json.dumps(body), content_type="application/json", headers={"host": host}
        )

    def result(self, name, **params):
        response = self.action(name, **params)
        self.assertEqual(response.status_code, 200, response.content)
        body = response.json()
        self.assertIs(body["success"], True)
        self.assertTrue(body["help"].endswith(f"/api/3/action/help_show?name={name}"), body["help"])
        return body["result"]


class PackageTests(OpenDataSetup, TestCase):
    def name(self, page):
        return f"{DatasetPage.objects.get(pk=page.pk).get_site().root_page.specific.slug}-{page.slug}"

    def test_package_list_names_every_published_dataset_and_nothing_else(self):
        names = self.result("package_list")
        self.assertEqual(
            names,
            sorted(
                [
                    "diskominfo-jumlah-penduduk-per-tahun",
                    "diskominfo-menara-telekomunikasi",
                    "dinkes-jumlah-puskesmas-per-kecamatan",
                ]
            ),
        )
        self.assertEqual(self.result("package_list", limit=1, offset=1), [names[1]])

    def test_both_paths_and_post_bodies_answer_alike(self):
        self.assertEqual(
            self.action("package_list", version="").json()["result"], self.result("package_list")
        )
        self.assertEqual(
            self.action("package_list", version="2").json()["result"], self.result("package_list")
        )
        body = self.post("package_show", {"id": "diskominfo-menara-telekomunikasi"}).json()
        self.assertEqual(body["result"]["title"], "Menara Telekomunikasi")
        self.assertEqual(self.action("package_list")["Access-Control-Allow-Origin"], "*")

    def test_package_show_has_ckans_package_and_resource_shape(self):
        package = self.result("package_show", id="diskominfo-jumlah-penduduk-per-tahun")
        self.assertLessEqual(PACKAGE_KEYS, set(package))
        self.assertEqual(package["id"], str(self.population.translation_key))
        self.assertEqual(package["title"], "Jumlah Penduduk per Tahun")
        self.assertEqual(package["notes"], "Deskripsi Jumlah Penduduk per Tahun.")
        self.assertEqual(package["organization"]["name"], "diskominfo")
        self.assertEqual(package["organization"]["title"], "Dinas Komunikasi dan Informatika")
        self.assertIs(package["organization"]["is_organization"], True)
        self.assertEqual(package["owner_org"], package["organization"]["id"])
        self.assertEqual([tag["name"] for tag in package["tags"]], ["penduduk", "statistik dasar"])
        self.assertEqual(package["groups"][0]["name"], "kependudukan")
        self.assertEqual(package["license_id"], "cc-by")
        self.assertEqual(package["num_resources"], 1)
        resource = package["resources"][0]
        self.assertLessEqual(RESOURCE_KEYS, set(resource))
        self.assertEqual(resource["format"], "CSV")
        self.assertEqual(resource["mimetype"], "text/csv")
        self.assertEqual(resource["size"], len(POPULATION_CSV))
        self.assertEqual(resource["package_id"], package["id"])
        self.assertTrue(
            resource["url"].startswith("http://ketapangkab.localhost/documents/"), resource["url"]
        )
        extras = {extra["key"]: extra["value"] for extra in package["extras"]}
        self.assertEqual(extras["tahun"], "2024")
        self.assertEqual(extras["frekuensi"], "Tahunan")
        # The same package by its id, and the file downloads as uploaded.
        self.assertEqual(self.result("package_show", id=package["id"])["name"], package["name"])
        download = self.client.get(resource["url"].replace("http://ketapangkab.localhost", ""))
        self.assertEqual(b"".join(download.streaming_content), POPULATION_CSV)
        self.assertEqual(self.result("resource_show", id=resource["id"])["url"], resource["url"])

    def test_unknown_ids_and_hidden_datasets_are_ckans_404(self):
        hidden = [self.draft, self.restricted, self.protected, self.withdrawn]
        references = ["tidak-ada", "00000000-0000-0000-0000-000000000000"]
        references += [str(page.translation_key) for page in hidden]
        references += [f"{page.get_site().root_page.slug}-{page.slug}" for page in hidden]
        for reference in references:
            with self.subTest(reference=reference):
                response = self.action("package_show", id=reference)
                self.assertEqual(response.status_code, 404)
                body = response.json()
                self.assertIs(body["success"], False)
                self.assertEqual(body["error"]["__type"], "Not Found Error")
                self.assertNotIn("result", body)
        self.assertEqual(self.action("resource_show", id="nope").status_code, 404)
        self.assertEqual(self.action("organization_show", id="nope").status_code, 404)

    def test_bad_parameters_are_ckans_409_and_unknown_actions_400(self):
        cases = [
            ("package_show", {}, 409, "Validation Error"),
            ("package_search", {"rows": "banyak"}, 409, "Validation Error"),
            ("package_search", {"start": "-1"}, 409, "Validation Error"),
            ("package_search", {"facet.field": "[tidak json"}, 409, "Validation Error"),
            ("package_search", {"fq": "warna:merah"}, 409, "Search Error"),
            ("package_search", {"sort": "tinggi desc"}, 409, "Search Error"),
            ("package_list", {"limit": "x"}, 409, "Validation Error"),
        ]
        for name, params, status, kind in cases:
            with self.subTest(name=name, params=params):
                response = self.action(name, **params)
                self.assertEqual(response.status_code, status, response.content)
                self.assertEqual(response.json()["error"]["__type"], kind)
                self.assertIs(response.json()["success"], False)
        # Repeated or oddly typed parameters are read, never a 500.
        repeated = self.client.get(
            "/api/3/action/package_search?fq=organization:dinkes&fq=res_format:XLSX&q=a&q=b&sort=name",
            headers={"host": PORTAL},
        )
        self.assertEqual(repeated.status_code, 200)
        odd = self.post(
            "package_search", {"q": ["puskesmas"], "rows": [1], "fq": None, "facet.field": {"a": 1}}
        )
        self.assertEqual(odd.status_code, 409)
        self.assertEqual(self.post("package_show", {"id": 12}).status_code, 404)
        unknown = self.action("package_create")
        self.assertEqual(unknown.status_code, 400)
        self.assertEqual(unknown.json(), "Bad request - Action name not known: package_create")
        broken = self.client.post(
            "/api/3/action/package_show", "[1, 2]", content_type="application/json", headers={"host": PORTAL}
        )
        self.assertEqual(broken.status_code, 400)

    def test_the_api_answers_on_the_regency_portal_only(self):
        response = self.action("package_list", host="dinkes.ketapangkab.localhost")
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("success", response.json())


class SearchTests(OpenDataSetup, TestCase):
    def names(self, **params):
        return [package["name"] for package in self.result("package_search", **params)["results"]]

    def test_search_result_shape_and_q(self):
        result = self.result("package_search", q="penduduk")
        self.assertEqual(set(result), {"count", "results", "facets", "search_facets", "sort"})
        self.assertEqual(result["count"], 1)
        self.assertEqual(result["results"][0]["name"], "diskominfo-jumlah-penduduk-per-tahun")
        self.assertEqual(self.result("package_search", q="puskesmas kecamatan")["count"], 1)
        self.assertEqual(self.result("package_search", q="*:*")["count"], 3)
        for title in self.hidden_titles:
            with self.subTest(title=title):
                self.assertEqual(self.result("package_search", q=title.split()[-1])["count"], 0)

    def test_rows_and_start_page_through_every_dataset_once(self):
        seen = []
        for start in range(0, 4, 2):
            result = self.result("package_search", rows=2, start=start, sort="name asc")
            self.assertEqual(result["count"], 3)
            seen += [package["name"] for package in result["results"]]
        self.assertEqual(seen, sorted(seen))
        self.assertEqual(len(set(seen)), 3)
        self.assertEqual(self.result("package_search", rows=0)["results"], [])

    def test_fq_on_organization_tags_and_format(self):
        self.assertEqual(
            sorted(self.names(fq="organization:diskominfo")),
            ["diskominfo-jumlah-penduduk-per-tahun", "diskominfo-menara-telekomunikasi"],
        )
        self.assertEqual(
            sorted(self.names(fq='tags:"statistik dasar"')),
            ["dinkes-jumlah-puskesmas-per-kecamatan", "diskominfo-jumlah-penduduk-per-tahun"],
        )
        self.assertEqual(self.names(fq="res_format:XLSX"), ["dinkes-jumlah-puskesmas-per-kecamatan"])
        self.assertEqual(self.names(fq="+organization:dinkes +res_format:CSV"), [])
        self.assertEqual(self.names(fq="groups:kesehatan"), ["dinkes-jumlah-puskesmas-per-kecamatan"])

    def test_fq_as_ckanext_harvest_sends_it_with_organisations_to_include(self):
        # ckanext-harvest's CKAN harvester: "organization:a OR organization:b", then its other terms.
        self.assertEqual(
            sorted(self.names(fq="organization:dinkes OR organization:diskominfo dataset_type:dataset")),
            [
                "dinkes-jumlah-puskesmas-per-kecamatan",
                "diskominfo-jumlah-penduduk-per-tahun",
                "diskominfo-menara-telekomunikasi",
            ],
        )
        self.assertEqual(
            self.names(fq="organization:dinkes OR organization:dinsos AND res_format:XLSX"),
            ["dinkes-jumlah-puskesmas-per-kecamatan"],
        )
        self.assertEqual(self.names(fq="-organization:diskominfo"), ["dinkes-jumlah-puskesmas-per-kecamatan"])

    def test_facets_count_organizations_tags_and_formats(self):
        result = self.result("package_search", **{"facet.field": '["organization","tags","res_format"]'})
        self.assertEqual(result["facets"]["organization"], {"diskominfo": 2, "dinkes": 1})
        self.assertEqual(result["facets"]["tags"]["statistik dasar"], 2)
        self.assertEqual(result["facets"]["res_format"], {"CSV": 1, "JSON": 1, "XLSX": 1})
        items = result["search_facets"]["organization"]["items"]
        self.assertIn({"name": "dinkes", "display_name": "Dinas Kesehatan", "count": 1}, items)

    def test_sort_by_title_and_modified(self):
        titles = [p["title"] for p in self.result("package_search", sort="title_string asc")["results"]]
        self.assertEqual(titles, sorted(titles, key=str.lower))
        newest = self.result("package_search", sort="metadata_modified desc")["results"]
        stamps = [package["metadata_modified"] for package in newest]
        self.assertEqual(stamps, sorted(stamps, reverse=True))

    def test_harvester_gather_pages_by_id_then_asks_only_for_changes(self):
        """ckanext-harvest's CKAN harvester: /api/2/action/package_search with rows, start and
        sort=id asc until a short page, then next time fq=metadata_modified:[<last run> TO *]."""
        gathered, start = [], 0
        while True:
            page = self.action("package_search", version="2", rows=2, start=start, sort="id asc").json()
            results = page["result"]["results"]
            gathered += results
            if len(results) < 2:
                break
            start += 2
        self.assertEqual(len(gathered), 3)
        self.assertEqual([p["id"] for p in gathered], sorted(p["id"] for p in gathered))
        last_run = max(p["metadata_modified"] for p in gathered)
        later = self.action("package_search", version="2", fq=f"metadata_modified:[{last_run}Z TO *]").json()
        self.assertEqual(later["result"]["count"], 1)
        nothing = self.action(
            "package_search", version="2", fq="metadata_modified:[2999-01-01T00:00:00Z TO *]"
        )
        self.assertEqual(nothing.json()["result"]["count"], 0)


class ListTests(OpenDataSetup, TestCase):
    def test_organization_group_tag_and_licence_lists(self):
        self.assertEqual(self.result("organization_list"), ["dinkes", "diskominfo", "ketapangkab"])
        full = {org["name"]: org for org in self.result("organization_list", all_fields="true")}
        self.assertEqual(full["diskominfo"]["package_count"], 2)
        self.assertEqual(full["ketapangkab"]["package_count"], 0)
        self.assertEqual(self.result("organization_show", id="dinkes")["title"], "Dinas Kesehatan")
        self.assertEqual(self.result("group_list"), ["kependudukan", "kesehatan", "komunikasi-informatika"])
        self.assertEqual(self.result("group_show", id="kesehatan")["package_count"], 1)
        self.assertEqual(
            self.result("tag_list"), ["infrastruktur", "kesehatan", "penduduk", "statistik dasar"]
        )
        self.assertIn("cc-by", [licence["id"] for licence in self.result("license_list")])
        status = self.result("status_show")
        self.assertEqual(status["ckan_version"], "2.10.4")
        self.assertEqual(status["site_url"], "http://ketapangkab.localhost")
