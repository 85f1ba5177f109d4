"""Two provinces loaded from the same reference CSVs (the same issue numbers, agency and item codes), each at
its own host name. Province B's names carry a marker, so any page of A that shows B's data is caught."""
from dataclasses import dataclass, replace

from accounts.audit import audit_record
from accounts.models import AuditEvent, User
from catalog.demo import demo_files
from catalog.models import Agency, DevelopmentIssue, Item, Meeting, Province
from catalog.services import reference_load
from core.tenancy import province_scope
from tests.factories import UserFactory
from tests.progress.factories import GdcRegistrationFactory, ResourceFactory, committee_approves, record_for

DOMAIN = "catalog.test"
MARKER = "ลับเฉพาะจังหวัดบี"


@dataclass
class Side:
    province: Province
    host: str
    users: dict


def host_of(province: Province) -> str:
    return f"{province.slug}.{DOMAIN}"


def load_side(province: Province, *, prefix: str) -> Side:
    """The Pattani lists loaded into `province`, and one user per role of it."""
    files = replace(demo_files(), districts=None) if province.code != "94" else demo_files()
    reference_load(files=files, province=province)
    with province_scope(province):
        agency = Agency.objects.order_by("code").first()
        users = {
            "viewer": UserFactory(username=f"{prefix}-viewer", role=User.Role.VIEWER),
            "agency_staff": UserFactory(username=f"{prefix}-staff", role=User.Role.AGENCY_STAFF, agency=agency),
            "statistics_office": UserFactory(username=f"{prefix}-office", role=User.Role.STATISTICS_OFFICE),
            "admin": UserFactory(username=f"{prefix}-admin", role=User.Role.ADMIN, is_staff=True,
                                 is_superuser=True, province=province),
        }
    return Side(province=province, host=host_of(province), users=users)


def mark(province: Province) -> None:
    """Every name of `province` that pages show carries MARKER."""
    with province_scope(province):
        for model, field in ((Item, "name_th"), (Agency, "name_th"), (DevelopmentIssue, "title_th"),
                             (Meeting, "title")):
            for row in model.objects.all():
                setattr(row, field, f"{MARKER} {getattr(row, field)}"[:255])
                row.save(update_fields=[field])


def with_records(province: Province) -> dict:
    """Template 2/3 records, a GD Catalog registration and a committee resolution in `province`."""
    with province_scope(province):
        item = Item.objects.filter(issue__number=1, agency__code="PTN-AGRI").order_by("code").first() or \
            Item.objects.order_by("code").first()
        record = record_for(item)
        resource = ResourceFactory(record=record, values={"resource_name": MARKER, "resource_url": "https://x.go.th/"})
        GdcRegistrationFactory(record=record)
        resolution = committee_approves(item.issue)
        audit_record(kind=AuditEvent.Kind.EXPORT, summary=MARKER)
    return {"item": item, "record": record, "resource": resource, "resolution": resolution}
