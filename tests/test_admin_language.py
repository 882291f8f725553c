"""The admin speaks Indonesian on every screen the SOP roles use (issue #5).

Each test renders one screen over HTTP for a person of an OPD whose language is Indonesian
and fails on any common English admin label (``tests/visible_text.py``) in what that person
sees. Wagtail ships only about a third of these strings in Indonesian; the rest come from our
catalogue in ``locale/wagtail/`` (docs/i18n.md).
"""

import json

from django.core import mail
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import create_page, jpeg_bytes, login, workflow_action
from tests.test_sop_workflow import add_news_index
from tests.visible_text import english_labels, visible_text

HOST = "dinkes.ketapangkab.localhost"


class IndonesianAdminTestCase(TestCase):
    """An OPD with its four SOP roles, a news page waiting for the Editor, an image and a document."""

    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        for person in cls.people.values():
            # The admin language a person picks in their account; the site's default is the same.
            profile = UserProfile.get_for_user(person)
            profile.preferred_language = "id"
            profile.save()
        cls.index = add_news_index(cls.dinkes)

        penulis = login(cls.people[Role.PENULIS], host=HOST)
        response = penulis.post(
            "/admin/images/add/",
            {
                "title": "Posyandu Sukabangun",
                "file": jpeg_bytes(),
                "description": "Kader menimbang balita",
                "collection": cls.dinkes.collection.pk,
            },
        )
        assert response.status_code == 302, response.content[:2000]
        cls.image = get_image_model().objects.get(title="Posyandu Sukabangun")
        cls.document = get_document_model().objects.create(
            title="Renstra Dinas Kesehatan 2025-2029",
            file=ContentFile(b"%PDF-1.4 renstra", name="renstra.pdf"),
            collection=cls.dinkes.collection,
            uploaded_by_user=cls.people[Role.PENULIS],
        )
        mail.outbox.clear()
        response = create_page(
            penulis,
            cls.index,
            NewsPage,
            {
                "title": "Posyandu Serentak di Sukabangun",
                "slug": "posyandu-serentak",
                "lead": "Seratus balita ditimbang dalam sehari.",
                "featured_image": cls.image.pk,
            },
        )
        assert response.status_code == 302, response.content[:3000]
        cls.page = NewsPage.objects.get(slug="posyandu-serentak")
        cls.submission_mail = list(mail.outbox)

        # A live page the Web Administrator has locked, for the locked-pages panel and report.
        cls.locked = NewsPage(title="Jadwal Imunisasi", slug="jadwal-imunisasi", lead="Jadwal bulan ini.")
        cls.index.add_child(instance=cls.locked)
        cls.locked.save_revision().publish(skip_permission_checks=True)
        webadmin = login(cls.people[Role.WEBADMIN], host=HOST)
        assert webadmin.post(f"/admin/pages/{cls.locked.pk}/lock/").status_code == 302
        cls.locked.refresh_from_db()
        assert cls.locked.locked

    def client_for(self, role):
        return login(self.people[role], host=HOST)

    def assertIndonesian(self, response, must_show=()):
        """The screen answered, shows ``must_show`` and no English admin label."""
        self.assertEqual(response.status_code, 200, getattr(response, "url", ""))
        content = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            content = json.loads(content).get("html", "")
        text = visible_text(content)
        for words in must_show:
            self.assertIn(words, text)
        found = english_labels(text)
        self.assertFalse(found, "English on an Indonesian admin screen:\n" + "\n".join(found))
        return text


class DashboardTests(IndonesianAdminTestCase):
    def test_editor_dashboard_lists_the_page_awaiting_review_in_indonesian(self):
        response = self.client_for(Role.EDITOR).get("/admin/")
        self.assertIndonesian(
            response, ["Dasbor", "Menunggu tinjauan Anda", "Posyandu Serentak di Sukabangun"]
        )

    def test_penulis_dashboard_shows_own_pages_in_a_workflow_and_recent_edits(self):
        response = self.client_for(Role.PENULIS).get("/admin/")
        self.assertIndonesian(
            response, ["Halaman dan cuplikan Anda dalam alur kerja", "Perubahan terbaru Anda"]
        )

    def test_web_administrator_dashboard_shows_locked_pages(self):
        response = self.client_for(Role.WEBADMIN).get("/admin/")
        self.assertIndonesian(response, ["Halaman yang Anda kunci", "Jadwal Imunisasi"])


