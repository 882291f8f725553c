"""The integrity monitor on seeded defacements, and the one-click remedies."""

import io
from datetime import timedelta

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry

from demo.builders import add_through_sop
from moderation.integrity.models import Finding
from news.events.models import EventIndexPage, EventPage
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import create_page, login, workflow_action
from tests.test_sop_workflow import add_news_index

SPAM_BODY = (
    '[{"type": "paragraph", "value": "<p>Info resmi.</p><div style=\\"display:none\\">'
    '<a href=\\"https://slot-gacor-maxwin.example/daftar\\">slot gacor hari ini</a></div>", "id": "x1"}]'
)


class IntegrityMonitorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.foreign_admin = member(cls.diskominfo, Role.WEBADMIN)
        cls.developer = UserFactory(username="developer", is_superuser=True)
        cls.index = add_news_index(cls.dinkes)
        create_page(
            login(cls.people[Role.PENULIS]),
            cls.index,
            NewsPage,
            {"title": "Jadwal Posyandu", "slug": "posyandu", "lead": "Jadwal posyandu bulan ini."},
        )
        cls.page = NewsPage.objects.get(slug="posyandu")
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            workflow_action(login(cls.people[role]), cls.page, "approve")

    def check(self):
        call_command("check_integrity", stdout=io.StringIO())
        return list(Finding.objects.filter(resolved_at__isnull=True).values_list("kind", "detail"))

    def test_clean_sop_content_raises_nothing(self):
        self.assertEqual(self.check(), [])

    def test_live_content_altered_in_the_database_is_detected_reported_and_restored(self):
        NewsPage.objects.filter(pk=self.page.pk).update(lead="Situs ini diretas. Main slot gacor di sini.")
        mail.outbox.clear()
        findings = self.check()
        kinds = {kind for kind, _detail in findings}
        self.assertIn("tampered", kinds)
        self.assertIn(("spam_term", "slot gacor"), findings)
        self.assertEqual(
            sorted(address for message in mail.outbox for address in message.to),
            ["developer@ketapangkab.go.id", "webadmin.dinkes@ketapangkab.go.id"],
        )
        # A second run reports nothing new and mails nobody.
        mail.outbox.clear()
        self.check()
        self.assertEqual(mail.outbox, [])

        # The OPD's Web Administrator sees it and restores the approved revision in one click.
        webadmin = login(self.people[Role.WEBADMIN])
        report = webadmin.get("/admin/laporan/integritas/")
        self.assertContains(report, "Jadwal Posyandu")
        finding = Finding.objects.filter(page=self.page, kind="tampered").get()
        response = webadmin.post("/admin/laporan/integritas/", {"finding": finding.pk, "action": "restore"})
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertEqual(self.page.lead, "Jadwal posyandu bulan ini.")
        self.assertTrue(PageLogEntry.objects.filter(page=self.page, action="integrity.restore").exists())
        self.assertFalse(Finding.objects.filter(page=self.page, resolved_at__isnull=True).exists())
        public = self.client.get(
            self.page.get_url_parts()[2], headers={"host": "dinkes.ketapangkab.localhost"}
        )
        self.assertNotContains(public, "slot gacor")
        self.assertEqual(self.check(), [])

    def test_every_finding_names_the_opd_the_page_and_its_admin_url(self):
        NewsPage.objects.filter(pk=self.page.pk).update(lead="Situs ini diretas.")
        mail.outbox.clear()
        out = io.StringIO()
        call_command("check_integrity", stdout=out)
        # A command has no request: the OPD's host with WAGTAILADMIN_BASE_URL's scheme and port.
        named = f"Dinas Kesehatan — “Jadwal Posyandu” (http://dinkes.ketapangkab.localhost:8000/admin/pages/{self.page.pk}/edit/)"
        self.assertIn(named, out.getvalue())
        self.assertTrue(mail.outbox)
        for message in mail.outbox:
            self.assertIn(named, message.body)
        report = login(self.people[Role.WEBADMIN]).get("/admin/laporan/integritas/")
        self.assertContains(report, "Dinas Kesehatan")
        edit_link = f'href="/admin/pages/{self.page.pk}/edit/">Jadwal Posyandu</a>'
        self.assertContains(report, edit_link, html=False)

    def test_an_agenda_page_published_through_the_sop_is_not_reported_as_tampered(self):
        # Datetimes with microseconds, in the local time zone: a revision keeps them as UTC
        # ISO strings with milliseconds, the live row as datetimes.
        start = timezone.localtime().replace(microsecond=123456) + timedelta(days=3)
        event_index = EventIndexPage(title="Agenda", slug="agenda")
        self.dinkes.site.root_page.add_child(instance=event_index)
        event_index.save_revision(user=self.developer).publish(user=self.developer)
        add_through_sop(
            event_index,
            EventPage(
                title="Posyandu",
                summary="Posyandu balita.",
                start=start,
                end=start + timedelta(hours=2),
                place="Puskesmas",
            ),
            self.people,
        )
        self.assertEqual(self.check(), [])

    def test_hidden_spam_link_in_the_body_is_detected_and_the_page_can_be_taken_down(self):
        NewsPage.objects.filter(pk=self.page.pk).update(body=SPAM_BODY)
        findings = self.check()
        kinds = {kind for kind, _detail in findings}
        self.assertTrue({"tampered", "foreign_link", "hidden_content", "spam_term"} <= kinds, findings)
        self.assertIn(("foreign_link", "slot-gacor-maxwin.example"), findings)
        finding = Finding.objects.filter(page=self.page, kind="foreign_link").get()
        response = login(self.people[Role.WEBADMIN]).post(
            "/admin/laporan/integritas/", {"finding": finding.pk, "action": "unpublish"}
        )
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        self.assertTrue(PageLogEntry.objects.filter(page=self.page, action="integrity.unpublish").exists())

    def test_content_published_around_the_sop_is_detected(self):
        self.page.lead = "Versi yang tidak pernah ditinjau."
        revision = self.page.save_revision(user=self.people[Role.PENULIS])
        revision.publish(user=self.people[Role.PENULIS], skip_permission_checks=True)
        self.assertIn("outside_workflow", {kind for kind, _detail in self.check()})

    def test_spam_document_names_are_detected(self):
        get_document_model().objects.create(
            title="Link Slot Gacor Maxwin",
            file=ContentFile(b"x", name="slot-gacor.pdf"),
            collection=self.dinkes.collection,
        )
        findings = self.check()
        self.assertTrue(
            any(kind == "spam_term" and "Link Slot Gacor Maxwin" in detail for kind, detail in findings)
        )

    def test_another_opd_neither_sees_nor_acts_on_the_finding(self):
        NewsPage.objects.filter(pk=self.page.pk).update(lead="slot gacor")
        self.check()
        outsider = login(self.foreign_admin, host="diskominfo.ketapangkab.localhost")
        self.assertNotContains(outsider.get("/admin/laporan/integritas/"), "Jadwal Posyandu")
        finding = Finding.objects.filter(page=self.page).first()
        response = outsider.post("/admin/laporan/integritas/", {"finding": finding.pk, "action": "unpublish"})
        self.assertEqual(response.status_code, 404)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)

    def test_writer_and_editor_are_warned_when_spam_is_submitted(self):
        penulis = login(self.people[Role.PENULIS])
        response = create_page(
            penulis,
            self.index,
            NewsPage,
            {
                "title": "Promo togel resmi",
                "slug": "promo",
                "lead": "Daftar di https://judi.example sekarang.",
            },
        )
        self.assertContains(penulis.get(response["Location"]), "Peringatan integritas")
        editor_view = login(self.people[Role.EDITOR]).get(
            f"/admin/pages/{NewsPage.objects.get(slug='promo').pk}/edit/"
        )
        self.assertContains(editor_view, "Peringatan integritas")
        self.assertContains(editor_view, "togel")
        self.assertContains(editor_view, "judi.example")
