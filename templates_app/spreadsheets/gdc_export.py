"""The GD Catalog-ready workbook (for the province, one issue or one agency) and an agency's workbook.

Streams with a write-only workbook and a constant number of queries. Besides the ten data
sheets it writes a pre-flight sheet (รายงานตรวจสอบก่อนนำเข้า) listing every cell the GD Catalog
importer would not take as it is. The agency workbook is the same layout, pre-filled with every
current item of the agency, with a dropdown on each choice column and a hint on each header.
"""
import re
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _, gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from catalog.thaidates import format_be_date
from templates_app.gdschema import Kind, schema_version
from templates_app.models import MetadataRecord

from . import gdc_queries
from .cells import FORMULA_PREFIXES, TITLE_FONT, set_text, style_header
from .gdc_layout import (
    FIRST_DATA_ROW, HEADER_ROW, LISTS_SHEET, PREFLIGHT_SHEET, SheetSpec, sheet_specs,
)
from .gdc_rows import DataSheet

SLUG_RE = re.compile(r"^[a-z0-9_-]{2,70}$")
DROPDOWN_ROWS = 1000


@dataclass
class Finding:
    """One cell of the export the GD Catalog importer would not take as it is."""

    sheet: str
    row: int
    column: str
    field: str
    item: str
    slug: str
    code: str
    message: str


@dataclass
class ExportSummary:
    records: int = 0
    resources: int = 0
    findings: list[Finding] = field(default_factory=list)


def gdcatalog_export(*, stream, issue=None, agency=None, approved_only: bool = False) -> ExportSummary:
    """Write the GD Catalog-ready workbook to `stream` (a path or a binary file object)."""
    rows = gdc_queries.export_rows(issue=issue, agency=agency, approved_only=approved_only)
    resources = gdc_queries.export_resources(issue=issue, agency=agency, approved_only=approved_only)
    scope = _("approved records only") if approved_only else _("all records")
    return _write(stream=stream, rows=rows, resources=resources, issue=issue, agency=agency, scope=scope,
                  for_agency=False)


def agency_workbook(*, stream, agency) -> ExportSummary:
    """The workbook agency staff fill offline: every current item of the agency, current values."""
    rows = (row.export_fields() for row in gdc_queries.agency_rows(agency=agency))
    resources = gdc_queries.export_resources(agency=agency)
    return _write(stream=stream, rows=rows, resources=resources, issue=None, agency=agency,
                  scope=_("workbook to fill in and upload"), for_agency=True)


def _write(*, stream, rows, resources, issue, agency, scope, for_agency) -> ExportSummary:
    """`rows`: (slug, data type, organisation, record status, values); `resources`: (slug, data type, values)."""
    with translation.override("th"):
        workbook = Workbook(write_only=True)
        specs = sheet_specs()
        title_lines = _title_lines(issue, agency, scope)
        sheets = {(spec.template, spec.data_type): DataSheet(spec, _start_sheet(workbook, spec, title_lines))
                  for spec in specs}
        preflight = workbook.create_sheet(PREFLIGHT_SHEET)
        summary = ExportSummary()
        checks = _Checks(specs)
        for slug, data_type, organisation, status, values in rows:
            sheet, values = sheets[(2, data_type)], values or {}
            cells = sheet.temp2_cells(slug, data_type, organisation, values)
            checks.row(sheet.spec, sheet.append(cells), cells, slug, values, status, summary.findings)
            summary.records += 1
        for slug, data_type, values in resources:
            sheet, values = sheets.get((3, data_type)), values or {}
            if sheet is None:
                continue
            cells = sheet.temp3_cells(slug, values)
            checks.row(sheet.spec, sheet.append(cells), cells, slug, values, None, summary.findings)
            summary.resources += 1
        if for_agency:
            _add_dropdowns(workbook, specs, sheets)
        _write_preflight(preflight, title_lines, summary.findings)
        workbook.save(stream)
    return summary


def _title_lines(issue, agency, scope) -> list[str]:
    province = gdc_queries.province_name(issue)
    where = _("Development issue %(number)s: %(title)s") % {"number": issue.number, "title": issue.title_th} \
        if issue else _("All development issues")
    if agency is not None:
        where = f"{where} · {agency.name_th}"
    return [
        _("Provincial data catalog of %(province)s — GD Catalog import workbook") % {"province": province},
        where,
        _("Exported on %(date)s · GD Catalog schema %(version)s · %(scope)s") % {
            "date": format_be_date(timezone.localdate(), "long"), "version": schema_version(), "scope": scope},
    ]


def _start_sheet(workbook, spec: SheetSpec, title_lines):
    sheet = workbook.create_sheet(spec.title)
    for column in spec.columns:
        width = 24 if column.kind in (Kind.TEXTAREA, Kind.MULTI, "slug") else 18
        sheet.column_dimensions[column.letter].width = width
    sheet.freeze_panes = f"B{FIRST_DATA_ROW}"
    for number, line in enumerate(title_lines):
        cell = set_text(WriteOnlyCell(sheet), line)
        if number == 0:
            cell.font = TITLE_FONT
        sheet.append([cell])
    sheet.append([style_header(WriteOnlyCell(sheet, value=column.header)) for column in spec.columns])
    sheet.append([column.position for column in spec.columns])
    return sheet


