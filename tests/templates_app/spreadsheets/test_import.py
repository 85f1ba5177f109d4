"""The agency workbook import: round trip, preview then apply, what people type, errors, atomicity."""
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from catalog.models import DataType
from templates_app import services
from templates_app.models import MetadataRecord
from templates_app.spreadsheets.gdc_import import workbook_import
from tests.templates_app.factories import valid_values

from .conftest import edit, find_row, workbook_bytes


def run(data, user, dry_run=True):
    return workbook_import(file=io.BytesIO(data), agency=user.agency, user=user, dry_run=dry_run)


def test_round_trip_without_edits_reports_no_change(filled, agency_user):
    report = run(workbook_bytes(agency_user.agency), agency_user)
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)


def test_preview_writes_nothing_and_apply_saves_through_the_service(filled, agency_user):
    record = filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Stat", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Stat", f"W{row}"): "ตัน", ("Temp2_Meta_Stat", f"C{row}"): "  ชื่อใหม่  "})
    preview = run(data, agency_user)
    assert (preview.created, preview.updated, preview.errors) == (0, 1, [])
    [changed] = [r for r in preview.rows if r.status == "changed"]
    assert {c["field"]: (c["old"], c["new"]) for c in changed.changes} == {
        "title": (record.values["title"], "ชื่อใหม่"), "unit_of_measure": ("ไร่", "ตัน")}
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version

    applied = run(data, agency_user, dry_run=False)
    assert applied.applied and applied.updated == 1
    saved = MetadataRecord.objects.get(pk=record.pk)
    assert saved.values["unit_of_measure"] == "ตัน" and saved.values["title"] == "ชื่อใหม่"
    assert saved.version == record.version + 1 and saved.updated_by == agency_user
    assert saved.history.first().history_change_reason == "saved"
    assert run(data, agency_user).updated == 0


def test_an_item_not_started_becomes_a_new_record(filled, agency_user):
    item = filled["not_started"]
    data = workbook_bytes(agency_user.agency)
    slug = services.dataset_name_default(item)
    row = find_row(data, "Temp2_Meta_Record", slug)
    data = edit(data, {("Temp2_Meta_Record", f"C{row}"): "ชุดข้อมูลใหม่", ("Temp2_Meta_Record", f"J{row}"): "ปี"})
    report = run(data, agency_user, dry_run=False)
    assert (report.created, report.errors) == (1, [])
    record = MetadataRecord.objects.get(item=item)
    assert record.dataset_name == slug and record.values == {"title": "ชุดข้อมูลใหม่", "update_frequency_unit": "ปี"}


def test_what_people_type_is_accepted(filled, agency_user, harvest):
    record = filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Stat", record.dataset_name)
    data = edit(data, {
        ("Temp2_Meta_Stat", f"T{row}"): "๓๑/๐๓/๒๕๖๗",           # Thai digits, DD/MM/YYYY
        ("Temp2_Meta_Stat", f"U{row}"): dt.datetime(2024, 5, 1),  # an Excel date cell
        ("Temp2_Meta_Stat", f"K{row}"): " ๑ ",                   # Thai digit, spaces
        ("Temp2_Meta_Stat", f"R{row}"): "2,559",                 # thousands separator
        ("Temp2_Meta_Stat", f"AC{row}"): " ใช่ ",
        ("Temp2_Meta_Stat", f"J{row}"): "  ปี ",
        ("Temp2_Meta_Stat", f"N{row}"): " XLS , CSV ",
    })
    report = run(data, agency_user, dry_run=False)
    assert report.errors == []
    values = MetadataRecord.objects.get(pk=record.pk).values
    assert values["data_release_calendar"] == "2024-03-31"
    assert values["last_updated_date"] == "2024-05-01"
    assert values["first_year_of_data"] == "2559"
    assert values["official_statistics"] == "True"
    assert values["update_frequency_interval"] == "1" and values["update_frequency_unit"] == "ปี"
    assert values["data_format"] == ["CSV", "XLS"]


def test_excel_date_cell_typed_with_a_be_year(filled, agency_user):
    record = filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Stat", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Stat", f"U{row}"): dt.datetime(2567, 3, 31)})
    assert run(data, agency_user, dry_run=False).errors == []
    assert MetadataRecord.objects.get(pk=record.pk).values["last_updated_date"] == "2024-03-31"


def test_a_value_outside_the_list_becomes_other_as_the_gd_importer_does(filled, agency_user, harvest):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"L{row}"): "ลุ่มน้ำปัตตานี",
                       ("Temp2_Meta_Record", f"I{row}"): "พันธกิจหน่วยงาน,แผนพัฒนาจังหวัด"})
    assert run(data, agency_user, dry_run=False).errors == []
    values = MetadataRecord.objects.get(pk=record.pk).values
    assert (values["geo_coverage"], values["geo_coverage_other"]) == ("อื่นๆ", "ลุ่มน้ำปัตตานี")
    assert (values["objective"], values["objective_other"]) == (["พันธกิจหน่วยงาน", "อื่นๆ"], "แผนพัฒนาจังหวัด")
    assert run(workbook_bytes(agency_user.agency), agency_user).updated == 0


