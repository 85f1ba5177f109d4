"""Template 2 pages: roles, the missing-field list, escaping, conflicts, review and query counts."""
import re

import pytest
from django.db import connection
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.test.utils import CaptureQueriesContext

from catalog.models import DataType
from templates_app.forms.template2 import MetadataForm
from templates_app.gdschema import get_schema
from templates_app.models import MetadataRecord
from templates_app.services import metadata_save_draft, metadata_submit
from tests.factories import UserFactory

from .factories import valid_values


def form_data(values: dict, version=0, data_type=DataType.STATISTICAL, **extra) -> dict:
    """What a browser sends: every box of the form (empty unless given; a missing one is refused), the
    ticked check boxes and chosen radio buttons only."""
    form = MetadataForm(schema=get_schema(data_type))
    sent = {name: "" for name, field in form.fields.items()
            if not isinstance(field.widget, CheckboxSelectMultiple | RadioSelect)}
    return {**sent, **values, "version": version, **extra}


@pytest.fixture
def submitted(own_item, agency_user):
    return metadata_submit(item=own_item, values=valid_values(), version=None, by=agency_user)


ROLES = ["anonymous", "agency_user", "other_agency_user", "office_user", "admin_user"]
EXPECTED = {  # url name: status per role, in ROLES order
    "/my-work/": [302, 200, 200, 403, 403],
    "/review/": [302, 403, 403, 200, 200],
    "/items/{pk}/metadata/": [302, 200, 404, 302, 302],
    "/items/{pk}/metadata/review/": [302, 403, 403, 200, 200],
    "/items/{pk}/metadata/history/": [302, 200, 404, 200, 200],
}


@pytest.mark.parametrize("url", list(EXPECTED))
@pytest.mark.parametrize("role_index", range(len(ROLES)))
def test_roles(client, request, submitted, own_item, url, role_index):
    role = ROLES[role_index]
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(url.format(pk=own_item.pk))
    assert response.status_code == EXPECTED[url][role_index]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


