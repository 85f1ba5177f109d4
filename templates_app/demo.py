"""Template 2 demo records: for every agency a realistic mix of approved, submitted, returned,
draft and not-started records, written through the services (so each has its history); then
Template 3 records for every other public-category data set, with URLs on the agency's own
registered domain (not checked: they show as not yet checked until `check_urls` runs).

Idempotent and deterministic: items that already have a record are left alone, and which
state an item gets depends only on its position in its agency's list (issue, code).
"""
from accounts.models import User
from catalog.models import DataType, Item
from catalog.models.items import ItemStatus
from templates_app.models import MetadataRecord
from templates_app.services import (
    metadata_approve, metadata_return, metadata_save_draft, metadata_submit, resource_create,
)

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
    stdout.write(f"Template 3 demo records created: {load_resources(staff)}")


def load_resources(staff: dict) -> int:
    """One Template 3 record for every other public-category data set (per agency, by item code)."""
    records = MetadataRecord.objects.filter(is_public_category=True).select_related(
        "item__agency", "item__issue").prefetch_related("item__agency__domains", "resources").order_by(
        "item__agency__code", "item__issue__number", "item__code")
    position, created = {}, 0
    for record in records:
        agency = record.item.agency
        index = position[agency.pk] = position.get(agency.pk, -1) + 1
        domains = sorted(d.domain for d in agency.domains.all())
        user = staff.get(agency.pk)
        if index % 2 or not domains or user is None or record.resources.all():
            continue
        resource_create(record=record, values=resource_values(record, domains[0]), by=user)
        created += 1
    return created


def resource_values(record, domain: str) -> dict:
    item = record.item
    values = {
        "resource_name": f"{item.name_th} (ไฟล์ข้อมูล)",
        "resource_url": f"https://{domain}/opendata/{record.dataset_name}.csv",
        "description": f"{item.name_th} จังหวัดปัตตานี ในรูปแบบตาราง",
        "resource_accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
        "resource_last_updated_date": "30/09/2566",
        "format": "CSV",
    }
    if item.data_type == DataType.STATISTICAL:
        values |= {"resource_first_year_of_data": "2562", "resource_last_year_of_data": "2566",
                   "resource_data_release_calendar": "31/12/2566",
                   "resource_disaggregate": ["ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่"],
                   "resource_unit_of_measure": item.unit or "ราย", "resource_unit_of_multiplier": "หน่วย",
                   "resource_official_statistics": "False"}
    elif item.data_type == DataType.GIS:
        values |= {"format": "Shapefile", "resource_equivalent_scale": "1:50,000",
                   "resource_geographic_data_set": "ชั้นข้อมูลขอบเขตการปกครอง", "resource_created_date": "01/10/2565",
                   "resource_data_release_date": "30/09/2566", "resource_positional_accuracy": "±5 เมตร"}
    else:
        values |= {"resource_created_date": "01/10/2565", "resource_data_collect": "บุคคล"}
    return values


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
        "objective": ["พันธกิจหน่วยงาน"],
        "update_frequency_unit": "ปี", "update_frequency_interval": "1",
        "geo_coverage": "อำเภอ" if index % 2 else "จังหวัด",
        "data_source": agency.name_th,
        "data_format": ["XLS"],
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
