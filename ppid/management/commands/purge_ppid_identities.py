from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ppid.models import InformationRequest


def purge(now=None, days=None):
    """Blank the identity of requests answered more than ``days`` ago (PORTAL_PPID_RETENTION_DAYS)."""
    now = now or timezone.now()
    days = settings.PORTAL_PPID_RETENTION_DAYS if days is None else days
    due = InformationRequest.objects.filter(
        closed_at__lt=now - timedelta(days=days), identity_purged_at__isnull=True
    )
    count = 0
    for request in due:
        request.purge_identity()
        request.save(update_fields=["name", "nik", "address", "email", "phone", "identity_purged_at"])
        count += 1
    return count


class Command(BaseCommand):
    help = "Hapus data identitas pemohon informasi setelah masa retensi (PORTAL_PPID_RETENTION_DAYS)."

    def handle(self, *args, **options):
        count = purge()
        # A count only: never the names.
        self.stdout.write(f"Data identitas {count} permohonan dihapus.")
