from django.core.management.base import BaseCommand

from opd.models import OPD
from opd.provisioning import complete_site, ensure_role_groups


class Command(BaseCommand):
    help = (
        "Lengkapi grup peran setiap OPD yang sudah ada (misalnya grup PPID) beserta hak aksesnya, "
        "serta halaman PPID (bahasa Indonesia dan Inggris) dan entri menunya."
    )

    def handle(self, *args, **options):
        for opd in OPD.objects.select_related("site__root_page"):
            before = opd.roles.count()
            ensure_role_groups(opd)
            complete_site(opd)
            added = opd.roles.count() - before
            self.stdout.write(f"{opd.slug}: {added} grup ditambahkan." if added else f"{opd.slug}: lengkap.")
