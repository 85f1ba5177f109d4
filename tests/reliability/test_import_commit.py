"""Workbook import when the database refuses at COMMIT, after every row was written.

tests/templates_app/spreadsheets/test_import.py already covers a database error in the middle of
the rows (a trigger raising on the second UPDATE). There the import's `transaction.atomic()` is a
savepoint inside the test's own transaction, so the real COMMIT is never reached. Here the test
runs outside any transaction (`transactional_db`) and the error is a *deferred* foreign key that
the database checks only at COMMIT (Django declares foreign keys DEFERRABLE INITIALLY DEFERRED on
PostgreSQL and SQLite): every service call has returned successfully when the database says no.
"""
import io

import pytest
from django.db import connection

from catalog.models import DataType
from templates_app import services
from templates_app.models import MetadataRecord
from templates_app.spreadsheets.gdc_import import workbook_import
from tests.factories import DimensionFactory, ItemFactory
from tests.templates_app.factories import valid_values
from tests.templates_app.spreadsheets.conftest import edit, find_row, workbook_bytes

NO_SUCH_USER = 2_000_000_000


@pytest.fixture
def records(transactional_db, agency_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    dimension = DimensionFactory()
    return [services.metadata_save_draft(
        item=ItemFactory(agency=agency_user.agency, dimension=dimension, data_type=data_type),
        values=valid_values(data_type), version=None, by=agency_user)
        for data_type in (DataType.RECORD, DataType.STATISTICAL)]


class dangling_updated_by_on_update:
    """A real trigger that points the updated row of `slug` at a user who does not exist."""

    def __init__(self, connection, slug):
        self.connection, self.slug = connection, slug

    def __enter__(self):
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute(
                    "CREATE FUNCTION rel_dangling() RETURNS trigger AS $$ BEGIN "
                    f"NEW.updated_by_id := {NO_SUCH_USER}; RETURN NEW; END; $$ LANGUAGE plpgsql")
                cursor.execute(
                    "CREATE TRIGGER rel_dangling BEFORE UPDATE ON templates_app_metadatarecord FOR EACH ROW "
                    f"WHEN (NEW.dataset_name = '{self.slug}') EXECUTE FUNCTION rel_dangling()")
            else:
                cursor.execute(
                    "CREATE TRIGGER rel_dangling AFTER UPDATE ON templates_app_metadatarecord FOR EACH ROW "
                    f"WHEN NEW.dataset_name = '{self.slug}' AND NEW.updated_by_id IS NOT {NO_SUCH_USER} BEGIN "
                    f"UPDATE templates_app_metadatarecord SET updated_by_id = {NO_SUCH_USER} WHERE id = NEW.id; END")
        return self

    def __exit__(self, *exc):
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER IF EXISTS rel_dangling ON templates_app_metadatarecord")
                cursor.execute("DROP FUNCTION IF EXISTS rel_dangling()")
            else:
                cursor.execute("DROP TRIGGER IF EXISTS rel_dangling")


def test_a_constraint_failing_at_commit_leaves_nothing_written(records, agency_user):
    first, second = records
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {
        ("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', first.dataset_name)}"): "ใหม่ 1",
        ("Temp2_Meta_Stat", f"C{find_row(data, 'Temp2_Meta_Stat', second.dataset_name)}"): "ใหม่ 2",
    })
    history = {record.pk: record.history.count() for record in records}
    assert connection.get_autocommit(), "no surrounding transaction: the import's own COMMIT is the real one"

    with dangling_updated_by_on_update(connection, second.dataset_name):
        report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=False)

    assert [error.code for error in report.errors] == ["database_error"]
    assert not report.applied
    for record in records:
        saved = MetadataRecord.objects.get(pk=record.pk)
        assert (saved.version, saved.values, saved.updated_by_id) == (record.version, record.values, agency_user.pk)
        assert record.history.count() == history[record.pk], "no history row survives the rollback"
    assert connection.get_autocommit() and not connection.in_atomic_block, "the connection is usable again"

    # The same workbook goes through once the database accepts it.
    report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=False)
    assert report.applied and report.updated == 2
    assert MetadataRecord.objects.get(pk=second.pk).values["title"] == "ใหม่ 2"
