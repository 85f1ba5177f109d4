"""Every bad file gets a clear error, nothing is written, and nothing is loaded that should not be."""
import io
import os
import re
import zipfile

import openpyxl
import pytest

from catalog.models import DataType
from templates_app.models import MetadataRecord
from templates_app.spreadsheets.gdc_import import workbook_import

from .conftest import edit, find_row, workbook_bytes


def codes(data, user) -> list[str]:
    before = list(MetadataRecord.objects.values_list("pk", "version"))
    report = workbook_import(file=io.BytesIO(data), agency=user.agency, user=user, dry_run=False)
    assert not report.applied and report.errors
    assert list(MetadataRecord.objects.values_list("pk", "version")) == before
    assert all(error.message for error in report.errors)
    return [error.code for error in report.errors]


def rezip(data: bytes, replace: dict) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = replace.get(info.filename, source.read(info.filename))
            if callable(body):
                body = body(source.read(info.filename))
            if body is not None:
                target.writestr(info.filename, body)
        for name, body in replace.items():
            if name not in source.namelist() and not callable(body) and body is not None:
                target.writestr(name, body)
    return out.getvalue()


def sheet_part(data: bytes, title: str) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return workbook[title]._worksheet_path.lstrip("/")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
    "ชื่อ,อีเมล\nทุเรียน,a@b.c\n".encode(),
    bytes(range(256)) * 40,
], ids=["renamed-pdf", "csv", "random-bytes"])
def test_not_an_xlsx(filled, agency_user, data):
    assert codes(data, agency_user) == ["not_xlsx"]


def test_random_bytes_from_os(filled, agency_user):
    data = b"\x00" + os.urandom(5000)
    assert codes(data, agency_user) == ["not_xlsx"]


def test_a_truncated_xlsx_is_corrupted(filled, agency_user):
    data = workbook_bytes(agency_user.agency)
    assert codes(data[: len(data) // 2], agency_user) == ["corrupted"]


def test_a_damaged_sheet_inside_the_zip_is_corrupted(filled, agency_user):
    data = workbook_bytes(agency_user.agency)
    part = sheet_part(data, "Temp2_Meta_Record")
    assert codes(rezip(data, {part: b"<worksheet><sheetData><row"}), agency_user) == ["corrupted"]


def test_a_password_protected_workbook(filled, agency_user):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "EncryptedPackage".encode("utf-16-le")
    assert codes(ole, agency_user) == ["encrypted"]


def test_over_10_mb_is_refused_before_reading(filled, agency_user):
    class Huge(io.BytesIO):
        size = 10 * 1024 * 1024 + 1

        def read(self, *args):
            raise AssertionError("read before the size check")

    report = workbook_import(file=Huge(), agency=agency_user.agency, user=agency_user, dry_run=False)
    assert [error.code for error in report.errors] == ["too_large"]
    assert codes(b"PK\x03\x04" + b"\x00" * (10 * 1024 * 1024), agency_user) == ["too_large"]


def test_a_decompression_bomb_is_refused_from_the_zip_directory(filled, agency_user):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (120 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    assert codes(out.getvalue(), agency_user) == ["bomb"]


def test_a_sheet_declaring_over_20000_rows_is_refused_without_reading_it(filled, agency_user):
    data = edit(workbook_bytes(agency_user.agency), {})  # saved by Excel-like openpyxl: with <dimension>
    part = sheet_part(data, "Temp2_Meta_Stat")
    huge = rezip(data, {part: lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:AC90000"', xml)})
    assert b"A1:AC90000" in zipfile.ZipFile(io.BytesIO(huge)).read(part)
    assert codes(huge, agency_user) == ["too_many_rows"]


def test_a_sheet_with_over_20000_rows_and_no_dimension_is_stopped_while_streaming(filled, agency_user):
    data = workbook_bytes(agency_user.agency)
    part = sheet_part(data, "Temp3_Resource_Record")
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                    for n in range(6, 20_020))

    def grow(xml):
        xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    assert "too_many_rows" in codes(rezip(data, {part: grow}), agency_user)


def test_a_missing_and_an_extra_sheet(filled, agency_user):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))
    del workbook["Temp3_Resource_GIS"]
    workbook.create_sheet("Sheet1")
    out = io.BytesIO()
    workbook.save(out)
    report = workbook_import(file=io.BytesIO(out.getvalue()), agency=agency_user.agency, user=agency_user,
                             dry_run=True)
    assert {(e.code, e.sheet) for e in report.errors} == {("missing_sheet", "Temp3_Resource_GIS")}
    assert report.ignored_sheets == ["Sheet1"]  # not a reason to refuse the file; named in the preview


def test_a_sheet_whose_column_count_differs_says_which_expected_and_found(filled, agency_user):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))
    workbook["Temp2_Meta_Stat"].delete_cols(5)
    out = io.BytesIO()
    workbook.save(out)
    report = workbook_import(file=io.BytesIO(out.getvalue()), agency=agency_user.agency, user=agency_user,
                             dry_run=True)
    [error] = report.errors
    assert (error.code, error.sheet) == ("column_count", "Temp2_Meta_Stat")
    assert "29" in error.message and "28" in error.message


def test_a_formula_without_cached_value_is_an_error_and_one_with_a_value_is_read(filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    with_formula = edit(data, {("Temp2_Meta_Record", f"C{row}"): "=UPPER(\"x\")"})
    report = workbook_import(file=io.BytesIO(with_formula), agency=agency_user.agency, user=agency_user,
                             dry_run=True)
    assert [(e.code, e.sheet, e.row, e.column) for e in report.errors] == [
        ("formula_without_value", "Temp2_Meta_Record", row, "C")]

    part = sheet_part(with_formula, "Temp2_Meta_Record")
    cached = rezip(with_formula, {part: lambda xml: re.sub(
        rb'(<c r="C%d")([^>]*)><f>([^<]*)</f><v\s*/>' % row, rb'\1\2 t="str"><f>\3</f><v>X</v>', xml)})
    report = workbook_import(file=io.BytesIO(cached), agency=agency_user.agency, user=agency_user, dry_run=True)
    assert report.errors == []
    [changed] = [r for r in report.rows if r.status == "changed"]
    assert changed.changes[0]["new"] == "X"
