"""Remove a person's authenticator devices so that they enrol again at their next login."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Hapus perangkat 2FA seorang pengguna (misalnya ponsel hilang); ia mendaftar ulang saat masuk."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna {username!r} tidak ada.") from None
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{deleted} perangkat 2FA milik {username} dihapus.")
