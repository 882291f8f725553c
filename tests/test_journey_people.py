"""Editor journeys about people, clicked through in Debian's Chromium from the dashboard.

1. Dinas Kesehatan's Web Administrator invites a colleague from *Pengaturan → Tim OPD*; the
   colleague opens the link from the e-mail (on the live server's own port: links in e-mails
   follow the request, core/mail_links.py), sets a password and reaches the dashboard; the
   Web Administrator then changes the OPD's accent colour and sees it on the OPD's site.
2. Dinas Kesehatan's Editor opens a page of another OPD by its URL, meets the Indonesian
   admin 403 page and clicks the way back to the dashboard.

Every step fails on a console error, an HTTP status of 400 or more (except the 403 the
second journey expects) and a page that scrolls sideways. The full journey runs at desktop
width, its key screens again at phone width. The final pages are photographed into
tests/screenshots/journeys/.
"""

import re

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core import mail

from opd.models import SiteBranding
from opd.roles import Role
from opd.tests.factories import TEST_PASSWORD, make_opd, member
from tests import browser
from tests.transactional import KeepsMigratedData

DINKES = "dinkes.ketapangkab.localhost"
PHONE = ("375x812", {"width": 375, "height": 812}, True)
DESKTOP = ("1366x768", {"width": 1366, "height": 768}, False)
NEW_PASSWORD = "Sungai-Pawan-2026!"
LINK = re.compile(r"https?://\S+/akun/undangan/\S+/")
NEW_ACCENT = "#8a1538"


