"""Every value an agency entered arrives in GD Catalog unchanged, or the export's check says so, cell by cell:
the export of every data type, for both importer versions, read by `gd_importer` (the importer's rules)."""
import io

import openpyxl
import pytest

from catalog.models import DataType
from templates_app import services
from templates_app.gdschema import OTHER, Kind, get_schema
from templates_app.gdschema.resources import get_resource_schema
from templates_app.spreadsheets.gdc_export import PREFLIGHT_SHEET, gdcatalog_export
from tests.templates_app.factories import resource_values, valid_values

from .gd_importer import gd_import

VERSIONS = ["2.1.0", "2.2.4"]
SKIPPED = {"owner_org", "allow_harvest", "reference_url_catalog"}  # set by the importer / not in the workbook

#: Values that trip a careless export: Thai text with commas and newlines, a formula-like title, numbers
#: with trailing zeros, B.E. leap days, one choice of each multi-choice item, "other" texts.
TRICKY = {
    "notes": "บรรทัดแรก, มีจุลภาค\nบรรทัดที่สอง \"อัญประกาศ\"",
    "data_source": "=สำนักงานเกษตร+จังหวัด",
    "objective": [OTHER], "objective_other": "แผนพัฒนาจังหวัด, ฉบับที่ 5",
    "data_format": ["CSV"],
    "created_date": "29/02/2567",             # a B.E. leap day (2024-02-29)
    "last_updated_date": "2563-02-29",         # another (2020-02-29)
    "data_release_calendar": "29/02/2571",
    "data_release_date": "01/01/2500",
    "url": "https://pattani.go.th/data?a=1&b=2",
    "data_support": "หน่วยงานของรัฐ", "data_collect": OTHER, "data_collect_other": "ตำบล 12 แห่ง",
    "data_language": ["ไทย"], "disaggregate": ["เพศ"], "unit_of_multiplier": "พัน",
    "geographic_data_set": "ชั้นข้อมูลแหล่งน้ำ", "equivalent_scale": "1:50,000",
    "west_bound_longitude": "101.0500", "east_bound_longitude": "101.8000",
    "south_bound_longitude": "-6.40", "north_bound_longitude": "6.9500",
    "first_year_of_data": "2562", "last_year_of_data": "2567",
    "update_frequency_interval": "1",
    "high_value_dataset": "True", "reference_data": "False", "official_statistics": "True",
    "calculation_method": "ผลรวม / จำนวน\n(ร้อยละ)", "standard": "ISIC Rev.4", "reference_period": "2567",
    "positional_accuracy": "±5 เมตร", "accessible_condition": "ไม่มีการจำกัด",
    "data_type_other": "ข้อมูลเชิงคุณภาพ", "unit_of_measure": "ไร่",
}


def _expected(value, entry, values) -> object:
    """What GD Catalog should hold for a stored value (the importer's shape: text, a list of tags)."""
    if entry.kind == Kind.TAGS:
        return [tag for tag in (value or "").split(",") if tag]
    if entry.kind == Kind.MULTI:
        value = value[0] if value else ""
    if value in (None, "", []):
        return ""
    return str(value)


def differences(record, package: dict, version: str) -> dict:
    """{field: (the portal's, GD Catalog's)} for every item of the record that would not arrive as stored."""
    schema = get_schema(record.item.data_type, version)
    found = {}
    for entry in schema.entries:
        name = entry.name
        if name in SKIPPED:
            continue
        if name == "data_type":
            ours, theirs = record.item.data_type, package.get("data_type")
        elif name == "tag_string":
            ours, theirs = _expected(record.values.get(name), entry, record.values), package.get("tags")
        else:
            ours, theirs = _expected(record.values.get(name), entry, record.values), package.get(name, "")
        if ours != theirs:
            found[name] = (ours, theirs)
        if entry.field.has_other and ours == OTHER and record.values.get(entry.field.other_name) != package.get(
                entry.field.other_name):
            found[entry.field.other_name] = (record.values.get(entry.field.other_name),
                                             package.get(entry.field.other_name))
    if record.item.data_type == DataType.OTHER and package.get("data_type_other") != record.values.get(
            "data_type_other", ""):
        found["data_type_other"] = (record.values.get("data_type_other"), package.get("data_type_other"))
    return found


