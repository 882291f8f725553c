"""Everything a Web Administrator may not do is refused (403 or a form error) and changes nothing."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from moderation.models import Delegation
from opd.roles import Role
from tests.admin import is_refused, login

from .base import DISKOMINFO_HOST, TeamTestCase, User


class ForgedRequestTests(TeamTestCase):
    def form_data(self, person, **fields):
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "groups": [g.pk for g in person.groups.filter(opd_role__opd=self.dinkes)],
            **fields,
        }

    def new_person(self, **fields):
        return {
            "first_name": "Andi",
            "email": "andi@ketapangkab.go.id",
            "groups": [self.dinkes.group_for(Role.PENULIS).pk],
            **fields,
        }

    def assert_refused_and_unchanged(self, method, url, data=None, client=None):
        client = client or self.dinkes_admin()
        before = self.snapshot()
        with self.captureOnCommitCallbacks(execute=True):
            response = getattr(client, method)(url, data or {})
        self.assertTrue(is_refused(response), (url, response.status_code))
        self.assert_unchanged(before)

    def assert_form_error_and_unchanged(self, url, data, message):
        before = self.snapshot()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.dinkes_admin().post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assert_unchanged(before)

    def test_group_of_another_opd_is_refused_on_create_and_edit(self):
        foreign = self.diskominfo.group_for(Role.WEBADMIN).pk
        self.assert_form_error_and_unchanged(
            self.url("tambah/"), self.new_person(groups=[foreign]), "Hanya peran OPD ini yang dapat dipilih"
        )
        self.assert_form_error_and_unchanged(
            self.url(f"{self.penulis.pk}/"),
            self.form_data(self.penulis, groups=[self.dinkes.group_for(Role.PENULIS).pk, foreign]),
            "Hanya peran OPD ini yang dapat dipilih",
        )

    def test_superuser_staff_and_permission_fields_are_refused(self):
        for field in ("is_superuser", "is_staff", "user_permissions", "is_active", "password"):
            with self.subTest(field=field):
                self.assert_refused_and_unchanged(
                    "post", self.url("tambah/"), self.new_person(**{field: "on"})
                )
                self.assert_refused_and_unchanged(
                    "post", self.url(f"{self.penulis.pk}/"), self.form_data(self.penulis, **{field: "on"})
                )
        self.assertFalse(User.objects.filter(is_superuser=True).exclude(pk=self.developer.pk).exists())
        self.assertFalse(User.objects.filter(is_staff=True).exists())

    def test_username_cannot_be_changed_by_a_forged_edit(self):
        self.assert_refused_and_unchanged(
            "post", self.url(f"{self.penulis.pk}/"), self.form_data(self.penulis, username="pengganti")
        )

    def test_user_of_another_opd_cannot_be_reached_by_id(self):
        victim = self.foreign_penulis
        for method, suffix, data in (
            ("get", f"{victim.pk}/", None),
            ("post", f"{victim.pk}/", self.form_data(victim, first_name="Diubah")),
            ("get", f"{victim.pk}/nonaktifkan/", None),
            ("post", f"{victim.pk}/nonaktifkan/", None),
            ("post", f"{victim.pk}/aktifkan/", None),
            ("post", f"{victim.pk}/kirim-tautan/", None),
            ("get", "999999/", None),
        ):
            with self.subTest(method=method, suffix=suffix):
                self.assert_refused_and_unchanged(method, self.url(suffix), data)

    def test_another_opds_team_cannot_be_opened_through_its_url(self):
        for suffix in ("", "tambah/", f"{self.foreign_penulis.pk}/"):
            with self.subTest(suffix=suffix):
                self.assert_refused_and_unchanged("get", self.url(suffix, opd=self.diskominfo))
        self.assert_refused_and_unchanged(
            "post",
            self.url("tambah/", opd=self.diskominfo),
            {
                "first_name": "X",
                "email": "x@ketapangkab.go.id",
                "groups": [self.diskominfo.group_for(Role.WEBADMIN).pk],
            },
        )

    def test_web_developer_cannot_be_edited_even_when_in_the_opds_groups(self):
        self.developer.groups.add(self.dinkes.group_for(Role.EDITOR))
        data = self.form_data(self.developer, email="attacker@example.com")
        for method, suffix in (
            ("get", f"{self.developer.pk}/"),
            ("post", f"{self.developer.pk}/"),
            ("post", f"{self.developer.pk}/nonaktifkan/"),
            ("post", f"{self.developer.pk}/kirim-tautan/"),
        ):
            with self.subTest(method=method, suffix=suffix):
                self.assert_refused_and_unchanged(method, self.url(suffix), data)

    def test_account_with_rights_beyond_the_opd_is_left_to_the_web_developer(self):
        self.editor.is_staff = True
        self.editor.save()
        self.assert_refused_and_unchanged(
            "post", self.url(f"{self.editor.pk}/"), self.form_data(self.editor, email="attacker@example.com")
        )

    def test_web_administrator_cannot_change_their_own_account(self):
        all_roles = [self.dinkes.group_for(role).pk for role in Role]
        for method, suffix, data in (
            ("get", f"{self.webadmin.pk}/", None),
            ("post", f"{self.webadmin.pk}/", self.form_data(self.webadmin, groups=all_roles)),
            (
                "post",
                f"{self.webadmin.pk}/",
                self.form_data(self.webadmin, groups=[self.dinkes.group_for(Role.EDITOR).pk]),
            ),
            ("post", f"{self.webadmin.pk}/nonaktifkan/", None),
            ("post", f"{self.webadmin.pk}/kirim-tautan/", None),
        ):
            with self.subTest(method=method, suffix=suffix):
                self.assert_refused_and_unchanged(method, self.url(suffix), data)
        self.assertEqual(self.roles_of(self.webadmin, self.dinkes), {Role.WEBADMIN})

    def test_other_roles_and_other_opds_administrators_are_refused(self):
        foreign_admin = login(self.foreign_webadmin, host=DISKOMINFO_HOST)
        for client in (login(self.editor), login(self.penulis), login(self.redaktur), foreign_admin):
            with self.subTest(client=client):
                self.assert_refused_and_unchanged("get", self.url(), client=client)
                self.assert_refused_and_unchanged(
                    "post", self.url(f"{self.penulis.pk}/nonaktifkan/"), client=client
                )
                self.assert_refused_and_unchanged(
                    "post", self.url("tambah/"), self.new_person(), client=client
                )

    def test_web_administrator_has_no_wagtail_user_management(self):
        client = self.dinkes_admin()
        for url in (
            "/admin/users/",
            f"/admin/users/edit/{self.foreign_penulis.pk}/",
            "/admin/users/new/",
            "/admin/groups/",
        ):
            with self.subTest(url=url):
                self.assert_refused_and_unchanged("get", url, client=client)
        self.assert_refused_and_unchanged(
            "post",
            f"/admin/users/edit/{self.webadmin.pk}/",
            {"username": "webadmin.dinkes", "email": "w@x.id", "is_superuser": "on"},
            client=client,
        )
        self.assertFalse(self.webadmin.has_perm("auth.change_user"))

    def test_web_administrator_cannot_delegate_a_role_to_themselves(self):
        now = timezone.localtime()
        response = self.dinkes_admin().post(
            "/admin/opd/pelimpahan/",
            {
                "group": self.dinkes.group_for(Role.EDITOR).pk,
                "delegate": self.webadmin.pk,
                "starts_at": now.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
                "reason": "Editor cuti",
            },
        )
        self.assertContains(response, "kepada diri sendiri")
        self.assertFalse(Delegation.objects.exists())


class SharedColleagueTests(TeamTestCase):
    """bersama.diskominfo is Editor at Diskominfo and Penulis at Dinas Kesehatan."""

    def test_each_opd_changes_only_its_own_roles(self):
        data = {
            "first_name": "Nama Baru",
            "last_name": "",
            "email": "attacker@example.com",
            "groups": [self.dinkes.group_for(Role.PENULIS).pk, self.dinkes.group_for(Role.EDITOR).pk],
        }
        response = self.dinkes_admin().post(self.url(f"{self.shared.pk}/"), data)
        self.assertEqual(response.status_code, 302)
        shared = User.objects.get(pk=self.shared.pk)
        self.assertEqual(self.roles_of(shared, self.dinkes), {Role.PENULIS, Role.EDITOR})
        self.assertEqual(self.roles_of(shared, self.diskominfo), {Role.EDITOR})
        # Name and e-mail belong to both OPDs: Dinas Kesehatan alone cannot change them.
        self.assertEqual(
            (shared.first_name, shared.email), ("Bersama", "bersama.diskominfo@ketapangkab.go.id")
        )

        # Diskominfo removes its role; the Dinas Kesehatan roles stay.
        diskominfo = login(self.foreign_webadmin, host=DISKOMINFO_HOST)
        data = {"first_name": "x", "email": "x@example.com", "groups": []}
        self.assertEqual(
            diskominfo.post(self.url(f"{self.shared.pk}/", opd=self.diskominfo), data).status_code, 302
        )
        self.assertEqual(self.roles_of(shared, self.diskominfo), set())
        self.assertEqual(self.roles_of(shared, self.dinkes), {Role.PENULIS, Role.EDITOR})
        self.assertEqual(User.objects.get(pk=self.shared.pk).email, "bersama.diskominfo@ketapangkab.go.id")
        # No longer in Diskominfo's team, so Diskominfo cannot reach them any more.
        self.assertTrue(is_refused(diskominfo.get(self.url(f"{self.shared.pk}/", opd=self.diskominfo))))

    def test_shared_colleague_cannot_be_deactivated_by_one_opd(self):
        before = self.snapshot()
        for suffix in ("nonaktifkan/",):
            response = self.dinkes_admin().post(self.url(f"{self.shared.pk}/{suffix}"))
            self.assertTrue(is_refused(response))
        self.assert_unchanged(before)
        self.assertTrue(User.objects.get(pk=self.shared.pk).is_active)

    def test_shared_colleague_may_receive_a_password_link_at_their_own_address(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.dinkes_admin().post(self.url(f"{self.shared.pk}/kirim-tautan/"))
        self.assertEqual([m.to for m in mail.outbox], [["bersama.diskominfo@ketapangkab.go.id"]])

    def test_administrator_of_both_opds_may_change_the_shared_account(self):
        self.webadmin.groups.add(self.diskominfo.group_for(Role.WEBADMIN))
        client = self.dinkes_admin()
        self.assertContains(client.get("/admin/opd/tim/"), "Dinas Komunikasi dan Informatika")
        data = {
            "first_name": "Bersama",
            "last_name": "Baru",
            "email": "bersama.baru@ketapangkab.go.id",
            "groups": [self.dinkes.group_for(Role.PENULIS).pk],
        }
        self.assertEqual(client.post(self.url(f"{self.shared.pk}/"), data).status_code, 302)
        self.assertEqual(User.objects.get(pk=self.shared.pk).email, "bersama.baru@ketapangkab.go.id")
        # Written into both OPDs' reports.
        entries = ModelLogEntry.objects.filter(object_id=str(self.shared.pk), action="team.account_changed")
        self.assertEqual(
            sorted(entries.values_list("data__opd", flat=True)), sorted([self.dinkes.pk, self.diskominfo.pk])
        )
