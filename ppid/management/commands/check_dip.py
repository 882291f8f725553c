from django.core.management.base import BaseCommand

from ppid.alerts import notify_stale


class Command(BaseCommand):
    help = "Kirim surel ke Web Administrator tentang informasi berkala yang belum diperbarui 6 bulan."

    def handle(self, *args, **options):
        sent = notify_stale()
        self.stdout.write(f"{sent} informasi berkala basi dilaporkan.")
