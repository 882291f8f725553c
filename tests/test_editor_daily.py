"""What an editor meets every day in the admin (issue 19), over HTTP: the change request where the
writer works, the resubmit action first, the dashboard naming the OPD, creating a page without
autosave claiming its slug, a quiet autosave, the login page, block labels and password hints."""

import html as html_entities
import re

from bs4 import BeautifulSoup
from django.test import Client, TestCase
from wagtail.models import Page, WorkflowState

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, edit_page, login, page_form, workflow_action
from tests.test_sop_workflow import add_news_index

DINKES = "dinkes.ketapangkab.localhost"
COMMENT = "Tambahkan nama puskesmas dan jumlah balita."


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def action_menu(response):
    """(the main button's name, the names of the dropdown's items) of the page editor's footer."""
    soup = BeautifulSoup(response.content, "html.parser")
    footer = soup.select_one("footer .actions, footer [data-w-dropdown-target], footer")
    buttons = footer.select("button[name], a[data-url], button[data-workflow-action-url]")
    names = [tag.get("name") or tag.get("data-workflow-action-url") or tag.get("data-url") for tag in buttons]
    return names[0], names[1:], footer


class OPDSitesTestData:
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.index = add_news_index(cls.dinkes)
        add_news_index(cls.portal)

    def client_for(self, role):
        return login(self.people[role], host=DINKES)


