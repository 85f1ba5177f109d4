"""Nobody waits forever on a lock: a row another request holds is given up on after `lock_timeout`,
and the user is told "someone else is saving this record, try again" (never a 500), with nothing written.

Two real connections: a thread of its own holds the row `FOR UPDATE` (as a long save would) while the
test's requests run on the main connection, whose `lock_timeout` comes from the settings. PostgreSQL
only: SQLite serialises writers with one whole-database lock (its own busy timeout, not this setting).
"""
import io
import threading
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import translation

from catalog.models import Agency, DataType
from core.locks import BUSY_MESSAGE
from templates_app.models import MetadataRecord, Resource
from templates_app.services import metadata_save_draft, resource_check_many
from templates_app.spreadsheets.gdc_import import workbook_import
from tests.factories import ItemFactory
from tests.progress.factories import ResourceFactory
from tests.templates_app.factories import valid_values
from tests.templates_app.spreadsheets.conftest import edit, find_row, workbook_bytes
from tests.templates_app.test_template2_views import form_data

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="lock_timeout is PostgreSQL's; SQLite serialises writers with one "
                                       "database lock; runs in CI's PostgreSQL pass")
HOLD = 30  # seconds the other connection would hold the row: far longer than anyone may wait


@contextmanager
def held(model, pk):
    """While the block runs, another connection (in its own thread) holds row `pk` of `model` FOR UPDATE."""
    locked, release, failure = threading.Event(), threading.Event(), []

    def hold():
        try:
            with transaction.atomic():
                model.objects.select_for_update().get(pk=pk)
                locked.set()
                release.wait(HOLD)
        except Exception as exc:  # noqa: BLE001 — reported below
            failure.append(exc)
            locked.set()
        finally:
            connections.close_all()  # this thread's connection only

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert locked.wait(HOLD) and not failure, failure
    try:
        yield
        assert thread.is_alive(), "the row was still held when the request answered"
    finally:
        release.set()
        thread.join(HOLD)


def busy_text() -> str:
    with translation.override("th"):
        return str(BUSY_MESSAGE)


@pytest.fixture
def record(transactional_db, agency_user):
    item = ItemFactory(agency=agency_user.agency, data_type=DataType.STATISTICAL)
    return metadata_save_draft(item=item, values=valid_values(), version=None, by=agency_user)


def test_connections_carry_the_lock_timeout(transactional_db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "2s"
    assert "lock_timeout=2000" in settings.DATABASES["default"]["OPTIONS"]["options"]


def test_the_template2_form_says_someone_else_is_saving(client, record, agency_user):
    client.force_login(agency_user)
    data = form_data(valid_values(notes="แก้ระหว่างที่อีกคนบันทึก"), version=record.version, save="1")
    with held(MetadataRecord, record.pk):
        response = client.post(f"/items/{record.item_id}/metadata/", data)
    assert response.status_code == 200 and busy_text() in response.content.decode()
    assert "แก้ระหว่างที่อีกคนบันทึก" in response.content.decode()  # what the user typed is still in the form
    saved = MetadataRecord.objects.get(pk=record.pk)
    assert saved.version == record.version and saved.values == record.values


def test_the_workbook_import_says_someone_else_is_saving(record, agency_user):
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Stat", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Stat", f"C{row}"): "ชื่อใหม่จากไฟล์"})
    with held(MetadataRecord, record.pk):
        report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=False)
    assert not report.applied and [error.code for error in report.errors] == ["record_busy"]
    assert MetadataRecord.objects.get(pk=record.pk).values["title"] == record.values["title"]


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_any_other_write_answers_409_as_json_or_a_page(transactional_db, client, office_user, agency_user, accept):
    agency = agency_user.agency
    client.force_login(office_user)
    data = {"contact_name": "ใหม่", "contact_email": "", "contact_phone": "", "domains": "pattani.go.th"}
    with held(Agency, agency.pk):
        response = client.post(f"/agencies/contacts/{agency.code}/", data, HTTP_ACCEPT=accept)
    assert response.status_code == 409
    if accept == "application/json":
        assert response.json() == {"error": "record_busy", "message": busy_text()}
    else:
        assert busy_text() in response.content.decode()
    assert Agency.objects.get(pk=agency.pk).contact_name == ""


def test_the_link_checker_skips_a_resource_being_saved_instead_of_waiting(record):
    resource = ResourceFactory(record=record, url="http://127.0.0.1:9/data.csv", url_status=Resource.UrlStatus.UNCHECKED)
    with held(Resource, resource.pk):
        assert resource_check_many(resources=[resource]) == []
    assert Resource.objects.get(pk=resource.pk).url_status == Resource.UrlStatus.UNCHECKED