def test_another_agency_cannot_post(client, own_item, other_agency_user):
    client.force_login(other_agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/", form_data(valid_values(), save="1"))
    assert response.status_code == 404
    assert not MetadataRecord.objects.exists()


def test_form_shows_the_types_fields_with_numbers(client, make_item, agency_user):
    item = make_item(DataType.GIS)
    client.force_login(agency_user)
    page = client.get(f"/items/{item.pk}/metadata/").content.decode()
    assert len(re.findall(r'data-field="\w+" data-kind', page)) == 31  # 28 items, 9 as 9.1 + 9.2, 2 harvest-only
    assert "ข้อ 28" in page and "ข้อ 9.2" in page and 'data-field="west_bound_longitude"' in page
    assert 'data-field="first_year_of_data"' not in page


def test_submit_lists_every_missing_field_at_the_top(client, own_item, agency_user):
    client.force_login(agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/", form_data({"title": "ชื่อ"}, submit="1"))
    assert response.status_code == 200
    summary = response.context["error_summary"]
    assert [row["anchor"] for row in summary] == [
        "id_maintainer", "id_maintainer_email", "id_tag_string", "id_notes", "id_objective",
        "id_update_frequency_unit", "id_geo_coverage", "id_data_source", "id_data_format", "id_data_category",
        "id_license_id", "id_official_statistics"]
    page = response.content.decode()
    assert 'href="#id_maintainer_email"' in page and "ข้อ 5 อีเมลผู้ติดต่อ" in page
    assert "รายการนี้จำเป็นต้องกรอก" in page
    assert not MetadataRecord.objects.exists()


def test_save_draft_then_submit_through_the_form(client, own_item, agency_user):
    client.force_login(agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/", form_data({"title": "ชื่อ"}, save="1"))
    assert response.status_code == 302
    record = MetadataRecord.objects.get(item=own_item)
    assert record.status == "draft"
    response = client.post(f"/items/{own_item.pk}/metadata/",
                           form_data(valid_values(), version=record.version, submit="1"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "submitted"


def test_html_is_escaped_everywhere(client, own_item, agency_user, office_user):
    client.force_login(agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/",
                           form_data({"title": "<script>alert('x')</script>"}, save="1"))
    page = response.content.decode()
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;" in page
    own_item.name_th = "<b>ชื่อ</b>"
    own_item.save()
    metadata_save_draft(item=own_item, values={"maintainer": "ฝ่าย & กลุ่ม"}, version=None, by=agency_user)
    record = metadata_submit(item=own_item, values=valid_values(notes="ก & ข"), version=1, by=agency_user)
    for user, url in [(agency_user, "/my-work/"), (agency_user, f"/items/{own_item.pk}/metadata/"),
                      (agency_user, f"/items/{own_item.pk}/metadata/history/"), (office_user, "/review/"),
                      (office_user, f"/items/{own_item.pk}/metadata/review/")]:
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "<b>ชื่อ</b>" not in page
        if url != "/review/":
            assert "&lt;b&gt;ชื่อ&lt;/b&gt;" in page
    assert record.status == "submitted"


def test_conflict_shows_the_other_persons_changes(client, own_item, agency_user):
    record = metadata_save_draft(item=own_item, values={"title": "ก"}, version=None, by=agency_user)
    colleague = UserFactory(username="colleague", role="agency_staff", agency=agency_user.agency)
    metadata_save_draft(item=own_item, values={"title": "ชื่อของเพื่อน"}, version=record.version, by=colleague)
    client.force_login(agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/",
                           form_data({"title": "ชื่อของฉัน"}, version=record.version, save="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="conflict"' in page and "ชื่อของเพื่อน" in page
    assert 'value="ชื่อของฉัน"' in page  # the user's input is not lost
    record.refresh_from_db()
    assert record.values["title"] == "ชื่อของเพื่อน"


def test_review_return_with_comment_then_approve(client, submitted, own_item, agency_user, office_user):
    client.force_login(office_user)
    response = client.post(f"/items/{own_item.pk}/metadata/review/",
                           {"version": submitted.version, "return": "1", "comment_title": "ระบุปีในชื่อ"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "returned"
    client.force_login(agency_user)
    page = client.get(f"/items/{own_item.pk}/metadata/").content.decode()
    assert 'data-comment-for="title"' in page and "ระบุปีในชื่อ" in page
    client.post(f"/items/{own_item.pk}/metadata/",
                form_data(valid_values(title="ชื่อ ปี 2566"), version=submitted.version, submit="1"))
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    client.force_login(office_user)
    client.post(f"/items/{own_item.pk}/metadata/review/", {"version": submitted.version, "approve": "1"})
    submitted.refresh_from_db()
    assert submitted.status == "approved"


def test_agency_cannot_review(client, submitted, own_item, agency_user):
    client.force_login(agency_user)
    response = client.post(f"/items/{own_item.pk}/metadata/review/", {"version": submitted.version, "approve": "1"})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def _make_items(make_item, agency_user, count):
    for n in range(count):
        item = make_item(DataType.STATISTICAL if n % 2 else DataType.RECORD)
        if n % 3 == 0:
            metadata_submit(item=item, values=valid_values(item.data_type), version=None, by=agency_user)


@pytest.mark.parametrize("url, who", [("/my-work/", "agency_user"), ("/review/", "office_user")])
def test_query_counts_do_not_grow_with_items(client, request, make_item, agency_user, url, who):
    client.force_login(request.getfixturevalue(who))
    counts = []
    for batch in (20, 180):
        _make_items(make_item, agency_user, batch)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_my_work_shows_status_and_completeness(client, make_item, agency_user):
    items = [make_item() for _ in range(3)]
    metadata_submit(item=items[0], values=valid_values(), version=None, by=agency_user)
    metadata_save_draft(item=items[1], values={"title": "ก", "maintainer": "ข"}, version=None, by=agency_user)
    client.force_login(agency_user)
    rows = {row.item.code: row for row in client.get("/my-work/").context["rows"]}
    assert (rows[items[0].code].status, rows[items[0].code].done) == ("submitted", 14)
    assert (rows[items[1].code].status, rows[items[1].code].done) == ("draft", 4)  # 1, 2, 3, 4
    assert (rows[items[2].code].status, rows[items[2].code].done) == ("not_started", 2)


def test_admin_lists_records_read_only(client, submitted, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/templates_app/metadatarecord/").status_code == 200
    assert client.get(f"/admin/templates_app/metadatarecord/{submitted.pk}/change/").status_code == 200
    assert client.post(f"/admin/templates_app/metadatarecord/{submitted.pk}/delete/", {"post": "yes"}).status_code == 403


@pytest.mark.parametrize("data_type", list(DataType))
def test_the_form_shows_exactly_the_standards_fields_and_required_marks(client, make_item, agency_user, data_type):
    from .test_gdschema import EXPECTED as TABLES, ITEMS_1_14, REQUIRED

    tail, _count = TABLES[data_type]
    expected = [name for _n, name in ITEMS_1_14] + tail
    expected[3:3] = ["allow_harvest", "reference_url_catalog"]  # not numbered: carried by harvesting only
    item = make_item(data_type)
    client.force_login(agency_user)
    page = client.get(f"/items/{item.pk}/metadata/").content.decode()
    assert re.findall(r'data-field="(\w+)" data-kind', page) == expected
    blocks = re.split(r'(?=<div class="mb-3 pb-3 border-bottom)', page)[1:]
    marked = {re.search(r'data-field="(\w+)"', block).group(1) for block in blocks
              if 'class="asteriskField"' in block.split("</label>")[0]}
    assert marked == REQUIRED


def test_my_work_summary_counts(client, make_item, agency_user):
    items = [make_item() for _ in range(3)]
    metadata_save_draft(item=items[0], values={}, version=None, by=agency_user)
    client.force_login(agency_user)
    summary = dict(client.get("/my-work/").context["summary"])
    assert summary == {"not_started": 2, "draft": 1, "returned": 0, "submitted": 0, "approved": 0}


def test_english_ui_uses_the_standards_english_labels(client, own_item, agency_user):
    client.force_login(agency_user)
    client.cookies["django_language"] = "en"
    page = client.get(f"/items/{own_item.pk}/metadata/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Contact e-mail" in page and "Item 5" in page


@pytest.mark.parametrize("who, count", [(None, 0), ("agency_user", 1), ("other_agency_user", 0),
                                        ("office_user", 1), ("admin_user", 1)])
def test_api_roles(client, request, submitted, who, count):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert len(client.get("/api/v1/datasets/").json()["results"]) == count


def test_my_work_pages_50_rows_and_counts_every_page(client, make_item, agency_user):
    items = [make_item() for _ in range(55)]
    for item in items[:3]:
        metadata_save_draft(item=item, values={}, version=None, by=agency_user)
    client.force_login(agency_user)
    first = client.get("/my-work/")
    assert len(first.context["rows"]) == 50
    assert dict(first.context["summary"])["not_started"] == 52
    assert len(client.get("/my-work/", {"page": 2}).context["rows"]) == 5


def test_my_work_shows_one_status_when_asked(client, make_item, agency_user):
    items = [make_item() for _ in range(4)]
    metadata_save_draft(item=items[1], values={}, version=None, by=agency_user)
    client.force_login(agency_user)
    drafts = client.get("/my-work/", {"status": "draft"})
    assert [row.item.code for row in drafts.context["rows"]] == [items[1].code]
    html = drafts.content.decode()
    assert 'data-status-filter="draft" aria-current="true"' in html and html.count('aria-current="true"') == 1
    assert len(client.get("/my-work/", {"status": "not_started"}).context["rows"]) == 3
    assert len(client.get("/my-work/", {"status": "bogus"}).context["rows"]) == 4  # unknown status: all rows


def test_workbook_delivery_says_next_to_each_multi_choice_item_why_it_takes_one_value(client, own_item, agency_user,
                                                                                       settings):
    settings.GDC_DELIVERY = "workbook"
    client.force_login(agency_user)
    page = client.get(f"/items/{own_item.pk}/metadata/").content.decode()
    block = page.split('id="field-data_format"')[1].split('id="field-')[0]
    assert 'type="radio"' in block and "ไฟล์ Excel" in block and "1 ค่า" in block
    settings.GDC_DELIVERY = "harvest"
    block = client.get(f"/items/{own_item.pk}/metadata/").content.decode().split('id="field-data_format"')[1]
    assert 'type="checkbox"' in block.split('id="field-')[0]


def test_a_blank_yes_no_item_is_asked_for_before_submission(client, own_item, agency_user):
    client.force_login(agency_user)
    values = valid_values()
    del values["official_statistics"]
    response = client.post(f"/items/{own_item.pk}/metadata/", form_data(values, submit="1"))
    assert [row["anchor"] for row in response.context["error_summary"]] == ["id_official_statistics"]
    assert "“ใช่”" in response.content.decode()


def test_a_one_value_item_left_unchosen_is_not_a_missing_field(client, own_item, agency_user):
    """A browser sends nothing for a radio group with no choice: that is an empty answer, as for check boxes."""
    client.force_login(agency_user)
    values = valid_values()
    for name in ("objective", "data_format"):
        del values[name]
    response = client.post(f"/items/{own_item.pk}/metadata/", form_data(values, save="1"))
    assert response.status_code == 302


def test_the_form_says_next_to_a_yes_no_item_that_it_needs_an_answer(client, own_item, agency_user):
    client.force_login(agency_user)
    page = client.get(f"/items/{own_item.pk}/metadata/").content.decode()
    block = page.split('id="field-official_statistics"')[1].split('id="field-')[0]
    assert "ต้องตอบก่อนส่งตรวจ" in block and "“ใช่”" in block
