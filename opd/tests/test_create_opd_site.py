"""create_opd_site: the one command that provisions an OPD."""

import io
import os
import subprocess
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from wagtail.models import Collection, GroupPagePermission, Page, Site, Workflow, WorkflowPage

from moderation.models import SOPStep, SOPStepTask
from opd.models import OPD, SiteBranding
from opd.roles import Role, group_name


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            OPD,
            Site,
            Page,
            Collection,
            Group,
            Workflow,
            SOPStepTask,
            GroupPagePermission,
            get_user_model(),
            get_user_model().groups.through,
        )
    }


class CreateOpdSiteTests(TestCase):
    def create(self, *args):
        out = io.StringIO()
        call_command("create_opd_site", *args, stdout=out)
        return out.getvalue()

    def test_creates_site_home_collection_groups_branding_and_workflow(self):
        output = self.create("dinkes", "--name", "Dinas Kesehatan", "--hostname", "dinkes.ketapangkab.go.id")

        self.assertIn("dibuat", output)
        opd = OPD.objects.get(slug="dinkes")
        self.assertEqual(opd.site.hostname, "dinkes.ketapangkab.go.id")
        self.assertEqual(opd.site.root_page.title, "Dinas Kesehatan")
        self.assertEqual(opd.collection.name, "Dinas Kesehatan")
        self.assertEqual(SiteBranding.for_site(opd.site).official_name, "Dinas Kesehatan")
        self.assertEqual(
            sorted(Group.objects.filter(opd_role__opd=opd).values_list("name", flat=True)),
            sorted(group_name("Dinas Kesehatan", role) for role in Role),
        )
        self.assertTrue(Group.objects.filter(name="Dinas Kesehatan — Penulis Artikel / Tim Peliput").exists())
        # Both language trees belong to the OPD's workflow.
        roots = list(opd.root_pages())
        self.assertEqual({page.locale.language_code for page in roots}, {"id", "en"})
        workflow = WorkflowPage.objects.get(page=opd.site.root_page).workflow
        self.assertEqual(workflow.name, "SOP Pengelolaan Website — Dinas Kesehatan")
        self.assertTrue(all(WorkflowPage.objects.get(page=page).workflow == workflow for page in roots))
        tasks = [task.specific for task in workflow.tasks]
        self.assertEqual(
            [task.step for task in tasks], [SOPStep.KOREKSI, SOPStep.KOREKSI_ULANG, SOPStep.PUBLIKASI]
        )
        self.assertEqual(
            [list(task.groups.all()) for task in tasks],
            [[opd.group_for(Role.EDITOR)], [opd.group_for(Role.REDAKTUR)], [opd.group_for(Role.WEBADMIN)]],
        )
        self.assertTrue(all(task.mutu_baku.total_seconds() == 15 * 60 for task in tasks))

    def test_second_run_changes_nothing_and_says_so(self):
        args = ("dinkes", "--name", "Dinas Kesehatan", "--hostname", "dinkes.ketapangkab.go.id")
        self.create(*args)
        before = row_counts()
        output = self.create(*args)
        self.assertIn("sudah ada; tidak ada yang diubah", output)
        self.assertEqual(row_counts(), before)

    def test_rerun_keeps_the_mutu_baku_an_administrator_changed(self):
        args = ("dinkes", "--name", "Dinas Kesehatan", "--hostname", "dinkes.ketapangkab.go.id")
        self.create(*args)
        task = SOPStepTask.objects.get(step=SOPStep.KOREKSI)
        task.mutu_baku = task.mutu_baku * 2
        task.save()
        self.create(*args)
        task.refresh_from_db()
        self.assertEqual(task.mutu_baku.total_seconds(), 30 * 60)

    def test_two_opds_never_share_groups_or_tasks(self):
        self.create("dinkes", "--name", "Dinas Kesehatan", "--hostname", "dinkes.ketapangkab.go.id")
        self.create("disdik", "--name", "Dinas Pendidikan", "--hostname", "disdik.ketapangkab.go.id")
        dinkes_groups = set(Group.objects.filter(opd_role__opd__slug="dinkes"))
        for task in SOPStepTask.objects.filter(name__endswith="Dinas Pendidikan"):
            self.assertFalse(set(task.groups.all()) & dinkes_groups)
        self.assertEqual(Workflow.objects.count(), 2)
        self.assertEqual(SOPStepTask.objects.count(), 6)

    def assert_refused(self, args, message):
        self.create("dinkes", "--name", "Dinas Kesehatan", "--hostname", "dinkes.ketapangkab.go.id")
        before = row_counts()
        with self.assertRaisesMessage(CommandError, message):
            self.create(*args)
        self.assertEqual(row_counts(), before)

    def test_bad_slug_is_refused_and_nothing_is_created(self):
        self.assert_refused(
            ("Dinas_Sosial!", "--name", "Dinas Sosial", "--hostname", "dinsos.go.id"), "tidak sah"
        )

    def test_hostname_of_another_site_is_refused(self):
        self.assert_refused(
            ("dinsos", "--name", "Dinas Sosial", "--hostname", "dinkes.ketapangkab.go.id"), "sudah dipakai"
        )

    def test_hostname_of_another_site_on_another_port_is_refused(self):
        # A second site on port 80 would capture every request for that host that names no port.
        self.assert_refused(
            ("dinsos", "--name", "Dinas Sosial", "--hostname", "dinkes.ketapangkab.go.id", "--port", "8000"),
            "sudah dipakai",
        )

    def test_malformed_hostnames_are_refused(self):
        for hostname in (
            "https://dinsos.go.id",
            "dinsos go id",
            "dinsos.go.id:8080",
            "dinsos.go.id/x",
            "-a.go.id",
        ):
            with self.subTest(hostname=hostname):
                self.assert_refused(
                    ("dinsos", "--name", "Dinas Sosial", f"--hostname={hostname}"), "tidak sah"
                )

    def test_failure_midway_rolls_everything_back(self):
        # A group name taken by hand makes provisioning fail after validation passed.
        Group.objects.create(name="Dinas Sosial — Editor")
        before = row_counts()
        with self.assertRaisesMessage(CommandError, "Grup untuk OPD"):
            self.create("dinsos", "--name", "Dinas Sosial", "--hostname", "dinsos.ketapangkab.go.id")
        self.assertEqual(row_counts(), before)


