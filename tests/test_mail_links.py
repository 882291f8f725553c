"""Links in e-mails point at the OPD's own host with the scheme and port the request came in on."""

import re

from django.core import mail
from django.test import TestCase

from moderation.newsroom.models import Assignment
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, login
from tests.test_sop_workflow import add_news_index

# The portal's host on a port other than WAGTAILADMIN_BASE_URL's (8000): a second instance.
PORTAL_ON_8123 = "ketapangkab.localhost:8123"
DINKES_ON_8123 = "http://dinkes.ketapangkab.localhost:8123"
URL = re.compile(r"https?://[^\s\"'<>]+")


def urls_in(message):
    return URL.findall(message.body)


class MailLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host=PORTAL_ON_8123)

    def assert_all_links_on_dinkes_8123(self, message):
        self.assertTrue(urls_in(message), message.body)
        for url in urls_in(message):
            self.assertTrue(url.startswith(f"{DINKES_ON_8123}/"), url)

    def test_workflow_notification_links_to_the_opds_host_on_the_requests_port(self):
        mail.outbox.clear()
        create_page(
            self.client_for(Role.PENULIS),
            self.index,
            NewsPage,
            {"title": "Rilis", "slug": "rilis", "lead": "x"},
        )
        page = NewsPage.objects.get(slug="rilis")
        [notice] = [message for message in mail.outbox if self.people[Role.EDITOR].email in message.to]
        self.assertIn(f"{DINKES_ON_8123}/admin/pages/{page.pk}/edit/", notice.body)
        self.assert_all_links_on_dinkes_8123(notice)

    def test_invitation_links_to_the_opds_host_on_the_requests_port(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client_for(Role.WEBADMIN).post(
                f"/admin/opd/tim/{self.dinkes.slug}/tambah/",
                {
                    "first_name": "Siti",
                    "last_name": "Aminah",
                    "email": "siti.aminah@ketapangkab.go.id",
                    "username": "",
                    "groups": [self.dinkes.group_for(Role.PENULIS).pk],
                },
            )
        self.assertEqual(response.status_code, 302)
        [invitation] = mail.outbox
        self.assertIn(f"{DINKES_ON_8123}/akun/undangan/", invitation.body)
        self.assertIn(f"{DINKES_ON_8123}/admin/login/", invitation.body)
        self.assert_all_links_on_dinkes_8123(invitation)

    def test_coverage_assignment_links_to_the_opds_host_on_the_requests_port(self):
        penulis = self.people[Role.PENULIS]
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client_for(Role.EDITOR).post(
                "/admin/liputan/tambah/",
                {
                    "opd": self.dinkes.pk,
                    "title": "Peresmian Puskesmas",
                    "place": "Puskesmas Sukaharja",
                    "starts_at": "2030-11-25T09:00",
                    "due_at": "2030-11-25T14:00",
                    "planned_publication": "2030-11-26",
                    "brief": "Wawancarai Kepala Dinas.",
                    "assignees": [penulis.pk],
                    "photographer": penulis.pk,
                },
            )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        [notice] = mail.outbox
        self.assertIn(f"{DINKES_ON_8123}/admin/liputan/{Assignment.objects.get().pk}/", notice.body)
        self.assert_all_links_on_dinkes_8123(notice)