def _safe(sheet, value):
    """Text that Excel would run as a formula goes in as a string cell (cells.set_text)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return set_text(WriteOnlyCell(sheet), value)
    return value


class _Checks:
    """The pre-flight rules, with each sheet's columns to look at and each message translated once."""

    def __init__(self, specs):
        self.multi = {spec.title: [c for c in spec.columns if c.kind == Kind.MULTI] for spec in specs}
        self.yes_no = {spec.title: [c for c in spec.columns if c.is_yes_no and spec.template == 2] for spec in specs}
        self._messages = {}

    def message(self, code: str, **params) -> str:
        key = (code, tuple(sorted(params.items())))
        if key not in self._messages:
            self._messages[key] = str(PREFLIGHT[code]) % params if params else str(PREFLIGHT[code])
        return self._messages[key]

    def row(self, spec: SheetSpec, row_number: int, cells: list, slug: str, values: dict, status: str | None,
            findings: list[Finding]) -> None:
        """Add the row's findings; `status` is its Template 2 record's (None for a resource or an item not started)."""

        def found(column, code, **params):
            findings.append(Finding(spec.title, row_number, column.letter, column.name, column.item, slug, code,
                                    self.message(code, **params)))

        first = spec.columns[0]
        if not SLUG_RE.match(str(cells[0] or "")):
            found(first, "invalid_slug")
        if status is not None and status != MetadataRecord.Status.APPROVED:
            found(first, "not_approved", status=str(MetadataRecord.Status(status).label))
        for column in self.multi[spec.title]:
            value = values.get(column.name)
            if isinstance(value, list) and len(value) > 1:
                found(column, "multiple_values", count=len(value))
        for column in self.yes_no[spec.title]:
            if not cells[column.position - 1]:
                found(column, "empty_yes_no")
        if spec.template == 3 and not values.get("resource_url"):
            found(spec.column("resource_url") or first, "missing_url")


PREFLIGHT = {
    "invalid_slug": gettext_lazy("The code breaks CKAN's rules (2–70 lowercase letters a–z, digits, - or _): "
                                 "the importer changes it or refuses the data set."),
    "not_approved": gettext_lazy("This record is not approved yet (status: %(status)s)."),
    "multiple_values": gettext_lazy("%(count)d values in a one-value cell: the GD Catalog importer takes the whole "
                                    "cell as “อื่นๆ” (other)."),
    "empty_yes_no": gettext_lazy("Empty yes/no cell: the GD Catalog importer reads it as “ใช่” (yes)."),
    "missing_url": gettext_lazy("No URL: the GD Catalog importer skips this resource."),
}


def _write_preflight(sheet, title_lines, findings: list[Finding]) -> None:
    for width, letter in zip([22, 8, 24, 26, 8, 16, 70], "ABCDEFG"):
        sheet.column_dimensions[letter].width = width
    sheet.append([set_text(WriteOnlyCell(sheet), _("Pre-flight check before importing into GD Catalog"))])
    sheet.append([title_lines[1]])
    sheet.append([_("%(count)d cells to look at before the GD Catalog import.") % {"count": len(findings)}
                  if findings else _("Nothing found: the GD Catalog importer takes every cell as it is.")])
    headers = [_("Sheet"), _("Cell"), _("Data set code"), _("Field"), _("DGA item"), _("Problem"), _("Explanation")]
    sheet.append([style_header(WriteOnlyCell(sheet, value=text)) for text in headers])
    for finding in findings:
        sheet.append([finding.sheet, f"{finding.column}{finding.row}", _safe(sheet, finding.slug), finding.field,
                      finding.item, finding.code, finding.message])


def _add_dropdowns(workbook, specs, sheets) -> None:
    """A hidden sheet of the standard's lists; a dropdown per choice column, a hint per header."""
    lists = {}
    for spec in specs:
        for column in spec.columns:
            choices = column.choice_values
            if choices and tuple(choices) not in lists:
                lists[tuple(choices)] = get_column_letter(len(lists) + 1)
    holder = workbook.create_sheet(LISTS_SHEET)
    holder.sheet_state = "hidden"
    longest = max((len(choices) for choices in lists), default=0)
    for index in range(longest):
        holder.append([_safe(holder, choices[index]) if index < len(choices) else None for choices in lists])
    for spec in specs:
        data_sheet = sheets[(spec.template, spec.data_type)]
        sheet = data_sheet.sheet
        last = max(data_sheet.next_row - 1, FIRST_DATA_ROW) + (DROPDOWN_ROWS if spec.template == 3 else 0)
        last = max(last, FIRST_DATA_ROW + 50)
        for column in spec.columns:
            sheet.data_validations.append(_hint(column))
            choices = column.choice_values
            if choices:
                letter = lists[tuple(choices)]
                strict = column.kind == Kind.CHOICE and not column.entry.field.has_other
                validation = DataValidation(
                    type="list", formula1=f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}",
                    allow_blank=True, showDropDown=False, showErrorMessage=True,
                    errorStyle="stop" if strict else "warning",
                    errorTitle=_("Not in the list")[:32],
                    error=(_("Pick a value of the standard from the list.") if strict else
                           _("Not in the list: the value will be stored as “อื่นๆ” (other) with this text."))[:255])
                validation.add(f"{column.letter}{FIRST_DATA_ROW}:{column.letter}{last}")
                sheet.data_validations.append(validation)


def _hint(column) -> DataValidation:
    entry = column.entry
    if entry is None:
        text = _("The data set code. Do not change it: rows are matched by this code.")
    else:
        text = entry.field.help_th or column.label
        if column.kind == Kind.DATE:
            text = _("A B.E. date: 2567-03-31 or 31/03/2567.")
        elif column.kind == Kind.MULTI:
            text = f"{text} " + _("Separate several values with a comma (,).")
        elif column.is_yes_no:
            text = _("ใช่ (yes) or ไม่ใช่ (no).")
        if column.name in ("data_type", "owner_org"):
            text = _("Filled by the portal; changes here are ignored.")
    validation = DataValidation(showInputMessage=True, promptTitle=column.header[:32], prompt=text[:255],
                                allow_blank=True)
    validation.add(f"{column.letter}{HEADER_ROW}")
    return validation
