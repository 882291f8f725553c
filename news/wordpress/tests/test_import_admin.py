"""*Pengaturan → Impor WordPress* for the Web Administrator, over HTTP (issue 22)."""

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from news.models import NewsPage
from news.wordpress.models import ImportRun
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login

from .wxr import write_export

HOST = "dinkes.ketapangkab.localhost"


def uploads_zip(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                archive.write(path, "wp-content/uploads/" + str(path.relative_to(folder)))
        archive.writestr("../keluar.txt", "tidak boleh keluar")
    return buffer.getvalue()


class ImportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.dinsos = make_opd("dinsos", "Dinas Sosial")
        cls.admin = member(cls.dinkes, Role.WEBADMIN, "admin.dinkes")
        cls.editor = member(cls.dinkes, Role.EDITOR, "editor.dinkes")

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="wxr-admin-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.export, self.uploads = write_export(self.folder)

    def upload(self, client, **extra):
        data = {"export": SimpleUploadedFile("dinkes.xml", self.export.read_bytes(), "text/xml")}
        data["uploads"] = SimpleUploadedFile("uploads.zip", uploads_zip(self.uploads), "application/zip")
        data.update(extra)
        return client.post(reverse("wordpress_import"), data, HTTP_HOST=HOST)

    def test_web_administrator_sees_dry_run_then_imports_into_own_opd(self):
        client = login(self.admin, HOST)
        menu = client.get(reverse("wordpress_import"))
        self.assertContains(menu, "Unggah dan uji coba")
        response = self.upload(client)
        run = ImportRun.objects.get()
        self.assertRedirects(
            response, reverse("wordpress_import_run", args=[run.pk]), fetch_redirect_response=False
        )
        self.assertEqual(run.opd, self.dinkes)
        page = client.get(reverse("wordpress_import_run", args=[run.pk]))
        self.assertContains(page, "Siap diimpor")
        self.assertContains(page, "Laporan uji coba")
        self.assertContains(page, "| Berita | 4 | 0 | 0 | 2 |")
        self.assertFalse(NewsPage.objects.exists())

        client.post(reverse("wordpress_import_confirm", args=[run.pk]))
        page = client.get(reverse("wordpress_import_run", args=[run.pk]))
        self.assertContains(page, "Selesai")
        self.assertContains(page, "Laporan impor")
        run.refresh_from_db()
        self.assertEqual((run.done, run.total), (9, 9))  # every post (6) and page (3) of the export
        self.assertEqual(NewsPage.objects.descendant_of(self.dinkes.site.root_page).count(), 4)
        self.assertTrue(NewsPage.objects.get(slug="imunisasi-campak").featured_image)  # from the zip
        self.assertEqual(self.client.get("/?p=100", HTTP_HOST=HOST).status_code, 301)
        self.assertFalse((Path(run.export.path).parent.parent / "keluar.txt").exists())

    def test_web_administrator_cannot_import_into_another_opd(self):
        client = login(self.admin, HOST)
        self.upload(client, opd=self.dinsos.pk)  # a forged choice is not even read
        self.assertEqual(ImportRun.objects.get().opd, self.dinkes)
        self.assertFalse(NewsPage.objects.descendant_of(self.dinsos.site.root_page).exists())
        other = ImportRun.objects.create(opd=self.dinsos, export=SimpleUploadedFile("x.xml", b"<rss/>"))
        self.assertEqual(client.get(reverse("wordpress_import_run", args=[other.pk])).status_code, 403)
        self.assertEqual(client.post(reverse("wordpress_import_confirm", args=[other.pk])).status_code, 403)

    def test_web_developer_chooses_any_opd(self):
        developer = member(self.dinkes, Role.PENULIS, "developer")
        developer.is_superuser = True
        developer.save()
        client = login(developer, HOST)
        self.upload(client, opd=self.dinsos.pk)
        self.assertEqual(ImportRun.objects.get().opd, self.dinsos)

    def test_an_editor_has_no_import_screen(self):
        client = login(self.editor, HOST)
        self.assertEqual(client.get(reverse("wordpress_import")).status_code, 403)

    def test_a_file_that_is_not_an_export_is_a_field_error(self):
        client = login(self.admin, HOST)
        response = client.post(
            reverse("wordpress_import"),
            {"export": SimpleUploadedFile("foto.xml", b"\xff\xd8\xff")},
            HTTP_HOST=HOST,
        )
        self.assertContains(response, "Pilih berkas ekspor WordPress")
        self.assertFalse(ImportRun.objects.exists())

    def test_a_broken_export_fails_with_its_reason_on_the_page(self):
        client = login(self.admin, HOST)
        client.post(
            reverse("wordpress_import"),
            {"export": SimpleUploadedFile("dinkes.xml", self.export.read_bytes()[:5000])},
            HTTP_HOST=HOST,
        )
        run = ImportRun.objects.get()
        self.assertContains(client.get(reverse("wordpress_import_run", args=[run.pk])), "bukan XML yang utuh")
        self.assertFalse(NewsPage.objects.exists())
