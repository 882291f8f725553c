"""python manage.py import_wordpress OPD_SLUG EXPORT.xml [--uploads DIR | --fetch-media-from HOST]"""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from opd.models import OPD

from ...importer import Importer, Progress
from ...media import Fetcher, MediaError, UploadsFolder
from ...wxr import WXRError


class Bar(Progress):
    """A tqdm progress bar per phase (media, then posts and pages), on stderr, only on a terminal."""

    labels = {"media": "Media", "posts": "Berita dan halaman"}

    def __init__(self):
        self.bar = None

    def start(self, phase, total):
        if self.bar is not None:
            self.bar.close()
        self.bar = tqdm(
            total=total, desc=self.labels.get(phase, phase), unit="butir", file=sys.stderr, disable=None
        )

    def advance(self):
        self.bar.update(1)

    def close(self):
        if self.bar is not None:
            self.bar.close()


class Command(BaseCommand):
    help = (
        "Impor ekspor WordPress (WXR 1.1/1.2, Alat → Ekspor) ke subsitus sebuah OPD: tulisan menjadi "
        "berita di bawah Berita OPD, halaman menjadi halaman profil di bawah beranda OPD, lampiran menjadi "
        "gambar dan dokumen di koleksi OPD, dan setiap alamat lama dialihkan (301) ke halaman barunya. "
        "Menjalankan ulang ekspor yang sama tidak mengubah apa pun; halaman yang sudah diubah di portal "
        "tidak ditimpa. Laporan ditulis di samping berkas ekspor sebagai Markdown."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "targets",
            nargs="+",
            metavar="OPD_SLUG EXPORT.xml",
            help="Kode OPD tujuan (mis. dinkes) lalu berkas ekspor WordPress (.xml); atau hanya berkas "
            "ekspor bersama --opd.",
        )
        parser.add_argument("--opd", metavar="OPD_SLUG", help="Kode OPD tujuan, bila tidak ditulis di depan.")
        media = parser.add_mutually_exclusive_group()
        media.add_argument(
            "--uploads",
            metavar="DIR",
            help="Salinan folder wp-content/uploads situs lama; lampiran dibaca dari sini.",
        )
        media.add_argument(
            "--fetch-media-from",
            metavar="HOST",
            help=(
                "Unduh lampiran dari situs lama, hanya dari host ini (tanpa pengalihan ke host lain, "
                "tanpa alamat privat, dengan batas waktu dan ukuran)."
            ),
        )
        parser.add_argument(
            "--old-host",
            metavar="HOST",
            help="Nama host situs lama (mis. dinkes.ketapangkab.go.id) untuk menulis ulang tautan dan "
            "pengalihan; bawaannya diambil dari ekspor.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Uji coba: tampilkan laporan lengkap tanpa menyimpan apa pun.",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Akun yang tercatat mengimpor di log audit (bawaan: sistem).",
        )

    def handle(
        self,
        *args,
        targets,
        opd=None,
        uploads=None,
        fetch_media_from=None,
        old_host=None,
        dry_run=False,
        user=None,
        **options,
    ):
        if opd and len(targets) == 1:
            opd_slug, export = opd, targets[0]
        elif not opd and len(targets) == 2:
            opd_slug, export = targets
        else:
            raise CommandError(
                "Tulis: import_wordpress OPD_SLUG EXPORT.xml (atau EXPORT.xml --opd OPD_SLUG)."
            )
        opd = OPD.objects.filter(slug=opd_slug).select_related("site", "collection").first()
        if opd is None:
            raise CommandError(f"OPD '{opd_slug}' tidak ada.")
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"Berkas ekspor tidak ditemukan: {export}")
        importer_user = None
        if user:
            importer_user = get_user_model().objects.filter(username=user, is_active=True).first()
            if importer_user is None:
                raise CommandError(f"Akun '{user}' tidak ada atau tidak aktif.")
        try:
            media = (
                UploadsFolder(uploads) if uploads else Fetcher(fetch_media_from) if fetch_media_from else None
            )
        except MediaError as error:
            raise CommandError(str(error).capitalize() + ".") from error
        bar = Bar()
        try:
            report = Importer(
                opd,
                path,
                media=media,
                old_host=old_host or "",
                dry_run=dry_run,
                user=importer_user,
                progress=bar,
            ).run()
        except WXRError as error:
            raise CommandError(f"{path.name}: {error}.") from error
        finally:
            bar.close()
        for line in report.summary_lines():
            self.stdout.write(line)
        title = f"Laporan impor WordPress: {path.name} → {opd.name}"
        if dry_run:
            self.stdout.write(report.markdown(title))
            self.stdout.write(self.style.WARNING("Uji coba: tidak ada yang disimpan."))
            return
        report_path = path.with_name(f"{path.stem}-laporan-impor.md")
        report_path.write_text(report.markdown(title), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Laporan ditulis ke {report_path}"))
