"""Progress test data: an issue with items, Template 2 records through the services, Template 3
resources and GD Catalog registrations."""
import datetime as dt

import factory

from accounts.models import User
from catalog.models import DataType, Meeting, Resolution
from catalog.services import resolution_record
from progress.models import GdcRegistration, GdcState
from templates_app.models import Resource
from templates_app.services import metadata_approve, metadata_save_draft, metadata_submit
from tests.factories import MeetingFactory, UserFactory
from tests.templates_app.factories import valid_values


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    record = None
    values = factory.LazyAttribute(lambda o: {"resource_name": "ตารางข้อมูล", "resource_url": o.url})
    url = "https://www.pattani.go.th/data.csv"
    is_complete = True
    url_status = Resource.UrlStatus.OK


class GdcRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GdcRegistration

    record = None
    state = GdcState.COMPLETED
    url = factory.LazyAttribute(lambda o: f"https://gdcatalog.go.th/dataset/{o.record.dataset_name}")
    registered_on = dt.date(2023, 6, 1)


def staff_of(agency) -> User:
    return UserFactory(username=f"staff-{agency.code.lower()}", role=User.Role.AGENCY_STAFF, agency=agency)


def office() -> User:
    return UserFactory(username="office-progress", role=User.Role.STATISTICS_OFFICE)


def record_for(item, *, state: str = "approved", public: bool = True, drop=(), **overrides):
    """A Template 2 record written through the services: draft, submitted or approved; `drop` leaves fields out."""
    values = valid_values(item.data_type, data_category="ข้อมูลสาธารณะ" if public else "ข้อมูลส่วนบุคคล",
                          **overrides)
    values = {key: value for key, value in values.items() if key not in drop}
    staff = staff_of(item.agency)
    if state == "draft":
        return metadata_save_draft(item=item, values=values, version=None, by=staff)
    record = metadata_submit(item=item, values=values, version=None, by=staff)
    if state == "approved":
        record = metadata_approve(record=record, version=record.version, by=office())
    return record


def committee_approves(issue, subject=Resolution.Subject.REQUIREMENTS_DOCUMENT,
                       body=Meeting.Body.PROVINCIAL_COMMITTEE) -> Resolution:
    meeting = MeetingFactory(body=body, date=dt.date(2023, 3, 15), title="คณะกรรมการสถิติจังหวัด 1/2566")
    return resolution_record(meeting=meeting, issue=issue, subject=subject, decision=Resolution.Decision.APPROVED)


__all__ = ["DataType", "GdcRegistrationFactory", "ResourceFactory", "committee_approves", "office", "record_for",
           "staff_of"]
