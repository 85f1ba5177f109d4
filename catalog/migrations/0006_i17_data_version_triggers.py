"""The data-version triggers again, after the province migrations: SQLite rebuilds a table it alters
(`catalog_province`, `catalog_developmentissue`, `templates_app_metadatarecord`, …) and drops its triggers
with it. Re-creating them is idempotent (each is dropped first), so PostgreSQL, which kept them, is unchanged."""
from importlib import import_module

from django.db import migrations

data_version = import_module("catalog.migrations.0004_i15_data_version")


def recreate(apps, schema_editor):
    data_version._triggers(schema_editor, create=True)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0005_i17_provinces"),
        ("templates_app", "0007_i17_dataset_code_per_province"),
    ]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
