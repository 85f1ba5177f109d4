"""Template 3 pages: roles, the form round trip, badges, the office's lists, O(1) queries."""
import re

import pytest
from django.db import connection
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.test.utils import CaptureQueriesContext

from catalog.models import AgencyDomain, DataType
from templates_app.forms.template3 import ResourceForm
from templates_app.gdschema.resources import get_resource_schema
from templates_app.models import Resource
from templates_app.services import resource_create
from tests.factories import AgencyFactory, DimensionFactory, ItemFactory, UserFactory
from tests.templates_app.factories import public_record, resource_values

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "agency_user", "other_agency_user", "office_user", "admin_user")


@pytest.fixture
def resource(own_item, agency_user, doae_domain):
    record = public_record(own_item, agency_user)
    return resource_create(record=record, values=resource_values(), by=agency_user)


def get(client, request, role, url, method="get"):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return getattr(client, method)(url)


#: Expected status per role (anonymous, owner, other agency, statistics office, admin); 302 = sign-in.
GET_PAGES = {
    "/items/{item}/resources/": (302, 200, 404, 200, 200),
    "/items/{item}/resources/new/": (302, 200, 404, 403, 403),
    "/items/{item}/resources/{res}/": (302, 200, 404, 403, 403),
    "/links/": (302, 403, 403, 200, 200),
    "/agencies/contacts/": (302, 403, 403, 200, 200),
    "/agencies/contacts/AG-A/": (302, 403, 403, 200, 200),
}
POSTS = {
    "/items/{item}/resources/{res}/check/": (302, 302, 404, 302, 302),
    "/items/{item}/resources/{res}/delete/": (302, 302, 404, 403, 403),
}


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("url", list(GET_PAGES))
def test_roles_for_pages(client, request, resource, own_item, url, role, role_index):
    response = get(client, request, role, url.format(item=own_item.pk, res=resource.pk))
    assert response.status_code == GET_PAGES[url][role_index]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("url", list(POSTS))
def test_roles_for_actions(client, request, resource, own_item, url, role, role_index, monkeypatch):
    monkeypatch.delenv("URLCHECK_ALLOW_PRIVATE", raising=False)  # the check goes nowhere: pattani.doae.go.th
    from templates_app.services import resources as service
    monkeypatch.setattr(service, "CHECK_NOW_TOTAL_TIMEOUT", 0.5)
    monkeypatch.setattr(service, "CHECK_NOW_CONNECT_TIMEOUT", 0.5)
    response = get(client, request, role, url.format(item=own_item.pk, res=resource.pk), method="post")
    assert response.status_code == POSTS[url][role_index]
    deleted = not Resource.objects.filter(pk=resource.pk).exists()
    assert deleted == (url.endswith("delete/") and role == "agency_user")


def test_get_is_not_allowed_for_actions(client, agency_user, resource, own_item):
    client.force_login(agency_user)
    assert client.get(f"/items/{own_item.pk}/resources/{resource.pk}/delete/").status_code == 405
    assert client.get(f"/items/{own_item.pk}/resources/{resource.pk}/check/").status_code == 405


def post_form(client, item, values, resource=None):
    """What a browser sends: every box of the form (empty unless given; a missing one is refused)."""
    url = f"/items/{item.pk}/resources/{resource.pk}/" if resource else f"/items/{item.pk}/resources/new/"
    form = ResourceForm(schema=get_resource_schema(item.data_type))
    sent = {name: "" for name, field in form.fields.items()
            if not isinstance(field.widget, CheckboxSelectMultiple | RadioSelect)}
    return client.post(url, {**sent, **values})


def test_add_through_the_form_shows_errors_then_saves(client, own_item, agency_user, doae_domain):
    public_record(own_item, agency_user)
    client.force_login(agency_user)
    page = client.get(f"/items/{own_item.pk}/resources/new/").content.decode()
    assert len(re.findall(r'data-field="\w+" data-kind', page)) == 13  # statistical: items 2–14
    assert "ข้อ 14" in page and "pattani.doae.go.th" in page
    response = post_form(client, own_item, resource_values(resource_url="https://evil.example/x", format=""))
    page = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in page
    assert "evil.example" in page and "pattani.doae.go.th" in page and 'href="#id_format"' in page
    assert not Resource.objects.exists()
    response = post_form(client, own_item, resource_values())
    assert response.status_code == 302 and response["Location"] == f"/items/{own_item.pk}/resources/"
    resource = Resource.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert resource.url in page and 'data-url-status="unchecked"' in page and "ยังไม่ได้ตรวจสอบ" in page
    response = post_form(client, own_item, resource_values(resource_name="ชื่อที่แก้"), resource)
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.name == "ชื่อที่แก้"


def test_form_fields_per_type(client, make_item, agency_user, doae_domain):
    client.force_login(agency_user)
    for data_type, count in ((DataType.RECORD, 8), (DataType.GIS, 11), (DataType.MULTIPLE, 8)):
        item = make_item(data_type)
        public_record(item, agency_user)
        page = client.get(f"/items/{item.pk}/resources/new/").content.decode()
        assert len(re.findall(r'data-field="\w+" data-kind', page)) == count, data_type


def test_a_non_public_data_set_has_no_template3_form(client, own_item, agency_user, doae_domain):
    public_record(own_item, agency_user, data_category="ข้อมูลส่วนบุคคล")
    client.force_login(agency_user)
    response = post_form(client, own_item, resource_values())
    assert 'id="not-public"' in response.content.decode() and not Resource.objects.exists()


