"""Template 3 (ชุดข้อมูลในหมวดหมู่สาธารณะ) as data: the GD Catalog resource fields, once.

A Template 3 record is one GD Catalog *resource* of a public-category data set. Its items are
exactly the columns of the import workbook's `Temp3_Resource_*` sheets (reference §6.2, §7):
column A is `dataset_name` (the data set's slug, the join key, filled by the portal), then the
fields below in sheet order. Record / multiple / other: 9 items, statistical 14, GIS 12.
Every item is required (the memo's policy, stricter than GD Catalog's own schema).

    schema = get_resource_schema(DataType.STATISTICAL)
    [e.number for e in schema.entries]   # "2" … "14" (item 1 is dataset_name)
    schema.item_count                    # 14
"""
from functools import lru_cache

from catalog.models import DataType

from . import Entry, Schema, delivery_mode, schema_version
from .delivery import WORKBOOK
from .choices import CHOICES
from .fields import Field, Kind
from .types import TYPES

DATE_HELP = {"help_th": "วว/ดด/ปปปป พ.ศ. เช่น 31/03/2567", "help_en": "DD/MM/YYYY in B.E., e.g. 31/03/2567"}

_R = [
    Field("resource_name", "ชื่อทรัพยากร", "Resource name", Kind.TEXT, required=True,
          help_th="ชื่อของแหล่งข้อมูล เช่น ตารางพื้นที่ปลูกทุเรียนรายอำเภอ ปี 2566",
          help_en="The name of this source, e.g. durian area by district, 2566."),
    Field("resource_url", "URL ของแหล่งข้อมูลดิจิทัล", "Digital source URL", Kind.SOURCE_URL, required=True,
          max_length=2000,
          help_th="ที่อยู่เว็บ (http:// หรือ https://) บนเว็บไซต์ของหน่วยงานเอง",
          help_en="An http:// or https:// address on the agency’s own website."),
    Field("description", "รายละเอียด", "Description", Kind.TEXTAREA, required=True, max_length=5000,
          help_th="ทรัพยากรนี้มีข้อมูลอะไร", help_en="What this resource contains."),
    Field("resource_accessible_condition", "เงื่อนไขในการเข้าถึงข้อมูล", "Accessible condition", Kind.TEXTAREA,
          required=True, max_length=5000,
          help_th="เช่น ไม่มีการจำกัดการเข้าถึงข้อมูล", help_en="For example: no access restriction."),
    Field("resource_last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด", "Last updated date", Kind.DATE,
          required=True, **DATE_HELP),
    Field("format", "นามสกุลของไฟล์", "Format", Kind.TEXT, required=True, max_length=50,
          help_th="เช่น CSV, XLSX, PDF, HTML", help_en="For example CSV, XLSX, PDF, HTML."),
    Field("resource_created_date", "วันที่เริ่มต้นสร้าง", "Created date", Kind.DATE, required=True, **DATE_HELP),
    Field("resource_data_collect", "หน่วยที่ย่อยที่สุดของการจัดเก็บข้อมูล", "Data collect", Kind.CHOICE,
          required=True, has_other=True),
    Field("resource_first_year_of_data", "ปีข้อมูลที่เริ่มต้นจัดทำ", "First year of data", Kind.YEAR,
          required=True, max_length=10, help_th="ปี พ.ศ. เช่น 2560", help_en="A B.E. year, e.g. 2560"),
    Field("resource_last_year_of_data", "ปีข้อมูลล่าสุดที่เผยแพร่", "Last year of data", Kind.YEAR,
          required=True, max_length=10, help_th="ปี พ.ศ. ไม่น้อยกว่าปีที่เริ่มต้น",
          help_en="A B.E. year, not before the first."),
    Field("resource_data_release_calendar", "วันที่กำหนดเผยแพร่ข้อมูล", "Data release calendar", Kind.DATE,
          required=True, **DATE_HELP),
    Field("resource_disaggregate", "การจัดจำแนก", "Disaggregate", Kind.MULTI, required=True, has_other=True,
          help_th="เลือกได้มากกว่า 1 ข้อ", help_en="Choose one or more."),
    Field("resource_unit_of_measure", "หน่วยวัด", "Unit of measure", Kind.TEXT, required=True,
          help_th="เช่น ไร่ ราย บาท", help_en="For example rai, persons, baht."),
    Field("resource_unit_of_multiplier", "หน่วยตัวคูณ", "Unit of multiplier", Kind.CHOICE, required=True,
          has_other=True),
    Field("resource_official_statistics", "สถิติทางการ", "Official statistics", Kind.CHOICE, required=True),
    Field("resource_equivalent_scale", "มาตราส่วน", "Equivalent scale", Kind.CHOICE, required=True,
          has_other=True),
    Field("resource_geographic_data_set", "ชุดข้อมูลภูมิศาสตร์", "Geographic dataset", Kind.CHOICE, required=True),
    Field("resource_data_release_date", "วันที่เผยแพร่ข้อมูล", "Data release date", Kind.DATE, required=True,
          **DATE_HELP),
    Field("resource_positional_accuracy", "ความถูกต้องของตำแหน่ง", "Positional accuracy", Kind.TEXT, required=True,
          help_th="เช่น ±5 เมตร", help_en="For example ±5 m."),
]

