"""portal.settings.production: environment only, clear failures, `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

REPO = Path(__file__).resolve().parent.parent


def documented_environment():
    """The variables of .env.example, with a freshly generated secret key as the docs say."""
    env = {}
    for line in (REPO / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    import secrets

    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def manage(*args, env):
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env={**base, **env}, capture_output=True, text=True
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_check_deploy_is_clean_with_the_documented_environment(self):
        result = manage("check", "--deploy", "--fail-level", "WARNING", env=documented_environment())
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        self.assertIn("no issues", result.stdout)

    def test_every_variable_in_env_example_is_documented_in_operations(self):
        operations = (REPO / "docs" / "operations.md").read_text()
        missing = [name for name in documented_environment() if f"`{name}`" not in operations]
        self.assertEqual(missing, [])

    def test_missing_required_variable_stops_start_up_with_its_name(self):
        for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL"):
            with self.subTest(name):
                env = documented_environment()
                del env[name]
                result = manage("check", env=env)
                self.assertNotEqual(result.returncode, 0)
                self.assertIn("ImproperlyConfigured", result.stderr)
                self.assertIn(name, result.stderr)

    def test_sqlite_is_refused_in_production(self):
        env = {**documented_environment(), "DATABASE_URL": "sqlite:////tmp/portal.sqlite3"}
        result = manage("check", env=env)
        self.assertIn("must point to PostgreSQL", result.stderr)

    def test_bucket_name_switches_media_and_renditions_to_s3(self):
        script = (
            "from django.core.files.storage import storages;"
            "from django.conf import settings;"
            "print(type(storages['default']).__name__, settings.SESSION_ENGINE,"
            " settings.TASKS['default']['BACKEND'])"
        )
        local = manage("shell", "-c", script, env=documented_environment())
        self.assertIn(
            "FileSystemStorage portal.core.sessions django_tasks_db.DatabaseBackend",
            local.stdout,
            local.stderr,
        )
        s3_env = {**documented_environment(), "AWS_STORAGE_BUCKET_NAME": "portal-media"}
        self.assertIn("S3Storage", manage("shell", "-c", script, env=s3_env).stdout)


class AdminPathTests(SimpleTestCase):
    def test_admin_path_comes_from_the_environment(self):
        script = (
            "from django.urls import reverse; from django.conf import settings;"
            "print(reverse('wagtailadmin_home'), reverse('security_2fa_verify'),"
            " settings.CONTENT_SECURITY_POLICY['EXCLUDE_URL_PREFIXES'])"
        )
        result = manage(
            "shell",
            "-c",
            script,
            env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "DJANGO_ADMIN_PATH": "kelola"},
        )
        last_line = result.stdout.strip().splitlines()[-1]
        self.assertEqual(last_line, "/kelola/ /kelola/2fa/verifikasi/ ['/kelola/']", result.stderr)

    def test_database_connections_are_checked_before_reuse(self):
        # A pooled connection that died with a PostgreSQL restart is replaced at the next
        # request instead of failing it: the admin recovers without restarting gunicorn
        # (proved end to end by tests/integration/test_outages.py).
        script = (
            "from django.conf import settings; d = settings.DATABASES['default']; "
            "print('DB', d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
        )
        env = {**documented_environment(), "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
        result = manage("shell", "--no-imports", "-c", script, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("DB 60 True", result.stdout)

    def test_disallowed_host_is_one_warning_line_without_a_traceback(self):
        # What Django's handler does for a request with a Host we do not serve.
        script = (
            "import logging\n"
            "from django.core.exceptions import DisallowedHost\n"
            "try:\n"
            "    raise DisallowedHost(\"Invalid HTTP_HOST header: 'phishing.example'.\")\n"
            "except DisallowedHost as exc:\n"
            "    logging.getLogger('django.security.DisallowedHost').error(str(exc), exc_info=exc)\n"
        )
        result = manage("shell", "--no-imports", "-c", script, env=documented_environment())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(
            "WARNING django.security.DisallowedHost Invalid HTTP_HOST header: 'phishing.example'.",
            result.stderr.splitlines(),
        )
        self.assertEqual(result.stderr.count("phishing.example"), 1, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
