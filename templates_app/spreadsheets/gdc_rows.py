"""The data rows of a GD Catalog sheet, with each column's conversion decided once per sheet, not per cell.

`gdc_values.cell_text` defines a cell. `column_reader` returns, for one column, a function of the
stored values giving the same text: the short way for plain text (most cells), `cell_text` itself
for the shapes it has rules for (multi-selects, yes/no, dates, choices with "อื่นๆ"). Rows are
appended as plain values, as openpyxl's write-only sheet takes them fastest; only text that Excel
would run as a formula becomes a string cell (`cells.data_row`).
"""
from collections.abc import Callable
from functools import partial

from templates_app.gdschema import Kind

from .cells import data_row
from .gdc_layout import FIRST_DATA_ROW, Column, SheetSpec
from .gdc_values import cell_text, clean_for_excel

Reader = Callable[[dict], str]
AUTO_COLUMNS = ("data_type", "owner_org")  # Template 2 columns the portal fills from the Template 1 item


def column_reader(column: Column) -> Reader:
    """values → the cell's text, as `cell_text(column, values)`."""
    kind = column.kind
    if column.is_yes_no or kind in (Kind.MULTI, Kind.DATE) or (kind == Kind.CHOICE and column.entry.field.has_other):
        return partial(cell_text, column)
    name = column.name

    def plain(values: dict) -> str:
        value = values.get(name)
        if value is None or value == "" or value == []:
            return ""
        return clean_for_excel(str(value))

    return plain


def _blank(values: dict) -> str:
    return ""


class DataSheet:
    """One Temp2/Temp3 sheet being written: its readers and the number of the next row."""

    def __init__(self, spec: SheetSpec, sheet):
        self.spec, self.sheet = spec, sheet
        self.next_row = FIRST_DATA_ROW
        self.readers = [_blank if index == 0 or column.name in AUTO_COLUMNS else column_reader(column)
                        for index, column in enumerate(spec.columns)]
        names = [column.name for column in spec.columns]
        self.type_index = names.index("data_type") if "data_type" in names else None
        self.org_index = names.index("owner_org") if "owner_org" in names else None

    def temp2_cells(self, slug: str, data_type: str, organisation: str, values: dict) -> list:
        cells = [read(values) for read in self.readers]
        cells[0] = slug
        if self.type_index is not None:
            cells[self.type_index] = data_type
        if self.org_index is not None:
            cells[self.org_index] = organisation
        return cells

    def temp3_cells(self, slug: str, values: dict) -> list:
        cells = [read(values) for read in self.readers]
        cells[0] = slug
        return cells

    def append(self, cells: list) -> int:
        """Write the row; its row number."""
        number = self.next_row
        self.next_row += 1
        self.sheet.append(data_row(self.sheet, cells))
        return number