class ExplorerTests(IndonesianAdminTestCase):
    def test_explorer_listing_with_statuses_filters_and_bulk_actions(self):
        response = self.client_for(Role.PENULIS).get(f"/admin/pages/{self.index.pk}/")
        self.assertIndonesian(response, ["Tambah subhalaman", "dalam moderasi", "Tindakan massal"])

    def test_explorer_search(self):
        response = self.client_for(Role.PENULIS).get("/admin/pages/search/", {"q": "Posyandu"})
        self.assertIndonesian(response, ["Posyandu Serentak di Sukabangun"])

    def test_page_history_and_workflow_history(self):
        client = self.client_for(Role.EDITOR)
        self.assertIndonesian(client.get(f"/admin/pages/{self.page.pk}/history/"), ["Riwayat"])
        self.assertIndonesian(client.get(f"/admin/pages/{self.page.pk}/workflow_history/"))


class PageEditorTests(IndonesianAdminTestCase):
    def test_editor_sees_the_workflow_actions_in_indonesian(self):
        response = self.client_for(Role.EDITOR).get(f"/admin/pages/{self.page.pk}/edit/")
        self.assertIndonesian(
            response, ["Setujui", "Setujui dengan komentar", "Minta perubahan", "Pratinjau"]
        )

    def test_web_administrator_sees_the_lock_of_a_locked_page(self):
        response = self.client_for(Role.WEBADMIN).get(f"/admin/pages/{self.locked.pk}/edit/")
        self.assertIndonesian(response, ["Dikunci oleh Anda", "Buka kunci"])

    def test_penulis_add_form_offers_to_submit_to_the_sop(self):
        response = self.client_for(Role.PENULIS).get(f"/admin/pages/add/news/newspage/{self.index.pk}/")
        self.assertIndonesian(response, ["Simpan draf", "Ajukan ke Koreksi hasil liputan", "Pilih gambar"])

    def test_choosing_a_page_type_and_a_page(self):
        client = self.client_for(Role.PENULIS)
        self.assertIndonesian(client.get(f"/admin/pages/{self.index.pk}/add_subpage/", follow=True))
        self.assertIndonesian(client.get("/admin/choose-page/"))


class MediaLibraryTests(IndonesianAdminTestCase):
    def test_image_library_upload_and_edit(self):
        client = self.client_for(Role.PENULIS)
        self.assertIndonesian(client.get("/admin/images/"), ["Gambar", "Posyandu Sukabangun"])
        self.assertIndonesian(client.get("/admin/images/add/"), ["Unggah"])
        self.assertIndonesian(client.get("/admin/images/multiple/add/"))
        self.assertIndonesian(client.get(f"/admin/images/{self.image.pk}/"))

    def test_image_chooser(self):
        self.assertIndonesian(self.client_for(Role.PENULIS).get("/admin/images/chooser/"), ["Pilih gambar"])

    def test_document_library_and_chooser(self):
        client = self.client_for(Role.PENULIS)
        self.assertIndonesian(
            client.get("/admin/documents/"), ["Dokumen", "Renstra Dinas Kesehatan 2025-2029"]
        )
        self.assertIndonesian(client.get("/admin/documents/multiple/add/"))
        self.assertIndonesian(client.get(f"/admin/documents/edit/{self.document.pk}/"))
        self.assertIndonesian(client.get("/admin/documents/chooser/"))


