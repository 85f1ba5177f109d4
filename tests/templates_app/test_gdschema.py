"""The schema's fields per data type equal the standard's tables (§5 / §6.2), written out here independently."""
import pytest

from catalog.models import DataType
from templates_app.gdschema import get_schema

ITEMS_1_14 = [("1", "data_type"), ("2", "title"), ("3", "owner_org"), ("4", "maintainer"), ("5", "maintainer_email"),
              ("6", "tag_string"), ("7", "notes"), ("8", "objective"), ("9.1", "update_frequency_unit"),
              ("9.2", "update_frequency_interval"), ("10", "geo_coverage"), ("11", "data_source"),
              ("12", "data_format"), ("13", "data_category"), ("14", "license_id")]
RECORD_TAIL = ["accessible_condition", "created_date", "last_updated_date", "url", "data_support", "data_collect",
               "data_language", "high_value_dataset", "reference_data"]
STAT_TAIL = ["accessible_condition", "first_year_of_data", "last_year_of_data", "data_release_calendar",
             "last_updated_date", "disaggregate", "unit_of_measure", "unit_of_multiplier", "calculation_method",
             "standard", "url", "data_language", "official_statistics"]
GIS_TAIL = ["accessible_condition", "geographic_data_set", "equivalent_scale", "west_bound_longitude",
            "east_bound_longitude", "north_bound_longitude", "south_bound_longitude", "positional_accuracy",
            "reference_period", "last_updated_date", "data_release_calendar", "data_release_date", "url",
            "data_language"]
EXPECTED = {  # data type: (items after 14, count of items)
    DataType.RECORD: (RECORD_TAIL, 23), DataType.MULTIPLE: (RECORD_TAIL, 23), DataType.OTHER: (RECORD_TAIL, 23),
    DataType.STATISTICAL: (STAT_TAIL, 27), DataType.GIS: (GIS_TAIL, 28),
}
REQUIRED = {"data_type", "title", "owner_org", "maintainer", "maintainer_email", "tag_string", "notes", "objective",
            "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id"}


@pytest.mark.parametrize("data_type", list(DataType))
def test_fields_numbers_and_required_match_the_standard(data_type):
    tail, count = EXPECTED[data_type]
    expected = ITEMS_1_14 + [(str(n), name) for n, name in enumerate(tail, start=15)]
    schema = get_schema(data_type, "2.1")
    assert [(entry.number, entry.name) for entry in schema.entries if entry.number] == expected
    unnumbered = [entry.name for entry in schema.entries if not entry.number]
    assert unnumbered == ["allow_harvest", "reference_url_catalog"]  # harvest only: not workbook columns
    assert set(schema.required_names) == REQUIRED
    assert schema.item_count == count
    assert len(schema.required_items) == 14


@pytest.mark.parametrize("data_type", list(DataType))
def test_version_2_2_adds_classification_after_category(data_type):
    schema = get_schema(data_type, "2.2.4")
    names = schema.names
    assert names[names.index("data_category") + 1] == "data_classification"
    assert schema.entry("license_id").number == "15"
    assert schema.item_count == EXPECTED[data_type][1] + 1
    assert "Creative Commons Attribution No-Derivs" in schema.entry("license_id").choice_values
    assert "ข้อมูลใช้ภายใน" in schema.entry("data_category").choice_values


def test_version_2_2_4_uses_its_contact_labels():
    assert get_schema(DataType.RECORD, "2.2.4").entry("maintainer").field.label_th == "ชื่อฝ่ายงานสำหรับติดต่อ"
    assert get_schema(DataType.RECORD, "2.2.4").entry("maintainer_email").field.label_th == "อีเมลสำหรับติดต่อ"
    assert get_schema(DataType.RECORD, "2.1").entry("maintainer").field.label_th == "ชื่อผู้ติดต่อ"


def test_allow_harvest_has_the_standards_choices():
    entry = get_schema(DataType.GIS).entry("allow_harvest")
    assert entry.choices == (("False", "ไม่ยินยอม / No"), ("True", "ยินยอม / Yes"))
    assert get_schema(DataType.GIS).entry("reference_url_catalog").kind == "url"


def test_the_production_default_is_importer_2_2_4():
    from config import settings as production

    assert production.GDC_IMPORTER_VERSION == "2.2.4" or "GDC_IMPORTER_VERSION" in __import__("os").environ
    assert production.GDC_DELIVERY == "workbook" or "GDC_DELIVERY" in __import__("os").environ


def test_workbook_delivery_makes_multi_choice_items_single(settings):
    settings.GDC_DELIVERY = "workbook"
    assert get_schema(DataType.STATISTICAL).entry("objective").single
    assert "Excel" in get_schema(DataType.STATISTICAL).entry("objective").help_text
    settings.GDC_DELIVERY = "harvest"
    assert not get_schema(DataType.STATISTICAL).entry("objective").single


def test_version_comes_from_the_setting(settings):
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    assert "data_classification" in get_schema(DataType.RECORD).names
    settings.GDC_IMPORTER_VERSION = "2.1"
    assert "data_classification" not in get_schema(DataType.RECORD).names


def test_choice_lists_are_verbatim():
    schema = get_schema(DataType.STATISTICAL, "2.1")
    assert schema.entry("data_format").choices[10] == ("XLS", "XLS/XLSX")
    assert len(schema.entry("objective").choices) == 14
    assert len(schema.entry("update_frequency_unit").choices) == 13
    assert len(schema.entry("license_id").choices) == 7
    assert len(schema.entry("unit_of_multiplier").choices) == 15
    assert schema.entry("official_statistics").choice_values == {"True", "False"}
