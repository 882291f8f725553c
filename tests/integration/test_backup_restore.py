"""make backup / make restore round trip on PostgreSQL: a fresh database gets everything back."""

import io
import tempfile
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, jpeg_bytes, login, workflow_action
from tests.integration.services import database_url, require_binary, require_postgresql
from tests.transactional import KeepsMigratedData

HOST = "dinkes.ketapangkab.localhost"


class BackupRestoreRoundTripTests(KeepsMigratedData, TransactionTestCase):
    def setUp(self):
        require_postgresql()
        for tool in ("pg_dump", "pg_restore", "psql"):
            require_binary(tool, "postgresql-client")
        self.scratch = Path(tempfile.mkdtemp(prefix="portal-backup-test-"))
        self.restore_db = f"{connection.settings_dict['NAME']}_restore"[:63]

    def admin_connection(self):
        params = connection.get_connection_params()
        params["dbname"] = "postgres"
        return psycopg.connect(**params, autocommit=True)

    def make_content(self):
        """An OPD with a news page taken through the SOP, with its photo, and a queued task."""
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        people = {role: member(dinkes, role) for role in Role}
        index = NewsIndexPage(title="Berita", slug="berita")
        dinkes.site.root_page.add_child(instance=index)
        index.save_revision().publish(skip_permission_checks=True)
        penulis = login(people[Role.PENULIS], host=HOST)
        penulis.post(
            "/admin/images/add/",
            {"title": "Foto Posyandu", "file": jpeg_bytes(), "description": "Kader menimbang balita",
             "collection": dinkes.collection.pk},
        )  # fmt: skip
        image = get_image_model().objects.get(title="Foto Posyandu")
        create_page(penulis, index, NewsPage, {"title": "Posyandu", "slug": "posyandu", "lead": "Teras.",
                                               "featured_image": image.pk})  # fmt: skip
        page = NewsPage.objects.get(slug="posyandu")
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            workflow_action(login(people[role], host=HOST), page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        DBTaskResult.objects.create(task_path="wagtail.tasks.update_reference_index_task", args_kwargs={},
                                    queue_name="default", backend_name="default", priority=0)  # fmt: skip
        return image

    def rows(self, cursor, sql):
        cursor.execute(sql)
        return sorted(cursor.fetchall())

    def test_backup_restored_into_a_fresh_database_has_every_page_revision_image_and_task_state(self):
        image = self.make_content()
        expected = {
            "pages": sorted(Page.objects.values_list("id", "title", "live")),
            "revisions": sorted(Revision.objects.values_list("id", "object_id")),
            "images": sorted(get_image_model().objects.values_list("id", "file")),
            "task_states": sorted(TaskState.objects.values_list("id", "status")),
            "task_results": sorted(DBTaskResult.objects.values_list("task_path", "status")),
        }
        self.assertEqual(len(expected["task_states"]), 3)
        original_photo = (Path(settings.MEDIA_ROOT) / image.file.name).read_bytes()

        call_command("backup_portal", output_dir=str(self.scratch / "backups"), stdout=io.StringIO())
        [folder] = (self.scratch / "backups").iterdir()

        with self.admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.restore_db}"')
            admin.execute(f'CREATE DATABASE "{self.restore_db}"')
        self.addCleanup(self.drop_restore_db)
        params = connection.get_connection_params()
        url = database_url(self.restore_db)
        restored_media = self.scratch / "media"
        call_command("restore_portal", str(folder), database_url=url, media_root=str(restored_media),
                     stdout=io.StringIO())  # fmt: skip

        with (
            psycopg.connect(**{**params, "dbname": self.restore_db}) as restored,
            restored.cursor() as cursor,
        ):
            got = {
                "pages": self.rows(cursor, "SELECT id, title, live FROM wagtailcore_page"),
                "revisions": self.rows(cursor, "SELECT id, object_id FROM wagtailcore_revision"),
                "images": self.rows(cursor, "SELECT id, file FROM media_library_portalimage"),
                "task_states": self.rows(cursor, "SELECT id, status FROM wagtailcore_taskstate"),
                "task_results": self.rows(
                    cursor, f"SELECT task_path, status FROM {DBTaskResult._meta.db_table}"
                ),
            }
        self.assertEqual(got, expected)
        self.assertEqual((restored_media / image.file.name).read_bytes(), original_photo)

    def test_restore_refuses_a_database_that_is_not_empty(self):
        from django.core.management.base import CommandError

        call_command("backup_portal", output_dir=str(self.scratch / "b"), stdout=io.StringIO())
        [folder] = (self.scratch / "b").iterdir()
        with self.assertRaisesMessage(CommandError, "tidak kosong"):
            call_command("restore_portal", str(folder), media_root=str(self.scratch / "m"))

    def drop_restore_db(self):
        with self.admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.restore_db}"')
