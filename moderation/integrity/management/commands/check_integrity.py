"""python manage.py check_integrity: compare every live page with what the SOP approved."""

from django.core.management.base import BaseCommand

from moderation.integrity.monitor import describe, run_check


class Command(BaseCommand):
    help = (
        "Periksa setiap halaman tayang: konten harus sama dengan revisi yang lolos alur SOP, tanpa tautan "
        "ke domain tak diizinkan, teks tersembunyi, atau istilah judi online. Temuan baru dikirim ke Web "
        "Administrator OPD dan Web Developer. Jalankan terjadwal (mis. tiap 15 menit)."
    )

    def handle(self, *args, **options):
        findings = run_check()
        self.stdout.write(f"{len(findings)} temuan baru.")
        for finding in findings:
            self.stdout.write(f"  - {describe(finding)}")
