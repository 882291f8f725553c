"""The public site in a real browser (Debian's Chromium through Playwright), on a phone, a tablet
and a desktop: no sideways scrolling, images load, no console errors, no serious accessibility
violation (axe-core), and a main menu that opens and closes by keyboard and by tap.

The demo (seed_demo) is served by Django's live server; each page at each width is photographed
into tests/screenshots/ (README, "Tests and CI"). Skipped with a message when Chromium is missing,
except in CI (PORTAL_REQUIRE_BROWSER=1).
"""

import contextlib
import io

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.test import override_settings

from news.models import NewsPage
from opd.models import OPD, SiteBranding, contrast_with_white
from tests import browser
from tests.transactional import KeepsMigratedData

# The regency portal and one OPD's site, as seeded by the demo.
# (slug, hostname, a word to search for)
SITES = [
    ("ketapangkab", "ketapangkab.localhost", "ketapang"),
    ("dinkes", "dinkes.ketapangkab.localhost", "imunisasi"),
]
PHONE = browser.WIDTHS[0]
DESKTOP = browser.WIDTHS[2]


class PublicSiteInBrowserTests(KeepsMigratedData, StaticLiveServerTestCase):
    host = "127.0.0.1"

    @classmethod
    def setUpClass(cls):
        browser.skip_or_fail_without_browser()
        super().setUpClass()
        cls.playwright, cls.browser = browser.launch()
        # Playwright's synchronous API keeps an event loop in this thread, which Django's ORM would
        # take for async code; the ORM calls here (seeding, look-ups) are ordinary synchronous ones.
        cls.enterClassContext(browser.allow_orm_beside_playwright())

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    def setUp(self):
        with override_settings(DEBUG=True):  # seed_demo refuses to run in production
            call_command("seed_demo", port=self.server_thread.port, stdout=io.StringIO())

    def base_url(self, hostname):
        return f"http://{hostname}:{self.server_thread.port}"

    def new_page(self, width):
        _name, viewport, touch = width
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        return page, browser.PageWatcher(page)

    def public_pages(self, slug, hostname, query):
        site = OPD.objects.get(slug=slug).site
        article = NewsPage.objects.live().descendant_of(site.root_page).order_by("-date").first()
        self.assertIsNotNone(article.featured_image, "the demo article has a photo")
        return [
            ("beranda", "/"),
            ("berita", "/berita/"),
            ("berita-detail", article.relative_url(site)),
            ("agenda", "/agenda/"),
            ("dokumen", "/dokumen/"),
            ("cari", f"/cari/?q={query}"),
        ]

    def load_every_image(self, page):
        """Scroll to the bottom step by step as a reader would, then bring into view the lazy images
        still out of it (the other slides of the slider), so that every image's address is tried."""
        page.evaluate(
            """async () => {
                for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
                    window.scrollTo(0, y);
                    await new Promise((resolve) => setTimeout(resolve, 30));
                }
                for (const img of document.images) {
                    if (!img.complete) {
                        img.scrollIntoView({ block: "nearest", inline: "nearest" });
                        await new Promise((resolve) => setTimeout(resolve, 50));
                    }
                }
                window.scrollTo(0, 0);
            }"""
        )
        page.wait_for_load_state("networkidle")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout  # only where a browser runs

        with contextlib.suppress(PlaywrightTimeout):  # the assertion that follows names what did not load
            page.wait_for_function("Array.from(document.images).every((img) => img.complete)", timeout=5000)

    def test_every_public_page_fits_loads_and_passes_axe_at_phone_tablet_and_desktop_widths(self):
        browser.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for width in browser.WIDTHS:
            page, watcher = self.new_page(width)
            for slug, hostname, query in SITES:
                for name, path in self.public_pages(slug, hostname, query):
                    with self.subTest(width=width[0], site=slug, page=name):
                        response = page.goto(self.base_url(hostname) + path, wait_until="load")
                        self.assertEqual(response.status, 200)
                        self.assertEqual(page.locator("html").get_attribute("lang"), "id")
                        overflow = page.evaluate(
                            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                        )
                        self.assertLessEqual(overflow, 0, "the page scrolls sideways")
                        self.assertEqual(browser.serious_violations(page), [])

                        self.load_every_image(page)
                        broken = page.evaluate(
                            """() => Array.from(document.images)
                                .filter((img) => !img.complete || img.naturalWidth === 0)
                                .map((img) => img.currentSrc || img.src)"""
                        )
                        self.assertEqual(broken, [], "every image loads")
                        if name in ("beranda", "berita", "berita-detail"):
                            self.assertGreater(page.locator("main img").count(), 0, "the page has photos")
                        self.assertEqual(watcher.take(), [])
                        page.screenshot(
                            path=browser.SCREENSHOTS / f"{slug}-{name}-{width[0]}.png", full_page=True
                        )

    def test_menu_skip_link_and_not_found_page_by_keyboard_and_by_touch(self):
        """One test, so that the demo is seeded once: menu on small screens and on a desktop,
        the skip link, and the branded 404 page."""
        self.check_menu_on_small_screens()
        self.check_desktop_menu_and_skip_link()
        self.check_not_found_page()
        self.check_print_of_a_news_article()
        self.check_the_palest_accent_colour_a_site_may_choose()

    def check_menu_on_small_screens(self):
        for width in browser.WIDTHS[:2]:
            page, watcher = self.new_page(width)
            for slug, hostname, _query in SITES:
                with self.subTest(width=width[0], site=slug):
                    page.goto(self.base_url(hostname) + "/berita/")
                    button = page.locator("button.menu-toggle")
                    menu = page.locator("#menu-utama")
                    self.assertTrue(button.is_visible())
                    self.assertEqual(button.get_attribute("aria-expanded"), "false")
                    self.assertFalse(menu.is_visible(), "the menu starts folded on a small screen")

                    # Keyboard: Enter opens, Tab walks into the menu, Escape closes and returns focus.
                    button.focus()
                    page.keyboard.press("Enter")
                    self.assertEqual(button.get_attribute("aria-expanded"), "true")
                    self.assertTrue(menu.is_visible())
                    page.keyboard.press("Tab")
                    self.assertTrue(page.evaluate("document.activeElement.closest('#menu-utama') !== null"))
                    page.keyboard.press("Escape")
                    self.assertEqual(button.get_attribute("aria-expanded"), "false")
                    self.assertFalse(menu.is_visible())
                    self.assertTrue(page.evaluate("document.activeElement.classList.contains('menu-toggle')"))
                    page.keyboard.press("Space")
                    self.assertTrue(menu.is_visible())
                    page.keyboard.press("Space")
                    self.assertFalse(menu.is_visible())

                    # Touch: a tap opens, a second tap closes.
                    button.tap()
                    self.assertTrue(menu.is_visible())
                    self.assertEqual(browser.serious_violations(page), [])
                    button.tap()
                    self.assertFalse(menu.is_visible())
                    self.assertEqual(button.get_attribute("aria-expanded"), "false")
                    self.assertEqual(watcher.take(), [])

    def check_desktop_menu_and_skip_link(self):
        page, watcher = self.new_page(DESKTOP)
        for slug, hostname, _query in SITES:
            with self.subTest(site=slug):
                page.goto(self.base_url(hostname) + "/")
                self.assertFalse(page.locator("button.menu-toggle").is_visible())
                self.assertTrue(page.locator("#menu-utama").is_visible())
                page.keyboard.press("Tab")
                skip = page.locator(".skip-link")
                self.assertTrue(skip.evaluate("element => element === document.activeElement"))
                self.assertTrue(skip.is_visible(), "the skip link shows when it has the focus")
                box = skip.bounding_box()
                self.assertGreaterEqual(box["y"], 0)
                page.keyboard.press("Enter")
                self.assertEqual(page.evaluate("document.activeElement.id"), "konten")
                self.assertEqual(watcher.take(), [])

    def check_not_found_page(self):
        browser.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page, _watcher = self.new_page(PHONE)
        response = page.goto(self.base_url("dinkes.ketapangkab.localhost") + "/tidak-ada/")
        self.assertEqual(response.status, 404)
        self.assertIn("Dinas Kesehatan", page.locator("header").inner_text())
        self.assertEqual(page.locator("h1").inner_text(), "Halaman tidak ditemukan")
        self.assertLessEqual(
            page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"), 0
        )
        accent = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        self.assertEqual(accent, "rgb(15, 107, 58)")  # the demo's #0f6b3a for Dinas Kesehatan
        self.assertEqual(browser.serious_violations(page), [])
        page.screenshot(path=browser.SCREENSHOTS / "dinkes-404-360x740.png", full_page=True)

    def check_print_of_a_news_article(self):
        page, watcher = self.new_page(DESKTOP)
        slug, hostname, query = SITES[1]
        _name, path = self.public_pages(slug, hostname, query)[2]
        page.goto(self.base_url(hostname) + path)
        page.emulate_media(media="print")
        for chrome in (".main-nav", ".site-search", ".breadcrumb", ".identity-strip", ".opd-directory"):
            with self.subTest(hidden_on_paper=chrome):
                self.assertFalse(page.locator(chrome).first.is_visible())
        self.assertTrue(page.locator("main h1").is_visible())
        self.assertTrue(page.locator("main figure img").first.is_visible())
        page.screenshot(path=browser.SCREENSHOTS / f"{slug}-berita-detail-cetak.png", full_page=True)
        self.assertEqual(watcher.take(), [])

    def check_the_palest_accent_colour_a_site_may_choose(self):
        """The branding form accepts any accent with 4.5:1 against white; the palest still passes axe."""
        palest = "#767676"
        self.assertLess(contrast_with_white(palest), 4.6)
        slug, hostname, query = SITES[1]
        branding = SiteBranding.for_site(OPD.objects.get(slug=slug).site)
        branding.accent_colour = palest
        branding.full_clean()
        branding.save()
        page, watcher = self.new_page(PHONE)
        for name, path in self.public_pages(slug, hostname, query)[:4]:
            with self.subTest(accent=palest, page=name):
                page.goto(self.base_url(hostname) + path)
                self.assertIn(palest, page.locator("head style").inner_text())
                self.assertEqual(browser.serious_violations(page), [])
        self.assertEqual(watcher.take(), [])
