"""The Survei Kepuasan Masyarakat answered in Debian's Chromium as a citizen would, on a phone and
a desktop: an OPD's home page → the footer's "Survei kepuasan masyarakat" → the nine questions
(one left out first: a field error, nothing lost) → the thank-you page; then the same visit is
not counted twice. A POST from a real browser carries a real Origin (issue 19: no "Origin: null"
from a "no-referrer" policy), so Django's CSRF check lets it through.
"""

import io

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.test import override_settings

from ppid.skm import scoring
from ppid.skm.models import SurveyResponse
from tests import browser
from tests.transactional import KeepsMigratedData

OPD_HOST = "dinkes.ketapangkab.localhost"
WIDTHS = [
    ("375", {"width": 375, "height": 812}, True),
    ("1366", {"width": 1366, "height": 768}, False),
]
ANSWERS = (4, 3, 3, 4, 3, 3, 4, 2, 3)


class SurveyJourneyTests(KeepsMigratedData, StaticLiveServerTestCase):
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
            call_command("seed_demo", stdout=io.StringIO())
        self.shots = browser.SCREENSHOTS / "skm"
        self.shots.mkdir(parents=True, exist_ok=True)

    def url(self, hostname, path="/"):
        return f"http://{hostname}:{self.server_thread.port}{path}"

    def test_a_citizen_answers_the_survey_from_an_opd_home_page_on_a_phone_and_a_desktop(self):
        for width in WIDTHS:
            with self.subTest(width=width[0]):
                self.journey(width)
        self.assertEqual(SurveyResponse.objects.filter(opd__slug="dinkes", period__closed_at=None).count(), 2)

    def journey(self, width):
        name, viewport, touch = width
        context = self.browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
        self.addCleanup(context.close)
        page = context.new_page()
        watcher = browser.PageWatcher(page)
        before = SurveyResponse.objects.count()

        def step(label, axe=False):
            page.wait_for_load_state("load")
            browser.assert_page_is_sound(self, page, watcher, f"{name} {label}")
            if axe:  # axe-core: no serious or critical violation
                self.assertEqual(browser.serious_violations(page), [], f"{name} {label}")
            page.screenshot(path=self.shots / f"{name}-{label}.png", full_page=True)

        page.goto(self.url(OPD_HOST))
        step("01-home")
        page.locator(".footer-ppid a", has_text="Survei kepuasan masyarakat").click()
        page.wait_for_url("**/skm/")
        step("02-form", axe=True)

        page.locator("select[name=service]").select_option(index=1)
        for unsur, value in zip(scoring.UNSUR[1:], ANSWERS[1:], strict=True):  # U1 left out
            page.locator(f"input[name={unsur.field}][value='{value}']").check()
        page.locator("select[name=age_band]").select_option("30-39")
        page.locator("select[name=sex]").select_option("P")
        page.locator("textarea[name=suggestion]").fill("Loket dibuka lebih pagi.")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("load")
        self.assertIn("Pilih salah satu jawaban.", page.locator("#pertanyaan-u1").inner_text())
        self.assertEqual(page.locator("textarea[name=suggestion]").input_value(), "Loket dibuka lebih pagi.")
        self.assertTrue(page.locator("input[name=u9][value='3']").is_checked(), "answers kept")
        self.assertEqual(SurveyResponse.objects.count(), before)
        step("03-field-error", axe=True)

        page.locator("input[name=u1][value='4']").check()
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/skm/terima-kasih/")
        self.assertIn("Jawaban Anda sudah kami terima", page.locator("main").inner_text())
        step("04-thanks", axe=True)
        stored = SurveyResponse.objects.order_by("-pk").first()
        self.assertEqual(SurveyResponse.objects.count(), before + 1)
        self.assertEqual(stored.answers, ANSWERS)
        self.assertEqual(
            (stored.opd.slug, stored.sex, stored.suggestion), ("dinkes", "P", "Loket dibuka lebih pagi.")
        )
        self.assertIsNotNone(stored.service)

        # Back to the form in the same visit: thanked, not asked again.
        page.goto(self.url(OPD_HOST, "/skm/"))
        self.assertIn("Anda sudah mengisi survei", page.locator("main").inner_text())
        self.assertEqual(page.locator("input[name=u1]").count(), 0)
        step("05-already")

        # Last semester's published result, from the link under the survey.
        page.locator("main a", has_text="Lihat hasil survei").click()
        page.wait_for_url("**/skm/hasil/")
        page.locator("main table a").first.click()
        page.wait_for_url("**/skm/hasil/*/")
        self.assertRegex(page.locator(".skm-mutu").inner_text(), r"^[ABCD] \(")
        step("06-result", axe=True)
