"""Template 2 test data: complete, valid values per data type, and records made through the services."""
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
    "data_format": ["XLS", "CSV"],
    "data_category": "ข้อมูลสาธารณะ",
    "license_id": "Open Data Common",
}

EXTRA = {
    DataType.STATISTICAL: {"first_year_of_data": "2560", "last_year_of_data": "2566",
                           "last_updated_date": "31/03/2567", "unit_of_measure": "ไร่"},
    DataType.GIS: {"west_bound_longitude": "101.0", "east_bound_longitude": "101.8",
                   "south_bound_longitude": "6.4", "north_bound_longitude": "6.95"},
}


def valid_values(data_type=DataType.STATISTICAL, **overrides) -> dict:
    return {**VALID_COMMON, **EXTRA.get(DataType(data_type), {}), **overrides}
