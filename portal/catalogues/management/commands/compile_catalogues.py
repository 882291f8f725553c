"""python manage.py compile_catalogues [--stale-only]"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.catalogues.compile import CatalogueError, compile_catalogues


class Command(BaseCommand):
    help = (
        "Kompilasi setiap katalog .po di LOCALE_PATHS menjadi .mo dengan polib, tanpa GNU gettext. "
        "Menolak katalog yang placeholder atau tag HTML-nya rusak."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-only", action="store_true", help="Hanya katalog yang .mo-nya belum ada atau lebih lama."
        )

    def handle(self, *args, stale_only, **options):
        try:
            compiled = compile_catalogues(settings.LOCALE_PATHS, only_stale=stale_only)
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        for result in compiled:
            self.stdout.write(f"{result.mo} ({result.entries} string)", style_func=None)
        self.stdout.write(self.style.SUCCESS(f"{len(compiled)} katalog dikompilasi."))
