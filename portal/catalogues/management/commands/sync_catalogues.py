"""python manage.py sync_catalogues"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.catalogues import sources
from portal.catalogues.sync import fill_source_language, sync_vendor_catalogue, tidy_header
from portal.catalogues.untranslated import StaleFix, write_overrides


class Command(BaseCommand):
    help = (
        "Selaraskan katalog terjemahan proyek: lengkapi katalog bahasa sumber (id) aplikasi kita "
        "setelah makemessages, dan perbarui locale/wagtail/ dari katalog bahasa Inggris Wagtail "
        "dan wagtail-localize yang terpasang (string baru ditambahkan, yang hilang diusangkan, "
        "terjemahan kita dipertahankan), serta templat admin yang literalnya belum melalui gettext. "
        "Tidak memerlukan GNU gettext."
    )

    def handle(self, *args, **options):
        own = sources.own_locale_dir()
        for code, _name in settings.LANGUAGES:
            path = sources.catalogue_path(own, code)
            if not path.exists():
                continue
            tidy_header(path, sources.language_dir(code))
            if code == settings.LANGUAGE_CODE:
                filled = fill_source_language(path)
                self.stdout.write(f"{path}: {filled} string bahasa sumber diisi")

        if sources.vendor_locale_dir() not in [Path(p) for p in settings.LOCALE_PATHS]:
            raise CommandError(f"{sources.vendor_locale_dir()} tidak ada di LOCALE_PATHS.")
        for language in sources.translated_languages():
            for domain in sources.DOMAINS:
                result = sync_vendor_catalogue(language, domain)
                self.stdout.write(
                    f"{result.path}: {result.total} string, {len(result.added)} baru "
                    f"({len(result.prefilled)} diisi dari terjemahan bawaan, ditandai fuzzy), "
                    f"{len(result.obsoleted)} usang, {result.untranslated} belum diterjemahkan"
                )

        try:
            overrides = write_overrides()
        except StaleFix as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{len(overrides)} templat admin Wagtail ditimpa agar literalnya diterjemahkan")
