"""The start-up check on the PostgreSQL text search configuration."""

from django.db import connection
from django.test import TestCase, override_settings

from home.search.checks import check_search_config


class SearchConfigCheckTests(TestCase):
    def test_configured_search_config_passes_and_an_unknown_one_is_an_error_on_postgresql(self):
        self.assertEqual(check_search_config(databases=["default"]), [])
        backends = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "klingon"}}
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            errors = check_search_config(databases=["default"])
        if connection.vendor == "postgresql":
            self.assertEqual([error.id for error in errors], ["search.E001"])
            self.assertIn("klingon", errors[0].msg)
        else:
            self.assertEqual(errors, [])  # SQLite has no text search configurations to check

    def test_postgresql_uses_the_indonesian_configuration_by_default(self):
        from django.conf import settings

        config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
        self.assertEqual(config, "indonesian" if connection.vendor == "postgresql" else None)
