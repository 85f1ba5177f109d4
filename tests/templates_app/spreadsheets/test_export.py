"""The GD Catalog export: read back as the GD Catalog importer reads it (row 4 header, row 5 dropped,
columns by position), the pre-flight sheet, formula-like text, constant queries."""
import datetime as dt
import io

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import DataType
from templates_app import services
from templates_app.models import MetadataRecord
from templates_app.services import resource_create
from templates_app.spreadsheets.gdc_export import agency_workbook, gdcatalog_export
from tests.templates_app.factories import resource_values, valid_values

from .test_layout import EXPECTED


def export(**options) -> openpyxl.Workbook:
    stream = io.BytesIO()
    gdcatalog_export(stream=stream, **options)
    return openpyxl.load_workbook(io.BytesIO(stream.getvalue()))


def as_gd_importer(workbook, title) -> list[dict]:
    """header=[3] then drop(0): the 4th row names the columns, the 5th is dropped; fields by position."""
    rows = list(workbook[title].iter_rows(values_only=True))
    names = EXPECTED[title]
    return [dict(zip(names, row)) for row in rows[5:] if any(v is not None for v in row)]


def test_every_value_comes_back_where_the_gd_importer_reads_it(filled, agency_user):
    record = filled[DataType.STATISTICAL]
    record = services.metadata_save_draft(item=record.item, version=record.version, by=agency_user, values=valid_values(
        DataType.STATISTICAL, objective=["พันธกิจหน่วยงาน"], data_release_calendar="2567-10-01",
        official_statistics="False", calculation_method="=1+1", disaggregate=["เพศ"]))
    [row] = as_gd_importer(export(), "Temp2_Meta_Stat")
    values = record.values
    assert row["name"] == record.dataset_name
    assert row["data_type"] == "ข้อมูลสถิติ"
    assert row["owner_org"] == agency_user.agency.name_th
    assert row["title"] == values["title"]
    assert row["tag_string"] == "ทุเรียน,เกษตร,ปัตตานี"
    assert row["objective"] == "พันธกิจหน่วยงาน"
    assert row["update_frequency_unit"] == "ปี" and row["update_frequency_interval"] == "1"
    assert row["data_format"] == "XLS"
    assert row["license_id"] == "Open Data Common"
    assert row["last_updated_date"] == "2567-03-31"  # B.E. YYYY-MM-DD
    assert row["data_release_calendar"] == "2567-10-01"
    assert row["first_year_of_data"] == "2560" and row["last_year_of_data"] == "2566"
    assert row["official_statistics"] == "ไม่ใช่"
    assert row["calculation_method"] == "=1+1"  # text, never a formula
    assert row["disaggregate"] == "เพศ"
    for name in ("maintainer", "maintainer_email", "notes", "geo_coverage", "data_source", "data_category",
                 "unit_of_measure"):
        assert row[name] == values[name], name


def test_formula_like_text_is_stored_as_text(filled, agency_user):
    record = filled[DataType.RECORD]
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user,
                                 values=valid_values(DataType.RECORD, notes="@SUM(A1)", data_source="-แหล่ง",
                                                     title="+ชื่อ"))
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    sheet = workbook["Temp2_Meta_Record"]
    row = next(r for r in sheet.iter_rows(min_row=6) if r[0].value == record.dataset_name)
    assert [row[2].value, row[7].value, row[12].value] == ["+ชื่อ", "@SUM(A1)", "-แหล่ง"]
    assert {row[2].data_type, row[7].data_type, row[12].data_type} == {"s"}


def test_other_text_goes_in_the_cell_and_yes_no_in_thai(filled, agency_user):
    record = filled[DataType.RECORD]
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user, values=valid_values(
        DataType.RECORD, geo_coverage="อื่นๆ", geo_coverage_other="ลุ่มน้ำปัตตานี", high_value_dataset="True",
        reference_data="False", created_date="01/01/2566"))
    [row] = as_gd_importer(export(), "Temp2_Meta_Record")
    assert row["geo_coverage"] == "ลุ่มน้ำปัตตานี"
    assert row["high_value_dataset"] == "ใช่" and row["reference_data"] == "ไม่ใช่"
    assert row["created_date"] == "2566-01-01"


def test_title_block_names_province_issue_and_be_date(filled, agency_user):
    issue = filled[DataType.RECORD].item.issue
    sheet = export(issue=issue)["Temp2_Meta_Record"]
    assert "ปัตตานี" in sheet["A1"].value
    assert str(issue.number) in sheet["A2"].value and issue.title_th in sheet["A2"].value
    assert str(dt.date.today().year + 543) in sheet["A3"].value


