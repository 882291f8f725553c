"""Error pages: the admin's own inside /admin/ with the way back; the site's branded ones, id and en."""

from bs4 import BeautifulSoup
from django.test import Client, TestCase, override_settings
from wagtail.users.models import UserProfile

from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login

DINKES = "dinkes.ketapangkab.localhost"


def links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {" ".join(a.get_text(" ").split()): a["href"] for a in soup.select("main a[href]")}


class AdminErrorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.penulis = member(cls.dinkes, Role.PENULIS)

    def test_another_opds_page_gives_the_indonesian_admin_403_with_the_way_back(self):
        client = login(self.editor, host=DINKES)
        response = client.get(
            f"/admin/pages/{self.diskominfo.site.root_page_id}/edit/",
            headers={"referer": f"http://{DINKES}/admin/pages/"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Akses ditolak", status_code=403)
        self.assertContains(response, 'id="wagtail-sidebar"', status_code=403)
        self.assertEqual(links(response)["Kembali ke dasbor"], "/admin/")
        self.assertEqual(links(response)["Kembali ke halaman sebelumnya"], f"http://{DINKES}/admin/pages/")
        self.assertNotContains(response, "Dinas Komunikasi", status_code=403)

    def test_permission_denied_raised_by_a_wagtail_admin_view_renders_the_admin_403(self):
        # Wagtail's own unpublish view refuses a Penulis (no publish right) with PermissionDenied.
        client = login(self.penulis, host=DINKES)
        response = client.get(f"/admin/pages/{self.dinkes.site.root_page_id}/unpublish/")
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Akses ditolak", status_code=403)
        self.assertEqual(links(response)["Kembali ke dasbor"], "/admin/")
        # A foreign Referer is no way back: it would lead off the portal.
        response = client.get(
            f"/admin/pages/{self.dinkes.site.root_page_id}/unpublish/",
            headers={"referer": "https://contoh.example/"},
        )
        self.assertNotIn("Kembali ke halaman sebelumnya", links(response))

    def test_the_admin_403_follows_the_editors_admin_language(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "en"
        profile.save()
        response = login(self.editor, host=DINKES).get(
            f"/admin/pages/{self.diskominfo.site.root_page_id}/edit/"
        )
        self.assertContains(response, "Access denied", status_code=403)
        self.assertEqual(links(response)["Back to the dashboard"], "/admin/")

    def test_unknown_admin_page_gives_the_admin_404(self):
        response = login(self.editor, host=DINKES).get("/admin/pages/999999/edit/")
        self.assertContains(response, "Halaman admin tidak ditemukan", status_code=404)
        self.assertEqual(links(response)["Kembali ke dasbor"], "/admin/")
        # Not the public site's 404 in the admin's place.
        self.assertNotContains(response, "Cari di situs ini", status_code=404)

    @override_settings(ROOT_URLCONF="tests.error_urls")
    def test_an_admin_crash_gives_the_admin_500(self):
        client = login(self.editor, host=DINKES)
        client.raise_request_exception = False
        response = client.get("/admin/rusak/")
        self.assertContains(response, "Terjadi gangguan", status_code=500)
        self.assertEqual(links(response)["Kembali ke dasbor"], "/admin/")


@override_settings(ROOT_URLCONF="tests.error_urls")
class PublicErrorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def get(self, path):
        client = Client(headers={"host": DINKES}, raise_request_exception=False)
        return client.get(path)

    def assert_way_back(self, response, status, home, search):
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(response.status_code, status)
        self.assertIn(home, [a["href"] for a in soup.select("main .error-page a[href]")])
        self.assertEqual(soup.select_one("main form[role=search]")["action"], search)
        # The OPD's own branding, not the portal's.
        self.assertIn("Dinas Kesehatan", soup.select_one("header").get_text())

    def test_public_errors_are_branded_indonesian_with_home_and_search(self):
        for path, status, heading in (
            ("/terlarang/", 403, "Akses ditolak"),
            ("/tidak-ada/", 404, "Halaman tidak ditemukan"),
            ("/rusak/", 500, "Terjadi gangguan"),
        ):
            with self.subTest(status=status):
                response = self.get(path)
                self.assertContains(response, heading, status_code=status)
                self.assertContains(response, '<html lang="id">', status_code=status)
                self.assert_way_back(response, status, "/", "/cari/")

    def test_public_errors_are_english_under_en(self):
        for path, status, heading in (
            ("/en/terlarang/", 403, "Access denied"),
            ("/en/tidak-ada/", 404, "Page not found"),
            ("/en/rusak/", 500, "Something went wrong"),
        ):
            with self.subTest(status=status):
                response = self.get(path)
                self.assertContains(response, heading, status_code=status)
                self.assertContains(response, '<html lang="en">', status_code=status)
                self.assert_way_back(response, status, "/en/", "/en/cari/")
