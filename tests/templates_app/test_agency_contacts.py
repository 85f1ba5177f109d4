"""The statistics office keeps agencies' registered domains and contacts through a service."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from catalog.models import AgencyDomain
from catalog.services.agencies import agency_update_contact, normalize_domain
from core.forms import NOT_SENT

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
        update(agency, office_user, contact_name="ใหม่", **({"domains": ["keep.go.th"]} | {field: value}))
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


def test_removing_every_domain_is_an_explicit_act(agency_user, office_user):
    agency = agency_user.agency
    AgencyDomain.objects.create(agency=agency, domain="keep.go.th")
    with pytest.raises(ValidationError) as excinfo:
        update(agency, office_user, domains=[])
    assert [error.code for error in excinfo.value.error_dict["domains"]] == ["domains_cleared"]
    assert list(agency.domains.values_list("domain", flat=True)) == ["keep.go.th"]
    update(agency, office_user, domains=[], remove_all_domains=True)
    assert not agency.domains.exists()


def test_the_page_never_takes_a_missing_field_for_an_empty_one(client, agency_user, office_user):
    agency = agency_user.agency
    update(agency, office_user, contact_name="คุณสมศรี", domains=["keep.go.th"])
    client.force_login(office_user)
    url = f"/agencies/contacts/{agency.code}/"
    response = client.post(url, {"csrfmiddlewaretoken": "x"})  # a form with nothing in it
    with translation.override("th"):
        assert response.status_code == 200 and str(NOT_SENT) in response.content.decode()
    sent = {"contact_name": "คุณสมศรี", "contact_email": "", "contact_phone": "", "domains": ""}
    response = client.post(url, sent)  # every box sent, the domains emptied, the removal box not ticked
    assert response.status_code == 200
    agency.refresh_from_db()
    assert agency.contact_name == "คุณสมศรี" and list(agency.domains.values_list("domain", flat=True)) == ["keep.go.th"]
    assert client.post(url, sent | {"remove_all_domains": "on"}).status_code == 302
    assert not agency.domains.exists()
