import io

import openpyxl
import pytest

from catalog.models import DataType
from templates_app import services
from templates_app.spreadsheets.gdc_export import agency_workbook
from tests.templates_app.factories import valid_values


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def filled(make_item, agency_user):
    """One saved record per data type for `agency_user`'s agency, plus one item not started."""
    records = {}
    for data_type in DataType:
        item = make_item(data_type)
        records[data_type] = services.metadata_save_draft(item=item, values=valid_values(data_type), version=None,
                                                          by=agency_user)
    records["not_started"] = make_item(DataType.RECORD)
    return records


def workbook_bytes(agency) -> bytes:
    stream = io.BytesIO()
    agency_workbook(stream=stream, agency=agency)
    return stream.getvalue()


def edit(data: bytes, changes: dict) -> bytes:
    """{(sheet, "C6"): value} applied with openpyxl, as a person editing in Excel would."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def find_row(data: bytes, sheet: str, slug: str) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    for number, row in enumerate(workbook[sheet].iter_rows(values_only=True), start=1):
        if number >= 6 and row and row[0] == slug:
            return number
    raise AssertionError(f"{slug} not on {sheet}")
