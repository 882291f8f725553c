"""make backup: pg_dump of the database and a tarball of the media files, in one dated folder."""

import json
import shutil
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.backup.archive import DUMP, MANIFEST, MEDIA, counts, libpq_env, run


class Command(BaseCommand):
    help = "Cadangkan basis data PostgreSQL (pg_dump) dan berkas media ke satu folder bertanggal."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", default="backups", help="Folder induk cadangan (bawaan: backups/)."
        )

    def handle(self, output_dir, **options):
        if not shutil.which("pg_dump"):
            raise CommandError("pg_dump tidak ditemukan: apt-get install postgresql-client")
        env = libpq_env()
        target = Path(output_dir) / timezone.localtime().strftime("portal-%Y%m%d-%H%M%S")
        target.mkdir(parents=True, exist_ok=False)

        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target / DUMP}"], env)

        # With S3 media the bucket is the copy of record (versioning / replication, see docs).
        local_media = isinstance(storages["default"], FileSystemStorage)
        media_root = Path(settings.MEDIA_ROOT)
        if local_media:
            with tarfile.open(target / MEDIA, "w:gz") as tar:
                if media_root.exists():
                    tar.add(media_root, arcname=".")
        manifest = {
            "created": timezone.now().isoformat(),
            "database": env.get("PGDATABASE"),
            "media": MEDIA if local_media else "object storage (backed up by the bucket, not here)",
            "counts": counts(),
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
        self.stdout.write(f"Cadangan dibuat: {target}")
        self.stdout.write(json.dumps(manifest["counts"]))
