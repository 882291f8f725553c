"""The SOP end to end: Penulis → Editor → Redaktur → Web Administrator → live, over HTTP."""

from django.core import mail
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState, WorkflowState

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, edit_page, jpeg_bytes, login, workflow_action


def add_news_index(opd):
    home = opd.site.root_page
    index = NewsIndexPage(title="Berita", slug="berita")
    home.add_child(instance=index)
    index.save_revision().publish(skip_permission_checks=True)
    return index


class SOPFullPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.other_editor = member(cls.portal, Role.EDITOR)
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host="dinkes.ketapangkab.localhost")

    def test_news_page_travels_the_whole_sop_and_goes_live_on_its_own_host_only(self):
        penulis = self.client_for(Role.PENULIS)

        # SOP 3-4: the coverage photo goes into the OPD's collection.
        response = penulis.post(
            "/admin/images/add/",
            {
                "title": "Imunisasi di Puskesmas",
                "file": jpeg_bytes(),
                "description": "Petugas menyuntikkan vaksin kepada balita",
                "caption": "Imunisasi MR di Puskesmas Sukabangun",
                "credit": "Tim Peliput Dinkes",
                "collection": self.dinkes.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        image = get_image_model().objects.get(title="Imunisasi di Puskesmas")
        self.assertEqual(image.collection, self.dinkes.collection)

        # SOP 5: the Penulis drafts the release and submits it.
        mail.outbox.clear()
        response = create_page(
            penulis,
            self.index,
            NewsPage,
            {
                "title": "Imunisasi MR Capai 92 Persen",
                "slug": "imunisasi-mr",
                "lead": "Capaian imunisasi melampaui target provinsi.",
                "featured_image": image.pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:3000])
        page = NewsPage.objects.get(slug="imunisasi-mr")
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi")
        # Only this OPD's Editor group hears of it: no other OPD, no superuser.
        self.assertEqual(
            {address for m in mail.outbox for address in m.to}, {"editor.dinkes@ketapangkab.go.id"}
        )

        # SOP 6: the Editor sends it back with a comment.
        editor = self.client_for(Role.EDITOR)
        mail.outbox.clear()
        response = workflow_action(editor, page, "reject", comment="Tambahkan nama puskesmas.")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertEqual([m.to for m in mail.outbox], [["penulis.dinkes@ketapangkab.go.id"]])

        # The Penulis revises and resubmits.
        response = edit_page(
            penulis, page, {"lead": "Capaian imunisasi di Puskesmas Sukabangun melampaui target provinsi."}
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)

        # SOP 6-8: Editor, Redaktur, Web Administrator approve in turn.
        for role, step in (
            (Role.EDITOR, "koreksi"),
            (Role.REDAKTUR, "koreksi_ulang"),
            (Role.WEBADMIN, "publikasi"),
        ):
            page.refresh_from_db()
            self.assertEqual(page.current_workflow_task.specific.step, step)
            self.assertFalse(page.live)
            response = workflow_action(self.client_for(role), page, "approve")
            self.assertEqual(response.status_code, 302)

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIn("Puskesmas Sukabangun", page.lead)
        states = TaskState.objects.filter(workflow_state__object_id=str(page.pk)).order_by("started_at")
        self.assertEqual(
            [(s.task.specific.step, s.status, s.finished_by.username) for s in states],
            [
                ("koreksi", "rejected", "editor.dinkes"),
                ("koreksi", "approved", "editor.dinkes"),
                ("koreksi_ulang", "approved", "redaktur.dinkes"),
                ("publikasi", "approved", "webadmin.dinkes"),
            ],
        )
        self.assertGreaterEqual(page.revisions.count(), 2)
        self.assertEqual(set(page.revisions.values_list("user__username", flat=True)), {"penulis.dinkes"})

        public_url = page.get_url_parts()[2]
        response = self.client.get(public_url, headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertContains(response, "Imunisasi MR Capai 92 Persen")
        self.assertContains(response, "Tim Peliput Dinkes")
        response = self.client.get(public_url, headers={"host": "ketapangkab.localhost"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Page.objects.live().filter(slug="imunisasi-mr").count(), 1)
