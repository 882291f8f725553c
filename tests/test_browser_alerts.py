"""The alert banner on a phone, in Chromium (issue 24): a reader opens the regency portal's
home page, sees the darurat banner first, follows the footer to an OPD's site where the same
banner stands above the OPD's own notice, and switches to English. No sideways scroll, no
serious accessibility violation (axe-core: contrast of every level included)."""

import contextlib
import datetime
import io

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.test import override_settings

from home.alerts.models import Level
from home.alerts.tests.factories import make_alert
from opd.models import OPD
from tests import browser
from tests.transactional import KeepsMigratedData

PHONE = browser.WIDTHS[0]
FLOOD = "Banjir Sungai Pawan: hindari jalan Ketapang–Sukadana"
FLOOD_EN = "Pawan river flood: avoid the Ketapang–Sukadana road"
NOTICE = "Posyandu Delta Pawan pindah ke balai desa"


class AlertBannerInBrowserTests(KeepsMigratedData, StaticLiveServerTestCase):
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
        with override_settings(DEBUG=True):  # seed_demo refuses to run in production
            call_command("seed_demo", port=self.server_thread.port, stdout=io.StringIO())

    def test_phone_reader_sees_the_banner_on_top_of_every_site_in_both_languages(self):
        dinkes = OPD.objects.get(slug="dinkes")
        make_alert(
            level=Level.DARURAT,
            text=FLOOD,
            text_en=FLOOD_EN,
            link=f"http://ketapangkab.localhost:{self.server_thread.port}/berita/",
            starts_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5),
        )
        make_alert(site=dinkes.site, level=Level.WASPADA, text=NOTICE)
        make_alert(site=dinkes.site, level=Level.INFORMASI, text="Layanan KIA buka Sabtu pagi")

        _name, viewport, touch = PHONE
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)

        page.goto(f"http://ketapangkab.localhost:{self.server_thread.port}/", wait_until="load")
        banner = page.get_by_role("alert")
        self.assertEqual(banner.count(), 1)
        self.assertIn(FLOOD, banner.inner_text())
        self.assertIn("DARURAT", banner.inner_text())  # a word besides the colour
        box = banner.bounding_box()
        self.assertLess(box["y"], 5, "the banner is the first thing on the screen")
        self.assertLessEqual(box["width"], viewport["width"])
        browser.assert_page_is_sound(self, page, watcher, "portal home with the banner")
        self.assertEqual(browser.serious_violations(page), [])
        with contextlib.suppress(OSError):
            browser.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(browser.SCREENSHOTS / "peringatan-360x740.png"))

        # "Selengkapnya" leads on, and the banner is there on the next page too.
        with page.expect_navigation():
            banner.get_by_role("link", name="Selengkapnya").click()
        self.assertTrue(page.url.endswith("/berita/"))
        self.assertIn(FLOOD, page.get_by_role("alert").inner_text())

        # On to Dinas Kesehatan through the footer's list of sites.
        directory = page.locator("nav.opd-directory")
        with page.expect_navigation():
            directory.get_by_role("link", name="Dinas Kesehatan").click()
        self.assertIn("dinkes.ketapangkab.localhost", page.url)
        levels = page.locator(".alert-banner").evaluate_all("(els) => els.map((e) => e.dataset.alertLevel)")
        self.assertEqual(levels, ["darurat", "waspada", "informasi"])
        self.assertIn(NOTICE, page.locator(".alert-waspada").inner_text())
        self.assertEqual(page.get_by_role("alert").count(), 1, 'role="alert" for darurat only')
        browser.assert_page_is_sound(self, page, watcher, "OPD home with the banner and its notice")
        self.assertEqual(browser.serious_violations(page), [])

        # In English: the English text where one was written, the Indonesian otherwise.
        with page.expect_navigation():
            page.locator(".language-switcher").get_by_role("link", name="English").click()
        self.assertIn(FLOOD_EN, page.get_by_role("alert").inner_text())
        self.assertIn("EMERGENCY", page.get_by_role("alert").inner_text())
        self.assertIn(NOTICE, page.locator(".alert-waspada").inner_text())
        browser.assert_page_is_sound(self, page, watcher, "English OPD home with the banner")