def test_every_error_names_sheet_row_column_field_and_item_and_nothing_is_written(filled, agency_user):
    stat, gis = filled[DataType.STATISTICAL], filled[DataType.GIS]
    data = workbook_bytes(agency_user.agency)
    stat_row = find_row(data, "Temp2_Meta_Stat", stat.dataset_name)
    gis_row = find_row(data, "Temp2_Meta_GIS", gis.dataset_name)
    data = edit(data, {
        ("Temp2_Meta_Stat", f"F{stat_row}"): "not-an-email",
        ("Temp2_Meta_Stat", f"C{stat_row}"): "ชื่อที่ถูกต้อง",
        ("Temp2_Meta_Stat", f"J{stat_row}"): "ทุกวันจันทร์",   # has อื่นๆ → other, fine
        ("Temp2_Meta_Stat", f"T{stat_row}"): "2024-03-31",     # a C.E. year
        ("Temp2_Meta_GIS", f"T{gis_row}"): "200",
        ("Temp2_Meta_GIS", f"H{gis_row}"): "<script>alert(1)</script>",
        ("Temp2_Meta_Stat", f"AC{stat_row}"): "อาจจะ",
    })
    report = run(data, agency_user, dry_run=False)
    found = {(e.sheet, e.row, e.column, e.field, e.item, e.code) for e in report.errors}
    assert found == {
        ("Temp2_Meta_Stat", stat_row, "F", "maintainer_email", "5", "invalid_email"),
        ("Temp2_Meta_Stat", stat_row, "T", "data_release_calendar", "18", "invalid_date"),
        ("Temp2_Meta_Stat", stat_row, "AC", "official_statistics", "27", "invalid_yes_no"),
        ("Temp2_Meta_GIS", gis_row, "T", "west_bound_longitude", "18", "invalid_longitude"),
        ("Temp2_Meta_GIS", gis_row, "H", "notes", "7", "html"),
    }
    assert not report.applied
    assert MetadataRecord.objects.get(pk=stat.pk).version == stat.version
    with translation.override("th"):
        assert "อีเมล" in next(e.message for e in report.errors if e.code == "invalid_email")
    with translation.override("en"):
        assert "e-mail" in next(e.message for e in report.errors if e.code == "invalid_email")


def test_another_agencys_item_and_an_unknown_code_are_errors(filled, agency_user, other_agency_user, make_item):
    theirs = make_item(DataType.RECORD, agency=other_agency_user.agency)
    theirs = services.metadata_save_draft(item=theirs, values=valid_values(DataType.RECORD), version=None,
                                          by=other_agency_user)
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", filled[DataType.RECORD].dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"A{row}"): theirs.dataset_name,
                       ("Temp2_Meta_Record", "A20"): "no-such-code", ("Temp2_Meta_Record", "C20"): "x"})
    report = run(data, agency_user, dry_run=False)
    codes = {(e.row, e.column, e.code) for e in report.errors}
    assert codes == {(row, "A", "other_agency"), (20, "A", "unknown_slug")}
    assert MetadataRecord.objects.get(pk=theirs.pk).version == theirs.version


def test_a_row_on_the_wrong_sheet_and_a_duplicate_row(filled, agency_user):
    data = workbook_bytes(agency_user.agency)
    stat_slug = filled[DataType.STATISTICAL].dataset_name
    data = edit(data, {("Temp2_Meta_Record", "A20"): stat_slug, ("Temp2_Meta_Stat", "A20"): stat_slug})
    codes = {(e.sheet, e.code) for e in run(data, agency_user).errors}
    assert codes == {("Temp2_Meta_Record", "wrong_sheet"), ("Temp2_Meta_Stat", "duplicate_row")}


def test_a_submitted_record_cannot_be_changed(filled, agency_user):
    record = filled[DataType.RECORD]
    services.metadata_submit(item=record.item, values=valid_values(DataType.RECORD), version=record.version,
                             by=agency_user)
    data = workbook_bytes(agency_user.agency)
    assert run(data, agency_user).errors == []
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    codes = [e.code for e in run(edit(data, {("Temp2_Meta_Record", f"C{row}"): "ใหม่"}), agency_user).errors]
    assert codes == ["locked"]


def test_validation_runs_a_constant_number_of_queries(make_item, agency_user):
    def queries() -> int:
        data = workbook_bytes(agency_user.agency)
        with CaptureQueriesContext(connection) as captured:
            assert run(data, agency_user).errors == []
        return len(captured)

    services.metadata_save_draft(item=make_item(), values=valid_values(), version=None, by=agency_user)
    few = queries()
    for data_type in list(DataType) * 2:
        services.metadata_save_draft(item=make_item(data_type), values=valid_values(data_type), version=None,
                                     by=agency_user)
    assert queries() == few


