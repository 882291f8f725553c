"""Plt / Plh: a Web Administrator hands a role to a colleague for a period; it ends by itself."""

import io
from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import ModelLogEntry

from moderation.models import Delegation
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, is_refused, login, workflow_action
from tests.test_sop_workflow import add_news_index


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


class DelegationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.plt = member(cls.dinkes, Role.PENULIS, username="senior.dinkes")
        cls.foreigner = member(cls.diskominfo, Role.PENULIS)
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, user):
        return login(user, host="dinkes.ketapangkab.localhost")

    def delegate_editor_role(self, starts_at, ends_at, delegate=None, group=None):
        return self.client_for(self.people[Role.WEBADMIN]).post(
            "/admin/opd/pelimpahan/",
            {
                "group": (group or self.dinkes.group_for(Role.EDITOR)).pk,
                "delegate": (delegate or self.plt).pk,
                "starts_at": local(starts_at),
                "ends_at": local(ends_at),
                "reason": "Editor cuti tahunan",
            },
        )

    def submitted_page(self, slug):
        create_page(
            self.client_for(self.people[Role.PENULIS]),
            self.index,
            NewsPage,
            {"title": slug, "slug": slug, "lead": "x"},
        )
        return NewsPage.objects.get(slug=slug)

    def test_delegate_acts_for_the_editor_during_the_period_only(self):
        now = timezone.now().replace(second=0, microsecond=0)
        response = self.delegate_editor_role(now - timedelta(hours=1), now + timedelta(days=2))
        self.assertEqual(response.status_code, 302)
        delegation = Delegation.objects.get()
        self.assertEqual(delegation.delegated_by, self.people[Role.WEBADMIN])
        self.assertTrue(
            ModelLogEntry.objects.filter(
                object_id=str(delegation.pk), action="moderation.delegation_granted"
            ).exists()
        )

        page = self.submitted_page("selama-cuti")
        plt = self.client_for(self.plt)
        self.assertContains(plt.get("/admin/"), "selama-cuti")  # "Menunggu tinjauan Anda"
        self.assertEqual(workflow_action(plt, page, "approve").status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.specific.step, "koreksi_ulang")

        later = self.submitted_page("sesudah-cuti")
        with time_machine.travel(now + timedelta(days=3), tick=False):
            self.assertTrue(is_refused(workflow_action(self.client_for(self.plt), later, "approve")))
            later.refresh_from_db()
            self.assertEqual(later.current_workflow_task.specific.step, "koreksi")
            out = io.StringIO()
            call_command("end_delegations", stdout=out)
            call_command("end_delegations", stdout=out)
        self.assertEqual(
            ModelLogEntry.objects.filter(
                object_id=str(delegation.pk), action="moderation.delegation_ended"
            ).count(),
            1,
        )

    def test_delegation_not_yet_started_grants_nothing(self):
        now = timezone.now()
        self.delegate_editor_role(now + timedelta(days=1), now + timedelta(days=2))
        page = self.submitted_page("belum-mulai")
        self.assertTrue(is_refused(workflow_action(self.client_for(self.plt), page, "approve")))

    def test_foreign_role_or_person_and_bad_periods_are_refused_with_field_errors(self):
        now = timezone.now()
        cases = [
            ({"group": self.diskominfo.group_for(Role.EDITOR)}, "group"),
            ({"delegate": self.foreigner}, "pilihan yang valid"),
            ({"delegate": self.people[Role.EDITOR]}, "sudah memegang peran"),
        ]
        for overrides, message in cases:
            with self.subTest(message=message):
                response = self.delegate_editor_role(now, now + timedelta(days=1), **overrides)
                self.assertEqual(response.status_code, 200)
                self.assertIn("error-message", response.content.decode())
                if message != "group":
                    self.assertContains(response, message)
        response = self.delegate_editor_role(now + timedelta(days=1), now)
        self.assertContains(response, "Waktu berakhir harus sesudah waktu mulai")
        self.assertFalse(Delegation.objects.exists())

    def test_only_the_opds_web_administrator_manages_delegations(self):
        for role in (Role.PENULIS, Role.EDITOR, Role.REDAKTUR):
            with self.subTest(role=role):
                self.assertTrue(is_refused(self.client_for(self.people[role]).get("/admin/opd/pelimpahan/")))
        foreign_admin = login(member(self.diskominfo, Role.WEBADMIN), host="diskominfo.ketapangkab.localhost")
        listing = foreign_admin.get("/admin/opd/pelimpahan/")
        self.assertEqual(listing.status_code, 200)
        self.assertNotContains(listing, "Dinas Kesehatan")
