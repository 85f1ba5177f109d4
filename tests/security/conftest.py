"""The security tests' world: two agencies with staff, an item of agency A with its Template 2 record,
a Template 3 resource, a committee resolution with minutes, the statistics office and an admin; agency A
has a registered domain and a contact, the issue has key findings and the record a GD Catalog
registration, so that a request which wipes a value shows."""
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from catalog.models import AgencyDomain, DataType, Meeting, Resolution
from catalog.services import resolution_record
from jobs.models import Job
from tests.factories import AgencyFactory, DimensionFactory, ItemFactory, MeetingFactory, UserFactory
from tests.progress.factories import ResourceFactory
from tests.templates_app.factories import valid_values

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()


@pytest.fixture
def world(db):
    from progress.services import gdc_register
    from templates_app.services import metadata_save_draft
    from visualizations.services import findings_update

    agency_a = AgencyFactory(code="AG-A", contact_name="คุณสมศรี", contact_email="somsri@pattani.doae.go.th",
                             contact_phone="073-000000")
    agency_b = AgencyFactory(code="AG-B")
    AgencyDomain.objects.create(agency=agency_a, domain="pattani.doae.go.th")
    users = {
        "anonymous": None,
        "staff_a": UserFactory(username="staff-a", role=User.Role.AGENCY_STAFF, agency=agency_a),
        "staff_b": UserFactory(username="staff-b", role=User.Role.AGENCY_STAFF, agency=agency_b),
        "office": UserFactory(username="office", role=User.Role.STATISTICS_OFFICE),
        "admin": UserFactory(username="boss", role=User.Role.ADMIN, is_staff=True, is_superuser=True),
    }
    dimension = DimensionFactory()
    item = ItemFactory(agency=agency_a, dimension=dimension, data_type=DataType.STATISTICAL)
    record = metadata_save_draft(item=item, values=valid_values(item.data_type), version=None, by=users["staff_a"])
    resource = ResourceFactory(record=record, url="https://pattani.doae.go.th/data.csv")
    findings_update(issue=item.issue, text="- ผลผลิตทุเรียนเพิ่มขึ้น", user=users["office"])
    gdc_register(record=record, url="https://gdcatalog.go.th/dataset/x", registered_on=dt.date(2023, 5, 1),
                 state="COMPLETED", by=users["office"])
    meeting = MeetingFactory(body=Meeting.Body.PROVINCIAL_COMMITTEE, date=dt.date(2023, 3, 15))
    resolution = resolution_record(meeting=meeting, issue=item.issue, subject=Resolution.Subject.REQUIREMENTS_DOCUMENT,
                                   decision=Resolution.Decision.APPROVED,
                                   minutes=SimpleUploadedFile("m.pdf", PDF, content_type="application/pdf"))
    job = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, state=Job.State.DONE, owner=users["staff_a"],
                             result_file=SimpleUploadedFile("gdcatalog.xlsx", b"PK\x03\x04 a workbook"))
    return {"job": job, "users": users, "agency_a": agency_a, "agency_b": agency_b, "item": item, "issue": item.issue,
            "record": record, "resource": resource, "resolution": resolution}
