"""Shared set-up for the team admin tests: two OPDs, their people, a shared colleague, the Web Developer."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, TestCase
from wagtail.models import ModelLogEntry

from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import login

User = get_user_model()
DINKES_HOST = "dinkes.ketapangkab.localhost"
DISKOMINFO_HOST = "diskominfo.ketapangkab.localhost"
LINK = re.compile(r"https?://\S+/akun/\S+/")


class TeamTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        cls.penulis = member(cls.dinkes, Role.PENULIS)
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.redaktur = member(cls.dinkes, Role.REDAKTUR)
        cls.foreign_webadmin = member(cls.diskominfo, Role.WEBADMIN)
        cls.foreign_penulis = member(cls.diskominfo, Role.PENULIS)
        # Diskominfo staff who also writes for Dinas Kesehatan: one account, roles in both.
        cls.shared = member(cls.diskominfo, Role.EDITOR, username="bersama.diskominfo")
        cls.shared.groups.add(cls.dinkes.group_for(Role.PENULIS))
        cls.developer = UserFactory(username="developer", is_superuser=True)

    def dinkes_admin(self):
        return login(self.webadmin, host=DINKES_HOST)

    def url(self, suffix="", opd=None):
        return f"/admin/opd/tim/{(opd or self.dinkes).slug}/{suffix}"

    @staticmethod
    def snapshot():
        """Everything a refused request must leave as it was."""
        return {
            "users": list(
                User.objects.order_by("pk").values_list(
                    "pk",
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "is_active",
                    "is_staff",
                    "is_superuser",
                )
            ),
            "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
            "groups": Group.objects.count(),
            "permissions": User.user_permissions.through.objects.count(),
            "log_entries": ModelLogEntry.objects.count(),
            "mails": len(mail.outbox),
        }

    def assert_unchanged(self, before):
        self.assertEqual(self.snapshot(), before)

    @staticmethod
    def link_in(message):
        return LINK.search(message.body).group(0)

    @staticmethod
    def anonymous(host=DINKES_HOST):
        return Client(headers={"host": host})

    def log_in_over_http(self, username, password, host=DINKES_HOST):
        """The Wagtail login form, as a person types into it; returns the client and the response."""
        client = self.anonymous(host)
        response = client.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        return client, response

    def roles_of(self, person, opd):
        return {group.opd_role.role for group in person.groups.filter(opd_role__opd=opd)}
