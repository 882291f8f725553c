"""Informasi serta-merta: publish at once with a written reason; skipped steps review afterwards."""

from django.core import mail
from django.test import TestCase
from wagtail.models import PageLogEntry

from moderation.models import FastTrack, FastTrackReview
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, is_refused, login
from tests.test_sop_workflow import add_news_index

REASON = "Banjir di Kecamatan Delta Pawan: jalur evakuasi harus segera diumumkan."


class FastTrackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.foreign_redaktur = member(cls.diskominfo, Role.REDAKTUR)
        cls.index = add_news_index(cls.dinkes)

    def setUp(self):
        create_page(
            self.client_for(Role.PENULIS),
            self.index,
            NewsPage,
            {"title": "Jalur Evakuasi Banjir", "slug": "evakuasi", "lead": "Jalur evakuasi warga."},
        )
        self.page = NewsPage.objects.get(slug="evakuasi")
        self.url = f"/admin/serta-merta/{self.page.pk}/"

    def client_for(self, role):
        return login(self.people[role], host="dinkes.ketapangkab.localhost")

    def test_only_redaktur_and_web_administrator_are_offered_the_fast_track(self):
        for role in Role:
            with self.subTest(role=role):
                response = self.client_for(role).get(f"/admin/pages/{self.page.pk}/edit/")
                offered = self.url in response.content.decode()
                self.assertEqual(offered, role in (Role.REDAKTUR, Role.WEBADMIN))

    def test_fast_track_without_a_reason_is_refused_with_a_message(self):
        response = self.client_for(Role.REDAKTUR).post(self.url, {"reason": "  darurat "})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tuliskan alasan penerbitan serta-merta")
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        self.assertFalse(FastTrack.objects.exists())
        self.assertEqual(self.page.current_workflow_state.status, "in_progress")

    def test_fast_track_with_a_reason_publishes_logs_and_asks_skipped_steps_to_review(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client_for(Role.REDAKTUR).post(self.url, {"reason": REASON})
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertIsNone(self.page.current_workflow_state)

        entry = PageLogEntry.objects.get(page=self.page, action="moderation.serta_merta")
        self.assertEqual(entry.user, self.people[Role.REDAKTUR])
        self.assertEqual(entry.data["reason"], REASON)
        reviews = FastTrackReview.objects.filter(fast_track__page=self.page)
        self.assertEqual(sorted(r.task.specific.step for r in reviews), ["koreksi", "publikasi"])
        self.assertEqual(
            sorted(address for message in mail.outbox for address in message.to),
            ["editor.dinkes@ketapangkab.go.id", "webadmin.dinkes@ketapangkab.go.id"],
        )
        public = self.client.get(
            self.page.get_url_parts()[2], headers={"host": "dinkes.ketapangkab.localhost"}
        )
        self.assertContains(public, "Jalur Evakuasi Banjir")

        # The page's history shows the fast-track for everyone who reads it.
        history = self.client_for(Role.EDITOR).get(f"/admin/pages/{self.page.pk}/history/")
        self.assertContains(history, "serta-merta")

        # The Editor reviews after the fact; the review leaves the list and is logged.
        editor = self.client_for(Role.EDITOR)
        listing = editor.get("/admin/serta-merta/")
        self.assertContains(listing, "Jalur Evakuasi Banjir")
        self.assertContains(listing, REASON)
        review = reviews.get(task__step="koreksi")
        response = editor.post("/admin/serta-merta/", {"review": review.pk, "note": "Sudah sesuai."})
        self.assertEqual(response.status_code, 302)
        review.refresh_from_db()
        self.assertEqual(review.reviewed_by, self.people[Role.EDITOR])
        self.assertNotContains(editor.get("/admin/serta-merta/"), "Jalur Evakuasi Banjir")
        self.assertTrue(
            PageLogEntry.objects.filter(page=self.page, action="moderation.serta_merta_reviewed").exists()
        )
        # The Editor cannot record the Web Administrator's review.
        other = reviews.get(task__step="publikasi")
        self.assertEqual(editor.post("/admin/serta-merta/", {"review": other.pk}).status_code, 404)

    def test_penulis_editor_and_other_opds_cannot_fast_track(self):
        for client in (
            self.client_for(Role.PENULIS),
            self.client_for(Role.EDITOR),
            login(self.foreign_redaktur, host="diskominfo.ketapangkab.localhost"),
        ):
            response = client.post(self.url, {"reason": REASON})
            self.assertTrue(is_refused(response), response)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        self.assertFalse(FastTrack.objects.exists())
