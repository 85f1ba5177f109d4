"""Long lists come a page at a time: the issue's Template 1 list (100 items a page)."""
import pytest
from django.test import RequestFactory

from catalog.pagination import page_of
from tests.factories import AgencyFactory, DimensionFactory, IssueFactory, ItemFactory


@pytest.mark.parametrize("asked, shown", [("", 1), ("2", 2), ("3", 3), ("99", 3), ("abc", 1), ("-1", 3)])
def test_page_of_turns_any_page_parameter_into_a_real_page(asked, shown):
    page = page_of(RequestFactory().get("/", {"page": asked}), list(range(25)), per_page=10)
    assert page.number == shown
    assert list(page.object_list) == list(range(10 * (shown - 1), min(25, 10 * shown)))


def test_long_runs_of_pages_are_elided_around_the_current_one():
    page = page_of(RequestFactory().get("/", {"page": "10"}), list(range(200)), per_page=10)
    assert page.numbers == [1, "…", 8, 9, 10, 11, 12, "…", 20]


@pytest.fixture
def long_issue(db):
    issue = IssueFactory()
    first, second = DimensionFactory(issue=issue, order=1), DimensionFactory(issue=issue, order=2)
    agency = AgencyFactory()
    for i in range(130):
        ItemFactory(dimension=first if i < 70 else second, agency=agency, code=f"L-{i:03d}")
    return issue


def test_the_item_list_shows_100_items_a_page_and_groups_count_every_page(client, long_issue):
    response = client.get(f"/issues/{long_issue.number}/")
    assert [item.code for item in response.context["items"]] == [f"L-{i:03d}" for i in range(100)]
    assert [(len(items), total) for _dimension, items, total in response.context["groups"]] == [(70, 70), (30, 60)]
    html = response.content.decode()
    assert "130 รายการ" in html and "แสดงรายการที่ 1–100 จากทั้งหมด 130" in html
    assert 'href="?page=2"' in html

    second = client.get(f"/issues/{long_issue.number}/", {"page": 2})
    assert [item.code for item in second.context["items"]] == [f"L-{i:03d}" for i in range(100, 130)]
    assert [(len(items), total) for _dimension, items, total in second.context["groups"]] == [(30, 60)]


def test_page_links_keep_the_filters(client, long_issue):
    html = client.get(f"/issues/{long_issue.number}/", {"q": "ทดสอบ", "page": 1}).content.decode()
    assert 'href="?q=%E0%B8%97%E0%B8%94%E0%B8%AA%E0%B8%AD%E0%B8%9A&amp;page=2"' in html


def test_a_short_list_has_no_page_links(client, long_issue):
    html = client.get(f"/issues/{long_issue.number}/", {"q": "L-12"}).content.decode()
    assert 'id="page-range"' not in html
    assert "10 รายการ" in html  # L-120 … L-129
