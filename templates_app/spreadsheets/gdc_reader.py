"""Open an uploaded GD Catalog workbook safely and stream its data rows; no database here.

Refused before openpyxl parses anything: over 10 MB, not a zip (a PDF, CSV, old .xls or a
password-protected workbook, which Excel stores as an encrypted OLE file), a zip whose parts
would unpack to more than 100 MB or at a suspicious ratio (a decompression bomb). Then each
sheet is read with `read_only=True, data_only=True` (formulas are never evaluated; a formula
without a cached value is an error), a sheet declaring more than 20,000 data rows is refused
from its <dimension> and the row count is checked again while streaming.
"""
import io
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import iterparse

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .gdc_layout import FIRST_DATA_ROW, HEADER_ROW, LISTS_SHEET, MAX_DATA_ROWS, PREFLIGHT_SHEET, sheet_specs

MAX_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_PARTS = 2000
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

MESSAGES = {
    "too_large": _("The file is larger than 10 MB (%(size)s MB). Split it or remove what is not needed."),
    "empty_file": _("The file is empty."),
    "encrypted": _("This file is password-protected or an old Excel 97–2003 (.xls) file. Save it as an Excel "
                   "workbook (.xlsx) without a password and upload it again."),
    "not_xlsx": _("This is not an Excel workbook (.xlsx). Download the workbook from this page, fill it in Excel "
                  "and upload it as .xlsx."),
    "corrupted": _("The workbook is damaged and cannot be read. Open it in Excel, save it again as .xlsx and upload "
                   "it again."),
    "bomb": _("The workbook would unpack to more than 100 MB; it is refused."),
    "missing_sheet": _("Sheet “%(sheet)s” is missing. Use the workbook downloaded from this page."),
    "extra_sheet": _("Sheet “%(sheet)s” is not part of the GD Catalog workbook. Remove it and upload again."),
    "column_count": _("Sheet “%(sheet)s” has %(found)d columns; the GD Catalog workbook has %(expected)d. "
                      "Do not add, remove or move columns."),
    "too_many_rows": _("Sheet “%(sheet)s” has more than %(limit)d data rows; it is refused."),
    "formula_without_value": _("This cell holds a formula without a computed value. Type the value itself."),
}


def file_error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


@dataclass
class SheetRows:
    spec: object
    rows: list[tuple[int, tuple]] = field(default_factory=list)   # (Excel row number, values by position)


@dataclass
class CellProblem:
    sheet: str
    row: int | None
    column: str
    error: ValidationError


@dataclass
class ReadResult:
    sheets: dict[str, SheetRows] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)

    def fail(self, error: ValidationError, sheet: str = "", row: int | None = None, column: str = "") -> None:
        self.problems.append(CellProblem(sheet, row, column, error))


def read_workbook(data: bytes) -> ReadResult:
    result = ReadResult()
    archive = _open_archive(data, result)
    if archive is None:
        return result
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (KeyError, ValueError, XML errors) for a damaged file
        result.fail(file_error("corrupted"))
        return result
    try:
        _read_sheets(workbook, archive, result)
    except Exception:  # a part damaged inside the zip shows only while streaming it
        result.fail(file_error("corrupted"))
    finally:
        workbook.close()
        archive.close()
    return result


def _open_archive(data: bytes, result: ReadResult) -> zipfile.ZipFile | None:
    if len(data) > MAX_BYTES:
        result.fail(file_error("too_large", size=f"{len(data) / 1024 / 1024:.1f}"))
        return None
    if not data:
        result.fail(file_error("empty_file"))
        return None
    if data.startswith(OLE_MAGIC):
        result.fail(file_error("encrypted"))
        return None
    if not data.startswith(ZIP_MAGIC):
        result.fail(file_error("not_xlsx"))
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        result.fail(file_error("corrupted"))
        return None
    names = {part.filename for part in parts}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        result.fail(file_error("not_xlsx"))
        return None
    total = sum(part.file_size for part in parts)
    suspicious = any(part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1)
                     for part in parts)
    if len(parts) > MAX_PARTS or total > MAX_UNCOMPRESSED or suspicious:
        result.fail(file_error("bomb"))
        return None
    return archive


