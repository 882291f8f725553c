"""Remove a person's authenticator devices so that they enrol again at their next login."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.security.enrolment import reset_devices


class Command(BaseCommand):
    help = (
        "Hapus perangkat 2FA seorang pengguna (misalnya ponsel hilang); ia mendaftar ulang saat masuk, "
        "dengan kode lewat surel. Dicatat di log audit dan diberitahukan ke surel pengguna."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--oleh", help="Nama pengguna Web Developer yang melakukan (untuk log audit).")

    def handle(self, username, oleh=None, **options):
        user = self.user(username)
        by = self.user(oleh) if oleh else None
        deleted = reset_devices(user, by=by)
        self.stdout.write(f"{deleted} perangkat 2FA milik {username} dihapus.")

    @staticmethod
    def user(username):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna {username!r} tidak ada.") from None
