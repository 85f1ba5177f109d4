"""Template 3 writes: every item required per type, bad input per field kind, the domain rule."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.models import DataType
from linkcheck.check import Status
from templates_app.gdschema.resources import get_resource_schema
from templates_app.models import Resource
from templates_app.services import resource_create, resource_delete, resource_update
from tests.templates_app.factories import public_record, resource_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(own_item, agency_user, doae_domain):
    return public_record(own_item, agency_user)


def record_of(make_item, agency_user, data_type):
    return public_record(make_item(data_type), agency_user)


def errors_of(excinfo) -> dict:
    return {name: [e.code for e in errs] for name, errs in excinfo.value.error_dict.items()}


@pytest.mark.parametrize("data_type", list(DataType))
def test_a_complete_record_of_each_type_is_saved(make_item, agency_user, doae_domain, data_type):
    record = record_of(make_item, agency_user, data_type)
    resource = resource_create(record=record, values=resource_values(data_type), by=agency_user)
    assert resource.is_complete and resource.url == "https://pattani.doae.go.th/opendata/durian.csv"
    assert set(resource.values) >= set(get_resource_schema(data_type).names)
    assert resource.values["resource_last_updated_date"] == "2023-09-30"  # B.E. input, ISO stored
    assert resource.url_status == Status.UNCHECKED and resource.position == 1
    assert resource.history.count() == 1


@pytest.mark.parametrize("data_type", list(DataType))
def test_every_item_is_required(make_item, agency_user, doae_domain, data_type):
    record = record_of(make_item, agency_user, data_type)
    names = get_resource_schema(data_type).names
    for name in names:
        values = resource_values(data_type)
        values.pop(name)
        with pytest.raises(ValidationError) as excinfo:
            resource_create(record=record, values=values, by=agency_user)
        assert errors_of(excinfo) == {name: ["required"]}, name
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values={}, by=agency_user)
    assert set(errors_of(excinfo)) == set(names)
    assert not Resource.objects.exists()


BAD_INPUT = [
    ("resource_name", "<b>ตาราง</b>", "html"),
    ("resource_name", "ก" * 501, "max_length"),
    ("description", "<script>x</script>", "html"),
    ("resource_last_updated_date", "31/02/2566", "invalid_date"),
    ("resource_last_updated_date", "2023-13-01", "invalid_date"),
    ("resource_first_year_of_data", "1999", "invalid_year"),
    ("resource_first_year_of_data", "สองพัน", "invalid_year"),
    ("resource_last_year_of_data", "2559", "year_order"),  # before the first year (2560): reported on the first
    ("resource_disaggregate", ["ไม่มีในรายการ"], "invalid_choice"),
    ("resource_unit_of_multiplier", "โหล", "invalid_choice"),
    ("resource_official_statistics", "maybe", "invalid_choice"),
    ("resource_url", "pattani.doae.go.th/x", "invalid_scheme"),
    ("resource_url", "ftp://pattani.doae.go.th/x.csv", "invalid_scheme"),
    ("resource_url", "https://evil.example/x", "domain_not_allowed"),
    ("format", "C" * 51, "max_length"),
]


@pytest.mark.parametrize("name, value, code", BAD_INPUT)
def test_bad_input_for_each_field_kind_saves_nothing(record, agency_user, name, value, code):
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=resource_values(**{name: value}), by=agency_user)
    errors = errors_of(excinfo)
    field = "resource_first_year_of_data" if code == "year_order" else name
    assert code in errors[field]
    assert not Resource.objects.exists()


def test_other_needs_its_please_specify_text(make_item, agency_user, doae_domain):
    record = record_of(make_item, agency_user, DataType.RECORD)
    values = resource_values(DataType.RECORD, resource_data_collect="อื่นๆ")
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=values, by=agency_user)
    assert errors_of(excinfo) == {"resource_data_collect_other": ["required_other"]}
    resource = resource_create(record=record, values={**values, "resource_data_collect_other": "แปลงเกษตร"},
                               by=agency_user)
    assert resource.values["resource_data_collect_other"] == "แปลงเกษตร"


ACCEPTED = ["https://pattani.doae.go.th/x", "https://www.pattani.doae.go.th/x", "  https://PATTANI.doae.go.th/x  ",
            "http://pattani.doae.go.th:8080/data.csv?year=2566"]
REJECTED = [
    ("https://pattani.doae.go.th.evil.example/x", "domain_not_allowed"),
    ("https://doae.go.th/x", "domain_not_allowed"),
    ("ftp://pattani.doae.go.th/x", "invalid_scheme"),
    ("javascript:alert(1)", "invalid_scheme"),
    ("https://user:pw@pattani.doae.go.th/", "credentials"),
    ("https://pattani.doae.go.th/a b", "invalid_url"),
]


@pytest.mark.parametrize("url", ACCEPTED)
def test_domain_rule_accepts_the_agency_domain_and_its_subdomains(record, agency_user, url):
    resource = resource_create(record=record, values=resource_values(resource_url=url), by=agency_user)
    assert resource.url == url.strip() == resource.values["resource_url"]


@pytest.mark.parametrize("url, code", REJECTED)
def test_domain_rule_rejects(record, agency_user, url, code):
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=resource_values(resource_url=url), by=agency_user)
    assert errors_of(excinfo) == {"resource_url": [code]}
    assert not Resource.objects.exists()


def test_the_domain_error_names_the_allowed_domains_in_thai(record, agency_user):
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=resource_values(resource_url="https://doae.go.th/x"), by=agency_user)
    message = excinfo.value.error_dict["resource_url"][0].messages[0]
    assert "pattani.doae.go.th" in message and "doae.go.th" in message and "โดเมน" in message


def test_an_agency_without_domains_is_told_so(own_item, agency_user):
    record = public_record(own_item, agency_user)
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=resource_values(), by=agency_user)
    assert errors_of(excinfo) == {"resource_url": ["no_domains"]}


def test_only_public_category_data_sets_have_template3(own_item, agency_user, doae_domain):
    record = public_record(own_item, agency_user, data_category="ข้อมูลส่วนบุคคล")
    with pytest.raises(ValidationError) as excinfo:
        resource_create(record=record, values=resource_values(), by=agency_user)
    assert errors_of(excinfo) == {"__all__": ["not_public"]}


def test_only_the_owning_agency_writes(record, agency_user, other_agency_user, office_user):
    for user in (other_agency_user, office_user):
        with pytest.raises(PermissionDenied):
            resource_create(record=record, values=resource_values(), by=user)
    resource = resource_create(record=record, values=resource_values(), by=agency_user)
    with pytest.raises(PermissionDenied):
        resource_update(resource=resource, values=resource_values(), by=other_agency_user)
    with pytest.raises(PermissionDenied):
        resource_delete(resource=resource, by=office_user)


def test_update_keeps_the_state_unless_the_url_changes(record, agency_user):
    resource = resource_create(record=record, values=resource_values(), by=agency_user)
    Resource.objects.filter(pk=resource.pk).update(url_status=Status.BROKEN, failure_count=3, http_status=404)
    resource.refresh_from_db()
    resource = resource_update(resource=resource, values=resource_values(resource_name="ชื่อใหม่"), by=agency_user)
    assert (resource.url_status, resource.failure_count) == (Status.BROKEN, 3)
    resource = resource_update(resource=resource, values=resource_values(resource_url="https://pattani.doae.go.th/y"),
                               by=agency_user)
    resource.refresh_from_db()
    assert (resource.url_status, resource.failure_count, resource.http_status) == (Status.UNCHECKED, 0, None)
    assert resource.history.count() == 3


def test_a_failed_update_changes_nothing(record, agency_user):
    resource = resource_create(record=record, values=resource_values(), by=agency_user)
    with pytest.raises(ValidationError):
        resource_update(resource=resource, values=resource_values(resource_url="https://doae.go.th/x",
                                                                  resource_name="ใหม่"), by=agency_user)
    resource.refresh_from_db()
    assert resource.url.startswith("https://pattani.doae.go.th/") and resource.name != "ใหม่"


def test_delete_and_positions(record, agency_user):
    first = resource_create(record=record, values=resource_values(), by=agency_user)
    second = resource_create(record=record, values=resource_values(), by=agency_user)
    assert (first.position, second.position) == (1, 2)
    first_pk = first.pk
    resource_delete(resource=first, by=agency_user)
    assert list(record.resources.all()) == [second]
    assert Resource.history.get(id=first_pk, history_type="-").history_user == agency_user
