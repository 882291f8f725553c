"""The admin's import as a background task (django-tasks): the dry run, then the import."""

import shutil
import time
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .importer import Importer, Progress
from .media import MediaError, UploadsFolder
from .models import ImportRun
from .wxr import WXRError


class RunProgress(Progress):
    """Writes the progress onto the run (at most about once a second), for the page to show."""

    def __init__(self, run):
        self.run = run
        self.last = 0.0

    def start(self, phase, total):
        self.run.phase, self.run.done, self.run.total = phase, 0, total
        self.save(force=True)

    def advance(self):
        self.run.done += 1
        self.save(force=self.run.done == self.run.total)

    def save(self, force=False):
        now = time.monotonic()
        if force or now - self.last > 1:
            ImportRun.objects.filter(pk=self.run.pk).update(
                phase=self.run.phase, done=self.run.done, total=self.run.total
            )
            self.last = now


def unpack_uploads(run):
    """The run's zip of ``wp-content/uploads`` unpacked beside it, with no member outside the
    folder, no link and no more than the size limit; returns the folder holding the years."""
    target = Path(settings.PORTAL_WORDPRESS_IMPORT_ROOT) / f"run-{run.pk}-uploads"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    limit = getattr(settings, "PORTAL_WORDPRESS_MAX_UPLOADS_BYTES", 2 * 1024**3)
    try:
        with zipfile.ZipFile(run.uploads_zip.path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > limit:
                raise MediaError("zip unggahan melebihi batas ukuran")
            for member in members:
                name = PurePosixPath(member.filename)
                if (
                    name.is_absolute()
                    or ".." in name.parts
                    or (member.external_attr >> 16) & 0o170000 == 0o120000
                ):
                    continue
                destination = target.joinpath(*name.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, destination.open("wb") as out:
                    shutil.copyfileobj(source, out)
    except zipfile.BadZipFile as error:
        raise MediaError("berkas unggahan bukan zip yang sah") from error
    for inner in ("wp-content/uploads", "uploads"):
        if (target / inner).is_dir():
            return target / inner
    return target


@task()
def run_wordpress_import(run_id, dry_run):
    """Run the import of one ``ImportRun``: a dry run first, the real import once confirmed."""
    run = ImportRun.objects.select_related("opd__site", "opd__collection", "user").get(pk=run_id)
    run.status = ImportRun.Status.CHECKING if dry_run else ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    try:
        media = UploadsFolder(unpack_uploads(run)) if run.uploads_zip else None
        title = f"Laporan impor WordPress: {Path(run.export.name).name} → {run.opd.name}"
        report = Importer(
            run.opd,
            Path(run.export.path),
            media=media,
            dry_run=dry_run,
            user=run.user,
            progress=RunProgress(run),
        ).run()
    except (WXRError, MediaError) as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
    except Exception as error:
        # What was imported stays (one transaction per item); the page says the run stopped.
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED, error=f"terhenti: {error}", finished_at=timezone.now()
        )
        raise
    else:
        if dry_run:
            run.status, run.dry_run_report = ImportRun.Status.CHECKED, report.markdown(title)
        else:
            run.status, run.report = ImportRun.Status.DONE, report.markdown(title)
    run.refresh_from_db(fields=["phase", "done", "total"])
    run.finished_at = (
        timezone.now() if run.status in (ImportRun.Status.DONE, ImportRun.Status.FAILED) else None
    )
    run.save()
