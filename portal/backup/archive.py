"""What a backup is: a folder with database.dump (pg_dump custom format), media.tar.gz and manifest.json."""

import os
import subprocess
from urllib.parse import unquote, urlsplit

from django.core.management.base import CommandError
from django.db import connection

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


def libpq_env(database=None, url=None):
    """Environment for pg_dump/pg_restore/psql: from a postgres:// URL, or from DATABASES["default"]."""
    env = dict(os.environ)
    if url:
        parts = urlsplit(url)
        values = {
            "PGHOST": parts.hostname,
            "PGPORT": parts.port,
            "PGUSER": unquote(parts.username or ""),
            "PGPASSWORD": unquote(parts.password or ""),
            "PGDATABASE": parts.path.lstrip("/"),
        }
    else:
        settings = connection.settings_dict
        if settings["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("Cadangan memerlukan PostgreSQL (DATABASE_URL=postgres://...).")
        values = {
            "PGHOST": settings.get("HOST"),
            "PGPORT": settings.get("PORT"),
            "PGUSER": settings.get("USER"),
            "PGPASSWORD": settings.get("PASSWORD"),
            "PGDATABASE": database or settings["NAME"],
        }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def run(argv, env):
    """Run a PostgreSQL client tool; a failure stops the command with its own message."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(f"{argv[0]} gagal ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return result.stdout


def counts():
    """How many of each record the manifest lists, to compare after a restore."""
    from django_tasks_db.models import DBTaskResult
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision, TaskState

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "task_states": TaskState.objects.count(),
        "task_results": DBTaskResult.objects.count(),
    }
