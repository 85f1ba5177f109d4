"""The importer version a workbook is made for: named in the workbook, chosen by the office, checked on upload;
a workbook laid out as the NSO template with an instructions sheet is read, the extra sheet named."""
import io

import openpyxl
import pytest
from django.utils import translation

from catalog.models import DataType
from templates_app.spreadsheets.gdc_export import agency_workbook, gdcatalog_export
from templates_app.spreadsheets.gdc_import import workbook_import

from .conftest import edit, find_row, workbook_bytes


def gd_workbook(version: str) -> openpyxl.Workbook:
    stream = io.BytesIO()
    gdcatalog_export(stream=stream, version=version)
    return openpyxl.load_workbook(io.BytesIO(stream.getvalue()))


@pytest.mark.parametrize("version, width", [("2.2.4", 26), ("2.1.0", 25)])
def test_the_office_exports_for_the_version_its_site_runs(filled, version, width):
    workbook = gd_workbook(version)
    assert workbook.properties.keywords == f"gdc-importer={version}"
    assert version in workbook["Temp2_Meta_Record"]["A3"].value
    assert workbook["Temp2_Meta_Record"].max_column == width


def test_the_default_is_the_setting(filled, settings):
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    assert openpyxl.load_workbook(stream).properties.keywords == "gdc-importer=2.2.4"


def test_exporting_for_2_1_says_what_does_not_arrive(filled, agency_user, settings):
    from templates_app import services

    settings.GDC_IMPORTER_VERSION = "2.2.4"
    record = filled[DataType.RECORD]
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user, values={
        **record.values, "data_classification": "เปิดเผย", "allow_harvest": "True",
        "license_id": "Creative Commons Attribution No-Derivs"})
    workbook = gd_workbook("2.1.0")
    rows = list(workbook["รายงานตรวจสอบก่อนนำเข้า"].iter_rows(min_row=5, values_only=True))
    codes = {(row[3], row[5]) for row in rows if row[2] == record.dataset_name}
    assert {("data_classification", "not_in_version"), ("allow_harvest", "allow_harvest"),
            ("license_id", "not_in_list")} <= codes
    message = next(row[6] for row in rows if row[5] == "not_in_list")
    assert "2.1.0" in message and "อื่นๆ" in message


def test_a_workbook_of_another_version_is_refused_naming_both(filled, agency_user, settings):
    settings.GDC_IMPORTER_VERSION = "2.1.0"
    data = workbook_bytes(agency_user.agency)
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    with translation.override("th"):
        report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=True)
        [error] = report.errors
        assert error.code == "wrong_version"
        assert "2.1.0" in error.message and "2.2.4" in error.message and "ดาวน์โหลด" in error.message
    assert report.rows == []


def test_a_workbook_without_its_name_is_told_by_its_width(filled, agency_user, settings):
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))
    workbook.properties.keywords = None
    for sheet in [s for s in workbook.worksheets if s.title.startswith("Temp2_")]:
        sheet.delete_cols(16)  # data_classification: the 2.1.0 layout
    out = io.BytesIO()
    workbook.save(out)
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    report = workbook_import(file=io.BytesIO(out.getvalue()), agency=agency_user.agency, user=agency_user,
                             dry_run=True)
    assert [error.code for error in report.errors] == ["wrong_version"]
    assert "2.1.0" in report.errors[0].message


def test_an_nso_layout_workbook_with_an_instructions_sheet_is_read(filled, agency_user):
    record = filled[DataType.RECORD]
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))
    workbook.properties.keywords = None  # the NSO template does not name its version: its width tells
    instructions = workbook.create_sheet("คำอธิบาย", 0)
    instructions["A1"] = "วิธีกรอกแบบฟอร์ม"
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    data = edit(data, {("Temp2_Meta_Record", f"H{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=True)
    assert report.errors == [] and report.updated == 1
    assert report.ignored_sheets == ["คำอธิบาย"]


def test_the_preview_names_the_ignored_sheets(client, filled, agency_user):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))
    workbook.create_sheet("คำอธิบาย", 0)
    out = io.BytesIO()
    workbook.save(out)
    out.name = "agency.xlsx"
    out.seek(0)
    client.force_login(agency_user)
    page = client.post("/exchange/upload/", {"file": out}).content.decode()
    assert 'id="ignored-sheets"' in page and "คำอธิบาย" in page


def test_the_agency_workbook_is_made_for_the_portals_version(filled, agency_user, settings):
    settings.GDC_IMPORTER_VERSION = "2.1.0"
    stream = io.BytesIO()
    agency_workbook(stream=stream, agency=agency_user.agency)
    assert openpyxl.load_workbook(stream).properties.keywords == "gdc-importer=2.1.0"


def test_the_export_page_offers_both_versions_and_downloads_the_one_chosen(client, filled, office_user):
    client.force_login(office_user)
    page = client.get("/exchange/gdcatalog/").content.decode()
    assert 'value="2.1.0"' in page and 'value="2.2.4"' in page
    response = client.get("/exchange/gdcatalog.xlsx", {"version": "2.1.0"})
    assert response.status_code == 200 and "v2.1.0" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.properties.keywords == "gdc-importer=2.1.0"
    assert client.get("/exchange/gdcatalog.xlsx", {"version": "9.9"}).status_code == 400


def test_items_the_workbook_does_not_carry_survive_its_round_trip(filled, agency_user):
    from templates_app import services
    from templates_app.models import MetadataRecord

    record = filled[DataType.RECORD]
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user, values={
        **record.values, "allow_harvest": "True", "reference_url_catalog": "https://data.go.th/dataset/x"})
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"H{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=False)
    assert report.errors == [] and report.updated == 1
    values = MetadataRecord.objects.get(pk=record.pk).values
    assert (values["notes"], values["allow_harvest"], values["reference_url_catalog"]) == (
        "ใหม่", "True", "https://data.go.th/dataset/x")
