"""webadmin.dinkes runs Dinas Kesehatan's team over HTTP: list, search, create, edit, deactivate."""

from datetime import timedelta

import time_machine
from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from opd.roles import Role

from .base import DINKES_HOST, TeamTestCase, User

NEW_PASSWORD = "Sungai-Pawan-2026!"


class TeamListingTests(TeamTestCase):
    def test_menu_leads_a_web_administrator_to_their_own_opds_team(self):
        client = self.dinkes_admin()
        self.assertContains(client.get("/admin/"), "/admin/opd/tim/")
        response = client.get("/admin/opd/tim/")
        self.assertRedirects(response, self.url(), fetch_redirect_response=False)

    def test_listing_shows_own_team_only_never_another_opd_or_the_web_developer(self):
        self.developer.groups.add(self.dinkes.group_for(Role.EDITOR))
        response = self.dinkes_admin().get(self.url())
        self.assertEqual(response.status_code, 200)
        for person in (self.webadmin, self.penulis, self.editor, self.redaktur, self.shared):
            self.assertContains(response, person.username)
        self.assertNotContains(response, self.foreign_penulis.username)
        self.assertNotContains(response, self.foreign_webadmin.username)
        self.assertNotContains(response, "developer")

    def test_search_finds_by_name_username_or_email(self):
        client = self.dinkes_admin()
        response = client.get(self.url(), {"q": "editor.dinkes@"})
        self.assertContains(response, "editor.dinkes")
        self.assertNotContains(response, "penulis.dinkes")
        self.assertContains(client.get(self.url(), {"q": "Redaktur"}), "redaktur.dinkes")

    def test_status_filter_lists_deactivated_people(self):
        User.objects.filter(pk=self.penulis.pk).update(is_active=False)
        response = self.dinkes_admin().get(self.url(), {"status": "nonaktif"})
        self.assertContains(response, "penulis.dinkes")
        self.assertNotContains(response, "editor.dinkes")

    def test_other_roles_of_the_opd_have_no_team_admin(self):
        for person in (self.penulis, self.editor, self.redaktur):
            with self.subTest(person=person.username):
                client = self.client.__class__(headers={"host": DINKES_HOST})
                client.force_login(person)
                # The admin's own 403 page (core/errors.py), not a bare refusal.
                self.assertContains(client.get(self.url()), "Akses ditolak", status_code=403)
                self.assertNotContains(client.get("/admin/"), "/admin/opd/tim/")


