"""Data rows of the GD Catalog sheets: each column's reader gives exactly `cell_text`'s text, and a row
is appended as plain values with formula-like text kept as text."""
import io

import openpyxl
import pytest
from openpyxl import Workbook

from templates_app.gdschema import OTHER
from templates_app.spreadsheets.cells import data_row
from templates_app.spreadsheets.gdc_layout import sheet_specs
from templates_app.spreadsheets.gdc_rows import column_reader
from templates_app.spreadsheets.gdc_values import cell_text

STORED = [None, "", [], "ข้อความ", "  spaces  ", "=1+1", "-ลบ", "ctl\x01char\x1f", 7, 2.5, "True", "False",
          "2024-03-31", "2024-02-30", "31/03/2567", OTHER, [OTHER], ["CSV", "XLS"], ["CSV", OTHER], ["a\x02b"],
          {"nested": 1}]
OTHER_TEXT = [None, "", "ลุ่มน้ำปัตตานี", "=other"]


def _columns():
    for version in ("2.1", "2.2"):
        for spec in sheet_specs(version):
            for column in spec.columns[1:]:
                if column.name not in ("data_type", "owner_org"):
                    yield pytest.param(column, id=f"{version}-{spec.title}-{column.name}")


def _outcome(function, *args):
    """The result, or the type of what it raised (a value of the wrong shape fails alike both ways)."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - compared, not swallowed
        return type(error)


@pytest.mark.parametrize("column", list(_columns()))
def test_every_column_reader_gives_cell_text(column):
    read = column_reader(column)
    for stored in STORED:
        for other in OTHER_TEXT:
            values = {column.name: stored, f"{column.name}_other": other}
            assert _outcome(read, values) == _outcome(cell_text, column, values), (stored, other)
    assert read({}) == cell_text(column, {}) == ""


def _written(values: list) -> list:
    """`values` through data_row, saved and read back: [(value, data type)] of row 1, None for no cell."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    sheet.append(data_row(sheet, values))
    stream = io.BytesIO()
    workbook.save(stream)
    row = next(openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["s"].iter_rows())
    return [(cell.value, cell.data_type) for cell in row]


def test_a_row_keeps_formula_like_text_as_text_and_leaves_empty_cells_out():
    values = ["slug", "", "=HYPERLINK(\"http://x\")", "+1", "-แหล่ง", "@SUM(A1)", "a=b", 5, ""]
    row = data_row(Workbook(write_only=True).create_sheet("s"), values)
    assert row[0] == "slug" and row[1] is None and row[6] == "a=b" and row[7] == 5
    assert [row[index].data_type for index in (2, 3, 4, 5)] == ["s"] * 4
    assert row[8] == ""  # the last column is written (empty) so the row is as wide as the header
    assert _written(values) == [("slug", "s"), (None, "n"), ("=HYPERLINK(\"http://x\")", "s"), ("+1", "s"),
                                ("-แหล่ง", "s"), ("@SUM(A1)", "s"), ("a=b", "s"), (5, "n"), (None, "inlineStr")]


def test_a_row_of_plain_values_is_unchanged():
    values = ["fy2566-i1-001", "ข้อมูลสถิติ", "ปี", "1"]
    assert data_row(None, values) == values
