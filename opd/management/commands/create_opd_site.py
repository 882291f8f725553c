"""python manage.py create_opd_site SLUG --name NAME --hostname HOST [--admin-email EMAIL]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from opd.kinds import DEFAULT_KIND, site_kinds
from opd.provisioning import provision_opd


class Command(BaseCommand):
    help = (
        "Buat subsitus OPD dalam satu transaksi: situs Wagtail, beranda (id dan en), koleksi media, "
        "grup per peran SOP (Penulis/Tim Peliput, Editor, Redaktur, Web Administrator) dengan izin "
        "khusus OPD ini, identitas situs, dan alur kerja SOP; dengan --admin-email juga Web Administrator "
        "pertamanya, yang menerima undangan. Menjalankan ulang tidak mengubah apa pun."
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
        parser.add_argument(
            "--kind",
            default=DEFAULT_KIND,
            help="Jenis situs: "
            + "; ".join(f"{kind} = {description}" for kind, description in site_kinds().items())
            + f" (bawaan {DEFAULT_KIND}).",
        )
        parser.add_argument(
            "--admin-email",
            help=(
                "Surel Web Administrator pertama OPD ini. Akunnya dibuat bila belum ada dan menerima "
                "undangan untuk membuat kata sandi; sesudah itu ia menyusun timnya sendiri."
            ),
        )

    def handle(
        self, *args, slug, name, hostname, port, portal, admin_email=None, kind=DEFAULT_KIND, **options
    ):
        try:
            result = provision_opd(
                slug=slug,
                name=name,
                hostname=hostname,
                port=port,
                is_portal=portal,
                default_site=portal,
                admin_email=admin_email,
                kind=kind,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        site = result.opd.site
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"OPD '{slug}' dibuat: http://{site.hostname}:{site.port}/"))
        elif result.admin_status in ("", "unchanged"):
            self.stdout.write(f"OPD '{slug}' sudah ada; tidak ada yang diubah.")
        else:
            self.stdout.write(f"OPD '{slug}' sudah ada.")
        if result.admin is not None:
            admin = f"{result.admin.get_username()} <{result.admin.email}>"
            self.stdout.write(
                {
                    "created": f"Web Administrator {admin} dibuat; undangan dikirim.",
                    "added": f"Web Administrator {admin} ditambahkan ke OPD ini; surel dikirim.",
                    "unchanged": f"{admin} sudah Web Administrator OPD ini.",
                }[result.admin_status]
            )
