"""Column positions of every sheet against the standard's §6.2 tables (written out here, not taken
from the schema module), and the header / data row positions of §6.1."""
import io

import openpyxl
import pytest

from templates_app.spreadsheets.gdc_layout import FIRST_DATA_ROW, HEADER_ROW, NUMBER_ROW, sheet_specs

from .conftest import workbook_bytes

RECORD_LIKE = ["name", "data_type", "title", "owner_org", "maintainer", "maintainer_email", "tag_string", "notes",
               "objective", "update_frequency_unit", "update_frequency_interval", "geo_coverage", "data_source",
               "data_format", "data_category", "license_id", "accessible_condition", "created_date",
               "last_updated_date", "url", "data_support", "data_collect", "data_language", "high_value_dataset",
               "reference_data"]
STAT = ["name", "data_type", "title", "owner_org", "maintainer", "maintainer_email", "tag_string", "notes",
        "objective", "update_frequency_unit", "update_frequency_interval", "geo_coverage", "data_source",
        "data_format", "data_category", "license_id", "accessible_condition", "first_year_of_data",
        "last_year_of_data", "data_release_calendar", "last_updated_date", "disaggregate", "unit_of_measure",
        "unit_of_multiplier", "calculation_method", "standard", "url", "data_language", "official_statistics"]
GIS = ["name", "data_type", "title", "owner_org", "maintainer", "maintainer_email", "tag_string", "notes",
       "objective", "update_frequency_unit", "update_frequency_interval", "geo_coverage", "data_source",
       "data_format", "data_category", "license_id", "accessible_condition", "geographic_data_set",
       "equivalent_scale", "west_bound_longitude", "east_bound_longitude", "north_bound_longitude",
       "south_bound_longitude", "positional_accuracy", "reference_period", "last_updated_date",
       "data_release_calendar", "data_release_date", "url", "data_language"]
OTHER = ["name", "data_type_other", *RECORD_LIKE[2:]]
RES_RECORD = ["dataset_name", "resource_name", "resource_url", "description", "resource_accessible_condition",
              "resource_last_updated_date", "format", "resource_created_date", "resource_data_collect"]
RES_STAT = ["dataset_name", "resource_name", "resource_url", "description", "resource_accessible_condition",
            "resource_last_updated_date", "format", "resource_first_year_of_data", "resource_last_year_of_data",
            "resource_data_release_calendar", "resource_disaggregate", "resource_unit_of_measure",
            "resource_unit_of_multiplier", "resource_official_statistics"]
RES_GIS = ["dataset_name", "resource_name", "resource_url", "description", "resource_accessible_condition",
           "resource_last_updated_date", "format", "resource_equivalent_scale", "resource_geographic_data_set",
           "resource_created_date", "resource_data_release_date", "resource_positional_accuracy"]

EXPECTED = {
    "Temp2_Meta_Record": RECORD_LIKE, "Temp2_Meta_Stat": STAT, "Temp2_Meta_GIS": GIS,
    "Temp2_Meta_Multi": RECORD_LIKE, "Temp2_Meta_Other": OTHER,
    "Temp3_Resource_Record": RES_RECORD, "Temp3_Resource_Stat": RES_STAT, "Temp3_Resource_GIS": RES_GIS,
    "Temp3_Resource_Multi": RES_RECORD, "Temp3_Resource_Other": RES_RECORD,
}
WIDTHS = {"Temp2_Meta_Record": 25, "Temp2_Meta_Stat": 29, "Temp2_Meta_GIS": 30, "Temp2_Meta_Multi": 25,
          "Temp2_Meta_Other": 25, "Temp3_Resource_Record": 9, "Temp3_Resource_Stat": 14, "Temp3_Resource_GIS": 12,
          "Temp3_Resource_Multi": 9, "Temp3_Resource_Other": 9}


def test_every_sheet_has_the_standards_columns_in_order():
    specs = {spec.title: spec for spec in sheet_specs("2.1")}
    assert list(specs) == list(EXPECTED)
    for title, names in EXPECTED.items():
        assert [column.name for column in specs[title].columns] == names, title
        assert specs[title].width == WIDTHS[title]


@pytest.mark.parametrize("title", ["Temp2_Meta_Record", "Temp2_Meta_Multi", "Temp2_Meta_Other"])
def test_v22_puts_data_classification_after_data_category_and_licence_in_column_q(title):
    spec = {spec.title: spec for spec in sheet_specs("2.2")}[title]
    assert spec.width == 26
    assert spec.columns[15].name == "data_classification" and spec.columns[15].letter == "P"
    assert spec.columns[16].name == "license_id" and spec.columns[16].letter == "Q"


def test_v22_widths_of_stat_and_gis_and_unchanged_temp3():
    specs = {spec.title: spec for spec in sheet_specs("2.2")}
    assert specs["Temp2_Meta_Stat"].width == 30 and specs["Temp2_Meta_GIS"].width == 31
    assert [c.name for c in specs["Temp3_Resource_Stat"].columns] == RES_STAT


def test_dga_item_numbers_on_the_headers():
    spec = {spec.title: spec for spec in sheet_specs("2.1")}["Temp2_Meta_Stat"]
    numbers = [column.item for column in spec.columns]
    assert numbers[:12] == ["", "1", "2", "3", "4", "5", "6", "7", "8", "9.1", "9.2", "10"]
    assert numbers[-1] == "27"


def test_header_on_row_4_column_numbers_on_row_5_data_from_row_6(filled, agency_user):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)), read_only=True)
    assert (HEADER_ROW, NUMBER_ROW, FIRST_DATA_ROW) == (4, 5, 6)
    for title, names in EXPECTED.items():
        rows = list(workbook[title].iter_rows(values_only=True))
        header = [value for value in rows[3] if value is not None]
        assert len(header) == len(names), title
        assert "ข้อ" in header[2]
        assert list(rows[4][:len(names)]) == list(range(1, len(names) + 1))
        assert rows[0][0] and rows[1][0] and rows[2][0]  # the Thai title block
    stat = list(workbook["Temp2_Meta_Stat"].iter_rows(values_only=True))
    assert stat[3][1] == "ประเภทชุดข้อมูล (ข้อ 1)"
    assert stat[5][0] == filled["ข้อมูลสถิติ"].dataset_name
