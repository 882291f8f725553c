"""A citizen finds open data in Chromium: portal home → "Katalog Data" (footer) → a search typed
into the catalogue's form → a dataset → its CSV previewed as a table, sorted by a click, with
its chart; on a phone and a desktop, failing on a console or HTTP error, a sideways scroll or a
serious accessibility violation."""

import io

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.test import override_settings

from tests import browser
from tests.transactional import KeepsMigratedData

PORTAL = "ketapangkab.localhost"
WIDTHS = [("375", {"width": 375, "height": 812}, True), ("1366", {"width": 1366, "height": 768}, False)]


class OpenDataJourneyTests(KeepsMigratedData, StaticLiveServerTestCase):
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
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=io.StringIO())
        self.shots = browser.SCREENSHOTS / "opendata"
        self.shots.mkdir(parents=True, exist_ok=True)

    def test_citizen_finds_a_dataset_from_the_home_page_and_previews_its_csv(self):
        for width in WIDTHS:
            with self.subTest(width=width[0]):
                self.journey(*width)

    def journey(self, name, viewport, touch):
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)

        def step(label):
            page.wait_for_load_state("load")
            browser.assert_page_is_sound(self, page, watcher, f"{name} {label}")
            self.assertEqual(browser.serious_violations(page), [], f"{name} {label}")
            page.screenshot(path=self.shots / f"{name}-{label}.png", full_page=True)

        page.goto(f"http://{PORTAL}:{self.server_thread.port}/")
        step("01-portal")
        with page.expect_navigation():
            page.locator("footer a", has_text="Katalog Data").click()
        self.assertTrue(page.url.endswith("/data/"), page.url)
        self.assertGreaterEqual(page.locator(".dataset-card").count(), 7)
        step("02-catalogue")

        page.get_by_label("Cari data").fill("spbe")
        with page.expect_navigation():
            page.locator("form.filters button[type=submit]").click()
        self.assertEqual(page.locator(".dataset-card").count(), 1)
        step("03-search")

        with page.expect_navigation():
            page.locator(".dataset-card a", has_text="Indeks SPBE Kabupaten Ketapang").click()
        self.assertIn(
            f"diskominfo.ketapangkab.localhost:{self.server_thread.port}/data/indeks-spbe/", page.url
        )
        table = page.locator("table.data-preview")
        self.assertEqual(table.locator("tbody tr").count(), 5)
        self.assertEqual(table.locator("tbody tr").first.locator("td").first.inner_text(), "2020")
        self.assertEqual(page.locator(".data-chart rect").count(), 5)
        step("04-dataset")

        # Sorting: the column header is a button; a click sorts, a second reverses.
        header = table.locator("thead th", has_text="indeks_spbe")
        header.locator("button").click()
        self.assertEqual(header.get_attribute("aria-sort"), "ascending")
        header.locator("button").click()
        self.assertEqual(header.get_attribute("aria-sort"), "descending")
        self.assertEqual(table.locator("tbody tr").first.locator("td").nth(1).inner_text(), "3.21")
        step("05-sorted")

        download = page.locator(".resource a.button").first
        self.assertIn("/documents/", download.get_attribute("href"))
