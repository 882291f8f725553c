"""python manage.py catalogue_report"""

from django.core.management.base import BaseCommand

from portal.catalogues.report import format_table, rows


class Command(BaseCommand):
    help = (
        "Tampilkan porsi string yang sudah diterjemahkan: aplikasi kita (id, en), Wagtail dan "
        "wagtail-localize (terjemahan bawaan paket dan setelah katalog locale/wagtail/ kita)."
    )

    def handle(self, *args, **options):
        self.stdout.write(format_table(rows()))
