"""The Template 1 workbook an office brings to the committee: the list, the summary and the changes."""
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from catalog import selectors
from catalog.models import DevelopmentIssue, Level
from catalog.thaidates import format_be_date
from templates_app.spreadsheets.cells import TITLE_FONT, WRAP, set_text, set_widths, style_header

HEADER_ROW = 4


def template1_workbook(*, issue: DevelopmentIssue) -> bytes:
    workbook = Workbook()
    _items_sheet(workbook.active, issue)
    _summary_sheet(workbook.create_sheet(), issue)
    _changes_sheet(workbook.create_sheet(), issue)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _title(sheet, issue: DevelopmentIssue, subtitle: str) -> None:
    sheet["A1"] = _("Template 1: data set list — development issue %(number)s") % {"number": issue.number}
    sheet["A1"].font = TITLE_FONT
    set_text(sheet["A2"], issue.title)
    sheet["A3"] = _("%(subtitle)s · province %(province)s · fiscal year %(year)s · printed %(date)s") % {
        "subtitle": subtitle, "province": issue.province.name, "year": issue.fiscal_year,
        "date": format_be_date(timezone.localdate())}


def _header(sheet, headers: list[str], widths: list[int]) -> None:
    for column, text in enumerate(headers, start=1):
        style_header(sheet.cell(row=HEADER_ROW, column=column, value=text))
    set_widths(sheet, widths)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


def _items_sheet(sheet, issue) -> None:
    sheet.title = _("Template 1 list")
    _title(sheet, issue, _("Current items"))
    _header(sheet, [_("No."), _("Item code"), issue.dimension_label, _("Data item"), _("Data item (English)"),
                    _("Owning agency"), _("Level"), _("Data type"), _("Unit"), _("Status")],
            [6, 10, 24, 60, 50, 40, 14, 22, 14, 12])
    levels = dict(Level.choices)
    for number, item in enumerate(selectors.item_list(issue=issue), start=1):
        values = [number, item.code, item.dimension.name, item.name_th, item.name_en, item.agency.name,
                  str(levels[item.agency.level]), item.data_type, item.unit, item.get_status_display()]
        for column, value in enumerate(values, start=1):
            set_text(sheet.cell(row=HEADER_ROW + number, column=column), value).alignment = WRAP


def _summary_sheet(sheet, issue) -> None:
    sheet.title = _("Summary")
    _title(sheet, issue, _("Number of items"))
    summary = selectors.issue_summary(issue=issue, points=selectors.issue_snapshot_points(issue=issue))
    _header(sheet, [_("Agency / dimension"), *[p.label for p in summary["points"]]],
            [60, *[22] * len(summary["points"])])
    rows = []
    for level in summary["levels"]:
        rows.append([str(level["label"]), *level["counts"]])
        rows.extend([f"    {a['name_th']}", *a["counts"]] for a in level["agencies"])
    rows.append([_("Total"), *summary["totals"]])
    rows.append([])
    rows.append([_("By %(label)s") % {"label": issue.dimension_label}])
    rows.extend([d["name"], *d["counts"]] for d in summary["dimensions"])
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            set_text(sheet.cell(row=HEADER_ROW + offset, column=column), value)


def _changes_sheet(sheet, issue) -> None:
    sheet.title = _("Changes")
    _title(sheet, issue, _("Every recorded change"))
    _header(sheet, [_("Date decided"), _("Item code"), _("Data item"), _("Change"), _("Reason"), _("Meeting")],
            [16, 10, 60, 24, 60, 40])
    revisions = selectors.issue_revisions(issue=issue)
    for offset, revision in enumerate(revisions, start=1):
        values = [format_be_date(revision.decided_on), revision.item.code, revision.name_th,
                  revision.get_kind_display(), revision.reason, revision.meeting.title if revision.meeting else ""]
        for column, value in enumerate(values, start=1):
            set_text(sheet.cell(row=HEADER_ROW + offset, column=column), value).alignment = WRAP

