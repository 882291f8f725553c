"""python manage.py create_opd_site SLUG --name NAME --hostname HOST"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from opd.provisioning import provision_opd


class Command(BaseCommand):
    help = (
        "Buat subsitus OPD dalam satu transaksi: situs Wagtail, beranda (id dan en), koleksi media, "
        "grup per peran SOP (Penulis/Tim Peliput, Editor, Redaktur, Web Administrator) dengan izin "
        "khusus OPD ini, identitas situs, dan alur kerja SOP. Menjalankan ulang tidak mengubah apa pun."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Kode OPD: huruf kecil, angka, tanda hubung (mis. dinkes).")
        parser.add_argument("--name", required=True, help='Nama resmi OPD (mis. "Dinas Kesehatan").')
        parser.add_argument(
            "--hostname",
            required=True,
            help="Nama host situs tanpa skema/port (mis. dinkes.ketapangkab.go.id).",
        )
        parser.add_argument("--port", type=int, default=80, help="Port situs (bawaan 80).")
        parser.add_argument(
            "--portal",
            action="store_true",
            help="Tandai sebagai portal kabupaten (situs induk, situs bawaan).",
        )

    def handle(self, *args, slug, name, hostname, port, portal, **options):
        try:
            result = provision_opd(
                slug=slug, name=name, hostname=hostname, port=port, is_portal=portal, default_site=portal
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        site = result.opd.site
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"OPD '{slug}' dibuat: http://{site.hostname}:{site.port}/"))
        else:
            self.stdout.write(f"OPD '{slug}' sudah ada; tidak ada yang diubah.")
