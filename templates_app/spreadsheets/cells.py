"""Cell helpers shared by every workbook the portal writes."""
from __future__ import annotations

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
FORMULA_PREFIXES = ("=", "+", "-", "@")


def set_text(cell: Cell | WriteOnlyCell, value) -> Cell | WriteOnlyCell:
    """Put a value in a cell so that Excel shows text as text and never runs it as a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"  # stored as a string: Excel shows "=…" literally and evaluates nothing
    return cell


def data_row(sheet, values: list) -> list:
    """A row for a write-only sheet's `append`, as plain values (the fast way).

    Empty text is left out (None: no cell at all) except in the last column, which keeps the row as
    wide as the header; text Excel would run as a formula goes in as a string cell (`set_text`).
    """
    row = [None if value == "" else set_text(WriteOnlyCell(sheet), value)
           if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value for value in values]
    if row and row[-1] is None and values[-1] == "":
        row[-1] = ""
    return row


def style_header(cell: Cell | WriteOnlyCell) -> Cell | WriteOnlyCell:
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    return cell


def set_widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
