"""Template 2 demo records: for every agency a realistic mix of approved, submitted, returned,
draft and not-started records, written through the services (so each has its history).

Idempotent and deterministic: items that already have a record are left alone, and which
state an item gets depends only on its position in its agency's list (issue, code).
"""
from accounts.models import User
from catalog.models import DataType, Item
from catalog.models.items import ItemStatus
from templates_app.models import MetadataRecord
from templates_app.services import metadata_approve, metadata_return, metadata_save_draft, metadata_submit

#: The state of an agency's 1st, 2nd, … item; the first one is always returned with comments.
PATTERN = ("returned", "approved", "submitted", "draft", "approved", "not_started", "submitted", "approved", "draft")
ISSUE_TAGS = {1: ["ทุเรียน", "เกษตร"], 3: ["ความยากจน", "ความเหลื่อมล้ำ"]}
RETURN_COMMENTS = {
    "notes": "โปรดอธิบายว่าข้อมูลครอบคลุมช่วงเวลาใดและจัดเก็บอย่างไร",
    "tag_string": "เพิ่มคำสำคัญที่ประชาชนใช้ค้นหา เช่น ชื่ออำเภอ",
}


def load_demo(*, stdout) -> None:
    office = User.objects.filter(role=User.Role.STATISTICS_OFFICE).order_by("username").first()
    staff = {}
    for user in User.objects.filter(role=User.Role.AGENCY_STAFF).order_by("username"):
        staff.setdefault(user.agency_id, user)
    items = Item.objects.filter(status=ItemStatus.CURRENT).select_related("agency", "issue").order_by(
        "agency__code", "issue__number", "code")
    done = set(MetadataRecord.objects.values_list("item_id", flat=True))
    position, created = {}, 0
    for item in items:
        index = position[item.agency_id] = position.get(item.agency_id, -1) + 1
        user = staff.get(item.agency_id)
        if item.pk in done or user is None or office is None:
            continue
        state = PATTERN[index % len(PATTERN)]
        if state != "not_started":
            _make(item, state, user, office, index)
            created += 1
    stdout.write(f"Template 2 demo records created: {created}")


def _make(item, state, user, office, index) -> None:
    if state == "draft":
        metadata_save_draft(item=item, values=_values(item, index, partial=True), version=None, by=user)
        return
    record = metadata_submit(item=item, values=_values(item, index), version=None, by=user)
    if state == "approved":
        metadata_approve(record=record, version=record.version, by=office)
    elif state == "returned":
        metadata_return(record=record, comments=RETURN_COMMENTS, version=record.version, by=office)


def _values(item, index, partial=False) -> dict:
    agency = item.agency
    values = {
        "title": item.name_th,
        "maintainer": agency.contact_name or "กลุ่มงานยุทธศาสตร์และสารสนเทศ",
        "maintainer_email": agency.contact_email or f"{agency.code.lower()}@example.go.th",
        "tag_string": ", ".join(["ปัตตานี", *ISSUE_TAGS.get(item.issue.number, [])]),
    }
    if partial:
        return values
    values |= {
        "notes": f"{item.name_th} จังหวัดปัตตานี จัดทำโดย{agency.name_th}",
        "objective": ["พันธกิจหน่วยงาน", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ"],
        "update_frequency_unit": "ปี", "update_frequency_interval": "1",
        "geo_coverage": "อำเภอ" if index % 2 else "จังหวัด",
        "data_source": agency.name_th,
        "data_format": ["XLS", "CSV"],
        "data_category": "ข้อมูลส่วนบุคคล" if index % 7 == 6 else "ข้อมูลสาธารณะ",
        "license_id": "Open Data Common",
        "accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
        "last_updated_date": "30/09/2566",
        "data_language": ["ไทย"],
    }
    if item.data_type == DataType.STATISTICAL:
        values |= {"first_year_of_data": "2562", "last_year_of_data": "2566", "unit_of_measure": item.unit,
                   "unit_of_multiplier": "หน่วย", "disaggregate": ["ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่"],
                   "official_statistics": "False"}
    elif item.data_type == DataType.GIS:
        values |= {"west_bound_longitude": "100.95", "east_bound_longitude": "101.75",
                   "south_bound_longitude": "6.45", "north_bound_longitude": "6.95"}
    else:
        values |= {"created_date": "01/10/2565", "data_collect": "บุคคล", "high_value_dataset": "False",
                   "reference_data": "False"}
    return values
