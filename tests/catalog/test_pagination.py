"""API lists come a page at a time: a cursor, a `next` link, and the same queries on every page."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DimensionFactory, IssueFactory, ItemFactory


def walk(client, url):
    """Every row of a paged list, following `next`, with the queries of each page."""
    rows, queries = [], []
    while url:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        body = response.json()
        rows += body["results"]
        queries.append(len(ctx))
        url = body["next"]
    return rows, queries


@pytest.mark.django_db
def test_issue_items_are_paged_in_creation_order_with_constant_queries(client):
    issue = IssueFactory()
    dimension = DimensionFactory(issue=issue)
    items = [ItemFactory(dimension=dimension) for _ in range(7)]
    rows, queries = walk(client, f"/api/v1/issues/{issue.number}/items/?limit=3")
    assert [row["code"] for row in rows] == [item.code for item in items]
    assert len(queries) == 3 and len(set(queries)) == 1
    assert client.get(f"/api/v1/issues/{issue.number}/items/").json()["next"] is None


@pytest.mark.django_db
def test_a_forged_cursor_is_a_400(client):
    issue = IssueFactory()
    for cursor in ("junk!", "W10", "WzEsMiwzXQ", "W251bGwsMV0", "eyJhIjoxfQ"):  # junk, [], [1,2,3], [null,1], {"a":1}
        assert client.get(f"/api/v1/issues/{issue.number}/items/", {"cursor": cursor}).status_code == 400


@pytest.mark.django_db
def test_issues_list_is_paged(client):
    for _ in range(3):
        IssueFactory(fiscal_year=2566)
    rows, _queries = walk(client, "/api/v1/issues/?limit=2")
    assert len(rows) == 3


@pytest.mark.django_db
def test_limit_asks_for_a_page_size_and_junk_gives_the_default(client):
    issue = IssueFactory()
    dimension = DimensionFactory(issue=issue)
    for _ in range(3):
        ItemFactory(dimension=dimension)
    url = f"/api/v1/issues/{issue.number}/items/"
    assert len(client.get(url, {"limit": "2"}).json()["results"]) == 2
    for junk in ("0", "-1", "x", "１", "2.5"):
        body = client.get(url, {"limit": junk}).json()
        assert len(body["results"]) == 3 and body["next"] is None, junk
