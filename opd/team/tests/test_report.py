"""The "Perubahan tim" report lists an OPD's team changes to its own Web Administrator only."""

import csv
import io
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from opd.roles import Role
from tests.admin import is_refused, login

from .base import DISKOMINFO_HOST, TeamTestCase

REPORT = "/admin/reports/perubahan-tim/"


class TeamChangesReportTests(TeamTestCase):
    def setUp(self):
        # Changes in both OPDs, by their own administrators.
        self.dinkes_admin().post(self.url(f"{self.penulis.pk}/nonaktifkan/"))
        self.dinkes_admin().post(
            self.url(f"{self.redaktur.pk}/"),
            {
                "first_name": "Kabid",
                "last_name": "Humas",
                "email": self.redaktur.email,
                "groups": [self.dinkes.group_for(Role.WEBADMIN).pk],
            },
        )
        diskominfo = login(self.foreign_webadmin, host=DISKOMINFO_HOST)
        diskominfo.post(self.url(f"{self.foreign_penulis.pk}/nonaktifkan/", opd=self.diskominfo))

    def test_web_administrator_sees_their_opds_changes_with_who_did_them(self):
        response = self.dinkes_admin().get(REPORT)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Perubahan tim")
        self.assertContains(response, "Akun dinonaktifkan")
        self.assertContains(response, "penulis.dinkes")
        self.assertContains(response, "Peran ditambahkan: Web Administrator")
        self.assertContains(response, "Peran dicabut: Redaktur")
        self.assertContains(response, "nama depan «Redaktur» → «Kabid»")
        self.assertContains(response, "Webadmin")  # who did it
        self.assertNotContains(response, "penulis.diskominfo")

    def test_other_opds_administrator_sees_only_their_own(self):
        response = login(self.foreign_webadmin, host=DISKOMINFO_HOST).get(REPORT)
        self.assertContains(response, "penulis.diskominfo")
        self.assertNotContains(response, "penulis.dinkes")
        self.assertNotContains(response, "Dinas Kesehatan")

    def test_filter_by_change_and_csv_export(self):
        client = self.dinkes_admin()
        response = client.get(REPORT, {"action": "team.deactivated"})
        self.assertContains(response, "penulis.dinkes")
        self.assertNotContains(response, "redaktur.dinkes")

        export = client.get(REPORT, {"export": "csv"})
        self.assertEqual(export.status_code, 200)
        rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
        self.assertEqual(rows[0], ["Waktu", "OPD", "Anggota tim", "Perubahan", "Oleh"])
        self.assertTrue(all(row[1] == "Dinas Kesehatan" for row in rows[1:]))
        self.assertIn("Akun dinonaktifkan", [row[3] for row in rows])
        xlsx = client.get(REPORT, {"export": "xlsx"})
        self.assertEqual(xlsx.status_code, 200)

    def test_other_roles_cannot_open_the_report(self):
        for person in (self.penulis, self.editor):
            person.is_active = True
            person.save()
            with self.subTest(person=person.username):
                self.assertTrue(is_refused(login(person).get(REPORT)))
        self.assertEqual(Client().get(REPORT).status_code, 302)

    def test_role_changes_made_by_the_web_developer_in_wagtails_user_admin_are_listed_too(self):
        developer = Client(headers={"host": "ketapangkab.localhost"})
        developer.force_login(self.developer)
        url = f"/admin/users/edit/{self.editor.pk}/"
        data = querydict_from_html(developer.get(url).content.decode(), form_id="w-editor-form")
        data.setlist("groups", [str(self.dinkes.group_for(Role.PENULIS).pk)])
        data["last_name"] = "Dinkes"  # Wagtail's form requires one
        response = developer.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        report = self.dinkes_admin().get(REPORT, {"action": "team.role_removed"})
        self.assertContains(report, "Peran dicabut: Editor")
        self.assertContains(report, "Developer")  # who did it
        entry = ModelLogEntry.objects.get(action="team.role_removed", object_id=str(self.editor.pk))
        self.assertEqual(
            (entry.user, entry.data["role"], entry.data["opd"]), (self.developer, "editor", self.dinkes.pk)
        )

    def test_plt_plh_delegations_are_part_of_the_teams_history(self):
        now = timezone.localtime()
        response = self.dinkes_admin().post(
            "/admin/opd/pelimpahan/",
            {
                "group": self.dinkes.group_for(Role.EDITOR).pk,
                "delegate": self.shared.pk,
                "starts_at": now.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
                "reason": "Editor dinas luar",
            },
        )
        self.assertEqual(response.status_code, 302)
        report = self.dinkes_admin().get(REPORT, {"action": "moderation.delegation_granted"})
        self.assertContains(report, "Peran dilimpahkan (Plt/Plh)")
        self.assertContains(report, "bersama.diskominfo — Dinas Kesehatan — Editor")
        foreign = login(self.foreign_webadmin, host=DISKOMINFO_HOST).get(REPORT)
        self.assertNotContains(foreign, "Dinas Kesehatan — Editor")


class TwoFactorInTeamReportTests(TeamTestCase):
    def test_a_members_2fa_reset_is_in_their_opds_report_only(self):
        from django.core.management import call_command

        call_command("reset_2fa", self.penulis.username, stdout=io.StringIO())
        response = self.dinkes_admin().get(REPORT)
        self.assertContains(response, "Perangkat 2FA dihapus; harus mendaftar ulang")
        filtered = self.dinkes_admin().get(REPORT, {"action": "security.2fa_reset", "opd": self.dinkes.pk})
        self.assertContains(filtered, "Perangkat 2FA dihapus")
        other = login(self.foreign_webadmin, host=DISKOMINFO_HOST).get(REPORT)
        self.assertNotContains(other, "Perangkat 2FA dihapus")
