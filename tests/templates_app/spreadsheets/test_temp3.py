"""Template 3 sheets: resources exported under their data set's slug, and imported through the
resource services (new rows, changed rows), matched to a data set's resources in position order."""
import io

import openpyxl
import pytest

from catalog.models import DataType
from templates_app.models import Resource
from templates_app.services import resource_create
from templates_app.spreadsheets.gdc_export import gdcatalog_export
from templates_app.spreadsheets.gdc_import import workbook_import
from tests.templates_app.factories import resource_values

from .conftest import edit, find_row, workbook_bytes
from .test_export import as_gd_importer


@pytest.fixture
def with_resources(filled, agency_user, doae_domain):
    made = {}
    for data_type in (DataType.STATISTICAL, DataType.GIS, DataType.RECORD):
        made[data_type] = resource_create(record=filled[data_type], values=resource_values(data_type),
                                          by=agency_user)
    return made


def run(data, user, dry_run=True):
    return workbook_import(file=io.BytesIO(data), agency=user.agency, user=user, dry_run=dry_run)


def test_resources_come_back_where_the_gd_importer_reads_them(filled, with_resources):
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    [stat] = as_gd_importer(workbook, "Temp3_Resource_Stat")
    assert stat["dataset_name"] == filled[DataType.STATISTICAL].dataset_name  # joins to Temp2 column A
    assert stat["resource_url"] == "https://pattani.doae.go.th/opendata/durian.csv"
    assert stat["resource_last_updated_date"] == "2566-09-30" and stat["resource_data_release_calendar"] == "2566-12-31"
    assert stat["resource_disaggregate"] == "อายุ/กลุ่มอายุ" and stat["resource_official_statistics"] == "False"  # stored as typed
    assert stat["resource_first_year_of_data"] == "2560" and stat["format"] == "CSV"
    [gis] = as_gd_importer(workbook, "Temp3_Resource_GIS")
    assert gis["resource_equivalent_scale"] == "1:50,000" and gis["resource_created_date"] == "2565-10-01"
    temp2_slugs = {row["name"] for row in as_gd_importer(workbook, "Temp2_Meta_Stat")}
    assert stat["dataset_name"] in temp2_slugs


def test_round_trip_with_resources_reports_no_change(with_resources, agency_user):
    report = run(workbook_bytes(agency_user.agency), agency_user)
    assert report.errors == [] and (report.created, report.updated) == (0, 0)
    assert report.unchanged == 6 + 3


def test_a_changed_and_a_new_resource_row_are_applied_through_the_services(filled, with_resources, agency_user):
    slug = filled[DataType.STATISTICAL].dataset_name
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp3_Resource_Stat", slug)
    new_row = row + 1
    values = ["", "ตารางใหม่", "https://pattani.doae.go.th/opendata/new.csv", "รายละเอียดใหม่", "ไม่มีเงื่อนไข",
              "2567-01-31", "XLSX", "2561", "2566", "31/12/2567", "เพศ", "ราย", "หน่วย", "ใช่"]
    changes = {("Temp3_Resource_Stat", f"L{row}"): "ตัน"}
    changes.update({("Temp3_Resource_Stat", f"{letter}{new_row}"): value
                    for letter, value in zip("ABCDEFGHIJKLMN", [slug, *values[1:]])})
    data = edit(data, changes)
    preview = run(data, agency_user)
    assert preview.errors == [] and (preview.created, preview.updated) == (1, 1)
    assert Resource.objects.filter(record=filled[DataType.STATISTICAL]).count() == 1

    report = run(data, agency_user, dry_run=False)
    assert report.applied
    first, second = Resource.objects.filter(record=filled[DataType.STATISTICAL]).order_by("position")
    assert first.values["resource_unit_of_measure"] == "ตัน"
    assert first.history.first().history_change_reason == "changed"
    assert second.values["resource_name"] == "ตารางใหม่" and second.values["resource_official_statistics"] == "True"
    assert second.values["resource_last_updated_date"] == "2024-01-31" and second.updated_by == agency_user
    assert run(workbook_bytes(agency_user.agency), agency_user).updated == 0


def test_a_resource_on_another_domain_is_an_error_with_its_cell(filled, with_resources, agency_user):
    slug = filled[DataType.RECORD].dataset_name
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp3_Resource_Record", slug)
    report = run(edit(data, {("Temp3_Resource_Record", f"C{row}"): "https://example.com/x.csv"}), agency_user)
    assert [(e.sheet, e.row, e.column, e.field, e.item) for e in report.errors] == [
        ("Temp3_Resource_Record", row, "C", "resource_url", "3")]


def test_a_resource_row_for_a_data_set_not_started_is_an_error(filled, agency_user, doae_domain):
    from templates_app.services import dataset_name_default

    data = workbook_bytes(agency_user.agency)
    slug = dataset_name_default(filled["not_started"])
    report = run(edit(data, {("Temp3_Resource_Record", "A6"): slug, ("Temp3_Resource_Record", "B6"): "x"}),
                 agency_user)
    assert [e.code for e in report.errors] == ["no_record"]


def test_preflight_flags_a_resource_without_url(filled, with_resources):
    Resource.objects.filter(pk=with_resources[DataType.GIS].pk).update(
        values={**with_resources[DataType.GIS].values, "resource_url": ""})
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()), read_only=True)
    rows = list(workbook["รายงานตรวจสอบก่อนนำเข้า"].iter_rows(min_row=5, values_only=True))
    assert ("Temp3_Resource_GIS", "C6", "missing_url") in {(r[0], r[1], r[5]) for r in rows}
