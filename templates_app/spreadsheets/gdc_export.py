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
from templates_app.gdschema import OTHER, Kind, get_schema, importer_version
from templates_app.gdschema.validation import TAG_MAX, TAG_MIN
from templates_app.models import MetadataRecord, validate_dataset_name

from . import gdc_queries
from .cells import FORMULA_PREFIXES, TITLE_FONT, set_text, style_header
from .gdc_layout import (
    FIRST_DATA_ROW, HEADER_ROW, LISTS_SHEET, PREFLIGHT_SHEET, VERSIONS_SHEET, SheetSpec, sheet_specs,
)
from .gdc_rows import DataSheet

SLUG_RE = re.compile(validate_dataset_name.regex.pattern)
VERSION_KEYWORD = "gdc-importer="  # in the workbook's keywords: the importer version it was made for
HARVEST_ONLY = ("allow_harvest", "reference_url_catalog")  # not read by the Excel importer
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


def gdcatalog_export(*, stream, issue=None, agency=None, approved_only: bool = False, version: str | None = None
                     ) -> ExportSummary:
    """Write the GD Catalog-ready workbook to `stream` (a path or a binary file object), laid out for the
    importer `version` ("2.2.4" or "2.1.0"; default: settings.GDC_IMPORTER_VERSION)."""
    rows = gdc_queries.export_rows(issue=issue, agency=agency, approved_only=approved_only)
    resources = gdc_queries.export_resources(issue=issue, agency=agency, approved_only=approved_only)
    scope = _("approved records only") if approved_only else _("all records")
    return _write(stream=stream, rows=rows, resources=resources, issue=issue, agency=agency, scope=scope,
                  for_agency=False, version=version)


def agency_workbook(*, stream, agency) -> ExportSummary:
    """The workbook agency staff fill offline: every current item of the agency, current values."""
    mine = list(gdc_queries.agency_rows(agency=agency))
    rows = (row.export_fields() for row in mine)
    resources = gdc_queries.export_resources(agency=agency)
    versions = [(row.slug, row.record.version) for row in mine if row.record is not None]
    return _write(stream=stream, rows=rows, resources=resources, issue=None, agency=agency,
                  scope=_("workbook to fill in and upload"), for_agency=True, version=None, versions=versions)


def _write(*, stream, rows, resources, issue, agency, scope, for_agency, version, versions=None) -> ExportSummary:
    """`rows`: (slug, data type, organisation, record status, values); `resources`: (slug, data type, values)."""
    with translation.override("th"):
        workbook = Workbook(write_only=True)
        specs = sheet_specs(version)
        workbook.properties.keywords = f"{VERSION_KEYWORD}{importer_version(version)}"
        title_lines = _title_lines(issue, agency, scope, version)
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
            _add_versions(workbook, versions)
        _write_preflight(preflight, title_lines, summary.findings)
        workbook.save(stream)
    return summary