class ChangeRequestTests(OPDSitesTestData, TestCase):
    def setUp(self):
        response = create_page(
            self.client_for(Role.PENULIS),
            self.index,
            NewsPage,
            {"title": "Imunisasi MR", "slug": "imunisasi-mr", "lead": "Capaian imunisasi."},
        )
        self.assertEqual(response.status_code, 302)
        self.page = NewsPage.objects.get(slug="imunisasi-mr")
        response = workflow_action(self.client_for(Role.EDITOR), self.page, "reject", comment=COMMENT)
        self.assertEqual(response.status_code, 302)

    def test_writer_sees_the_comment_on_the_dashboard_and_atop_the_editor_until_resubmitted(self):
        penulis = self.client_for(Role.PENULIS)
        dashboard = text_of(penulis.get("/admin/"))
        self.assertIn("Perubahan yang diminta (1)", dashboard)
        self.assertIn(COMMENT, dashboard)
        self.assertIn("meminta perubahan pada langkah Koreksi hasil liputan (", dashboard)

        editor_page = penulis.get(f"/admin/pages/{self.page.pk}/edit/")
        messages = BeautifulSoup(editor_page.content, "html.parser").select(".messages li")
        self.assertTrue(any(COMMENT in message.get_text() for message in messages), messages)

        response = edit_page(penulis, self.page, {"lead": "Capaian imunisasi di Puskesmas Sukabangun."})
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertEqual(self.page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertNotIn(COMMENT, text_of(penulis.get("/admin/")))
        self.assertNotIn(COMMENT, text_of(penulis.get(f"/admin/pages/{self.page.pk}/edit/")))

    def test_resubmit_to_the_step_that_asked_is_the_main_button_and_the_writer_has_no_restart(self):
        response = self.client_for(Role.PENULIS).get(f"/admin/pages/{self.page.pk}/edit/")
        html = response.content.decode()
        main, _others, footer = action_menu(response)
        self.assertEqual(main, "action-submit")
        self.assertIn("Ajukan ulang ke Koreksi hasil liputan", footer.get_text(" "))
        self.assertNotIn("action-restart-workflow", html)
        self.assertNotIn("Mulai ulang", html)

    def test_a_reviewer_sees_restart_worded_as_going_back_to_the_first_step(self):
        # The Editor may also edit and resubmit (corrections are their job, SOP step 6).
        response = self.client_for(Role.EDITOR).get(f"/admin/pages/{self.page.pk}/edit/")
        html = response.content.decode()
        if "action-restart-workflow" in html:
            self.assertIn("Mulai ulang dari langkah pertama", html)
        self.assertNotIn("Mulai ulang alur kerja", html)


class DashboardNamesTheOPDTests(OPDSitesTestData, TestCase):
    def test_dashboard_on_an_opd_host_names_that_opd_and_counts_its_pages(self):
        dinkes_pages = sum(
            Page.objects.descendant_of(root, inclusive=True).count() for root in self.dinkes.root_pages()
        )
        for role in (Role.PENULIS, Role.EDITOR):
            with self.subTest(role=role):
                soup = BeautifulSoup(self.client_for(role).get("/admin/").content, "html.parser")
                self.assertEqual(soup.select_one("h1").get_text(strip=True), "Dinas Kesehatan")
                summary = " ".join(soup.select_one(".w-summary").get_text(" ").split())
                self.assertIn(f"{dinkes_pages} Halaman", summary)
                self.assertNotIn("Pemerintah Kabupaten Ketapang", summary)

    def test_dashboard_on_the_portal_host_still_names_the_users_own_opd(self):
        client = login(self.people[Role.PENULIS], host="ketapangkab.localhost")
        soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
        self.assertEqual(soup.select_one("h1").get_text(strip=True), "Dinas Kesehatan")


class AutosaveTests(OPDSitesTestData, TestCase):
    def add_url(self):
        return f"/admin/pages/add/news/newspage/{self.index.pk}/"

    def test_the_create_form_does_not_autosave_so_an_abandoned_title_can_be_used_again(self):
        penulis = self.client_for(Role.PENULIS)
        html = penulis.get(self.add_url()).content.decode()
        form = BeautifulSoup(html, "html.parser").select_one("form#page-edit-form")
        self.assertNotIn("w-autosave", form.get("data-controller", ""))

    def test_autosaving_a_form_with_errors_answers_200_with_the_error_for_the_indicator(self):
        penulis = self.client_for(Role.PENULIS)
        response = create_page(penulis, self.index, NewsPage, {"title": "Draf", "slug": "draf"}, action=None)
        self.assertEqual(response.status_code, 302)
        page = NewsPage.objects.get(slug="draf")
        url = f"/admin/pages/{page.pk}/edit/"
        data = page_form(penulis, url, NewsPage)
        data["slug"] = "bukan slug!"  # invalid whatever the required fields
        response = penulis.post(url, data, headers={"accept": "application/json"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["success"], False)
        self.assertEqual(response.json()["error_code"], "validation_error")


class AdminWordingTests(OPDSitesTestData, TestCase):
    def test_login_page_names_the_portal(self):
        response = Client(headers={"host": DINKES}).get("/admin/login/")
        heading = BeautifulSoup(response.content, "html.parser").select_one("h1").get_text(strip=True)
        self.assertEqual(heading, "Masuk ke Portal Kabupaten Ketapang")

    def test_no_gravatar_on_admin_pages(self):
        html = self.client_for(Role.PENULIS).get("/admin/").content.decode()
        self.assertNotIn("gravatar", html)

    def test_streamfield_block_labels_are_sentence_case(self):
        response = self.client_for(Role.PENULIS).get(f"/admin/pages/add/news/newspage/{self.index.pk}/")
        # The StreamField's block definitions travel as JSON in an HTML attribute.
        labels = set(re.findall(r'"label": "([^"]*)"', html_entities.unescape(response.content.decode())))
        self.assertIn("Paragraf", labels)
        self.assertIn("Tabel", labels)
        lower = sorted(label for label in labels if label[:1].islower())
        self.assertEqual(lower, [])

    def test_fast_track_menu_label_fits_the_sidebar(self):
        html = self.client_for(Role.EDITOR).get("/admin/").content.decode()
        self.assertIn('"label": "Serta-merta"', html_entities.unescape(html))

    def test_password_hints_say_kata_sandi_anda(self):
        from django.contrib.auth.password_validation import password_validators_help_texts
        from django.utils import translation

        with translation.override("id"):
            hints = password_validators_help_texts()
        self.assertTrue(hints)
        for hint in hints:
            self.assertNotIn("Sandi anda", hint)
            self.assertNotIn("sandi anda", hint)
        self.assertTrue(any(hint.startswith("Kata sandi Anda") for hint in hints), hints)
