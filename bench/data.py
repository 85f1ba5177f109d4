"""Fast generation of a complete catalog: bulk inserts of rows the real validators accept.

Values are built once per data type through the schema's own cleaning functions
(`clean_values`, `clean_resource_values`, `record_summary`), checked to have no errors, then
copied into bulk-created rows; only the slug and the URL differ per row (the URL stays on the
owning agency's registered domain). Items are spread evenly: item i belongs to issue i mod 5 and
agency (i div 5) mod 30, so every issue and agency grows in proportion with the total.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from catalog.models import Agency, AgencyDomain, DataType, DevelopmentIssue, Dimension, Item, ItemRevision, Province
from templates_app.gdschema import get_schema
from templates_app.gdschema.resources import get_resource_schema
from templates_app.gdschema.validation import clean_resource_values, clean_values, record_summary
from templates_app.models import MetadataRecord, Resource

ISSUES = 5
AGENCIES = 30
DIMENSIONS_PER_ISSUE = 3
RESOURCES_PER_ITEM = 2
LISTED_ON = dt.date(2023, 1, 20)
TYPES = list(DataType)
PASSWORD = "bench-password-2566"

VALUES_COMMON = {
    "title": "พื้นที่ปลูกทุเรียน จำแนกรายอำเภอ", "maintainer": "กลุ่มยุทธศาสตร์และสารสนเทศ",
    "maintainer_email": "info@pattani.go.th", "tag_string": "ทุเรียน, เกษตร, ปัตตานี",
    "notes": "พื้นที่ปลูกทุเรียนรายอำเภอ ปีละครั้ง", "objective": ["พันธกิจหน่วยงาน"],
    "update_frequency_unit": "ปี", "update_frequency_interval": "1", "geo_coverage": "อำเภอ",
    "data_source": "สำนักงานเกษตรจังหวัดปัตตานี", "data_format": ["XLS"],
    "data_category": "ข้อมูลสาธารณะ", "data_classification": "เปิดเผย", "license_id": "Open Data Common",
}
YES_NO_ANSWERS = {"high_value_dataset": "False", "reference_data": "False"}
VALUES_EXTRA = {
    DataType.STATISTICAL: {"first_year_of_data": "2560", "last_year_of_data": "2566",
                           "last_updated_date": "31/03/2567", "unit_of_measure": "ไร่", "official_statistics": "False"},
    DataType.RECORD: YES_NO_ANSWERS, DataType.MULTIPLE: YES_NO_ANSWERS, DataType.OTHER: YES_NO_ANSWERS,
    DataType.GIS: {"west_bound_longitude": "101.0", "east_bound_longitude": "101.8",
                   "south_bound_longitude": "6.4", "north_bound_longitude": "6.95"},
}
RESOURCE_COMMON = {
    "resource_name": "ตารางพื้นที่ปลูกทุเรียนรายอำเภอ ปี 2566", "resource_url": "https://ag00.bench.go.th/x.csv",
    "description": "พื้นที่ปลูกทุเรียนรายอำเภอ", "resource_accessible_condition": "ไม่มีการจำกัดการเข้าถึงข้อมูล",
    "resource_last_updated_date": "30/09/2566", "format": "CSV",
}
RESOURCE_EXTRA = {
    DataType.STATISTICAL: {"resource_first_year_of_data": "2560", "resource_last_year_of_data": "2566",
                           "resource_data_release_calendar": "31/12/2566", "resource_disaggregate": ["อายุ/กลุ่มอายุ"],
                           "resource_unit_of_measure": "ไร่", "resource_unit_of_multiplier": "หน่วย",
                           "resource_official_statistics": "False"},
    DataType.GIS: {"resource_equivalent_scale": "1:50,000", "resource_geographic_data_set": "ชั้นข้อมูลแหล่งน้ำ",
                   "resource_created_date": "01/10/2565", "resource_data_release_date": "30/09/2566",
                   "resource_positional_accuracy": "±5 เมตร"},
    DataType.RECORD: {"resource_created_date": "01/10/2565", "resource_data_collect": "บุคคล"},
    DataType.MULTIPLE: {"resource_created_date": "01/10/2565", "resource_data_collect": "บุคคล"},
    DataType.OTHER: {"resource_created_date": "01/10/2565", "resource_data_collect": "บุคคล"},
}


def _domain(agency_code: str) -> str:
    return f"{agency_code.lower()}.bench.go.th"


def cleaned_values() -> dict:
    """{data type: (Template 2 values, summary columns, Template 3 values)}, each through the real validators."""
    built = {}
    for data_type in TYPES:
        values, errors = clean_values({**VALUES_COMMON, **VALUES_EXTRA.get(data_type, {})},
                                      schema=get_schema(data_type), complete=True)
        assert not errors, (data_type, errors)
        summary = record_summary(values, data_type=data_type)
        assert summary["is_complete"] and summary["is_public_category"], summary
        resource, errors = clean_resource_values({**RESOURCE_COMMON, **RESOURCE_EXTRA[data_type]},
                                                 schema=get_resource_schema(data_type), domains=["ag00.bench.go.th"])
        assert not errors, (data_type, errors)
        built[data_type] = (values, summary, resource)
    return built


@transaction.atomic
def reference(*, agencies: int = AGENCIES, issues: int = ISSUES) -> dict:
    """Province, issues with dimensions, agencies with a domain, one staff user each, the office user."""
    province = Province.objects.create(code="94", name_th="ปัตตานี", name_en="Pattani")
    issue_rows = [DevelopmentIssue.objects.create(
        province=province, fiscal_year=2566, number=n, title_th=f"ประเด็นทดสอบสมรรถนะ {n}", listed_on=LISTED_ON)
        for n in range(1, issues + 1)]
    dimensions = {issue.pk: [Dimension.objects.create(issue=issue, code=f"d{k}", name_th=f"มิติ {k}", order=k)
                             for k in range(DIMENSIONS_PER_ISSUE)] for issue in issue_rows}
    agency_rows = []
    for k in range(agencies):
        code = f"AG{k:02d}"
        agency = Agency.objects.create(code=code, name_th=f"หน่วยงานทดสอบ {k}", level="regional" if k % 3 else "central",
                                       website=_domain(code), contact_email=f"{code.lower()}@bench.go.th")
        AgencyDomain.objects.create(agency=agency, domain=_domain(code))
        User.objects.create_user(username=code.lower(), password=PASSWORD, role=User.Role.AGENCY_STAFF, agency=agency)
        agency_rows.append(agency)
    User.objects.create_user(username="office", password=PASSWORD, role=User.Role.STATISTICS_OFFICE)
    return {"issues": issue_rows, "dimensions": dimensions, "agencies": agency_rows}


def add_items(ref: dict, start: int, stop: int, *, agency: Agency | None = None, batch: int = 2000) -> None:
    """Items start..stop-1, each with its `created` revision, an approved complete Template 2 record
    (category ข้อมูลสาธารณะ) and two complete Template 3 resources whose link works."""
    built = cleaned_values()
    now = timezone.now()
    for low in range(start, stop, batch):
        high = min(stop, low + batch)
        with transaction.atomic():
            items = []
            for i in range(low, high):
                issue = ref["issues"][i % len(ref["issues"])]
                owner = agency or ref["agencies"][(i // len(ref["issues"])) % len(ref["agencies"])]
                items.append(Item(
                    issue=issue, code=f"B{i:05d}", name_th=f"รายการข้อมูลทดสอบ {i}", name_en=f"Bench item {i}",
                    agency=owner, dimension=ref["dimensions"][issue.pk][i % DIMENSIONS_PER_ISSUE],
                    data_type=TYPES[(i // 7) % len(TYPES)].value, unit="ราย"))
            Item.objects.bulk_create(items)
            ItemRevision.objects.bulk_create([ItemRevision(
                item=item, kind="created", reason="รายการตั้งต้น", decided_on=LISTED_ON,
                **{f"{name}_id" if name in ("agency", "dimension") else name: value
                   for name, value in item.state().items()}) for item in items])
            records = []
            for item in items:
                values, summary, _resource = built[DataType(item.data_type)]
                name = f"fy2566-{item.code.lower()}"
                records.append(MetadataRecord(
                    item=item, dataset_name=name, approved_dataset_name=name, values=values, approved_values=values,
                    status=MetadataRecord.Status.APPROVED, version=3, approved_at=now, submitted_at=now, **summary))
            MetadataRecord.objects.bulk_create(records)
            resources = []
            for record in records:
                _values, _summary, resource = built[DataType(record.item.data_type)]
                for position in range(1, RESOURCES_PER_ITEM + 1):
                    url = f"https://{_domain(record.item.agency.code)}/opendata/{record.dataset_name}-{position}.csv"
                    resources.append(Resource(
                        record=record, position=position, values={**resource, "resource_url": url}, url=url,
                        is_complete=True, url_status="ok", http_status=200, final_url=url, content_type="text/csv",
                        checked_at=now, last_ok_at=now))
            Resource.objects.bulk_create(resources)


def add_agency(ref: dict, code: str) -> Agency:
    agency = Agency.objects.create(code=code, name_th=f"หน่วยงานนำเข้า {code}", level="regional", website=_domain(code))
    AgencyDomain.objects.create(agency=agency, domain=_domain(code))
    User.objects.create_user(username=code.lower(), password=PASSWORD, role=User.Role.AGENCY_STAFF, agency=agency)
    return agency