class AdminEmailTests(TestCase):
    """--admin-email names the OPD's first Web Administrator, who then builds the team alone."""

    ARGS = ("dinsos", "--name", "Dinas Sosial", "--hostname", "dinsos.ketapangkab.go.id")

    def create(self, *args):
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("create_opd_site", *args, stdout=out)
        return out.getvalue()

    def test_first_web_administrator_is_created_and_invited(self):
        output = self.create(*self.ARGS, "--admin-email", "Kasubag.Umum@Dinsos.Ketapangkab.go.id")
        User = get_user_model()
        admin = User.objects.get(email="Kasubag.Umum@dinsos.ketapangkab.go.id")
        self.assertEqual(admin.username, "kasubag.umum")
        self.assertIn("kasubag.umum", output)
        opd = OPD.objects.get(slug="dinsos")
        self.assertEqual(list(admin.groups.all()), [opd.group_for(Role.WEBADMIN)])
        self.assertFalse(admin.has_usable_password())
        self.assertFalse(admin.is_staff or admin.is_superuser)
        self.assertEqual([m.to for m in mail.outbox], [["Kasubag.Umum@dinsos.ketapangkab.go.id"]])
        self.assertIn("Dinas Sosial", mail.outbox[0].body)
        self.assertIn("/akun/undangan/", mail.outbox[0].body)

    def test_running_again_changes_nothing_and_sends_nothing(self):
        self.create(*self.ARGS, "--admin-email", "admin@dinsos.ketapangkab.go.id")
        before, sent = row_counts(), len(mail.outbox)
        output = self.create(*self.ARGS, "--admin-email", "admin@dinsos.ketapangkab.go.id")
        self.assertIn("tidak ada yang diubah", output)
        self.assertIn("sudah Web Administrator", output)
        self.assertEqual(row_counts(), before)
        self.assertEqual(len(mail.outbox), sent)

    def test_existing_opd_gets_a_web_administrator_later(self):
        self.create(*self.ARGS)
        output = self.create(*self.ARGS, "--admin-email", "admin@dinsos.ketapangkab.go.id")
        self.assertIn("dibuat; undangan dikirim", output)
        admin = get_user_model().objects.get(email="admin@dinsos.ketapangkab.go.id")
        self.assertTrue(
            admin.groups.filter(opd_role__opd__slug="dinsos", opd_role__role=Role.WEBADMIN).exists()
        )

    def test_bad_email_is_refused_in_one_line_and_nothing_is_created(self):
        before = row_counts()
        for email in ("bukan-surel", "a@b", "admin@dinsos go.id", ""):
            with self.subTest(email=email), self.assertRaisesMessage(CommandError, "tidak sah"):
                self.create(*self.ARGS, "--admin-email", email)
        self.assertEqual(row_counts(), before)
        self.assertEqual(mail.outbox, [])

    def test_email_of_a_web_developer_is_refused_and_nothing_is_created(self):
        get_user_model().objects.create_superuser("developer", "dev@ketapangkab.go.id", "x")
        before = row_counts()
        with self.assertRaisesMessage(CommandError, "Web Developer atau nonaktif"):
            self.create(*self.ARGS, "--admin-email", "dev@ketapangkab.go.id")
        self.assertEqual(row_counts(), before)
        self.assertEqual(mail.outbox, [])


class CreateOpdSiteExitCodeTests(TestCase):
    def test_bad_input_exits_non_zero_with_one_readable_line(self):
        result = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "create_opd_site",
                "Bad Slug",
                "--name",
                "X",
                "--hostname",
                "x.go.id",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
            check=False,
        )
        self.assertEqual(result.returncode, 1)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("Kode OPD 'Bad Slug' tidak sah", lines[0])

    def test_help_documents_every_option(self):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "create_opd_site", "--help"],
            capture_output=True,
            text=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
            check=True,
        )
        for option in ("--name", "--hostname", "--port", "--portal", "--admin-email"):
            self.assertIn(option, result.stdout)