def _read_sheets(workbook, archive, result: ReadResult) -> None:
    specs = {spec.title: spec for spec in sheet_specs()}
    present = workbook.sheetnames
    for title in specs:
        if title not in present:
            result.fail(file_error("missing_sheet", sheet=title), sheet=title)
    for title in present:
        if title not in specs and title not in (PREFLIGHT_SHEET, LISTS_SHEET):
            result.fail(file_error("extra_sheet", sheet=title), sheet=title)
    for title, spec in specs.items():
        if title in present:
            _read_sheet(workbook[title], spec, archive, result)


def _read_sheet(sheet, spec, archive, result: ReadResult) -> None:
    limit = MAX_DATA_ROWS + FIRST_DATA_ROW - 1
    declared = sheet.max_row  # from the sheet's <dimension>, without reading the rows
    if declared is not None and declared > limit:
        result.fail(file_error("too_many_rows", sheet=spec.title, limit=MAX_DATA_ROWS), sheet=spec.title)
        return
    missing_values = _formulas_without_values(archive, sheet)
    rows = SheetRows(spec)
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > limit:
            result.fail(file_error("too_many_rows", sheet=spec.title, limit=MAX_DATA_ROWS), sheet=spec.title)
            return
        if number == HEADER_ROW:
            found = _last_filled(values)
            if found != spec.width:
                result.fail(file_error("column_count", sheet=spec.title, found=found, expected=spec.width),
                            sheet=spec.title, row=HEADER_ROW)
                return
        if number < FIRST_DATA_ROW or _last_filled(values) == 0:
            continue
        if _last_filled(values) > spec.width:
            result.fail(file_error("column_count", sheet=spec.title, found=_last_filled(values),
                                   expected=spec.width), sheet=spec.title, row=number)
            continue
        padded = tuple(values[:spec.width]) + (None,) * (spec.width - len(values))
        rows.rows.append((number, padded))
    for row, column in (cell for cell in missing_values if cell[0] >= FIRST_DATA_ROW):
        result.fail(file_error("formula_without_value"), sheet=spec.title, row=row, column=column)
    result.sheets[spec.title] = rows


def _last_filled(values) -> int:
    for index in range(len(values), 0, -1):
        value = values[index - 1]
        if value is not None and str(value).strip() != "":
            return index
    return 0


def _formulas_without_values(archive: zipfile.ZipFile, sheet) -> list[tuple[int, str]]:
    """Cells with a formula (<f>) but no cached value (<v>), found by streaming the sheet's XML."""
    path = getattr(sheet, "_worksheet_path", "").lstrip("/")
    if not path or not _contains_formula(archive, path):
        return []
    found = []
    with archive.open(path) as stream:
        for _event, element in iterparse(stream, events=("end",)):
            if element.tag == f"{MAIN_NS}c":
                has_formula = element.find(f"{MAIN_NS}f") is not None
                cached = element.find(f"{MAIN_NS}v")
                if has_formula and (cached is None or not (cached.text or "").strip()):
                    reference = element.get("r", "")
                    letters = "".join(ch for ch in reference if ch.isalpha())
                    digits = "".join(ch for ch in reference if ch.isdigit())
                    found.append((int(digits) if digits else 0, letters))
                element.clear()
            elif element.tag == f"{MAIN_NS}row":
                element.clear()
    return found


def _contains_formula(archive: zipfile.ZipFile, path: str) -> bool:
    tail = b""
    with archive.open(path) as stream:
        while chunk := stream.read(1 << 16):
            if b"<f>" in tail + chunk or b"<f " in tail + chunk or b":f>" in tail + chunk or b":f " in tail + chunk:
                return True
            tail = chunk[-4:]
    return False
