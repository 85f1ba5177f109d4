"""The Template 3 schema against the standard (§6.2 Temp3 sheets) and the denormalised Template 2 columns."""
import pytest

from catalog.models import DataType
from templates_app.gdschema.resources import COLUMNS, SHEETS, get_resource_schema
from templates_app.models import MetadataRecord
from templates_app.services import metadata_save_draft, metadata_submit
from tests.templates_app.factories import valid_values

#: Temp3_Resource_* columns B… as listed in the reference §6.2 (column A is dataset_name).
STANDARD = {
    DataType.RECORD: ["resource_name", "resource_url", "description", "resource_accessible_condition",
                      "resource_last_updated_date", "format", "resource_created_date", "resource_data_collect"],
    DataType.STATISTICAL: ["resource_name", "resource_url", "description", "resource_accessible_condition",
                           "resource_last_updated_date", "format", "resource_first_year_of_data",
                           "resource_last_year_of_data", "resource_data_release_calendar", "resource_disaggregate",
                           "resource_unit_of_measure", "resource_unit_of_multiplier", "resource_official_statistics"],
    DataType.GIS: ["resource_name", "resource_url", "description", "resource_accessible_condition",
                   "resource_last_updated_date", "format", "resource_equivalent_scale", "resource_geographic_data_set",
                   "resource_created_date", "resource_data_release_date", "resource_positional_accuracy"],
}
STANDARD[DataType.MULTIPLE] = STANDARD[DataType.OTHER] = STANDARD[DataType.RECORD]
ITEM_COUNTS = {DataType.RECORD: 9, DataType.STATISTICAL: 14, DataType.GIS: 12, DataType.MULTIPLE: 9,
               DataType.OTHER: 9}


@pytest.mark.parametrize("data_type", list(DataType))
def test_columns_and_item_counts_follow_the_standard(data_type):
    schema = get_resource_schema(data_type)
    assert schema.names == STANDARD[data_type] == list(COLUMNS[data_type])
    assert schema.item_count == ITEM_COUNTS[data_type]
    assert [e.number for e in schema.entries] == [str(n) for n in range(2, ITEM_COUNTS[data_type] + 1)]
    assert all(entry.required for entry in schema.entries)
    assert SHEETS[data_type].startswith("Temp3_Resource_")


def test_choice_fields_use_the_standard_lists():
    stat = get_resource_schema(DataType.STATISTICAL)
    assert "หน่วย" in stat.entry("resource_unit_of_multiplier").choice_values
    assert "เพศ" in stat.entry("resource_disaggregate").choice_values
    assert stat.entry("resource_official_statistics").choice_values == {"True", "False"}
    gis = get_resource_schema(DataType.GIS)
    assert "1:4,000" in gis.entry("resource_equivalent_scale").choice_values


def test_services_keep_the_summary_columns(own_item, agency_user):
    record = metadata_save_draft(item=own_item, values={"title": "x"}, version=None, by=agency_user)
    # 3 done: the title, and the data type and organisation, which are automatic
    assert (record.required_done, record.is_complete, record.is_public_category) == (3, False, False)
    record = metadata_submit(item=own_item, values=valid_values(), version=record.version, by=agency_user)
    record.refresh_from_db()
    assert (record.required_done, record.is_complete, record.is_public_category) == (14, True, True)
    assert MetadataRecord.objects.filter(is_complete=True, is_public_category=True).count() == 1