class PeopleJourneyTests(KeepsMigratedData, StaticLiveServerTestCase):
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
        self.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        self.webadmin = member(self.dinkes, Role.WEBADMIN)
        self.editor = member(self.dinkes, Role.EDITOR)
        (browser.SCREENSHOTS / "journeys").mkdir(parents=True, exist_ok=True)

    # Helpers ---------------------------------------------------------------------------------

    def url(self, path, hostname=DINKES):
        return f"http://{hostname}:{self.server_thread.port}{path}"

    def new_page(self, width):
        _name, viewport, touch = width
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        return page, browser.PageWatcher(page)

    def assert_clean(self, page, watcher, allowed=()):
        """No console error, no failed or >= 400 response (but the ``allowed`` ones), no sideways scroll."""
        page.wait_for_load_state("networkidle")
        problems = [problem for problem in watcher.take() if not any(allow in problem for allow in allowed)]
        self.assertEqual(problems, [], page.url)
        browser.assert_no_sideways_scroll(page)

    def log_in(self, page, watcher, username, password):
        page.goto(self.url("/admin/login/"))
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(self.url("/admin/"))
        self.assertEqual(page.locator("html").get_attribute("lang"), "id")
        self.assert_clean(page, watcher)

    def open_settings_item(self, page, label):
        """Pengaturan → ``label`` in Wagtail's sidebar, opening the sidebar first on a phone."""
        settings_menu = page.get_by_role("button", name="Pengaturan")
        if not settings_menu.is_visible():
            page.get_by_role("button", name="Buka/tutup bilah samping").first.click()
            settings_menu.wait_for()
        page.get_by_role("button", name="Pengaturan").click()
        page.get_by_role("link", name=label).click()
        page.wait_for_load_state("networkidle")

    def screenshot(self, page, name, width):
        page.screenshot(path=browser.SCREENSHOTS / "journeys" / f"{name}-{width[0]}.png", full_page=True)

    # Journey 1 -------------------------------------------------------------------------------

    def test_web_administrator_invites_a_colleague_who_logs_in_then_rebrands_the_opd_site(self):
        page, watcher = self.new_page(DESKTOP)
        self.log_in(page, watcher, self.webadmin.username, TEST_PASSWORD)

        self.open_settings_item(page, "Tim OPD")
        self.assertEqual(page.url, self.url(f"/admin/opd/tim/{self.dinkes.slug}/"))
        self.assert_clean(page, watcher)
        page.get_by_role("link", name="Tambah anggota tim").click()
        page.wait_for_load_state("networkidle")
        self.assert_clean(page, watcher)
        mail.outbox.clear()
        page.fill("#id_first_name", "Siti")
        page.fill("#id_last_name", "Aminah")
        page.fill("#id_email", "siti.aminah@ketapangkab.go.id")
        page.get_by_label("Penulis Artikel / Tim Peliput").check()
        page.get_by_role("button", name="Tambahkan dan kirim undangan").click()
        page.wait_for_url(self.url(f"/admin/opd/tim/{self.dinkes.slug}/"))
        self.assertIn("siti.aminah", page.locator("main").inner_text())
        self.assert_clean(page, watcher)

        # The invitation, read from Django's outbox, links to this live server's port.
        [invitation] = mail.outbox
        [link] = LINK.findall(invitation.body)
        self.assertTrue(link.startswith(self.url("/akun/undangan/")), link)

        invitee, invitee_watcher = self.new_page(DESKTOP)
        invitee.goto(link)
        self.assertIn("siti.aminah", invitee.locator("main").inner_text())
        self.assert_clean(invitee, invitee_watcher)
        invitee.fill("#id_new_password1", NEW_PASSWORD)
        invitee.fill("#id_new_password2", NEW_PASSWORD)
        invitee.get_by_role("button", name="Simpan kata sandi").click()
        invitee.wait_for_url(self.url("/akun/kata-sandi/selesai/"))
        self.assert_clean(invitee, invitee_watcher)
        invitee.get_by_role("link", name="Masuk").click()
        invitee.wait_for_url(re.compile(r".*/admin/login/.*"))
        invitee.fill("#id_username", "siti.aminah")
        invitee.fill("#id_password", NEW_PASSWORD)
        invitee.locator("form button[type=submit]").click()
        invitee.wait_for_url(self.url("/admin/"))
        self.assertIn("Dasbor", invitee.title())
        self.assertTrue(invitee.locator("main").is_visible())
        self.assert_clean(invitee, invitee_watcher)
        self.screenshot(invitee, "undangan-dasbor", DESKTOP)

        # Back to the Web Administrator: Pengaturan → Identitas situs, a new accent colour.
        page.goto(self.url("/admin/"))
        self.open_settings_item(page, "Identitas situs")
        self.assert_clean(page, watcher)
        page.fill("#id_accent_colour", NEW_ACCENT)
        self.assertEqual(page.url, self.url(f"/admin/settings/opd/sitebranding/{self.dinkes.site.pk}/"))
        page.get_by_role("button", name="Simpan", exact=True).click()
        page.wait_for_load_state("networkidle")
        self.assert_clean(page, watcher)
        self.assertEqual(SiteBranding.for_site(self.dinkes.site).accent_colour, NEW_ACCENT)

        page.goto(self.url("/"))
        self.assertIn(f"--accent: {NEW_ACCENT}", page.locator("head style").inner_text())
        self.assertIn("Dinas Kesehatan", page.locator("header").inner_text())
        self.assert_clean(page, watcher)
        self.screenshot(page, "identitas-situs-publik", DESKTOP)

        self.check_key_screens_on_a_phone(link_user="siti.aminah")

    def check_key_screens_on_a_phone(self, link_user):
        """The journey's screens at 375 px: team list, person form, dashboard, branding, public site."""
        page, watcher = self.new_page(PHONE)
        self.log_in(page, watcher, self.webadmin.username, TEST_PASSWORD)
        self.open_settings_item(page, "Tim OPD")
        self.assertIn(link_user, page.locator("main").inner_text())
        self.assert_clean(page, watcher)
        page.get_by_role("link", name="Tambah anggota tim").click()
        page.wait_for_load_state("networkidle")
        self.assert_clean(page, watcher)
        page.goto(self.url("/admin/"))
        self.open_settings_item(page, "Identitas situs")
        self.assert_clean(page, watcher)
        page.goto(self.url("/"))
        self.assertIn(f"--accent: {NEW_ACCENT}", page.locator("head style").inner_text())
        self.assert_clean(page, watcher)
        self.screenshot(page, "identitas-situs-publik", PHONE)

    # Journey 2 -------------------------------------------------------------------------------

    def test_editor_meets_the_indonesian_403_on_another_opds_page_and_finds_the_way_back(self):
        for width in (DESKTOP, PHONE):
            with self.subTest(width=width[0]):
                page, watcher = self.new_page(width)
                self.log_in(page, watcher, self.editor.username, TEST_PASSWORD)
                refused = self.url(f"/admin/pages/{self.diskominfo.site.root_page_id}/edit/")
                response = page.goto(refused)
                self.assertEqual(response.status, 403)
                self.assertEqual(page.locator("html").get_attribute("lang"), "id")
                self.assertIn("Akses ditolak", page.locator("main h1, main h2").first.inner_text())
                self.assertNotIn("Dinas Komunikasi", page.locator("main").inner_text())
                self.assert_clean(
                    page, watcher, allowed=[f"HTTP 403: {refused}", "responded with a status of 403"]
                )
                self.screenshot(page, "akses-ditolak", width)

                page.get_by_role("link", name="Kembali ke dasbor").click()
                page.wait_for_url(self.url("/admin/"))
                self.assertIn("Dasbor", page.title())
                self.assert_clean(page, watcher)
                self.screenshot(page, "akses-ditolak-kembali-ke-dasbor", width)
