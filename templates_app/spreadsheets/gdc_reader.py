"""Open an uploaded GD Catalog workbook safely and stream its data rows; no database here.

The file is opened by `core.workbooks.open_workbook`, the portal's one safe reader (size, zip and
XML checks before openpyxl parses anything; `read_only=True, data_only=True`: formulas are never
evaluated; a formula without a cached value is an error). A sheet declaring more than 20,000 data
rows is refused from its <dimension> and the row count is checked again while streaming.
"""
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import iterparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.workbooks import MAX_BYTES, WorkbookRefused, open_workbook

from templates_app.gdschema import importer_version
from templates_app.gdschema.versions import VERSIONS

from .gdc_layout import (
    FIRST_DATA_ROW, HEADER_ROW, LISTS_SHEET, MAX_DATA_ROWS, PREFLIGHT_SHEET, VERSIONS_SHEET, sheet_specs,
)

VERSION_KEYWORD = "gdc-importer="  # gdc_export writes it in the workbook's keywords

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

MESSAGES = {
    "missing_sheet": _("Sheet “%(sheet)s” is missing. Use the workbook downloaded from this page."),
    "wrong_version": _("This workbook was made for the GD Catalog importer version %(found)s; this portal prepares "
                       "data for version %(expected)s. Its columns differ, so nothing was read. Download a new "
                       "workbook from this page and copy your changes into it."),
    "column_count": _("Sheet “%(sheet)s” has %(found)d columns; the GD Catalog workbook has %(expected)d. "
                      "Do not add, remove or move columns."),
    "too_many_rows": _("Sheet “%(sheet)s” has more than %(limit)d data rows; it is refused."),
    "formula_without_value": _("This cell holds a formula without a computed value. Type the value itself."),
}


def file_error(code: str, **params) -> ValidationError:
    if code not in MESSAGES:  # a refusal of the file itself (too large, not a workbook, …)
        return WorkbookRefused(code, **params)
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
    ignored: list[str] = field(default_factory=list)   # sheets that are not GD Catalog data (e.g. instructions)
    downloaded: dict[str, int] = field(default_factory=dict)  # data set code → its version when downloaded

    def fail(self, error: ValidationError, sheet: str = "", row: int | None = None, column: str = "") -> None:
        self.problems.append(CellProblem(sheet, row, column, error))


def read_workbook(data: bytes) -> ReadResult:
    result = ReadResult()
    try:
        opened = open_workbook(data, max_bytes=MAX_BYTES)
    except WorkbookRefused as refused:
        result.fail(refused)
        return result
    with opened:
        try:
            _read_sheets(opened, result)
        except Exception:  # a part damaged inside the zip shows only while streaming it
            result.fail(file_error("corrupted"))
    return result


def _read_sheets(opened, result: ReadResult) -> None:
    workbook = opened.workbook
    specs = {spec.title: spec for spec in sheet_specs()}
    present = workbook.sheetnames
    found = _made_for(workbook, present, opened)
    if found is not None and found != importer_version():
        result.fail(file_error("wrong_version", found=found, expected=importer_version()))
        return
    for title in specs:
        if title not in present:
            result.fail(file_error("missing_sheet", sheet=title), sheet=title)
    ours = (PREFLIGHT_SHEET, LISTS_SHEET, VERSIONS_SHEET)
    result.ignored = [title for title in present if title not in specs and title not in ours]
    if VERSIONS_SHEET in present:
        result.downloaded = _downloaded(opened, workbook[VERSIONS_SHEET])
    for title, spec in specs.items():
        if title in present:
            _read_sheet(workbook[title], spec, opened, result)


def _read_sheet(sheet, spec, opened, result: ReadResult) -> None:
    limit = MAX_DATA_ROWS + FIRST_DATA_ROW - 1
    declared = sheet.max_row  # from the sheet's <dimension>, without reading the rows
    if declared is not None and declared > limit:
        result.fail(file_error("too_many_rows", sheet=spec.title, limit=MAX_DATA_ROWS), sheet=spec.title)
        return
    missing_values = _formulas_without_values(opened.archive, sheet)
    rows = SheetRows(spec)
    for number, values in enumerate(opened.rows(sheet), start=1):
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


def _downloaded(opened, sheet) -> dict[str, int]:
    versions = {}
    for number, values in enumerate(opened.rows(sheet), start=1):
        if number > MAX_DATA_ROWS + 1:
            break
        slug, version = (tuple(values) + (None, None))[:2]
        if number > 1 and isinstance(slug, str) and isinstance(version, int | float):
            versions[slug.strip().lower()] = int(version)
    return versions


def _made_for(workbook, present, opened) -> str | None:
    """The importer version the workbook was made for: named in its keywords (our workbooks), or else told by
    the width of its first Temp2 sheet (2.2.4 has one column more); None when it cannot be told."""
    keywords = str(getattr(workbook.properties, "keywords", "") or "")
    if keywords.startswith(VERSION_KEYWORD):
        return keywords.removeprefix(VERSION_KEYWORD).strip()[:20]
    title = next((spec.title for spec in sheet_specs() if spec.template == 2 and spec.title in present), None)
    if title is None:
        return None
    header = next((values for number, values in enumerate(opened.rows(workbook[title]), start=1)
                   if number == HEADER_ROW), ())
    width = _last_filled(header)
    by_width = {next(spec.width for spec in sheet_specs(short) if spec.title == title): version.importer
                for short, version in VERSIONS.items()}
    return by_width.get(width)


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
