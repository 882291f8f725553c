"""The SOP journey in a real browser (Debian's Chromium through Playwright), clicked through as
each person would: the Penulis writes a news article and submits it, the Editor asks for changes
from the dashboard, the Penulis finds the comment on the dashboard and atop the editor, fixes
and resubmits, the Editor, Redaktur and Web Administrator approve, and the article is live on
its own OPD's host only.

The full journey runs at 1366 px; the screens a writer or reviewer opens on a phone (login,
dashboard with the change request, editor with the comment) are checked again at 375 px. Every
page visited fails the test on a console error, an HTTP status of 400 or more, or a sideways
scroll. Each step's final page is photographed into tests/screenshots/journeys/.
"""

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import TEST_PASSWORD, make_opd, member
from tests import browser
from tests.test_sop_workflow import add_news_index
from tests.transactional import KeepsMigratedData

DINKES = "dinkes.ketapangkab.localhost"
DISKOMINFO = "diskominfo.ketapangkab.localhost"
TITLE = "Imunisasi MR Capai 92 Persen"
COMMENT = "Tambahkan nama puskesmasnya."
PHONE = ("375x812", {"width": 375, "height": 812}, True)
DESKTOP = browser.WIDTHS[2]


class SOPJourneyInBrowserTests(KeepsMigratedData, StaticLiveServerTestCase):
    host = "127.0.0.1"

    @classmethod
    def setUpClass(cls):
        browser.skip_or_fail_without_browser()
        super().setUpClass()
        cls.playwright, cls.browser = browser.launch()
        cls.enterClassContext(browser.allow_orm_beside_playwright())
        cls.shots = browser.SCREENSHOTS / "journeys"
        cls.shots.mkdir(parents=True, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    def setUp(self):
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        self.people = {role: member(self.dinkes, role) for role in Role}
        self.index = add_news_index(self.dinkes)
        add_news_index(self.diskominfo)

    # --- helpers -------------------------------------------------------------------------

    def url(self, hostname, path):
        return f"http://{hostname}:{self.server_thread.port}{path}"

    def open_as(self, role, width=DESKTOP):
        """A fresh browser window for one person, logged in through the login form."""
        _name, viewport, touch = width
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)
        page.goto(self.url(DINKES, "/admin/login/"))
        self.assertEqual(page.locator("h1").inner_text(), "Masuk ke Portal Kabupaten Ketapang")
        self.check(page, watcher, f"login-{width[0]}")
        page.locator("#id_username").fill(self.people[role].username)
        page.locator("#id_password").fill(TEST_PASSWORD)
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(self.url(DINKES, "/admin/"))
        self.assertEqual(page.locator("h1").first.inner_text(), "Dinas Kesehatan")
        return page, watcher

    def check(self, page, watcher, name):
        """No console error, no HTTP error, no sideways scroll; then photograph the page."""
        page.wait_for_load_state("networkidle")
        browser.assert_no_sideways_scroll(page)
        self.assertEqual(watcher.take(), [], name)
        page.screenshot(path=self.shots / f"sop-{name}.png", full_page=True)

    def dashboard_action(self, page, action_label, navigates=False):
        """On the dashboard's "Menunggu tinjauan Anda", open the article's actions and pick one;
        with ``navigates``, wait for the page Wagtail loads once the action is done."""
        row = page.locator("table.listing--dashboard tr", has_text=TITLE)
        row.get_by_role("button", name="Tindakan").click()
        button = row.get_by_role("button", name=action_label, exact=True)
        if navigates:
            with page.expect_navigation():
                button.click()
        else:
            button.click()

    def article(self):
        return NewsPage.objects.get(title=TITLE)

    # --- the journey -----------------------------------------------------------------------

    def test_news_article_travels_the_sop_in_the_browser_and_goes_live_on_its_own_host_only(self):
        # SOP 5: the Penulis writes the article under Berita and submits it.
        penulis, penulis_watch = self.open_as(Role.PENULIS)
        penulis.goto(self.url(DINKES, f"/admin/pages/{self.index.pk}/"))
        penulis.get_by_role("link", name="Tambah subhalaman").first.click()
        penulis.locator("#id_title").fill(TITLE)
        penulis.locator("#id_lead").fill("Capaian imunisasi melampaui target provinsi.")
        penulis.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
        penulis.get_by_role("button", name="Ajukan ke Koreksi hasil liputan").click()
        penulis.wait_for_url("**/admin/pages/*/")
        self.check(penulis, penulis_watch, "1-penulis-diajukan")
        self.assertEqual(self.article().current_workflow_task.specific.step, "koreksi")

        # SOP 6: the Editor finds it on the dashboard and asks for changes with a comment.
        editor, editor_watch = self.open_as(Role.EDITOR)
        self.assertIn("Menunggu tinjauan Anda", editor.content())
        self.dashboard_action(editor, "Minta perubahan")
        dialog = editor.get_by_role("dialog")
        dialog.locator("textarea").fill(COMMENT)
        with editor.expect_navigation():
            dialog.get_by_role("button", name="Minta perubahan").click()
        self.check(editor, editor_watch, "2-editor-minta-perubahan")

        # The Penulis sees the comment on the dashboard and atop the editor, fixes, resubmits.
        penulis.goto(self.url(DINKES, "/admin/"))
        self.assertIn(COMMENT, self.changes_requested_panel(penulis))
        self.check(penulis, penulis_watch, "3-penulis-dasbor-komentar")
        with penulis.expect_navigation():
            penulis.get_by_role("link", name=TITLE).first.click()
        self.assertIn(COMMENT, penulis.locator(".messages").inner_text())
        self.check(penulis, penulis_watch, "4-penulis-editor-komentar")
        penulis.locator("#id_lead").fill("Capaian imunisasi di Puskesmas Sukabangun melampaui target.")
        main_button = penulis.locator("footer button[name=action-submit]").first
        self.assertIn("Ajukan ulang ke Koreksi hasil liputan", main_button.inner_text())
        self.assertEqual(penulis.locator("[name=action-restart-workflow]").count(), 0)
        with penulis.expect_navigation():
            main_button.click()
        self.check(penulis, penulis_watch, "5-penulis-diajukan-ulang")

        # SOP 6-8: Editor, Redaktur and Web Administrator approve in turn from their dashboards.
        editor.goto(self.url(DINKES, "/admin/"))
        self.approve(editor, editor_watch, "6-editor-setuju")
        for role, name in ((Role.REDAKTUR, "7-redaktur-setuju"), (Role.WEBADMIN, "8-webadmin-terbitkan")):
            reviewer, reviewer_watch = self.open_as(role)
            self.approve(reviewer, reviewer_watch, name)
        article = self.article()
        self.assertTrue(article.live)

        # Live on its own OPD's host, not on another OPD's.
        reader, reader_watch = self.open_as_reader()
        path = article.relative_url(self.dinkes.site)
        response = reader.goto(self.url(DINKES, path))
        self.assertEqual(response.status, 200)
        self.assertEqual(reader.locator("h1").first.inner_text(), TITLE)
        self.check(reader, reader_watch, "9-tayang-di-dinkes")
        response = reader.goto(self.url(DISKOMINFO, path))
        self.assertEqual(response.status, 404)
        reader_watch.take()  # the 404 is the expected answer here

        self.check_key_screens_on_a_phone()

    def approve(self, page, watcher, name):
        self.assertIn(TITLE, page.locator("table.listing--dashboard").inner_text())
        self.dashboard_action(page, self.approve_label(page), navigates=True)
        self.check(page, watcher, name)

    def approve_label(self, page):
        row = page.locator("table.listing--dashboard tr", has_text=TITLE)
        labels = row.locator("button[data-workflow-action-url]").all_inner_texts()
        return next(
            label.strip()
            for label in labels
            if label.strip().startswith("Setujui") and "komentar" not in label
        )

    def changes_requested_panel(self, page):
        """The text of the dashboard panel "Perubahan yang diminta"."""
        return page.locator("section[aria-labelledby=perubahan-diminta-heading]").inner_text()

    def open_as_reader(self):
        _name, viewport, touch = DESKTOP
        context = self.browser.new_context(viewport=viewport)
        self.addCleanup(context.close)
        page = context.new_page()
        return page, browser.PageWatcher(page)

    def check_key_screens_on_a_phone(self):
        """At 375 px: the login, the writer's dashboard with a change request, the editor with it."""
        article = self.article()
        task_state = article.current_workflow_state
        self.assertIsNone(task_state)  # published: ask for changes on a second version
        # A second version, sent back, so that the phone shows a change request.
        from tests.admin import edit_page, login, workflow_action

        client = login(self.people[Role.PENULIS], host=DINKES)
        edit_page(client, article, {"lead": "Versi kedua."})
        workflow_action(login(self.people[Role.EDITOR], host=DINKES), article, "reject", comment=COMMENT)
        phone, watcher = self.open_as(Role.PENULIS, width=PHONE)
        self.assertIn(COMMENT, self.changes_requested_panel(phone))
        self.check(phone, watcher, "hp-penulis-dasbor")
        phone.goto(self.url(DINKES, f"/admin/pages/{article.pk}/edit/"))
        self.assertIn(COMMENT, phone.locator(".messages").inner_text())
        self.check(phone, watcher, "hp-penulis-editor")
