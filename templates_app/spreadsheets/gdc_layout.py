"""The GD Catalog import workbook's layout (reference §6.1–6.3), built from the GD schema.

Sheets `Temp2_Meta_*` (Template 2) and `Temp3_Resource_*` (Template 3), one per data type.
Rows 1–3: a Thai title block; row 4: headers; row 5: column numbers (the importer drops it);
data from row 6. Columns are read BY POSITION: column A is the data set slug; Template 2
columns B… are the schema's entries in item order (B = data type, D = organisation).
"""
from dataclasses import dataclass
from functools import cached_property, lru_cache

from openpyxl.utils import get_column_letter

from catalog.models import DataType
from templates_app.gdschema import Entry, Kind, Schema, delivery_mode, get_schema, schema_version
from templates_app.gdschema.choices import YES_NO
from templates_app.gdschema.resources import SHEETS as RESOURCE_SHEETS, get_resource_schema
from templates_app.gdschema.types import TYPES

TITLE_ROWS = 3
HEADER_ROW = 4
NUMBER_ROW = 5
FIRST_DATA_ROW = 6
MAX_DATA_ROWS = 20_000

YES, NO = "ใช่", "ไม่ใช่"
TEMP3_YES_NO = ("True", "False")
PREFLIGHT_SHEET = "รายงานตรวจสอบก่อนนำเข้า"
LISTS_SHEET = "ตัวเลือก"
VERSIONS_SHEET = "รุ่นที่ดาวน์โหลด"  # hidden, agency workbook only: (data set code, version downloaded) per record
SLUG = "name"
RESOURCE_KEY = "dataset_name"

TEMP2_SHEETS = {data_type: spec.temp2_sheet for data_type, spec in TYPES.items()}
TEMP3_SHEETS = RESOURCE_SHEETS


@dataclass(frozen=True)
class Column:
    position: int
    name: str            # the storage name: "name"/"dataset_name" (slug), a schema field, "data_type_other"
    label: str           # Thai label
    item: str            # DGA item number ("" for the Template 2 slug)
    entry: Entry | None  # None for the slug column
    yes_no: tuple = (YES, NO)  # how a yes/no cell is written: Temp2 ใช่/ไม่ใช่ (the importer converts them),
    #                            Temp3 True/False (the importer stores the text as it is; the schema wants these)

    @cached_property
    def letter(self) -> str:
        return get_column_letter(self.position)

    @property
    def header(self) -> str:
        return f"{self.label} (ข้อ {self.item})" if self.item else self.label

    @property
    def kind(self) -> str:
        if self.entry is None:
            return "slug"
        if self.name == "data_type_other":
            return Kind.TEXT
        return self.entry.kind

    @property
    def is_yes_no(self) -> bool:
        return self.entry is not None and self.entry.choices == YES_NO

    @property
    def choice_values(self) -> list[str]:
        """What a person picks in the dropdown: the standard's values, yes/no in Thai."""
        if self.entry is None or self.name == "data_type_other" or self.kind not in (Kind.CHOICE, Kind.MULTI):
            return []
        if self.is_yes_no:
            return list(self.yes_no)
        return [value for value, _label in self.entry.choices]

    def localized_label(self) -> str:
        """The label in the active language (for error messages)."""
        return self.entry.label if self.entry is not None and self.name != "data_type_other" else self.label


@dataclass(frozen=True)
class SheetSpec:
    title: str
    template: int   # 2 or 3
    data_type: str
    schema: Schema
    columns: tuple[Column, ...]

    @property
    def width(self) -> int:
        return len(self.columns)

    def column(self, name: str) -> Column | None:
        return next((column for column in self.columns if column.name == name), None)


def sheet_specs(version: str | None = None) -> tuple[SheetSpec, ...]:
    """The ten data sheets, Template 2 first, in the standard's order (record, stat, GIS, multi, other)."""
    return _specs(schema_version(version), delivery_mode())


@lru_cache(maxsize=None)
def _specs(version: str, delivery: str) -> tuple[SheetSpec, ...]:
    specs = [_temp2(data_type, version, delivery) for data_type in TEMP2_SHEETS]
    specs += [_temp3(data_type, get_resource_schema(data_type, version, delivery)) for data_type in TEMP3_SHEETS]
    return tuple(specs)


def _temp2(data_type: str, version: str, delivery: str) -> SheetSpec:
    schema = get_schema(data_type, version, delivery)
    columns = [Column(1, SLUG, "รหัสชุดข้อมูล (name)", "", None)]
    for position, entry in enumerate((entry for entry in schema.entries if entry.field.in_workbook), start=2):
        name = entry.name
        label = entry.field.label_th
        if name == "data_type" and data_type == DataType.OTHER:
            name, label = "data_type_other", f"{label} — อื่นๆ ระบุ"
        columns.append(Column(position, name, label, entry.number, entry))
    return SheetSpec(TEMP2_SHEETS[DataType(data_type)], 2, data_type, schema, tuple(columns))


def _temp3(data_type: str, schema: Schema) -> SheetSpec:
    columns = [Column(1, RESOURCE_KEY, "รหัสชุดข้อมูล (dataset_name)", "1", None)]
    columns += [Column(position, entry.name, entry.field.label_th, entry.number, entry, TEMP3_YES_NO)
                for position, entry in enumerate(schema.entries, start=2)]
    return SheetSpec(TEMP3_SHEETS[DataType(data_type)], 3, data_type, schema, tuple(columns))


def spec_for(title: str, version: str | None = None) -> SheetSpec | None:
    return next((spec for spec in sheet_specs(version) if spec.title == title), None)
