"""The five GD Catalog data types, as data: each type's own Template 2 items, its Template 3 columns and the
names of its two workbook sheets. Adding a sixth type: a `DataType` value (catalog) and an entry here."""
from dataclasses import dataclass

from catalog.models import DataType


@dataclass(frozen=True)
class TypeSpec:
    temp2_sheet: str
    temp3_sheet: str
    tail: tuple        # Template 2 items 15+ in the standard's order (items 1–14 are common: fields.COMMON)
    resources: tuple   # Template 3 columns B… in sheet order (column A = dataset_name)


_RECORD_TAIL = ("accessible_condition", "created_date", "last_updated_date", "url", "data_support", "data_collect",
                "data_language", "high_value_dataset", "reference_data")
_HEAD = ("resource_name", "resource_url", "description", "resource_accessible_condition",
         "resource_last_updated_date", "format")
_RECORD_RESOURCE = (*_HEAD, "resource_created_date", "resource_data_collect")

TYPES = {
    DataType.RECORD: TypeSpec("Temp2_Meta_Record", "Temp3_Resource_Record", _RECORD_TAIL, _RECORD_RESOURCE),
    DataType.STATISTICAL: TypeSpec(
        "Temp2_Meta_Stat", "Temp3_Resource_Stat",
        ("accessible_condition", "first_year_of_data", "last_year_of_data", "data_release_calendar",
         "last_updated_date", "disaggregate", "unit_of_measure", "unit_of_multiplier", "calculation_method",
         "standard", "url", "data_language", "official_statistics"),
        (*_HEAD, "resource_first_year_of_data", "resource_last_year_of_data", "resource_data_release_calendar",
         "resource_disaggregate", "resource_unit_of_measure", "resource_unit_of_multiplier",
         "resource_official_statistics")),
    DataType.GIS: TypeSpec(
        "Temp2_Meta_GIS", "Temp3_Resource_GIS",
        ("accessible_condition", "geographic_data_set", "equivalent_scale", "west_bound_longitude",
         "east_bound_longitude", "north_bound_longitude", "south_bound_longitude", "positional_accuracy",
         "reference_period", "last_updated_date", "data_release_calendar", "data_release_date", "url",
         "data_language"),
        (*_HEAD, "resource_equivalent_scale", "resource_geographic_data_set", "resource_created_date",
         "resource_data_release_date", "resource_positional_accuracy")),
    DataType.MULTIPLE: TypeSpec("Temp2_Meta_Multi", "Temp3_Resource_Multi", _RECORD_TAIL, _RECORD_RESOURCE),
    DataType.OTHER: TypeSpec("Temp2_Meta_Other", "Temp3_Resource_Other", _RECORD_TAIL, _RECORD_RESOURCE),
}