class ReportTests(IndonesianAdminTestCase):
    def test_reports_the_sop_roles_open(self):
        client = self.client_for(Role.WEBADMIN)
        for url, heading in (
            ("/admin/reports/locked/", "Halaman terkunci"),
            ("/admin/reports/workflow/", "Alur kerja"),
            ("/admin/reports/workflow_tasks/", "Tugas alur kerja"),
            ("/admin/reports/aging-pages/", "Halaman lama"),
            ("/admin/reports/site-history/", "Riwayat situs"),
        ):
            with self.subTest(url=url):
                self.assertIndonesian(client.get(url), [heading])


class AccountTests(IndonesianAdminTestCase):
    def test_account_settings(self):
        self.assertIndonesian(self.client_for(Role.REDAKTUR).get("/admin/account/"), ["Akun", "Keluar"])

    def test_login_and_password_reset(self):
        self.assertIndonesian(self.client.get("/admin/login/", headers={"host": HOST}), ["Masuk"])
        self.assertIndonesian(self.client.get("/admin/password_reset/", headers={"host": HOST}))


class WorkflowMailTests(IndonesianAdminTestCase):
    def test_the_editor_is_told_of_the_submission_in_indonesian(self):
        self.assertEqual([m.to for m in self.submission_mail], [["editor.dinkes@ketapangkab.go.id"]])
        message = self.submission_mail[0]
        self.assertIn("diajukan", message.subject)
        html = next(content for content, kind in message.alternatives if kind == "text/html")
        for text in (message.subject, message.body, visible_text(html)):
            found = english_labels(text)
            self.assertFalse(found, "English in a workflow e-mail:\n" + "\n".join(found))

    def test_the_penulis_hears_of_requested_changes_in_indonesian(self):
        mail.outbox.clear()
        response = workflow_action(
            self.client_for(Role.EDITOR), self.page, "reject", comment="Tambahkan nama kader."
        )
        self.assertEqual(response.status_code, 302)
        [message] = [m for m in mail.outbox if m.to == ["penulis.dinkes@ketapangkab.go.id"]]
        self.assertIn("Perubahan diminta", message.subject)
        html = next(content for content, kind in message.alternatives if kind == "text/html")
        self.assertIn("Tambahkan nama kader.", message.body)
        for text in (message.subject, message.body, visible_text(html)):
            found = english_labels(text)
            self.assertFalse(found, "English in a workflow e-mail:\n" + "\n".join(found))


class JavaScriptCatalogueTests(IndonesianAdminTestCase):
    """What the admin's scripts draw (comments, the minimap, wagtail-localize's editor) comes from here."""

    def test_admin_and_wagtail_localize_scripts_get_indonesian(self):
        client = self.client_for(Role.EDITOR)
        for url, words in (
            ("/admin/jsi18n/", {"Cancel": "Batal", "Save": "Simpan", "Search": "Cari", "Delete": "Hapus"}),
            ("/admin/localize/jsi18n/", {"Translate": "Terjemahkan", "Unpublish": "Batalkan penerbitan"}),
        ):
            with self.subTest(url=url):
                response = client.get(url)
                self.assertEqual(response.status_code, 200)
                body = response.content.decode()
                for english, indonesian in words.items():
                    self.assertIn(f'"{english}": "{indonesian}"', body)


class TranslationEditorTests(IndonesianAdminTestCase):
    """wagtail-localize's screens. Who may translate is the translation workflow's business (issue
    #5, other part); the Web Developer, who holds every permission, opens them here."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.developer = UserFactory(username="developer", is_superuser=True)

    def test_submit_translation_editor_and_report(self):
        client = login(self.developer, host=HOST)
        submit_url = f"/admin/localize/submit/page/{self.locked.pk}/"
        self.assertIndonesian(client.get(submit_url), ["Terjemahkan halaman"])
        english = Locale.objects.get(language_code="en")
        response = client.post(submit_url, {"locales": [english.pk]})
        self.assertEqual(response.status_code, 302, response.content[:2000])
        translation = self.locked.get_translation(english)
        self.assertIndonesian(client.get(f"/admin/pages/{translation.pk}/edit/"))
        self.assertIndonesian(client.get("/admin/localize/reports/translations/"), ["Terjemahan"])