RESOURCE_FIELDS: dict[str, Field] = {field.name: field for field in _R}

#: Which Template 2 choice list each resource choice field uses.
CHOICE_LISTS = {
    "resource_data_collect": "data_collect",
    "resource_disaggregate": "disaggregate",
    "resource_unit_of_multiplier": "unit_of_multiplier",
    "resource_official_statistics": "official_statistics",
    "resource_equivalent_scale": "equivalent_scale",
    "resource_geographic_data_set": "geographic_data_set",
}

#: Columns B… of each `Temp3_Resource_*` sheet, in sheet order (column A = dataset_name), and the sheet names.
COLUMNS = {data_type: spec.resources for data_type, spec in TYPES.items()}
SHEETS = {data_type: spec.temp3_sheet for data_type, spec in TYPES.items()}

#: Item 1 of every Template 3 record: the data set's slug (MetadataRecord.dataset_name).
KEY_COLUMN = "dataset_name"


def get_resource_schema(data_type: str, version: str | None = None, delivery: str | None = None) -> Schema:
    """The Template 3 items of a data type; numbers are the sheet positions ("2" … ; "1" is dataset_name)."""
    return _build(DataType(data_type).value, schema_version(version), delivery_mode(delivery))


@lru_cache(maxsize=None)
def _build(data_type: str, version: str, delivery: str) -> Schema:
    choices = CHOICES[version]
    entries = tuple(
        Entry(str(position), RESOURCE_FIELDS[name], True, choices.get(CHOICE_LISTS.get(name, ""), ()),
              RESOURCE_FIELDS[name].kind == Kind.MULTI and delivery == WORKBOOK)
        for position, name in enumerate(COLUMNS[DataType(data_type)], start=2))
    return Schema(version, data_type, entries, first_item=KEY_COLUMN)


#: Template 3 items a new resource starts from: the data set's Template 2 item of the same meaning
#: (GD Catalog's importer fills a resource's shared items from its data set the same way).
FROM_TEMPLATE2 = {
    "resource_name": "title", "description": "notes", "format": "data_format",
    "resource_accessible_condition": "accessible_condition", "resource_last_updated_date": "last_updated_date",
    "resource_created_date": "created_date", "resource_data_collect": "data_collect",
    "resource_first_year_of_data": "first_year_of_data", "resource_last_year_of_data": "last_year_of_data",
    "resource_data_release_calendar": "data_release_calendar", "resource_disaggregate": "disaggregate",
    "resource_unit_of_measure": "unit_of_measure", "resource_unit_of_multiplier": "unit_of_multiplier",
    "resource_official_statistics": "official_statistics", "resource_equivalent_scale": "equivalent_scale",
    "resource_geographic_data_set": "geographic_data_set", "resource_data_release_date": "data_release_date",
    "resource_positional_accuracy": "positional_accuracy",
}


def resource_starting_values(template2: dict, *, schema: Schema) -> dict:
    """The values a new Template 3 record of this data set starts with, from its Template 2 values."""
    from . import OTHER

    values = {}
    for entry in schema.entries:
        source = FROM_TEMPLATE2.get(entry.name)
        value = template2.get(source) if source else None
        if value in (None, "", []):
            continue
        if entry.name == "format":  # a file format: the first chosen format, its "other" text for อื่นๆ
            first = value[0] if isinstance(value, list) else value
            value = template2.get(f"{source}_other", "") if first == OTHER else first
            if not value or value == "ไม่ทราบ":
                continue
        values[entry.name] = value
        if entry.field.has_other and template2.get(f"{source}_other"):
            values[entry.field.other_name] = template2[f"{source}_other"]
    return values
