"""A deactivated writer cannot log in; the pages they wrote and the SOP history keep them as author."""

from django.core import mail
from wagtail.models import PageLogEntry, TaskState

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import member
from tests.admin import create_page, login, workflow_action
from tests.test_sop_workflow import add_news_index

from .base import DINKES_HOST, TeamTestCase, User


class DeactivatedWriterTests(TeamTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        index = add_news_index(cls.dinkes)
        create_page(
            login(cls.penulis, host=DINKES_HOST),
            index,
            NewsPage,
            {"title": "Posyandu Lansia Dibuka", "slug": "posyandu-lansia", "lead": "Layanan baru."},
        )
        cls.page = NewsPage.objects.get(slug="posyandu-lansia")
        for person in (cls.editor, cls.redaktur, cls.webadmin):
            workflow_action(login(person, host=DINKES_HOST), cls.page, "approve")

    def test_deactivated_writer_cannot_log_in_and_their_work_stays_attributed(self):
        page = NewsPage.objects.get(pk=self.page.pk)
        self.assertTrue(page.live)
        writer_session = login(self.penulis, host=DINKES_HOST)
        history_before = list(PageLogEntry.objects.filter(page=page).values_list("action", "user_id"))
        revisions_before = list(page.revisions.values_list("pk", "user_id"))
        self.assertIn(("wagtail.workflow.start", self.penulis.pk), history_before)
        users_before = User.objects.count()

        admin = self.dinkes_admin()
        response = admin.post(self.url(f"{self.penulis.pk}/nonaktifkan/"))
        self.assertEqual(response.status_code, 302)

        # No new login, and the session they had open no longer reaches the admin.
        _client, response = self.log_in_over_http("penulis.dinkes", "kata-sandi-uji-123")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.anonymous().login(username="penulis.dinkes", password="kata-sandi-uji-123"))
        self.assertEqual(writer_session.get("/admin/").status_code, 302)
        self.assertEqual(writer_session.get("/admin/")["Location"].split("?")[0], "/admin/login/")

        # The account is kept, the page stays live, and every record still names its author.
        self.assertEqual(User.objects.count(), users_before)
        page = NewsPage.objects.get(pk=self.page.pk)
        self.assertTrue(page.live)
        self.assertEqual(page.owner_id, self.penulis.pk)
        self.assertEqual(list(page.revisions.values_list("pk", "user_id")), revisions_before)
        history_after = list(PageLogEntry.objects.filter(page=page).values_list("action", "user_id"))
        self.assertEqual(history_after, history_before)
        self.assertEqual(
            set(
                TaskState.objects.filter(workflow_state__object_id=str(page.pk)).values_list(
                    "finished_by", flat=True
                )
            ),
            {self.editor.pk, self.redaktur.pk, self.webadmin.pk},
        )
        # The page's history in the admin still shows the writer.
        history = admin.get(f"/admin/pages/{page.pk}/history/")
        self.assertContains(history, self.penulis.get_full_name() or self.penulis.username)
        public = self.client.get(page.get_url_parts()[2], headers={"host": DINKES_HOST})
        self.assertContains(public, "Posyandu Lansia Dibuka")

    def test_deactivated_reviewer_gets_no_more_sop_mail(self):
        member(self.dinkes, Role.EDITOR, username="editor2.dinkes")
        self.dinkes_admin().post(self.url(f"{self.editor.pk}/nonaktifkan/"))
        mail.outbox.clear()
        create_page(
            login(self.penulis, host=DINKES_HOST),
            self.page.get_parent(),
            NewsPage,
            {"title": "Berita kedua", "slug": "berita-kedua", "lead": "x"},
        )
        self.assertEqual({a for m in mail.outbox for a in m.to}, {"editor2.dinkes@ketapangkab.go.id"})
        self.assertEqual(self.roles_of(User.objects.get(pk=self.editor.pk), self.dinkes), {Role.EDITOR})
