"""The public Template 1 page is kept for visitors who are not signed in, never past a change."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Agency, DevelopmentIssue, Dimension, Meeting
from catalog.services import item_remove, item_update


def get(client, path, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def issue(pattani):
    return DevelopmentIssue.objects.get(number=1)


def test_a_second_visit_is_one_query_and_the_same_page(client, issue):
    first, first_queries = get(client, "/issues/1/")
    again, queries = get(client, "/issues/1/")
    assert again == first and queries == 1 < first_queries
    assert "csrfmiddlewaretoken" not in first  # nothing per visitor in a kept page


@pytest.mark.parametrize("change", ["rename item", "remove item", "delete item", "rename agency",
                                    "rename dimension", "add meeting", "rename issue"])
def test_every_change_shows_at_once(client, issue, change):
    item = issue.items.get(code="I1-001")
    get(client, "/issues/1/")
    if change == "rename item":
        item_update(item=item, reason="แก้ชื่อ", name_th="ชื่อใหม่ของรายการ")
        expected = "ชื่อใหม่ของรายการ"
    elif change == "remove item":
        item_remove(item=item, reason="ตัดออก")
        expected = "41 รายการ"
    elif change == "delete item":  # not something the portal does, but a database can be edited by hand
        item.revisions.all().delete()
        item.delete()
        expected = "41 รายการ"
    elif change == "rename agency":
        agency = Agency.objects.get(pk=item.agency_id)
        agency.name_th = "หน่วยงานชื่อใหม่"
        agency.save()
        expected = "หน่วยงานชื่อใหม่"
    elif change == "rename dimension":
        dimension = Dimension.objects.get(pk=item.dimension_id)
        dimension.name_th = "มิติชื่อใหม่"
        dimension.save()
        expected = "มิติชื่อใหม่"
    elif change == "add meeting":
        meeting = Meeting.objects.create(body=Meeting.Body.WORKING_GROUP, date=dt.date(2023, 5, 1), title="ประชุม")
        item_update(item=item, reason="มติ", meeting=meeting, decided_on=meeting.date, unit="ไร่")
        expected = "1 พ.ค. 2566"
    else:
        issue.title_th = "ประเด็นชื่อใหม่"
        issue.save()
        expected = "ประเด็นชื่อใหม่"
    page, queries = get(client, "/issues/1/")
    assert expected in page and queries > 1


def test_signed_in_users_always_get_a_fresh_page(client, issue, office_user):
    get(client, "/issues/1/")
    client.force_login(office_user)
    page, queries = get(client, "/issues/1/")
    again, queries_again = get(client, "/issues/1/")
    assert "/items/new/" in page and queries > 1 and queries_again == queries


def test_each_language_and_query_has_its_own_copy(client, issue):
    thai, _ = get(client, "/issues/1/")
    filtered, _ = get(client, "/issues/1/", level="central")
    client.cookies["django_language"] = "en"
    english, _ = get(client, "/issues/1/")
    assert "4 รายการ" in filtered and "42 รายการ" in thai
    assert "Development issues" in english and "Development issues" not in thai


def test_an_unknown_issue_is_still_404_and_nothing_is_kept(client, issue):
    assert client.get("/issues/99/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/issues/99/").status_code == 404
    assert len(queries) > 1