class CreateAndInviteTests(TeamTestCase):
    def create(self, client=None, **fields):
        data = {
            "first_name": "Siti",
            "last_name": "Aminah",
            "email": "siti.aminah@ketapangkab.go.id",
            "username": "",
            "groups": [self.dinkes.group_for(Role.PENULIS).pk],
            **fields,
        }
        with self.captureOnCommitCallbacks(execute=True):
            return (client or self.dinkes_admin()).post(self.url("tambah/"), data)

    def test_new_person_is_invited_sets_a_password_and_logs_in(self):
        mail.outbox.clear()
        response = self.create()
        self.assertRedirects(response, self.url(), fetch_redirect_response=False)

        person = User.objects.get(email="siti.aminah@ketapangkab.go.id")
        self.assertEqual(person.username, "siti.aminah")
        self.assertEqual(person.get_full_name(), "Siti Aminah")
        self.assertEqual(self.roles_of(person, self.dinkes), {Role.PENULIS})
        self.assertFalse(person.has_usable_password())
        self.assertFalse(person.is_staff or person.is_superuser)

        # The invitation, in Indonesian, with a one-time link.
        self.assertEqual(len(mail.outbox), 1)
        invitation = mail.outbox[0]
        self.assertEqual(invitation.to, ["siti.aminah@ketapangkab.go.id"])
        self.assertIn("Dinas Kesehatan", invitation.subject)
        self.assertIn("Nama pengguna Anda: siti.aminah", invitation.body)
        self.assertIn("Penulis Artikel / Tim Peliput", invitation.body)
        self.assertIn("hanya dapat dipakai sekali", invitation.body)
        link = self.link_in(invitation)

        # The person follows the link; a weak password is refused by Django's validators.
        browser = self.anonymous()
        response = browser.get(link)
        self.assertEqual(response.status_code, 302)
        form_url = response["Location"]
        self.assertContains(browser.get(form_url), "Nama pengguna Anda")
        response = browser.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "error")
        response = browser.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        self.assertRedirects(response, "/akun/kata-sandi/selesai/", fetch_redirect_response=False)
        self.assertContains(browser.get("/akun/kata-sandi/selesai/"), "Kata sandi tersimpan")

        # Setting the password does not log in (a second factor, if required, still applies).
        self.assertEqual(browser.get("/admin/").status_code, 302)
        client, response = self.log_in_over_http("siti.aminah", NEW_PASSWORD)
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(client.get("/admin/").status_code, 200)

        # The link works once.
        self.assertContains(self.anonymous().get(link), "Tautan tidak berlaku")

        actions = list(
            ModelLogEntry.objects.filter(object_id=str(person.pk))
            .order_by("pk")
            .values_list("action", "user")
        )
        self.assertEqual(
            actions,
            [
                ("team.invited", self.webadmin.pk),
                ("team.role_added", self.webadmin.pk),
                ("team.password_set", person.pk),
            ],
        )

    def test_invitation_link_expires(self):
        self.create()
        link = self.link_in(mail.outbox[-1])
        lifetime = timedelta(seconds=settings.PORTAL_INVITATION_TIMEOUT)
        with time_machine.travel(timezone.now() + lifetime - timedelta(days=1), tick=False):
            self.assertEqual(self.anonymous().get(link).status_code, 302)  # still valid: on to the form
        with time_machine.travel(timezone.now() + lifetime + timedelta(days=1), tick=False):
            self.assertContains(self.anonymous().get(link), "Tautan tidak berlaku")

    def test_username_can_be_chosen_and_must_be_free(self):
        response = self.create(username="penulis.dinkes")
        self.assertContains(response, "Nama pengguna ini sudah dipakai")
        self.create(username="siti")
        self.assertTrue(User.objects.filter(username="siti", email="siti.aminah@ketapangkab.go.id").exists())

    def test_a_person_needs_at_least_one_role(self):
        before = User.objects.count()
        response = self.create(groups=[])
        self.assertContains(response, "Pilih minimal satu peran")
        self.assertEqual(User.objects.count(), before)

    def test_an_account_of_another_opd_joins_the_team_unchanged(self):
        mail.outbox.clear()
        before = User.objects.count()
        response = self.create(email="PENULIS.diskominfo@ketapangkab.go.id", first_name="Nama Lain")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(User.objects.count(), before)
        person = User.objects.get(pk=self.foreign_penulis.pk)
        self.assertEqual(person.first_name, "Penulis")
        self.assertEqual(self.roles_of(person, self.dinkes), {Role.PENULIS})
        self.assertEqual(self.roles_of(person, self.diskominfo), {Role.PENULIS})
        self.assertEqual([m.to for m in mail.outbox], [["penulis.diskominfo@ketapangkab.go.id"]])
        self.assertIn("Dinas Kesehatan", mail.outbox[0].body)
        # Now shared: Dinas Kesehatan manages its roles, not the account.
        page = self.dinkes_admin().get(self.url(f"{person.pk}/"))
        self.assertContains(page, "juga anggota OPD lain")

    def test_existing_member_or_a_web_developer_account_cannot_be_added_again(self):
        before = self.snapshot()
        self.assertContains(self.create(email="editor.dinkes@ketapangkab.go.id"), "sudah ada di tim")
        self.assertContains(self.create(email="developer@ketapangkab.go.id"), "hubungi Web Developer")
        self.assert_unchanged(before)