def test_apply_rolls_back_every_row_when_the_database_fails_midway(filled, agency_user):
    """A real IntegrityError from a trigger on the second record's update: the first must not stay saved."""
    first, second = filled[DataType.RECORD], filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {
        ("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', first.dataset_name)}"): "ใหม่ 1",
        ("Temp2_Meta_Stat", f"C{find_row(data, 'Temp2_Meta_Stat', second.dataset_name)}"): "ใหม่ 2",
    })
    with _failing_update_trigger(second.dataset_name):
        report = run(data, agency_user, dry_run=False)
    assert [e.code for e in report.errors] == ["database_error"]
    assert not report.applied
    assert MetadataRecord.objects.get(pk=first.pk).values["title"] == first.values["title"]
    assert MetadataRecord.objects.get(pk=first.pk).version == first.version
    assert MetadataRecord.objects.get(pk=second.pk).version == second.version


class _failing_update_trigger:
    def __init__(self, slug):
        self.slug = slug

    def __enter__(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "CREATE FUNCTION xchg_fail() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'conflict' USING ERRCODE = 'unique_violation'; END; $$ LANGUAGE plpgsql")
                cursor.execute(
                    "CREATE TRIGGER xchg_fail BEFORE UPDATE ON templates_app_metadatarecord FOR EACH ROW "
                    f"WHEN (NEW.dataset_name = '{self.slug}') EXECUTE FUNCTION xchg_fail()")
            else:
                cursor.execute(
                    "CREATE TRIGGER xchg_fail BEFORE UPDATE ON templates_app_metadatarecord FOR EACH ROW "
                    f"WHEN NEW.dataset_name = '{self.slug}' BEGIN SELECT RAISE(ABORT, 'conflict'); END")

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER xchg_fail ON templates_app_metadatarecord"
                           if connection.vendor == "postgresql" else "DROP TRIGGER xchg_fail")
            if connection.vendor == "postgresql":
                cursor.execute("DROP FUNCTION xchg_fail()")


def test_confirming_a_stale_preview_applies_nothing(filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    preview = run(data, agency_user)
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user,
                                 values=valid_values(DataType.RECORD, notes="แก้บนเว็บ", title=record.values["title"]))
    report = workbook_import(file=io.BytesIO(data), agency=agency_user.agency, user=agency_user, dry_run=False,
                             expected_digest=preview.digest)
    assert report.stale and not report.applied
    assert MetadataRecord.objects.get(pk=record.pk).values["title"] == record.values["title"]


@pytest.mark.parametrize("text", ["a" * 100_000])
def test_a_cell_with_100000_characters_is_an_error(filled, agency_user, text):
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", filled[DataType.RECORD].dataset_name)
    report = run(edit(data, {("Temp2_Meta_Record", f"H{row}"): text}), agency_user)
    assert [(e.column, e.code) for e in report.errors] == [("H", "max_length")]
    assert len(report.errors[0].message) < 200


def test_schema_22_adds_the_classification_column_and_round_trips(filled, agency_user, settings):
    settings.GDC_IMPORTER_VERSION = "2.2"
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    assert run(data, agency_user).errors == []
    report = run(edit(data, {("Temp2_Meta_Record", f"P{row}"): "เปิดเผย"}), agency_user, dry_run=False)
    assert report.errors == [] and report.updated == 1
    assert MetadataRecord.objects.get(pk=record.pk).values["data_classification"] == "เปิดเผย"
    wrong = run(edit(data, {("Temp2_Meta_Record", f"P{row}"): "ลับ"}), agency_user)
    assert [(e.column, e.field, e.item, e.code) for e in wrong.errors] == [
        ("P", "data_classification", "14", "classification_category")]


def test_a_row_of_an_item_removed_from_template1_is_unknown(filled, agency_user, office_user):
    from catalog.services import item_remove

    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    item_remove(item=record.item, reason="ยุบรายการ", by=office_user)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    report = run(edit(data, {("Temp2_Meta_Record", f"C{row}"): "ใหม่"}), agency_user)
    assert [(e.row, e.code) for e in report.errors] == [(row, "unknown_slug")]


def test_a_one_value_cell_is_read_whole_as_the_gd_importer_reads_it(filled, agency_user):
    record = filled[DataType.RECORD]
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user, values={
        **record.values, "objective": ["อื่นๆ"], "objective_other": "แผนพัฒนาจังหวัด, ฉบับที่ 5"})
    data = workbook_bytes(agency_user.agency)
    assert run(data, agency_user).updated == 0  # the "other" text with a comma comes back unchanged
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    report = run(edit(data, {("Temp2_Meta_Record", f"I{row}"): "พันธกิจหน่วยงาน,มติคณะรัฐมนตรี"}), agency_user)
    assert [e.code for e in report.errors] == ["one_value"]