def test_preflight_lists_what_the_importer_would_not_take(filled, agency_user, settings):
    settings.GDC_DELIVERY = "harvest"  # saved while lists were allowed, exported for the workbook route
    stat, record = filled[DataType.STATISTICAL], filled[DataType.RECORD]
    values = valid_values(DataType.STATISTICAL, data_format=["CSV", "XLS"])
    del values["official_statistics"]
    services.metadata_save_draft(item=stat.item, values=values, version=stat.version, by=agency_user)
    values = valid_values(DataType.RECORD)
    del values["high_value_dataset"]
    services.metadata_save_draft(item=record.item, values=values, version=record.version, by=agency_user)
    settings.GDC_DELIVERY = "workbook"
    workbook = export()
    rows = list(workbook["รายงานตรวจสอบก่อนนำเข้า"].iter_rows(min_row=5, values_only=True))
    codes = {(row[0], row[3], row[5]) for row in rows}
    assert ("Temp2_Meta_Stat", "data_format", "multiple_values") in codes
    assert ("Temp2_Meta_Stat", "official_statistics", "empty_yes_no") in codes
    assert ("Temp2_Meta_Record", "high_value_dataset", "empty_yes_no") in codes
    assert ("Temp2_Meta_Record", "name", "not_approved") in codes
    cell = next(row for row in rows if row[5] == "multiple_values" and row[0] == "Temp2_Meta_Stat")
    assert cell[1] == "N6" and cell[4] == "12" and "อื่นๆ" in cell[6]


def test_preflight_flags_a_slug_that_breaks_ckan_rules(filled):
    MetadataRecord.objects.filter(pk=filled[DataType.GIS].pk).update(dataset_name="Bad Slug!")
    rows = list(export()["รายงานตรวจสอบก่อนนำเข้า"].iter_rows(min_row=5, values_only=True))
    assert any(row[2] == "Bad Slug!" and row[5] == "invalid_slug" for row in rows)


def test_approved_only_exports_the_approved_version(filled, agency_user, office_user):
    record = filled[DataType.RECORD]
    submitted = valid_values(DataType.RECORD)
    record = services.metadata_submit(item=record.item, values=submitted, version=record.version, by=agency_user)
    record = services.metadata_approve(record=record, version=record.version, by=office_user)
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user,
                                 values=valid_values(DataType.RECORD, title="ชื่อใหม่ในฉบับร่าง"))
    workbook = export(approved_only=True)
    rows = as_gd_importer(workbook, "Temp2_Meta_Record")
    assert [row["title"] for row in rows] == [submitted["title"]]
    assert as_gd_importer(workbook, "Temp2_Meta_Stat") == []


def test_agency_and_issue_filters(filled, agency_user, make_item, other_agency_user):
    other = make_item(DataType.RECORD, agency=other_agency_user.agency)
    services.metadata_save_draft(item=other, values=valid_values(DataType.RECORD), version=None, by=other_agency_user)
    assert len(as_gd_importer(export(), "Temp2_Meta_Record")) == 2
    assert len(as_gd_importer(export(agency=other_agency_user.agency), "Temp2_Meta_Record")) == 1


def test_export_runs_a_constant_number_of_queries(make_item, agency_user):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            gdcatalog_export(stream=io.BytesIO())
        return len(captured)

    item = make_item(DataType.STATISTICAL)
    services.metadata_save_draft(item=item, values=valid_values(), version=None, by=agency_user)
    few = queries()
    for data_type in list(DataType) * 3:
        item = make_item(data_type)
        services.metadata_save_draft(item=item, values=valid_values(data_type), version=None, by=agency_user)
    assert queries() == few


