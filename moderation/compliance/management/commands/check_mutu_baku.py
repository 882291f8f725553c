"""python manage.py check_mutu_baku: remind and escalate SOP steps past their mutu baku.

Safe to run every minute from cron, even twice at once: each reminder and escalation is
sent once per task state.
"""

from django.core.management.base import BaseCommand

from moderation.compliance.alerts import check_waiting_tasks


class Command(BaseCommand):
    help = (
        "Kirim pengingat ke grup langkah SOP yang melewati mutu baku, dan eskalasi ke peran di atasnya "
        "bila melewati dua kali mutu baku. Aman dijalankan tiap menit dari cron."
    )

    def handle(self, *args, **options):
        reminders, escalations = check_waiting_tasks()
        self.stdout.write(f"{reminders} pengingat dan {escalations} eskalasi dikirim.")
