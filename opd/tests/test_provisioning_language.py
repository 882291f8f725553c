"""Provisioning stores the SOP's Indonesian names whatever language is active."""

from django.test import TestCase
from django.utils import translation

from opd.tests.factories import make_opd


class ProvisioningLanguageTests(TestCase):
    def test_names_are_indonesian_even_when_english_is_active(self):
        with translation.override("en"):
            dinkes = make_opd("dinkes", "Dinas Kesehatan")
        workflow = dinkes.site.root_page.get_workflow()
        self.assertEqual(workflow.name, "SOP Pengelolaan Website — Dinas Kesehatan")
        self.assertEqual(
            sorted(dinkes.roles.values_list("group__name", flat=True)),
            [
                "Dinas Kesehatan — Editor",
                "Dinas Kesehatan — PPID",
                "Dinas Kesehatan — Penulis Artikel / Tim Peliput",
                "Dinas Kesehatan — Redaktur",
                "Dinas Kesehatan — Web Administrator",
            ],
        )