def test_badges_on_my_work_and_the_template2_form(client, own_item, agency_user, resource):
    Resource.objects.filter(pk=resource.pk).update(url_status="broken")
    client.force_login(agency_user)
    page = client.get("/my-work/").content.decode()
    assert 'data-url-status="broken"' in page and f'/items/{own_item.pk}/resources/' in page
    page = client.get(f"/items/{own_item.pk}/metadata/").content.decode()
    assert 'id="template3-box"' in page and 'data-url-status="broken"' in page


def test_my_work_asks_for_a_source_when_there_is_none(client, own_item, agency_user, doae_domain):
    public_record(own_item, agency_user)
    client.force_login(agency_user)
    assert 'data-url-status="none"' in client.get("/my-work/").content.decode()


def test_link_problems_lists_what_to_chase_with_the_contact(client, resource, office_user, agency_user):
    agency = agency_user.agency
    agency.contact_name, agency.contact_phone = "คุณสมศรี", "073-123456"
    agency.save()
    client.force_login(office_user)
    assert 'data-resource=' not in client.get("/links/").content.decode()
    Resource.objects.filter(pk=resource.pk).update(url_status="unsure", failure_count=4)
    page = client.get("/links/").content.decode()
    assert f'data-resource="{resource.pk}"' in page and "คุณสมศรี" in page and "073-123456" in page
    assert f'data-resource="{resource.pk}"' not in client.get("/links/?agency=OTHER").content.decode()


def test_office_edits_an_agencys_domains_and_contact(client, office_user, agency_user):
    client.force_login(office_user)
    response = client.post("/agencies/contacts/AG-A/", {
        "contact_name": "คุณสมชาย", "contact_email": "agri@pattani.go.th", "contact_phone": "073-000000",
        "domains": "https://Pattani.DOAE.go.th/\nwww.example.go.th"})
    assert response.status_code == 302
    agency = agency_user.agency
    agency.refresh_from_db()
    assert agency.contact_name == "คุณสมชาย"
    assert sorted(agency.domains.values_list("domain", flat=True)) == ["pattani.doae.go.th", "www.example.go.th"]
    response = client.post("/agencies/contacts/AG-A/", {"contact_name": "", "contact_email": "not-an-email",
                                                       "contact_phone": "", "domains": "bad domain!"})
    assert response.status_code == 200 and "invalid-feedback" in response.content.decode()
    assert agency.domains.count() == 2


def many_resources(n: int):
    """n resources over several agencies, each with a contact, half of them failing."""
    dimension = DimensionFactory()
    agencies = [AgencyFactory(contact_name=f"ผู้ติดต่อ {i}") for i in range(4)]
    users = [UserFactory(role="agency_staff", agency=agency) for agency in agencies]
    for agency in agencies:
        AgencyDomain.objects.create(agency=agency, domain="pattani.doae.go.th")
    records = []
    for i in range(max(n // 5, 1)):
        user = users[i % 4]
        records.append((public_record(ItemFactory(agency=user.agency, dimension=dimension), user), user))
    for i in range(n):
        record, user = records[i % len(records)]
        resource = resource_create(record=record, values=resource_values(), by=user)
        Resource.objects.filter(pk=resource.pk).update(url_status=("broken", "unsure", "ok", "tls_error")[i % 4])
    return users[0]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url", ["/links/", "/agencies/contacts/", "/my-work/", "/items/{item}/resources/"])
def test_same_number_of_queries_for_20_and_200_resources(client, office_user, url):
    counts = []
    for n in (20, 200):
        Resource.objects.all().delete()
        user = many_resources(n)
        if url in ("/my-work/",) or "{item}" in url:
            client.force_login(user)
            item = Resource.objects.filter(record__item__agency=user.agency).first().record.item
            path = url.format(item=item.pk)
        else:
            client.force_login(office_user)
            path = url
        counts.append(queries_for(client, path))
    assert counts[0] == counts[1]


def test_admin_lists_resources_read_only(client, admin_user, resource):
    client.force_login(admin_user)
    assert client.get("/admin/templates_app/resource/").status_code == 200
    assert client.get(f"/admin/templates_app/resource/{resource.pk}/change/").status_code == 200
    assert client.get("/admin/templates_app/resource/add/").status_code == 403


def test_review_queue_links_to_the_lists(client, office_user):
    client.force_login(office_user)
    page = client.get("/review/").content.decode()
    assert "/links/" in page and "/agencies/contacts/" in page


def test_a_new_resource_starts_from_the_data_sets_template2_values(client, own_item, agency_user, doae_domain):
    record = public_record(own_item, agency_user, disaggregate=["เพศ"], unit_of_multiplier="อื่นๆ",
                           unit_of_multiplier_other="โหล", data_format=["CSV"], data_release_calendar="31/12/2567",
                           official_statistics="True")
    client.force_login(agency_user)
    form = client.get(f"/items/{own_item.pk}/resources/new/").context["form"]
    assert {name: form.initial.get(name) for name in (
        "resource_name", "resource_unit_of_measure", "resource_first_year_of_data", "resource_last_year_of_data",
        "resource_disaggregate", "resource_unit_of_multiplier", "resource_unit_of_multiplier_other", "format",
        "resource_data_release_calendar", "resource_official_statistics", "resource_last_updated_date")} == {
        "resource_name": record.values["title"], "resource_unit_of_measure": "ไร่",
        "resource_first_year_of_data": "2560", "resource_last_year_of_data": "2566",
        "resource_disaggregate": ["เพศ"], "resource_unit_of_multiplier": "อื่นๆ",
        "resource_unit_of_multiplier_other": "โหล", "format": "CSV", "resource_data_release_calendar": "31/12/2567",
        "resource_official_statistics": "True", "resource_last_updated_date": "31/03/2567"}
    assert "resource_url" not in form.initial  # the source's own address is the agency's to give
