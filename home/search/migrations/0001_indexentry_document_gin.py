"""A GIN index on the document Wagtail's PostgreSQL search backend matches, "title || body".

Wagtail indexes ``title`` and ``body`` separately, but matches (and ranks) their concatenation,
which neither index serves: every search read every index entry. PostgreSQL only (SQLite's
search table is an FTS5 table of its own).
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS portal_indexentry_document_gin"
    " ON wagtailsearch_indexentry USING gin ((title || body))"
)
DROP = "DROP INDEX IF EXISTS portal_indexentry_document_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