def read_only_rows(stream: io.BytesIO, title: str) -> list[tuple]:
    """A sheet's rows as `bench.measure.read_cells` reads them (read-only: no padding past a row's last cell)."""
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()), read_only=True)
    try:
        return [tuple(row) for row in workbook[title].iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_known_export_cell_by_cell(filled, agency_user, doae_domain):
    record = filled[DataType.RECORD]
    resource_create(record=record, values=resource_values(DataType.RECORD), by=agency_user)
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    slug, organisation = record.dataset_name, agency_user.agency.name_th
    temp2 = read_only_rows(stream, "Temp2_Meta_Record")
    assert temp2[4] == tuple(range(1, 26)) and len(temp2) == 6
    # Empty fields stay empty and the row keeps the header's 25 columns.
    assert temp2[5] == (slug, "ข้อมูลระเบียน", record.values["title"], organisation,
                        "กลุ่มยุทธศาสตร์และสารสนเทศ", "info@pattani.go.th", "ทุเรียน,เกษตร,ปัตตานี",
                        "พื้นที่ปลูกทุเรียนรายอำเภอ ปีละครั้ง", "พันธกิจหน่วยงาน", "ปี", "1", "อำเภอ",
                        "สำนักงานเกษตรจังหวัดปัตตานี", "XLS", "ข้อมูลสาธารณะ", "Open Data Common") + (None,) * 7 + (
                        "ไม่ใช่", "ไม่ใช่")
    assert read_only_rows(stream, "Temp3_Resource_Record")[5:] == [(
        slug, "ตารางพื้นที่ปลูกทุเรียนรายอำเภอ ปี 2566", "https://pattani.doae.go.th/opendata/durian.csv",
        "พื้นที่ปลูกทุเรียนรายอำเภอ", "ไม่มีการจำกัดการเข้าถึงข้อมูล", "2566-09-30", "CSV", "2565-10-01", "บุคคล")]
    preflight = read_only_rows(stream, "รายงานตรวจสอบก่อนนำเข้า")
    assert preflight[2] == ("มี 13 ช่องที่ควรตรวจก่อนนำเข้า GD Catalog",)
    assert [row for row in preflight[4:] if row[0] == "Temp2_Meta_Record"] == [
        ("Temp2_Meta_Record", "A6", slug, "name", None, "not_approved",
         "รายการนี้ยังไม่ได้รับการอนุมัติ (สถานะ: ฉบับร่าง)"),
        ("Temp2_Meta_Record", "U6", slug, "data_support", "19", "empty_choice",
         "ช่องตัวเลือกว่างอยู่: โปรแกรมนำเข้า GD Catalog จะบันทึกเป็น “อื่นๆ”"),
        ("Temp2_Meta_Record", "V6", slug, "data_collect", "20", "empty_choice",
         "ช่องตัวเลือกว่างอยู่: โปรแกรมนำเข้า GD Catalog จะบันทึกเป็น “อื่นๆ”"),
    ]


def test_formula_like_text_in_resources_and_slugs_is_stored_as_text(filled, agency_user, doae_domain):
    record = filled[DataType.STATISTICAL]
    resource_create(record=record, values=resource_values(DataType.STATISTICAL, description="=WEBSERVICE(\"x\")",
                                                          resource_name="+ตาราง"), by=agency_user)
    MetadataRecord.objects.filter(pk=record.pk).update(dataset_name="=cmd|' /C calc'!A0")
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    [row] = workbook["Temp3_Resource_Stat"].iter_rows(min_row=6)
    assert [row[0].value, row[1].value, row[3].value] == ["=cmd|' /C calc'!A0", "+ตาราง", "=WEBSERVICE(\"x\")"]
    assert {row[0].data_type, row[1].data_type, row[3].data_type} == {"s"}
    [temp2] = workbook["Temp2_Meta_Stat"].iter_rows(min_row=6, max_col=1)
    assert (temp2[0].value, temp2[0].data_type) == ("=cmd|' /C calc'!A0", "s")
    flagged = [r[2] for r in workbook["รายงานตรวจสอบก่อนนำเข้า"].iter_rows(min_row=5) if r[5].value == "invalid_slug"]
    assert [(cell.value, cell.data_type) for cell in flagged] == [("=cmd|' /C calc'!A0", "s")] * 2  # Temp2, Temp3


def test_every_export_runs_a_constant_number_of_queries_with_resources(make_item, agency_user, doae_domain,
                                                                       office_user):
    def queries(export, **options) -> int:
        with CaptureQueriesContext(connection) as captured:
            export(stream=io.BytesIO(), **options)
        return len(captured)

    def add(data_type):
        item = make_item(data_type)
        record = services.metadata_submit(item=item, values=valid_values(data_type), version=None, by=agency_user)
        services.metadata_approve(record=record, version=record.version, by=office_user)
        for _ in range(2):
            resource_create(record=record, values=resource_values(data_type), by=agency_user)

    add(DataType.STATISTICAL)
    exports = [(gdcatalog_export, {}), (gdcatalog_export, {"approved_only": True}),
               (gdcatalog_export, {"agency": agency_user.agency}), (agency_workbook, {"agency": agency_user.agency})]
    few = [queries(export, **options) for export, options in exports]
    for data_type in list(DataType) * 2:
        add(data_type)
    assert [queries(export, **options) for export, options in exports] == few
    assert few[:3] == [3, 3, 3]  # records, resources, the province's name
