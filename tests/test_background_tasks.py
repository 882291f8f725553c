"""Background work on the database task backend: queued in the database, run by the worker."""

import io
import shlex

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from tests.admin import jpeg_bytes
from tests.integration.services import DEPLOY
from tests.transactional import KeepsMigratedData


def worker_argv():
    """The worker command line of deploy/systemd/portal-worker.service, after manage.py."""
    unit = (DEPLOY / "systemd" / "portal-worker.service").read_text()
    [exec_start] = [line for line in unit.splitlines() if line.startswith("ExecStart=")]
    argv = shlex.split(exec_start.removeprefix("ExecStart="))
    return argv[argv.index("manage.py") + 1 :]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class DatabaseTaskBackendTests(KeepsMigratedData, TransactionTestCase):
    def test_work_waits_in_the_database_until_the_documented_worker_runs_it(self):
        from wagtail.images import get_image_model

        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        from django.core.files.images import ImageFile

        image = get_image_model().objects.create(title="Foto", file=ImageFile(jpeg_bytes(), name="foto.jpg"))
        index = NewsIndexPage(title="Berita", slug="berita")
        dinkes.site.root_page.add_child(instance=index)
        article = NewsPage(title="Posyandu", slug="posyandu", lead="Teras.", featured_image=image)
        index.add_child(instance=article)

        queued = DBTaskResult.objects.filter(status="READY")
        self.assertTrue(queued.filter(task_path="wagtail.tasks.update_reference_index_task").exists())
        self.assertFalse(ReferenceIndex.get_references_to(image).exists())

        argv = worker_argv()
        self.assertEqual(argv[0], "db_worker")
        # The same command, told to stop once the queue is empty (the service runs forever).
        call_command(*argv, "--batch", "--no-reload", stdout=io.StringIO(), stderr=io.StringIO())

        self.assertFalse(DBTaskResult.objects.filter(status="READY").exists())
        self.assertFalse(DBTaskResult.objects.filter(status="FAILED").exists())
        self.assertTrue(ReferenceIndex.get_references_to(image).exists())
