"""python manage.py end_delegations: record in the audit log every Plt/Plh period that is over.

Delegations stop granting rights by themselves when their period ends; this scheduled
command only writes that end into the audit log, once per delegation.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from moderation.delegation import log_ended_delegations


class Command(BaseCommand):
    help = "Catat di log audit setiap pelimpahan peran (Plt/Plh) yang masa berlakunya sudah berakhir."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = log_ended_delegations()
        self.stdout.write(f"{count} pelimpahan berakhir dicatat.")
