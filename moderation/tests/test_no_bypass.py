"""Nobody reaches the public except through the SOP's last step."""

from django.test import TestCase
from wagtail.models import TaskState

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, edit_page, is_refused, login, workflow_action
from tests.test_sop_workflow import add_news_index


class NoBypassTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.foreign_editor = member(cls.diskominfo, Role.EDITOR)
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host="dinkes.ketapangkab.localhost")

    def submitted_page(self, slug="rilis", author=Role.PENULIS):
        response = create_page(
            self.client_for(author),
            self.index,
            NewsPage,
            {"title": f"Rilis {slug}", "slug": slug, "lead": "Teras."},
        )
        self.assertEqual(response.status_code, 302)
        return NewsPage.objects.get(slug=slug)

    def test_publish_button_is_absent_for_every_opd_role(self):
        page = self.submitted_page()
        for role in Role:
            with self.subTest(role=role):
                response = self.client_for(role).get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, 'name="action-publish"')
        response = self.client_for(Role.PENULIS).get(f"/admin/pages/add/news/newspage/{self.index.pk}/")
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, 'name="action-submit"')

    def test_forged_publish_post_by_any_role_leaves_the_page_unpublished(self):
        for role in Role:
            with self.subTest(role=role):
                slug = f"palsu-{role.value}"
                create_page(
                    self.client_for(role),
                    self.index,
                    NewsPage,
                    {"title": "Rilis palsu", "slug": slug, "lead": "x"},
                    action="action-publish",
                )
                page = NewsPage.objects.get(slug=slug)
                self.assertFalse(page.live)
                self.assertIsNone(page.first_published_at)

    def test_approving_a_task_that_is_not_yours_is_refused(self):
        page = self.submitted_page()
        for role in (Role.PENULIS, Role.REDAKTUR, Role.WEBADMIN):
            with self.subTest(role=role):
                response = workflow_action(self.client_for(role), page, "approve")
                self.assertTrue(is_refused(response), response)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi")
        self.assertFalse(TaskState.objects.filter(status="approved").exists())

    def test_acting_on_another_opds_task_is_refused(self):
        page = self.submitted_page()
        outsider = login(self.foreign_editor, host="diskominfo.ketapangkab.localhost")
        for action in ("approve", "reject"):
            response = workflow_action(outsider, page, action, comment="bukan urusan saya")
            self.assertTrue(is_refused(response), response)
        self.assertEqual(page.current_workflow_state.status, "in_progress")
        self.assertEqual(page.current_workflow_task_state.status, "in_progress")
        # Nor can they open its editor.
        response = outsider.get(f"/admin/pages/{page.pk}/edit/")
        self.assertNotEqual(response.status_code, 200)

    def test_editor_cannot_approve_their_own_release(self):
        page = self.submitted_page(slug="rilis-editor", author=Role.EDITOR)
        editor = self.client_for(Role.EDITOR)
        response = editor.get(f"/admin/pages/{page.pk}/edit/")
        self.assertNotContains(response, 'data-workflow-action-name="approve"')
        response = workflow_action(editor, page, "approve")
        self.assertTrue(is_refused(response), response)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi")
        # Another editor of the same OPD can.
        colleague = login(member(self.dinkes, Role.EDITOR, username="editor2.dinkes"))
        self.assertEqual(workflow_action(colleague, page, "approve").status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi_ulang")

    def test_editor_may_correct_the_release_and_approve_it(self):
        page = self.submitted_page(slug="dikoreksi")
        editor = self.client_for(Role.EDITOR)
        response = editor.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, 'data-workflow-action-name="approve"')
        self.assertContains(response, 'data-workflow-action-name="reject"')
        response = edit_page(editor, page, {"lead": "Teras yang sudah dikoreksi."}, action=None)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(workflow_action(editor, page, "approve").status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi_ulang")
        self.assertEqual(page.get_latest_revision_as_object().lead, "Teras yang sudah dikoreksi.")

    def test_penulis_cannot_edit_while_the_page_is_in_review(self):
        page = self.submitted_page(slug="terkunci")
        response = edit_page(self.client_for(Role.PENULIS), page, {"lead": "Diubah diam-diam."}, action=None)
        self.assertNotEqual(response.status_code, 302)
        self.assertEqual(page.get_latest_revision_as_object().lead, "Teras.")

    def test_final_approval_schedules_when_a_go_live_date_is_set(self):
        page = self.submitted_page(slug="terjadwal")
        editor = self.client_for(Role.EDITOR)
        edit_page(editor, page, {"go_live_at": "2099-01-01 08:00"}, action=None)
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            self.assertEqual(workflow_action(self.client_for(role), page, "approve").status_code, 302)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNotNone(page.scheduled_revision)