def _title_lines(issue, agency, scope, version) -> list[str]:
    province = gdc_queries.province_name(issue)
    where = _("Development issue %(number)s: %(title)s") % {"number": issue.number, "title": issue.title_th} \
        if issue else _("All development issues")
    if agency is not None:
        where = f"{where} · {agency.name_th}"
    return [
        _("Provincial data catalog of %(province)s — GD Catalog import workbook") % {"province": province},
        where,
        _("Exported on %(date)s · for the GD Catalog importer version %(version)s · %(scope)s") % {
            "date": format_be_date(timezone.localdate(), "long"), "version": importer_version(version),
            "scope": scope},
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
        # choice columns the importer compares with its list (a value outside it arrives as อื่นๆ)
        self.listed = {spec.title: [c for c in spec.columns if c.entry is not None and c.entry.field.has_other
                                    and c.kind in (Kind.CHOICE, Kind.MULTI)] for spec in specs}
        self.texts = {spec.title: [c for c in spec.columns if c.entry is not None and c.kind in TEXT_KINDS]
                      for spec in specs}
        self.missing = {spec.title: [e.name for e in _all_entries(spec) if spec.column(e.name) is None
                                     and e.name not in HARVEST_ONLY] for spec in specs}
        self.version = importer_version(specs[0].schema.version)
        self.titles = {}  # title → the sheet it was first seen on
        self._messages = {}

    def message(self, code: str, **params) -> str:
        key = (code, tuple(sorted(params.items())))
        if key not in self._messages:
            self._messages[key] = str(PREFLIGHT[code]) % params if params else str(PREFLIGHT[code])
        return self._messages[key]

    def row(self, spec: SheetSpec, row_number: int, cells: list, slug: str, values: dict, status: str | None,
            findings: list[Finding]) -> None:
        """Add the row's findings; `status` is its Template 2 record's (None for a resource or an item not started)."""

        def found(column, code, name=None, **params):
            findings.append(Finding(spec.title, row_number, column.letter, name or column.name, column.item, slug,
                                    code, self.message(code, **params)))

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
        for column in self.listed[spec.title]:
            value = values.get(column.name)
            if spec.template == 2 and value in (None, "", []) and column.name not in DROPPED_WHEN_EMPTY:
                found(column, "empty_choice")
            chosen = value if isinstance(value, list) else [value] if value else []
            outside = [item for item in chosen if item != OTHER and item not in column.entry.choice_values]
            if outside:
                found(column, "not_in_list", value=outside[0], version=self.version)
        joined = "\n".join(cell for cell in cells if isinstance(cell, str))
        if "NaT" in joined or "True" in joined:  # rare: look at each cell only then
            for column in self.texts[spec.title]:
                text = str(cells[column.position - 1] or "")
                if "NaT" in text or ("True" in text and column.entry.field.has_other
                                     and values.get(column.name) == OTHER):
                    found(column, "deleted_letters")
        if spec.template == 2:
            self._temp2(spec, first, values, found)
        if spec.template == 3 and not values.get("resource_url"):
            found(spec.column("resource_url") or first, "missing_url")

    def _temp2(self, spec, first, values, found) -> None:
        for name in self.missing[spec.title]:
            if values.get(name) not in (None, "", []):
                found(first, "not_in_version", name=name, version=self.version)
        if values.get("allow_harvest") == "True":
            found(first, "allow_harvest", name="allow_harvest")
        if values.get("reference_url_catalog"):
            found(first, "harvest_only", name="reference_url_catalog")
        tags = [tag.strip() for tag in str(values.get("tag_string") or "").split(",") if tag.strip()]
        if any(not TAG_MIN <= len(tag) <= TAG_MAX for tag in tags):
            found(spec.column("tag_string") or first, "tag_length")
        title = str(values.get("title") or "").strip()
        if title and title in self.titles:
            found(spec.column("title") or first, "duplicate_title")
        self.titles.setdefault(title, spec.title)


def _all_entries(spec):
    """The items the portal's forms have (its own version's schema) for a Template 2 sheet."""
    return get_schema(spec.data_type).entries if spec.template == 2 else ()


PREFLIGHT = {
    "invalid_slug": gettext_lazy("The code breaks CKAN's rules (2–70 lowercase letters a–z, digits, - or _): "
                                 "the importer changes it or refuses the data set."),
    "not_approved": gettext_lazy("This record is not approved yet (status: %(status)s)."),
    "multiple_values": gettext_lazy("%(count)d values in a one-value cell: the GD Catalog importer takes the whole "
                                    "cell as “อื่นๆ” (other)."),
    "empty_yes_no": gettext_lazy("Empty yes/no cell: the GD Catalog importer reads it as “ใช่” (yes)."),
    "missing_url": gettext_lazy("No URL: the GD Catalog importer skips this resource."),
    "empty_choice": gettext_lazy("Empty choice cell: the GD Catalog importer stores “อื่นๆ” (other) for it."),
    "not_in_list": gettext_lazy("“%(value)s” is not in the list of the GD Catalog importer %(version)s: it "
                                "arrives as “อื่นๆ” (other) with this text."),
    "not_in_version": gettext_lazy("This item has no column in the workbook of the GD Catalog importer "
                                   "%(version)s: its value does not arrive."),
    "allow_harvest": gettext_lazy("Allowed for harvest (ยินยอม): the GD Catalog Excel importer always sets "
                                  "“ไม่ยินยอม”; set it again on GD Catalog after the import."),
    "harvest_only": gettext_lazy("The Excel importer does not read this item: enter it on GD Catalog after the "
                                 "import."),
    "tag_length": gettext_lazy("A tag shorter than 2 or longer than 100 characters: CKAN refuses the whole "
                               "data set."),
    "duplicate_title": gettext_lazy("Another data set of this workbook has the same title: GD Catalog refuses "
                                    "the second one."),
    "deleted_letters": gettext_lazy("The importer deletes the letters “NaT” (and “True” in an “other” text) "
                                    "from cells: this text arrives changed."),
}
#: Choice items the importer leaves out when empty (any other empty choice cell arrives as อื่นๆ).
DROPPED_WHEN_EMPTY = ("data_language", "disaggregate")
TEXT_KINDS = (Kind.TEXT, Kind.TEXTAREA, Kind.TAGS, Kind.CHOICE, Kind.MULTI, Kind.URL, Kind.SOURCE_URL)


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


def _add_versions(workbook, versions) -> None:
    """A hidden sheet: the version each record had when downloaded, so an upload can tell a later web edit."""
    holder = workbook.create_sheet(VERSIONS_SHEET)
    holder.sheet_state = "hidden"
    holder.append(["dataset_name", "version"])
    for slug, version in versions:
        holder.append([_safe(holder, slug), version])


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
