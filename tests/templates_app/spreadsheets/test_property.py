"""Property: any valid Template 2 record survives export → import unchanged, and the GD Catalog
importer's reading (by position) of the export gives back each stored value."""
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from catalog.models import DataType
from catalog.thaidates import format_be_iso
from templates_app import services
from templates_app.gdschema import OTHER, Kind, get_schema
from templates_app.gdschema.choices import YES_NO
from templates_app.models import MetadataRecord
from templates_app.spreadsheets.gdc_export import gdcatalog_export
from templates_app.spreadsheets.gdc_import import workbook_import

from .conftest import workbook_bytes

LETTERS = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋abcxyzABC0123456789 .-/()_:"
text = st.text(alphabet=LETTERS, min_size=1, max_size=25).map(str.strip).filter(bool)
formula_like = st.tuples(st.sampled_from("=+-@"), text).map("".join)
plain = st.one_of(text, formula_like)


def _other_text(entry, allow_comma):
    values = entry.choice_values
    base = text if allow_comma else text.filter(lambda t: "," not in t)
    return base.filter(lambda t: t not in values and t != OTHER)


def _entry_value(entry):
    kind = entry.kind
    choices = [value for value, _label in entry.choices if value != OTHER]
    if entry.choices == YES_NO:
        return st.sampled_from(["True", "False"]).map(lambda v: {entry.name: v})
    if kind == Kind.CHOICE:
        plain_choice = st.sampled_from(choices).map(lambda v: {entry.name: v})
        if not entry.field.has_other:
            return plain_choice
        other = _other_text(entry, True).map(lambda t: {entry.name: OTHER, entry.field.other_name: t})
        return st.one_of(plain_choice, other)
    if kind == Kind.MULTI:
        picked = st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True)
        if not entry.field.has_other:
            return picked.map(lambda v: {entry.name: v})
        return st.tuples(picked, st.none() | _other_text(entry, False)).map(
            lambda pair: {entry.name: pair[0] + ([OTHER] if pair[1] else []),
                          **({entry.field.other_name: pair[1]} if pair[1] else {})})
    if kind == Kind.DATE:
        return st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)).map(
            lambda d: {entry.name: f"{d.day:02d}/{d.month:02d}/{d.year + 543}"})
    if kind == Kind.EMAIL:
        return st.sampled_from(["a@pattani.go.th", "info.x@doae.go.th", "x_y@example.com"]).map(
            lambda v: {entry.name: v})
    if kind == Kind.TAGS:
        tag = st.text(alphabet="กขคงจทุเรียนabc", min_size=2, max_size=8)
        return st.lists(tag, min_size=1, max_size=3, unique=True).map(lambda t: {entry.name: ",".join(t)})
    if kind == Kind.URL:
        return st.sampled_from(["https://pattani.go.th/", "http://example.go.th/a?b=1"]).map(
            lambda v: {entry.name: v})
    if kind == Kind.INTERVAL:
        return st.integers(1, 999).map(lambda n: {entry.name: str(n)})
    if kind == Kind.YEAR:
        return st.integers(2400, 2700).map(lambda n: {entry.name: str(n)})
    if kind == Kind.LONGITUDE:
        return st.decimals(-180, 180, places=3).map(lambda n: {entry.name: str(n)})
    if kind == Kind.LATITUDE:
        return st.decimals(-90, 90, places=3).map(lambda n: {entry.name: str(n)})
    return plain.map(lambda v: {entry.name: v})


def _ordered(values, low, high, number):
    if low in values and high in values and number(values[low]) > number(values[high]):
        values[low], values[high] = values[high], values[low]
    return values


@st.composite
def records(draw):
    data_type = draw(st.sampled_from(list(DataType)))
    values = {}
    for entry in get_schema(data_type).entries:
        if entry.kind == Kind.AUTO or not draw(st.booleans()) and not entry.required:
            continue
        values.update(draw(_entry_value(entry)))
    if data_type == DataType.OTHER and draw(st.booleans()):
        values["data_type_other"] = draw(plain)
    _ordered(values, "first_year_of_data", "last_year_of_data", int)
    _ordered(values, "west_bound_longitude", "east_bound_longitude", Decimal)
    _ordered(values, "south_bound_longitude", "north_bound_longitude", Decimal)
    if "update_frequency_interval" in values and "update_frequency_unit" not in values:
        del values["update_frequency_interval"]
    return data_type, values


@pytest.fixture
def items(make_item):
    return {data_type: make_item(data_type) for data_type in DataType}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(case=records())
def test_any_valid_record_round_trips_unchanged(items, agency_user, harvest, case):
    data_type, values = case
    item = items[data_type]
    current = MetadataRecord.objects.filter(item=item).first()
    record = services.metadata_save_draft(item=item, values=values, version=current.version if current else None,
                                          by=agency_user)
    report = workbook_import(file=io.BytesIO(workbook_bytes(agency_user.agency)), agency=agency_user.agency,
                             user=agency_user, dry_run=True)
    assert report.errors == []
    assert (report.created, report.updated) == (0, 0), [r.changes for r in report.rows if r.changes]

    stream = io.BytesIO()
    gdcatalog_export(stream=stream, agency=agency_user.agency)
    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue()), read_only=True)[_sheet(data_type)]
    rows = list(sheet.iter_rows(values_only=True))
    header_names = [entry.name for entry in get_schema(data_type).entries if entry.field.in_workbook]
    row = next(r for r in rows[5:] if r[0] == record.dataset_name)
    for name, cell in zip(header_names, row[1:]):
        if name in record.values and name not in ("data_type", "owner_org"):
            assert cell == _as_gd_cell(name, record.values), name


def _sheet(data_type) -> str:
    return {DataType.RECORD: "Temp2_Meta_Record", DataType.STATISTICAL: "Temp2_Meta_Stat",
            DataType.GIS: "Temp2_Meta_GIS", DataType.MULTIPLE: "Temp2_Meta_Multi",
            DataType.OTHER: "Temp2_Meta_Other"}[data_type]


def _as_gd_cell(name, values):
    """What the GD importer should find for a stored value (written independently of the exporter)."""
    value, other = values[name], values.get(f"{name}_other")
    if isinstance(value, list):
        return ",".join(other if v == OTHER else v for v in value)
    if value in ("True", "False"):
        return "ใช่" if value == "True" else "ไม่ใช่"
    if value == OTHER and other:
        return other
    if name.endswith("_date") or name == "data_release_calendar":
        return format_be_iso(dt.date.fromisoformat(value))
    return value