class EditDeactivateTests(TeamTestCase):
    def edit(self, person, client=None, **fields):
        data = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "groups": [g.pk for g in person.groups.filter(opd_role__opd=self.dinkes)],
            **fields,
        }
        return (client or self.dinkes_admin()).post(self.url(f"{person.pk}/"), data)

    def test_webadmin_changes_name_email_and_roles_and_it_is_logged(self):
        response = self.edit(
            self.penulis,
            first_name="Rahmat",
            last_name="Hidayat",
            email="rahmat@ketapangkab.go.id",
            groups=[self.dinkes.group_for(Role.EDITOR).pk],
        )
        self.assertRedirects(response, self.url(), fetch_redirect_response=False)
        person = User.objects.get(pk=self.penulis.pk)
        self.assertEqual(
            (person.get_full_name(), person.email), ("Rahmat Hidayat", "rahmat@ketapangkab.go.id")
        )
        self.assertEqual(self.roles_of(person, self.dinkes), {Role.EDITOR})

        entries = ModelLogEntry.objects.filter(object_id=str(person.pk), user=self.webadmin)
        changed = entries.get(action="team.account_changed")
        self.assertEqual(
            changed.data["changes"]["email"], ["penulis.dinkes@ketapangkab.go.id", "rahmat@ketapangkab.go.id"]
        )
        self.assertEqual(changed.data["opd"], self.dinkes.pk)
        self.assertEqual(
            sorted(entries.filter(action__startswith="team.role").values_list("action", "data__role")),
            [("team.role_added", "editor"), ("team.role_removed", "penulis")],
        )

    def test_webadmin_may_hand_the_web_administrator_role_to_a_colleague(self):
        response = self.edit(self.redaktur, groups=[self.dinkes.group_for(Role.WEBADMIN).pk])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.roles_of(self.redaktur, self.dinkes), {Role.WEBADMIN})

    def test_email_of_another_account_is_refused(self):
        before = self.snapshot()
        response = self.edit(self.penulis, email="editor.dinkes@ketapangkab.go.id")
        self.assertContains(response, "sudah dipakai akun lain")
        self.assert_unchanged(before)

    def test_one_person_holds_one_reviewing_role_per_opd(self):
        before = self.snapshot()
        groups = [self.dinkes.group_for(Role.EDITOR).pk, self.dinkes.group_for(Role.REDAKTUR).pk]
        response = self.edit(self.editor, groups=groups)
        self.assertContains(response, "hanya boleh memegang satu peran peninjau")
        self.assert_unchanged(before)
        # Writing and one reviewing role together are fine.
        groups = [self.dinkes.group_for(Role.EDITOR).pk, self.dinkes.group_for(Role.PENULIS).pk]
        self.assertEqual(self.edit(self.editor, groups=groups).status_code, 302)

    def test_removing_every_role_is_refused_deactivation_is_the_way_out(self):
        before = self.snapshot()
        response = self.edit(self.penulis, groups=[])
        self.assertContains(response, "nonaktifkan akunnya")
        self.assert_unchanged(before)

    def test_deactivate_then_reactivate(self):
        client = self.dinkes_admin()
        confirm = client.get(self.url(f"{self.penulis.pk}/nonaktifkan/"))
        self.assertContains(confirm, "tetap tercatat atas namanya")
        self.assertTrue(User.objects.get(pk=self.penulis.pk).is_active)  # GET changes nothing

        response = client.post(self.url(f"{self.penulis.pk}/nonaktifkan/"))
        self.assertEqual(response.status_code, 302)
        person = User.objects.get(pk=self.penulis.pk)
        self.assertFalse(person.is_active)
        self.assertEqual(self.roles_of(person, self.dinkes), {Role.PENULIS})  # still listed, still attributed
        self.assertContains(client.get(self.url()), "Nonaktif")
        _client, login = self.log_in_over_http("penulis.dinkes", "kata-sandi-uji-123")
        self.assertEqual(login.status_code, 200)

        client.post(self.url(f"{self.penulis.pk}/aktifkan/"))
        self.assertTrue(User.objects.get(pk=self.penulis.pk).is_active)
        self.assertEqual(
            list(
                ModelLogEntry.objects.filter(
                    object_id=str(self.penulis.pk), action__in=["team.deactivated", "team.reactivated"]
                )
                .order_by("pk")
                .values_list("action", "user")
            ),
            [("team.deactivated", self.webadmin.pk), ("team.reactivated", self.webadmin.pk)],
        )

    def test_password_link_lets_a_person_set_a_new_password(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.dinkes_admin().post(self.url(f"{self.editor.pk}/kirim-tautan/"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual([m.to for m in mail.outbox], [["editor.dinkes@ketapangkab.go.id"]])
        browser = self.anonymous()
        form_url = browser.get(self.link_in(mail.outbox[0]))["Location"]
        browser.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        _client, response = self.log_in_over_http("editor.dinkes", NEW_PASSWORD)
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_a_person_who_never_set_a_password_gets_the_invitation_again(self):
        User.objects.filter(pk=self.redaktur.pk).update(password="!unusable")
        with self.captureOnCommitCallbacks(execute=True):
            self.dinkes_admin().post(self.url(f"{self.redaktur.pk}/kirim-tautan/"))
        self.assertIn("/akun/undangan/", mail.outbox[-1].body)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                object_id=str(self.redaktur.pk), action="team.invitation_resent"
            ).exists()
        )

    def test_deactivation_voids_a_link_already_sent(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.dinkes_admin().post(self.url(f"{self.editor.pk}/kirim-tautan/"))
        link = self.link_in(mail.outbox[-1])
        self.dinkes_admin().post(self.url(f"{self.editor.pk}/nonaktifkan/"))
        self.assertContains(self.anonymous().get(link), "Tautan tidak berlaku")
