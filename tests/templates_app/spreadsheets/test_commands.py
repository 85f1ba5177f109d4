"""export_gdcatalog and import_workbook through call_command."""
import io
import json

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from catalog.models import DataType
from templates_app.models import MetadataRecord

from .conftest import edit, find_row, workbook_bytes


def test_export_gdcatalog_writes_the_workbook(filled, agency_user, tmp_path):
    out = io.StringIO()
    path = tmp_path / "gd.xlsx"
    call_command("export_gdcatalog", "--output", str(path), "--agency", agency_user.agency.code, stdout=out)
    assert "5 records" in out.getvalue()
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert "Temp2_Meta_Stat" in workbook.sheetnames and "รายงานตรวจสอบก่อนนำเข้า" in workbook.sheetnames


def test_export_gdcatalog_filters_and_refuses_unknown_values(filled, tmp_path):
    issue = filled[DataType.RECORD].item.issue
    out = io.StringIO()
    call_command("export_gdcatalog", "--output", str(tmp_path / "a.xlsx"), "--issue", str(issue.number),
                 "--approved-only", stdout=out)
    assert "0 records" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("export_gdcatalog", "--output", str(tmp_path / "b.xlsx"), "--agency", "NOPE")


def _file(tmp_path, data) -> str:
    path = tmp_path / "filled.xlsx"
    path.write_bytes(data)
    return str(path)


def test_import_workbook_json_dry_run_and_apply(filled, agency_user, tmp_path):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    out = io.StringIO()
    call_command("import_workbook", _file(tmp_path, data), "--agency", agency_user.agency.code, "--dry-run",
                 "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"created": 0, "updated": 1, "unchanged": 5, "errors": []}
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version

    call_command("import_workbook", _file(tmp_path, data), "--agency", agency_user.agency.code, stdout=io.StringIO())
    assert MetadataRecord.objects.get(pk=record.pk).values["title"] == "ใหม่"


def test_import_workbook_exits_1_with_errors_and_writes_nothing(filled, agency_user, tmp_path):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"C{row}"): "ใหม่", ("Temp2_Meta_Record", f"F{row}"): "bad"})
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_workbook", _file(tmp_path, data), "--agency", agency_user.agency.code, "--json",
                     stdout=out)
    assert raised.value.returncode == 1
    report = json.loads(out.getvalue())
    assert report["errors"] == [{"sheet": "Temp2_Meta_Record", "row": row, "column": "F", "field": "maintainer_email",
                                 "item": "5", "code": "invalid_email", "message": report["errors"][0]["message"]}]
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version


def test_import_workbook_rejects_a_pdf(filled, agency_user, tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_workbook", _file(tmp_path, b"%PDF-1.4"), "--agency", agency_user.agency.code, "--json",
                     stdout=out)
    assert [e["code"] for e in json.loads(out.getvalue())["errors"]] == ["not_xlsx"]
