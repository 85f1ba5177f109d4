"""The import's writes: two batches (Template 2, then Template 3), a constant number of queries whatever
the number of rows, a row the service refuses reported at its cells, and then nothing written."""
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import DataType
from templates_app import services
from templates_app.models import MetadataRecord, Resource
from templates_app.spreadsheets.gdc_import import workbook_import
from templates_app.spreadsheets.gdc_layout import FIRST_DATA_ROW, sheet_specs
from tests.templates_app.factories import resource_values, valid_values

from .conftest import edit, find_row, workbook_bytes


def run(data, user, dry_run=True):
    return workbook_import(file=io.BytesIO(data), agency=user.agency, user=user, dry_run=dry_run)


def every_row_edited(data: bytes) -> bytes:
    """Each data row's notes (Temp2) or description (Temp3) with a word added, as the benchmark does."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for spec in sheet_specs():
        names = [column.name for column in spec.columns]
        column = names.index("notes" if "notes" in names else "description") + 1
        sheet = workbook[spec.title]
        for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
            if sheet.cell(row, 1).value:
                sheet.cell(row, column).value = f"{sheet.cell(row, column).value} แก้"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def add_data_sets(n: int, make_item, user) -> None:
    """n public data sets of the user's agency (drafts), every data type in turn, each with one resource."""
    for data_type in (list(DataType) * n)[:n]:
        record = services.metadata_save_draft(item=make_item(data_type), values=valid_values(data_type),
                                              version=None, by=user)
        services.resource_create(record=record, values=resource_values(data_type), by=user)


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_import_takes_the_same_queries_for_twice_the_rows(make_item, agency_user, doae_domain, dry_run):
    def queries() -> tuple[int, int]:
        data = every_row_edited(workbook_bytes(agency_user.agency))
        with CaptureQueriesContext(connection) as captured:
            report = run(data, agency_user, dry_run=dry_run)
        assert report.errors == [] and report.applied is not dry_run
        return len(captured), report.updated

    add_data_sets(3, make_item, agency_user)
    few, rows = queries()
    assert rows == 6
    add_data_sets(3, make_item, agency_user)
    assert queries() == (few, 12)


def test_apply_saves_every_changed_row_with_its_history(make_item, agency_user, doae_domain):
    add_data_sets(2, make_item, agency_user)
    versions = dict(MetadataRecord.objects.values_list("pk", "version"))
    report = run(every_row_edited(workbook_bytes(agency_user.agency)), agency_user, dry_run=False)
    assert report.applied and report.updated == 4
    for record in MetadataRecord.objects.all():
        assert record.values["notes"].endswith(" แก้") and record.version == versions[record.pk] + 1
        assert (record.history.first().history_user, record.history.first().history_change_reason) == (
            agency_user, "saved")
    for resource in Resource.objects.all():
        assert resource.values["description"].endswith(" แก้") and resource.updated_by == agency_user
        assert resource.history.first().history_change_reason == "changed"


def test_a_row_the_service_refuses_is_reported_at_its_cells_and_nothing_is_written(
        filled, agency_user, doae_domain):
    """A Temp3 row for a data set that is not public passes the plan; the resource service refuses it."""
    private = services.metadata_save_draft(
        item=filled[DataType.GIS].item, values=valid_values(DataType.GIS, data_category="ข้อมูลส่วนบุคคล"),
        version=filled[DataType.GIS].version, by=agency_user)
    stat = filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    stat_row = find_row(data, "Temp2_Meta_Stat", stat.dataset_name)
    changes = {("Temp2_Meta_Stat", f"C{stat_row}"): "ชื่อใหม่"}
    changes.update({("Temp3_Resource_GIS", f"{letter}6"): value for letter, value in zip(
        "ABCDEFGHIJKL", [private.dataset_name, "ตาราง", "https://pattani.doae.go.th/a.csv", "คำอธิบาย",
                         "ไม่มีเงื่อนไข", "2566-09-30", "CSV", "1:50,000", "ชั้นข้อมูลแหล่งน้ำ", "2565-10-01",
                         "2566-09-30", "±5 เมตร"])})
    report = run(edit(data, changes), agency_user, dry_run=False)
    assert [(e.sheet, e.row, e.column, e.field, e.code) for e in report.errors] == [
        ("Temp3_Resource_GIS", 6, "A", "dataset_name", "not_public")]
    assert not report.applied
    assert MetadataRecord.objects.get(pk=stat.pk).version == stat.version  # the Temp2 row was rolled back
    assert not Resource.objects.exists()


def test_another_agencys_user_is_refused_on_every_changed_row(filled, agency_user, other_agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    report = workbook_import(file=io.BytesIO(edit(data, {("Temp2_Meta_Record", f"C{row}"): "ใหม่"})),
                             agency=agency_user.agency, user=other_agency_user, dry_run=False)
    assert [(e.sheet, e.row, e.column, e.code) for e in report.errors] == [
        ("Temp2_Meta_Record", row, "A", "permission_denied")]
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version


def test_a_new_data_set_and_its_resource_are_created_by_one_import(filled, agency_user, doae_domain):
    item = filled["not_started"]
    slug = services.dataset_name_default(item)
    data = workbook_bytes(agency_user.agency)
    source = find_row(data, "Temp2_Meta_Record", filled[DataType.RECORD].dataset_name)
    target = find_row(data, "Temp2_Meta_Record", slug)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Temp2_Meta_Record"]
    changes = {("Temp2_Meta_Record", f"{cell.column_letter}{target}"): cell.value
               for cell in sheet[source][1:] if cell.value is not None}
    changes.update({("Temp3_Resource_Record", f"{letter}6"): value for letter, value in zip(
        "ABCDEFGHI", [slug, "ตาราง", "https://pattani.doae.go.th/new.csv", "คำอธิบาย", "ไม่มีเงื่อนไข",
                      "2566-09-30", "CSV", "2565-10-01", "บุคคล"])})
    report = run(edit(data, changes), agency_user, dry_run=False)
    assert report.errors == [] and report.created == 2
    record = MetadataRecord.objects.get(item=item)
    assert record.dataset_name == slug and record.is_public_category
    [resource] = record.resources.all()
    assert (resource.position, resource.url) == (1, "https://pattani.doae.go.th/new.csv")
    assert resource.history.first().history_change_reason == "created"
