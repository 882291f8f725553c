"""Each SOP transition e-mails the right people of the right OPD, and nobody else."""

from django.core import mail
from django.test import TestCase

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import create_page, edit_page, login, workflow_action
from tests.test_sop_workflow import add_news_index


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


class NotificationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        # People who must never be mailed about Dinas Kesehatan's pages.
        for role in Role:
            member(cls.diskominfo, role)
        UserFactory(username="developer", is_superuser=True)
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host="dinkes.ketapangkab.localhost")

    def test_each_transition_mails_exactly_the_next_people(self):
        mail.outbox.clear()
        create_page(
            self.client_for(Role.PENULIS),
            self.index,
            NewsPage,
            {"title": "Rilis", "slug": "rilis", "lead": "x"},
        )
        page = NewsPage.objects.get(slug="rilis")
        self.assertEqual(recipients(), ["editor.dinkes@ketapangkab.go.id"])

        mail.outbox.clear()
        workflow_action(self.client_for(Role.EDITOR), page, "reject", comment="Lengkapi data liputan.")
        self.assertEqual(recipients(), ["penulis.dinkes@ketapangkab.go.id"])
        self.assertIn("Lengkapi data liputan.", mail.outbox[0].body)

        mail.outbox.clear()
        edit_page(self.client_for(Role.PENULIS), page, {"lead": "y"})
        self.assertEqual(recipients(), ["editor.dinkes@ketapangkab.go.id"])

        mail.outbox.clear()
        workflow_action(self.client_for(Role.EDITOR), page, "approve")
        self.assertEqual(recipients(), ["redaktur.dinkes@ketapangkab.go.id"])

        mail.outbox.clear()
        workflow_action(self.client_for(Role.REDAKTUR), page, "approve")
        self.assertEqual(recipients(), ["webadmin.dinkes@ketapangkab.go.id"])

        mail.outbox.clear()
        workflow_action(self.client_for(Role.WEBADMIN), page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(recipients(), ["penulis.dinkes@ketapangkab.go.id"])
