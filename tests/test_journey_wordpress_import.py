"""The Web Administrator moves Dinas Kesehatan's WordPress site in, clicked in Chromium (issue 22).

From the dashboard: *Pengaturan → Impor WordPress*, upload the export and a zip of its
uploads, read the dry-run report, click "Impor sekarang", see the final report; then the
imported news opens on the OPD's site and its old WordPress address redirects there.
"""

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

from news.wordpress.tests.wxr import write_export
from opd.roles import Role
from opd.tests.factories import TEST_PASSWORD, make_opd, member
from tests import browser
from tests.transactional import KeepsMigratedData

DINKES = "dinkes.ketapangkab.localhost"
DESKTOP = {"width": 1366, "height": 768}


class WordPressImportJourneyTests(KeepsMigratedData, StaticLiveServerTestCase):
    host = "127.0.0.1"

    @classmethod
    def setUpClass(cls):
        browser.skip_or_fail_without_browser()
        super().setUpClass()
        cls.playwright, cls.browser = browser.launch()
        cls.enterClassContext(browser.allow_orm_beside_playwright())

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    def setUp(self):
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.webadmin = member(self.dinkes, Role.WEBADMIN)
        # The redirects answer with the new page's full address: the site's own port.
        self.dinkes.site.port = self.server_thread.port
        self.dinkes.site.save()
        folder = Path(tempfile.mkdtemp(prefix="wxr-journey-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        self.export, uploads = write_export(folder)
        self.zip = folder / "uploads.zip"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for path in uploads.rglob("*"):
                if path.is_file():
                    archive.write(path, "uploads/" + str(path.relative_to(uploads)))
        self.zip.write_bytes(buffer.getvalue())

    def url(self, path):
        return f"http://{DINKES}:{self.server_thread.port}{path}"

    def assert_clean(self, page, watcher):
        page.wait_for_load_state("networkidle")
        self.assertEqual(watcher.take(), [], page.url)
        browser.assert_no_sideways_scroll(page)

    def test_web_administrator_imports_the_old_site_and_its_news_opens_at_old_and_new_addresses(self):
        context = self.browser.new_context(viewport=DESKTOP)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)

        page.goto(self.url("/admin/login/"))
        page.fill("#id_username", self.webadmin.username)
        page.fill("#id_password", TEST_PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(self.url("/admin/"))
        page.get_by_role("button", name="Pengaturan").click()
        page.get_by_role("link", name="Impor WordPress").click()
        page.wait_for_load_state("networkidle")
        self.assert_clean(page, watcher)
        self.assertIn("Dinas Kesehatan", page.locator("main").inner_text())

        page.set_input_files("#id_export", str(self.export))
        page.set_input_files("#id_uploads", str(self.zip))
        page.get_by_role("button", name="Unggah dan uji coba").click()
        page.get_by_role("heading", name="Laporan uji coba").wait_for()
        self.assertIn("| Berita | 4 | 0 | 0 | 2 |", page.locator("main").inner_text())
        self.assert_clean(page, watcher)

        page.get_by_role("button", name="Impor sekarang").click()
        page.get_by_role("heading", name="Laporan impor").wait_for()
        self.assertIn("Selesai", page.locator("#import-status").inner_text())
        self.assert_clean(page, watcher)

        page.goto(self.url("/2023/05/12/imunisasi-campak/"))
        self.assertEqual(page.url, self.url("/berita/imunisasi-campak/"))
        self.assertEqual(page.locator("h1").inner_text().strip(), "Imunisasi Campak Serentak di 24 Puskesmas")
        self.assertTrue(page.locator("img[alt='Petugas memberi imunisasi']").first.is_visible())
        self.assert_clean(page, watcher)