def resource_differences(resource, got: dict, version: str) -> dict:
    schema = get_resource_schema(resource.record.item.data_type, version)
    found = {}
    for entry in schema.entries:
        ours = _expected(resource.values.get(entry.name), entry, resource.values)
        if ours == OTHER:
            ours = OTHER
        if ours != got.get(entry.name, "") or (ours == OTHER and resource.values.get(entry.field.other_name)
                                                != got.get(entry.field.other_name)):
            found[entry.name] = (ours, got.get(entry.name))
    return found


def export_and_import(version: str) -> tuple[dict, dict, set]:
    """(data sets, resources) as GD Catalog's importer makes them of our export, and the export check's
    {(data set code, item)}."""
    stream = io.BytesIO()
    gdcatalog_export(stream=stream, version=version)
    data = stream.getvalue()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)[PREFLIGHT_SHEET]
    flagged = {(row[2], row[3]) for row in sheet.iter_rows(min_row=5, values_only=True) if row and row[2]}
    return *gd_import(data, version=version), flagged


@pytest.fixture
def records(make_item, agency_user, doae_domain, settings, request):
    """Per data type: a record holding the tricky values, one with the fewest answers, and resources."""
    settings.GDC_IMPORTER_VERSION = request.param
    made = {"full": [], "sparse": [], "resources": []}
    for number, data_type in enumerate(DataType):
        values = valid_values(data_type, **{k: v for k, v in TRICKY.items()
                                           if get_schema(data_type).get(k.removesuffix("_other"))
                                           or k == "data_type_other" and data_type == DataType.OTHER})
        values["title"] = f"=ชื่อชุดข้อมูล {number}, ปี 2567"
        record = services.metadata_submit(item=make_item(data_type), values=values, version=None, by=agency_user)
        made["full"].append(record)
        for extra in ({}, {"description": "ข้อมูล, หลายบรรทัด\nบรรทัดสอง", "resource_last_updated_date": "29/02/2567"}):
            made["resources"].append(services.resource_create(
                record=record, values=resource_values(data_type, **extra), by=agency_user))
        sparse = valid_values(data_type, update_frequency_unit="ไม่ทราบ", update_frequency_interval="")
        made["sparse"].append(services.metadata_save_draft(item=make_item(data_type), values=sparse, version=None,
                                                           by=agency_user))
    return made


@pytest.mark.parametrize("records", VERSIONS, indirect=True)
def test_nothing_is_lost_or_changed_on_the_way_into_gd_catalog(records, settings):
    version = settings.GDC_IMPORTER_VERSION
    datasets, resources, _flagged = export_and_import(version)
    for record in records["full"]:
        assert record.dataset_name in datasets, record.item.data_type  # every data set arrives
        assert differences(record, datasets[record.dataset_name], version) == {}, record.item.data_type
    for resource in records["resources"]:
        got = resources[resource.record.dataset_name]
        assert any(resource_differences(resource, one, version) == {} for one in got), resource.values
    assert sum(len(rows) for rows in resources.values()) == len(records["resources"])


@pytest.mark.parametrize("records", VERSIONS, indirect=True)
def test_whatever_would_differ_is_in_the_export_check(records, settings):
    """Records with blank optional items: each difference is named in the pre-flight sheet, item by item."""
    version = settings.GDC_IMPORTER_VERSION
    datasets, _resources, flagged = export_and_import(version)
    for record in records["sparse"]:
        changed = differences(record, datasets[record.dataset_name], version)
        unflagged = {name for name in changed if (record.dataset_name, name.removesuffix("_other")) not in flagged}
        assert unflagged == set(), (record.item.data_type, {name: changed[name] for name in unflagged})


@pytest.mark.parametrize("version", VERSIONS)
def test_a_numeric_column_with_blanks_is_read_as_floats(version):
    """The re-implementation itself: a number cell beside a blank becomes "1.0"; text cells stay as typed."""
    from .gd_importer import read_sheet

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in ([None], [None], [None], ["a", "b"], [1, 2], [1, "1"], [None, "2562"], [2562, 101.05]):
        sheet.append(row)
    assert read_sheet(sheet, 2) == [["1.0", "1"], ["", "2562"], ["2562.0", "101.05"]]
    assert read_sheet(sheet, 3) == []  # another width: the whole sheet is skipped
