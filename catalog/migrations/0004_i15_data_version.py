"""The data version and the triggers that change it on every write to the tables counts are made of.

PostgreSQL: one statement-level trigger per table and operation (a 50,000-row COPY changes it once).
SQLite: row-level triggers (SQLite has no other kind). The new value is random, so a version is
never reused, not even after a database is restored from a backup."""
import secrets

from django.db import migrations, models

WATCHED = [
    "catalog_province", "catalog_agency", "catalog_agencydomain", "catalog_developmentissue", "catalog_dimension",
    "catalog_meeting", "catalog_item", "catalog_itemrevision", "catalog_resolution",
    "templates_app_metadatarecord", "templates_app_resource", "progress_gdcregistration",
]
OPERATIONS = ("insert", "update", "delete")
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION catalog_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_dataversion SET version = (random() * 9.0e18)::bigint WHERE id = 1;
    RETURN NULL;
END $$;
"""
SQLITE_NEW = "abs(random())"


def _triggers(schema_editor, create: bool) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql" and create:
        schema_editor.execute(PG_FUNCTION)
    for table in WATCHED:
        for operation in OPERATIONS:
            name = f"{table}_dv_{operation}"
            if vendor == "postgresql":
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
                if create:
                    schema_editor.execute(f'CREATE TRIGGER "{name}" AFTER {operation.upper()} ON "{table}" '
                                          f"FOR EACH STATEMENT EXECUTE FUNCTION catalog_data_version_bump()")
            elif vendor == "sqlite":
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
                if create:
                    schema_editor.execute(f'CREATE TRIGGER "{name}" AFTER {operation.upper()} ON "{table}" BEGIN '
                                          f"UPDATE catalog_dataversion SET version = {SQLITE_NEW} WHERE id = 1; END")
    if vendor == "postgresql" and not create:
        schema_editor.execute("DROP FUNCTION IF EXISTS catalog_data_version_bump()")


def create(apps, schema_editor):
    apps.get_model("catalog", "DataVersion").objects.using(schema_editor.connection.alias).create(
        id=1, version=secrets.randbits(62))
    _triggers(schema_editor, create=True)


def drop(apps, schema_editor):
    _triggers(schema_editor, create=False)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0003_item_issue_updated_index"),
        ("templates_app", "0006_link_state_offline"),
        ("progress", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={"default_permissions": ()},
        ),
        migrations.RunPython(create, drop),
    ]
