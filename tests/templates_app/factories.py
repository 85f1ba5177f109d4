"""Template 2 test data: complete, valid values per data type, and records made through the services."""
import itertools

from catalog.models import DataType

VALID_COMMON = {
    "title": "พื้นที่ปลูกทุเรียน จำแนกรายอำเภอ",
    "maintainer": "กลุ่มยุทธศาสตร์และสารสนเทศ",
    "maintainer_email": "info@pattani.go.th",
    "tag_string": "ทุเรียน, เกษตร, ปัตตานี",
    "notes": "พื้นที่ปลูกทุเรียนรายอำเภอ ปีละครั้ง",
    "objective": ["พันธกิจหน่วยงาน"],
    "update_frequency_unit": "ปี",
    "update_frequency_interval": "1",
    "geo_coverage": "อำเภอ",
    "data_source": "สำนักงานเกษตรจังหวัดปัตตานี",
    "data_format": ["XLS"],
    "data_category": "ข้อมูลสาธารณะ",
    "license_id": "Open Data Common",
}

#: The Temp2 yes/no items, answered (an empty one would arrive in GD Catalog as ใช่: submission asks for it).
YES_NO_ANSWERS = {"high_value_dataset": "False", "reference_data": "False"}

EXTRA = {
    DataType.STATISTICAL: {"first_year_of_data": "2560", "last_year_of_data": "2566",
                           "last_updated_date": "31/03/2567", "unit_of_measure": "ไร่", "official_statistics": "False"},
    DataType.RECORD: YES_NO_ANSWERS, DataType.MULTIPLE: YES_NO_ANSWERS, DataType.OTHER: YES_NO_ANSWERS,
    DataType.GIS: {"west_bound_longitude": "101.0", "east_bound_longitude": "101.8",
                   "south_bound_longitude": "6.4", "north_bound_longitude": "6.95"},
}


_titles = itertools.count(1)


def valid_values(data_type=DataType.STATISTICAL, **overrides) -> dict:
    """Each call has a title of its own (`VALID_COMMON["title"]` + a number): GD Catalog refuses two data
    sets of the province with the same title, and tests submit many."""
    title = f"{VALID_COMMON['title']} ชุดที่ {next(_titles)}"
    return {**VALID_COMMON, "title": title, **EXTRA.get(DataType(data_type), {}), **overrides}


RESOURCE_COMMON = {
    "resource_name": "ตารางพื้นที่ปลูกทุเรียนรายอำเภอ ปี 2566",
    "resource_url": "https://pattani.doae.go.th/opendata/durian.csv",
    "description": "พื้นที่ปลูกทุเรียนรายอำเภอ",
    "resource_accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
    "resource_last_updated_date": "30/09/2566",
    "format": "CSV",
}
RESOURCE_EXTRA = {
    DataType.STATISTICAL: {"resource_first_year_of_data": "2560", "resource_last_year_of_data": "2566",
                           "resource_data_release_calendar": "31/12/2566", "resource_disaggregate": ["อายุ/กลุ่มอายุ"],
                           "resource_unit_of_measure": "ไร่", "resource_unit_of_multiplier": "หน่วย",
                           "resource_official_statistics": "False"},
    DataType.GIS: {"resource_equivalent_scale": "1:50,000", "resource_geographic_data_set": "ชั้นข้อมูลแหล่งน้ำ",
                   "resource_created_date": "01/10/2565", "resource_data_release_date": "30/09/2566",
                   "resource_positional_accuracy": "±5 เมตร"},
}
for _type in (DataType.RECORD, DataType.MULTIPLE, DataType.OTHER):
    RESOURCE_EXTRA[_type] = {"resource_created_date": "01/10/2565", "resource_data_collect": "บุคคล"}


def resource_values(data_type=DataType.STATISTICAL, **overrides) -> dict:
    """Complete, valid Template 3 values for a data type (URL on pattani.doae.go.th)."""
    return {**RESOURCE_COMMON, **RESOURCE_EXTRA[DataType(data_type)], **overrides}


def public_record(item, user, **overrides):
    """A submitted Template 2 record of category ข้อมูลสาธารณะ, made through the service."""
    from templates_app.services import metadata_submit

    return metadata_submit(item=item, values=valid_values(item.data_type, **overrides), version=None, by=user)
