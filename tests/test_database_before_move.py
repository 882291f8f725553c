"""A database made before the apps moved into bounded contexts (issue 21) needs no migration.

tests/data/database_before_move.sql.gz is a SQLite database migrated by the code as it was
before the move (flat top-level apps). The moved apps keep their AppConfig labels, so their
migrations, tables, permissions and content types must still be the ones that database has.
"""

import gzip
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.test import SimpleTestCase

REPO = Path(settings.BASE_DIR)
DUMP = REPO / "tests" / "data" / "database_before_move.sql.gz"
# Models Wagtail registers only when the default database is SQLite (its FTS search index);
# the dump was made on SQLite, so a run on PostgreSQL does not have them as models.
SQLITE_ONLY_MODELS = {"wagtailsearch.sqliteftsindexentry"}


class DatabaseBeforeTheMoveTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.workdir = tempfile.TemporaryDirectory()
        cls.database = Path(cls.workdir.name) / "before_move.sqlite3"
        with gzip.open(DUMP, "rt", encoding="utf-8") as dump, sqlite3.connect(cls.database) as db:
            db.executescript(dump.read())

    @classmethod
    def tearDownClass(cls):
        cls.workdir.cleanup()
        super().tearDownClass()

    def manage(self, *args):
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{self.database}"}
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def recorded_migrations(self):
        with sqlite3.connect(self.database) as db:
            return set(db.execute("SELECT app, name FROM django_migrations").fetchall())

    def test_migrate_has_only_migrations_added_since_the_move_to_do(self):
        """Nothing recorded in the old database runs again (a changed label would re-run an app's
        0001_initial on existing tables); what features added since (e.g. jdih, library 0002)
        applies cleanly on top of it."""
        result = self.manage("migrate", "--plan", "--no-input")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        planned = {
            tuple(line.strip().split(".", 1))
            for line in result.stdout.splitlines()
            if line and not line.startswith(" ") and "." in line and " " not in line.strip()
        }
        self.assertEqual(planned & self.recorded_migrations(), set())
        result = self.manage("migrate", "--no-input")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        result = self.manage("migrate", "--check", "--no-input")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_showmigrations_lists_every_recorded_migration_as_applied(self):
        result = self.manage("showmigrations", "--list", "--no-color")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("[X] 0001_initial", result.stdout)
        listed, app = {}, None
        for line in result.stdout.splitlines():
            if not line.startswith(" "):
                app = line.strip()
            elif line.startswith((" [X] ", " [ ] ")):
                listed[(app, line[5:].split(" (")[0].strip())] = line.startswith(" [X] ")
        recorded = self.recorded_migrations()
        self.assertGreater(sum(1 for key in recorded if listed.get(key)), 100)
        self.assertEqual([key for key in recorded if listed.get(key) is False], [])
        # No app of the old database is gone (a changed label would leave its rows behind).
        self.assertEqual({app for app, _name in recorded} - {app for app, _name in listed}, set())

    def test_the_models_need_no_new_migration(self):
        result = self.manage("makemigrations", "--check", "--dry-run")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_every_old_content_type_is_still_a_model(self):
        with sqlite3.connect(self.database) as db:
            rows = db.execute("SELECT app_label, model FROM django_content_type").fetchall()
        self.assertGreater(len(rows), 50)
        for app_label in ("media_library", "navigation", "events", "newsroom", "integrity", "workdays"):
            self.assertIn(app_label, {label for label, _ in rows})
        missing = [
            f"{label}.{model}"
            for label, model in rows
            if not _model_exists(label, model) and f"{label}.{model}" not in SQLITE_ONLY_MODELS
        ]
        self.assertEqual(missing, [])

    def test_moved_apps_answer_to_their_old_labels(self):
        self.assertEqual(apps.get_app_config("core").name, "portal.core")
        self.assertEqual(apps.get_app_config("team").name, "opd.team")
        self.assertEqual(apps.get_app_config("events").name, "news.events")
        self.assertEqual(apps.get_app_config("integrity").name, "moderation.integrity")


def _model_exists(app_label, model):
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True
