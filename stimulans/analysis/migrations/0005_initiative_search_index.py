"""The full-text index of the initiatives' texts: an FTS5 table with triggers on SQLite, a GIN
index on PostgreSQL (analysis.search_index). Database-specific, so no model state."""

from django.db import migrations


def forwards(apps, schema_editor):
    from stimulans.analysis.search_index import install

    install(schema_editor.connection)


def backwards(apps, schema_editor):
    from stimulans.analysis.search_index import uninstall

    uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0004_text_groups"),
        ("reporting", "0007_reminder_mails"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
