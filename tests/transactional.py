"""A TransactionTestCase that puts the migrated data back when it is done.

Django flushes the database after a TransactionTestCase and, with serialized_rollback, only
reloads the migrated rows (root page, default site, locales) at the start of the next such
test. The suite runs in random order, so a plain TestCase may come next and find them
missing. This mixin reloads them right after the flush instead.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections


class KeepsMigratedData:
    """Mix into a TransactionTestCase or LiveServerTestCase (before it in the bases)."""

    serialized_rollback = True

    def _fixture_teardown(self):
        super()._fixture_teardown()
        for alias in self._databases_names(include_mirrors=False):
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
                move_sequences_past_reloaded_rows(connection)


def move_sequences_past_reloaded_rows(connection):
    """The reloaded rows keep their ids; on PostgreSQL a sequence restarted by any flush would
    hand out those ids again. Set every sequence past the highest id (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if not statements:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
