"""The statistics office keeps agencies' registered domains and contacts through a service."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.models import AgencyDomain
from catalog.services.agencies import agency_update_contact, normalize_domain

pytestmark = pytest.mark.django_db


def update(agency, by, **kwargs):
    data = {"contact_name": "", "contact_email": "", "contact_phone": "", "domains": []} | kwargs
    return agency_update_contact(agency=agency, by=by, **data)


def test_replaces_domains_and_sets_the_contact(agency_user, office_user):
    agency = agency_user.agency
    AgencyDomain.objects.create(agency=agency, domain="old.example.go.th")
    update(agency, office_user, contact_name=" คุณสมชาย ", contact_email="a@pattani.go.th", contact_phone="073",
           domains=["https://Pattani.DOAE.go.th./x", "pattani.doae.go.th", "127.0.0.1"])
    agency.refresh_from_db()
    assert (agency.contact_name, agency.contact_email, agency.contact_phone) == ("คุณสมชาย", "a@pattani.go.th", "073")
    assert sorted(agency.domains.values_list("domain", flat=True)) == ["127.0.0.1", "pattani.doae.go.th"]
    assert agency.history.first().history_user == office_user
    assert AgencyDomain.history.filter(domain="old.example.go.th", history_type="-").exists()


@pytest.mark.parametrize("field, value", [("domains", ["bad domain"]), ("domains", ["a_b.go.th"]),
                                          ("contact_email", "not-an-email")])
def test_bad_input_changes_nothing(agency_user, office_user, field, value):
    agency = agency_user.agency
    AgencyDomain.objects.create(agency=agency, domain="keep.go.th")
    with pytest.raises(ValidationError) as excinfo:
        update(agency, office_user, contact_name="ใหม่", **{field: value})
    assert list(excinfo.value.error_dict) == [field]
    agency.refresh_from_db()
    assert agency.contact_name == "" and list(agency.domains.values_list("domain", flat=True)) == ["keep.go.th"]


def test_only_the_office_and_admins(agency_user, admin_user):
    with pytest.raises(PermissionDenied):
        update(agency_user.agency, agency_user, domains=["x.go.th"])
    update(agency_user.agency, admin_user, domains=["x.go.th"])
    assert agency_user.agency.domains.count() == 1


def test_normalize_domain():
    assert normalize_domain(" HTTPS://www.Pattani.go.th./path ") == "www.pattani.go.th"
