"""Start-up check: the PostgreSQL text search configuration the settings name must exist."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database)
def check_search_config(app_configs=None, databases=None, **kwargs):
    """Runs with ``migrate`` and ``check --database default``; a no-op on SQLite."""
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    errors = []
    for alias in databases or []:
        connection = connections[alias]
        if not config or connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [config])
            found = cursor.fetchone()
        if not found:
            errors.append(
                Error(
                    f"PostgreSQL has no text search configuration '{config}'.",
                    hint="Check `SELECT cfgname FROM pg_ts_config`; set PORTAL_SEARCH_CONFIG to one it has "
                    "(PostgreSQL 12+ ships 'indonesian').",
                    id="search.E001",
                )
            )
    return errors
