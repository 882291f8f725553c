"""A citizen's journey through the public site, clicked in Debian's Chromium as a person would,
on a phone (375 px) and a desktop (1366 px), in Indonesian and then in English:

portal home → an OPD (the footer's list of OPD sites) → its news list (main menu) → an article →
search (typed into the search box) → the OPD's PPID (main menu) → an information request filled
in as a citizen → the tracking page with its registration number → (the PPID answers) → an
objection (keberatan) opened with the tracking code → the tracking page listing it.

Every step fails on a console error, an HTTP status >= 400 (the page or anything it loads) or a
page wider than the window. The demo is seeded for port 8000 (the development default) while the
live server listens on another port: every link must follow the request's port (issue 19, item 9).
Screenshots of each step go to tests/screenshots/journey/ (README, "Tests and CI").
"""

import io

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.test import override_settings

from opd.models import OPD
from opd.roles import Role
from ppid.models import InformationRequest, RequestStatus
from ppid.services import change_status
from tests import browser
from tests.transactional import KeepsMigratedData

PORTAL = "ketapangkab.localhost"
OPD_HOST = "dinkes.ketapangkab.localhost"
WIDTHS = [
    ("375", {"width": 375, "height": 812}, True),
    ("1366", {"width": 1366, "height": 768}, False),
]
# What each language's journey clicks and types.
JOURNEYS = {
    "id": {
        "opd": "Dinas Kesehatan",
        "news": "Berita",
        "search": "imunisasi",
        "request": "Permohonan informasi",
        "objection": "Keberatan",
        "received": "Permohonan Anda sudah diterima",
    },
    "en": {
        "opd": "Dinas Kesehatan",
        "news": "News",
        "search": "immunisation",
        "request": "Information request",
        "objection": "Objection",
        "received": "Your request has been received",
    },
}
CITIZEN = {
    "name": "Siti Warga (uji)",
    "nik": "6104014507900003",
    "address": "Jl. Merdeka No. 1, Ketapang",
    "email": "siti.warga@contoh.id",
    "phone": "081234567890",
    "information": "Jadwal imunisasi puskesmas tahun ini.",
    "purpose": "Merencanakan imunisasi anak.",
}


class CitizenJourneyTests(KeepsMigratedData, StaticLiveServerTestCase):
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
            # The Sites say port 8000; the live server is elsewhere (links follow the request).
            call_command("seed_demo", stdout=io.StringIO())
        self.assertNotEqual(self.server_thread.port, 8000)
        self.shots = browser.SCREENSHOTS / "journey"
        self.shots.mkdir(parents=True, exist_ok=True)

    def url(self, hostname, path="/"):
        return f"http://{hostname}:{self.server_thread.port}{path}"

    def test_citizen_journey_in_indonesian_and_english_on_a_phone_and_a_desktop(self):
        for width in WIDTHS:
            for language in ("id", "en"):
                with self.subTest(width=width[0], language=language):
                    self.journey(width, language)

    def journey(self, width, language):
        name, viewport, touch = width
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)
        words = JOURNEYS[language]
        prefix = f"{language}-{name}"

        def step(label):
            page.wait_for_load_state("load")
            browser.assert_page_is_sound(self, page, watcher, f"{prefix} {label}")
            page.screenshot(path=self.shots / f"{prefix}-{label}.png", full_page=True)

        page.goto(self.url(PORTAL))
        if language == "en":
            page.locator(".language-switcher a[hreflang='en']").click()
            self.assertTrue(page.url.endswith("/en/"), page.url)
        step("01-portal")

        # An OPD, through the list of OPD sites every page's footer carries.
        page.locator(".opd-directory a", has_text=words["opd"]).click()
        page.wait_for_url(f"http://{OPD_HOST}:{self.server_thread.port}/**")
        self.assertEqual(page.locator("html").get_attribute("lang"), language)
        step("02-opd")

        # Its news, through the main menu.
        browser.follow_main_menu(page, words["news"])
        step("03-news")
        page.locator("main .card-title a").first.click()
        step("04-article")
        self.assertEqual(page.locator("html").get_attribute("lang"), language)

        # Search: typed into the header's box.
        page.locator("#cari-q").fill(words["search"])
        page.locator("#cari-q").press("Enter")
        page.wait_for_url("**/cari/?q=*")
        self.assertGreater(page.locator("main li a, main .card-title a").count(), 0, "search finds something")
        step("05-search")

        # The OPD's PPID, through the main menu's PPID submenu.
        browser.follow_main_menu(page, words["request"], parent="PPID")
        step("06-request-form")
        self.fill_request_form(page)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/ppid/lacak/**")
        item = InformationRequest.objects.filter(opd__slug="dinkes").order_by("-pk").first()
        self.assertIn(words["received"], page.locator("main").inner_text())
        self.assertIn(item.number, page.locator("main").inner_text())
        for value in (CITIZEN["name"], CITIZEN["nik"], CITIZEN["email"]):
            self.assertNotIn(value, page.content(), "no identity on the tracking page")
            self.assertNotIn(value, page.url)
        step("07-tracking")

        # The PPID answers (rejects) it; the citizen objects, from the footer's PPID links.
        self.ppid_rejects(item)
        code = page.locator(".tracking-code").inner_text()
        page.locator(".footer-ppid a", has_text=words["objection"]).click()
        step("08-objection-lookup")
        page.locator("input[name=kode]").fill(code)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/keberatan/")
        page.locator("input[name=reason][value=a]").check()
        page.locator("textarea[name=explanation]").fill("Informasi ini bukan informasi yang dikecualikan.")
        step("09-objection-form")
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"**/ppid/lacak/{item.token}/")
        objection = item.objections.get()
        self.assertIn(objection.number, page.locator("main").inner_text())
        step("10-objection-filed")

    def fill_request_form(self, page):
        for field, value in CITIZEN.items():
            page.locator(f"[name={field}]").fill(value)
        page.locator("select[name=delivery]").select_option(index=1)

    def ppid_rejects(self, item):
        ppid = OPD.objects.get(slug="dinkes").group_for(Role.PPID).user_set.first()
        change_status(item, RequestStatus.DIPROSES, ppid)
        change_status(
            item,
            RequestStatus.DITOLAK,
            ppid,
            answer="Informasi dikecualikan.",
            rejection_basis="Pasal 17 huruf a UU 14/2008.",
        )
