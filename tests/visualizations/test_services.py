"""Uploading a data table: accepted whole as a new version, or refused whole with every error."""
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from visualizations.models import IssueFindings, TableRow, TableVersion
from visualizations.services import findings_update, table_version_upload
from visualizations.spreadsheets import MAX_ROWS

from .conftest import csv_bytes, district_rows


def _errors(exc: ValidationError) -> list[tuple]:
    return [(e.params["row"], e.params["column"], e.params["value"], e.code) for e in exc.error_dict["file"]]


def _refused(item, content: bytes, filename: str = "table.csv") -> list[tuple]:
    with pytest.raises(ValidationError) as exc:
        table_version_upload(item=item, content=content, filename=filename)
    assert not TableVersion.objects.exists() and not TableRow.objects.exists()
    return _errors(exc.value)


def test_valid_csv_becomes_version_one(planted_item):
    content = csv_bytes([["2565", "9401", "1,200"], ["2566", "โคกโพธิ์", "๑,๓๐๐.๕"], ["2566", "ปัตตานี", "5000"]])
    version = table_version_upload(item=planted_item, content=content, filename="area.csv")
    assert (version.number, version.row_count, version.period_kind, version.is_synthetic) == (1, 3, "year", False)
    values = sorted((r.period, r.area_level, r.area_code, float(r.value)) for r in version.rows.all())
    assert values == [("2565", "district", "9401", 1200.0), ("2566", "district", "9402", 1300.5),
                      ("2566", "province", "94", 5000.0)]


def test_earlier_versions_stay(planted_item):
    for value in ("10", "20"):
        table_version_upload(item=planted_item, content=csv_bytes([["2566", "9401", value]]), filename="a.csv")
    assert list(TableVersion.objects.values_list("number", flat=True).order_by("number")) == [1, 2]
    assert TableRow.objects.count() == 2


def test_disaggregation_columns_are_kept(planted_item):
    content = csv_bytes([["2566", "9401", "10", "ชาย"], ["2566", "9401", "12", "หญิง"]],
                        headers=("ช่วงเวลา", "พื้นที่", "ค่า", "เพศ"))
    version = table_version_upload(item=planted_item, content=content, filename="a.csv")
    assert sorted(r.breakdown["เพศ"] for r in version.rows.all()) == ["ชาย", "หญิง"]


def test_xlsx_upload(planted_item):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["period", "area", "value"])
    sheet.append([2566, "9403", 1234.5])
    sheet.append(["2566-Q1", "9404", "7"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    errors = _refused(planted_item, buffer.getvalue(), "table.xlsx")
    assert errors == [(3, "period", "2566-Q1", "mixed_periods")]
    sheet.delete_rows(3)
    buffer = io.BytesIO()
    workbook.save(buffer)
    version = table_version_upload(item=planted_item, content=buffer.getvalue(), filename="table.xlsx")
    assert version.row_count == 1


@pytest.mark.parametrize("row, expected", [
    (["2566", "9401", "สิบ"], (2, "value", "สิบ", "not_a_number")),
    (["2566", "9401", ""], (2, "value", "", "required")),
    (["2566", "9499", "10"], (2, "area", "9499", "unknown_area")),
    (["2566", "หาดใหญ่", "10"], (2, "area", "หาดใหญ่", "unknown_area")),
    (["2023", "9401", "10"], (2, "period", "2023", "not_buddhist_era")),
    (["2566-13", "9401", "10"], (2, "period", "2566-13", "bad_period")),
    (["เมื่อวาน", "9401", "10"], (2, "period", "เมื่อวาน", "bad_period")),
])
def test_each_bad_row_kind_is_listed_and_nothing_stored(planted_item, row, expected):
    assert _refused(planted_item, csv_bytes([row])) == [expected]


def test_every_error_is_listed_with_row_column_value(planted_item):
    content = csv_bytes([["2566", "9401", "1"], ["2566", "9499", "x"], ["2023", "9401", "2"], ["2566", "9401", "3"]])
    assert _refused(planted_item, content) == [
        (3, "area", "9499", "unknown_area"), (3, "value", "x", "not_a_number"),
        (4, "period", "2023", "not_buddhist_era"), (5, "area", "9401", "duplicate")]


@pytest.mark.parametrize("headers, missing", [(("period", "area"), "value"), (("ปี", "ค่า"), "area"),
                                              (("foo", "area", "value"), "period")])
def test_missing_column(planted_item, headers, missing):
    errors = _refused(planted_item, csv_bytes([["2566", "9401", "1"][: len(headers)]], headers=headers))
    assert (1, missing, "", "missing_column") in errors


@pytest.mark.parametrize("content, code", [(b"", "empty"), (b"  \n\n", "empty"),
                                           (b"period,area,value\n", "no_rows")])
def test_empty_file(planted_item, content, code):
    assert [e[3] for e in _refused(planted_item, content)] == [code]


def test_wrong_file_type(planted_item):
    assert [e[3] for e in _refused(planted_item, b"abc", "table.pdf")] == ["bad_format"]
    assert [e[3] for e in _refused(planted_item, b"not a workbook", "table.xlsx")] == ["not_xlsx"]


def test_more_rows_than_the_documented_limit_is_refused(planted_item):
    assert MAX_ROWS == 50_000
    content = csv_bytes(district_rows(100_000))
    assert [e[3] for e in _refused(planted_item, content)] == ["too_many_rows"]


def test_findings_update_is_idempotent_and_limited(pattani, planted_item):
    issue = planted_item.issue
    findings_update(issue=issue, text="  - ข้อ 1\r\n- ข้อ 2  ")
    findings_update(issue=issue, text="สรุป")
    assert list(IssueFindings.objects.values_list("text", flat=True)) == ["สรุป"]
    with pytest.raises(ValidationError) as exc:
        findings_update(issue=issue, text="ก" * 20_001)
    assert exc.value.error_dict["text"][0].code == "max_length"


def test_removing_the_findings_is_an_explicit_act(pattani, planted_item):
    issue = planted_item.issue
    findings_update(issue=issue, text="สรุป")
    for text in ("", "  \r\n "):
        with pytest.raises(ValidationError) as exc:
            findings_update(issue=issue, text=text)
        assert exc.value.error_dict["text"][0].code == "findings_cleared"
    assert IssueFindings.objects.get(issue=issue).text == "สรุป"
    findings_update(issue=issue, text="", clear=True)
    assert IssueFindings.objects.get(issue=issue).text == ""
