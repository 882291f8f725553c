"""A citizen looks for a Perda in Debian's Chromium, on a phone and a desktop: the regency portal's
home page → the JDIH site (the footer's list of sites) → "Produk Hukum" (main menu) → its
statistics → the filters (type Perda, a word from inside the PDF) → the Perda's page (citation,
status, relations) → its PDF.

Every step fails on a console error, an HTTP status >= 400, a page wider than the window, or a
serious accessibility violation (axe-core).
"""

from datetime import date

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

from news.jdih.models import DownloadCount
from news.jdih.tests.factories import HOST, add_product, make_jdih_site
from opd.tests.factories import make_opd
from tests import browser
from tests.transactional import KeepsMigratedData

PORTAL = "ketapangkab.localhost"
WIDTHS = [
    ("375", {"width": 375, "height": 812}, True),
    ("1366", {"width": 1366, "height": 768}, False),
]


class FindAPerdaTests(KeepsMigratedData, StaticLiveServerTestCase):
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
        opd, index = make_jdih_site(name="JDIH Kabupaten Ketapang")
        old = add_product(
            index, opd, "Retribusi Jasa Umum", year=2011, number="1", text=("Retribusi parkir.",)
        )
        self.perda = add_product(
            index,
            opd,
            "Pajak Daerah dan Retribusi Daerah",
            year=2024,
            number="1",
            enacted_on=date(2024, 1, 5),
            promulgated_on=date(2024, 1, 8),
            legal_field="pajak",
            subjects="pajak daerah",
            summary="<p>Pajak dan retribusi daerah.</p>",
            relations=[("mencabut", old)],
            text=("Pajak barang dan jasa tertentu atas makanan dan minuman.",),
        )
        add_product(index, opd, "Tata Cara Pemungutan Pajak", doc_type="perbup", year=2024, number="10")
        self.shots = browser.SCREENSHOTS / "jdih"
        self.shots.mkdir(parents=True, exist_ok=True)

    def url(self, hostname, path="/"):
        return f"http://{hostname}:{self.server_thread.port}{path}"

    def test_citizen_finds_a_perda_from_the_menu_and_opens_its_pdf(self):
        for width in WIDTHS:
            with self.subTest(width=width[0]):
                self.journey(width)
        self.assertEqual(DownloadCount.objects.get(page=self.perda).count, len(WIDTHS))

    def journey(self, width):
        name, viewport, touch = width
        context = self.browser.new_context(
            viewport=viewport,
            has_touch=touch,
            is_mobile=touch,
        )
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)

        def step(label):
            page.wait_for_load_state("load")
            browser.assert_page_is_sound(self, page, watcher, f"{name} {label}")
            self.assertEqual(browser.serious_violations(page), [], f"{name} {label}")
            page.screenshot(path=self.shots / f"{name}-{label}.png", full_page=True)

        page.goto(self.url(PORTAL))
        page.locator(".opd-directory a", has_text="JDIH Kabupaten Ketapang").click()
        page.wait_for_url(self.url(HOST, "/**"))
        step("01-jdih-home")

        browser.follow_main_menu(page, "Produk Hukum")
        step("02-library")
        with page.expect_navigation():
            page.locator("main a", has_text="Statistik produk hukum").click()
        self.assertIn("Peraturan Daerah (Perda)", page.locator("main table").first.inner_text())
        step("02-statistics")
        with page.expect_navigation():
            page.go_back()
        page.locator("main select[name=jenis]").select_option("perda")
        page.locator("main form.filters input[name=q]").fill("minuman")
        with page.expect_navigation():
            page.locator("main form.filters button[type=submit]").click()
        rows = page.locator("main table tbody tr")
        self.assertEqual(rows.count(), 1, page.locator("main").inner_text())
        step("03-filtered")

        with page.expect_navigation():
            rows.first.locator("th a").click()
        main = page.locator("main").inner_text()
        self.assertIn("Peraturan Daerah Kabupaten Ketapang Nomor 1 Tahun 2024 tentang Pajak Daerah", main)
        self.assertIn("Produk ini mencabut", main)
        step("04-perda")

        # The link counts the download and leads to the PDF, which the browser opens.
        with page.expect_response(lambda response: response.url.endswith(".pdf")) as response_info:
            page.locator("main a.pdf-download").click()
        pdf = response_info.value
        self.assertEqual(pdf.status, 200)
        self.assertEqual(pdf.headers["content-type"], "application/pdf")
        # Chromium shows it in its PDF viewer; the bytes behind it are the PDF's own.
        page.go_back()
        head = page.evaluate(
            "async url => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 5))",
            pdf.url,
        )
        self.assertEqual(bytes(head), b"%PDF-")
