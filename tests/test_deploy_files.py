"""deploy/: the systemd units and the job runner do what docs/operations.md says."""

import configparser
import os
import subprocess
import sys

from django.core.management import get_commands
from django.test import SimpleTestCase

from tests.integration.services import DEPLOY, REPO

SYSTEMD = DEPLOY / "systemd"


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(SYSTEMD / name)
    return parser


def run_job(*args, settings="portal.settings.test", extra_env=None):
    env = {"PATH": os.environ["PATH"], "PORTAL_PYTHON": sys.executable, "DJANGO_SETTINGS_MODULE": settings}
    return subprocess.run(
        [DEPLOY / "bin" / "run-job", *args], env={**env, **(extra_env or {})}, capture_output=True, text=True
    )


class DeployFilesTests(SimpleTestCase):
    def test_every_timer_starts_a_job_whose_command_exists(self):
        timers = sorted(path.name for path in SYSTEMD.glob("portal-job@*.timer"))
        self.assertEqual(
            timers,
            [
                "portal-job@check_dip.timer",
                "portal-job@check_integrity.timer",
                "portal-job@check_mutu_baku.timer",
                "portal-job@end_delegations.timer",
                "portal-job@prune_db_task_results.timer",
                "portal-job@publish_scheduled.timer",
                "portal-job@purge_ppid_identities.timer",
            ],
        )
        commands = get_commands()
        for timer in timers:
            command = timer.removeprefix("portal-job@").removesuffix(".timer")
            self.assertIn("OnCalendar", unit(timer)["Timer"])
            self.assertIn(command, commands)

    def test_web_and_worker_units_read_the_environment_file_and_restart(self):
        for name in ("portal-web.service", "portal-worker.service"):
            service = unit(name)["Service"]
            self.assertEqual(service["EnvironmentFile"], "/etc/portal/portal.env")
            self.assertIn(service["Restart"], ("always", "on-failure"))
        self.assertIn("deploy/gunicorn.conf.py", unit("portal-web.service")["Service"]["ExecStart"])

    def test_run_job_skips_a_command_this_version_does_not_have(self):
        result = run_job("perintah_yang_belum_ada")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("dilewati", result.stderr)

    def test_run_job_runs_an_existing_command(self):
        result = run_job("check")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_run_job_fails_loudly_when_the_settings_are_broken(self):
        result = run_job("publish_scheduled", settings="portal.settings.production")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)

    def test_gunicorn_config_loads(self):
        namespace = {}
        exec((DEPLOY / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own config file
        self.assertEqual(namespace["wsgi_app"], "portal.wsgi:application")
        self.assertTrue(namespace["preload_app"])
        self.assertTrue((REPO / "portal" / "wsgi.py").exists())
