"""make restore: load a backup folder into an empty PostgreSQL database and put back the media."""

import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backup.archive import DUMP, MANIFEST, MEDIA, libpq_env, run


class Command(BaseCommand):
    help = "Pulihkan cadangan (folder dari backup_portal) ke basis data kosong dan folder media."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Folder cadangan, mis. backups/portal-20260101-020000")
        parser.add_argument(
            "--database-url", help="Basis data tujuan (postgres://...); bawaan: DATABASE_URL yang aktif."
        )
        parser.add_argument("--media-root", help="Folder media tujuan; bawaan: MEDIA_ROOT.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Timpa basis data dan media yang sudah berisi (hati-hati: data sekarang hilang).",
        )

    def handle(self, backup, database_url=None, media_root=None, replace=False, **options):
        folder = Path(backup)
        if not (folder / DUMP).exists():
            raise CommandError(f"{folder / DUMP} tidak ada: bukan folder cadangan dari backup_portal.")
        env = libpq_env(url=database_url)
        media_root = Path(media_root or settings.MEDIA_ROOT)

        tables = run(["psql", "-XAtc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], env)
        if int(tables.strip() or 0) and not replace:
            raise CommandError(
                f"Basis data {env.get('PGDATABASE')} tidak kosong. Pulihkan ke basis data baru, "
                "atau tambahkan --replace untuk menimpanya."
            )
        argv = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if replace:
            argv += ["--clean", "--if-exists"]
        run([*argv, f"--dbname={env['PGDATABASE']}", str(folder / DUMP)], env)

        if (folder / MEDIA).exists():
            if media_root.exists() and any(media_root.iterdir()) and not replace:
                raise CommandError(
                    f"Folder media {media_root} tidak kosong; tambahkan --replace untuk menimpanya."
                )
            media_root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(folder / MEDIA, "r:gz") as tar:
                tar.extractall(media_root, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text()) if (folder / MANIFEST).exists() else {}
        self.stdout.write(f"Dipulihkan ke {env.get('PGDATABASE')} dan {media_root}.")
        if manifest.get("counts"):
            self.stdout.write(f"Isi cadangan: {json.dumps(manifest['counts'])}")
