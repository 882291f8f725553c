"""A fresh install (the demo, seeded through the SOP) gives the integrity monitor nothing to report."""

import io

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings

from moderation.integrity.models import Finding


class FreshInstallTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=io.StringIO())

    def test_check_integrity_on_the_seeded_demo_reports_nothing(self):
        out = io.StringIO()
        mail.outbox.clear()
        call_command("check_integrity", stdout=out)
        findings = list(Finding.objects.values_list("kind", "page__title", "detail"))
        self.assertEqual(findings, [], out.getvalue())
        self.assertEqual(mail.outbox, [])
