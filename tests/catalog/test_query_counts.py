"""Pages stay O(1) in queries as the number of items grows."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgencyFactory, DimensionFactory, IssueFactory, ItemFactory, MeetingFactory


def issue_with_items(n: int):
    issue = IssueFactory()
    dimensions = [DimensionFactory(issue=issue) for _ in range(5)]
    agencies = [AgencyFactory() for _ in range(6)]
    meeting = MeetingFactory()
    for i in range(n):
        item = ItemFactory(dimension=dimensions[i % 5], agency=agencies[i % 6])
        if i % 10 == 0:
            from catalog.services import item_update
            item_update(item=item, reason="มติ", meeting=meeting, name_th=f"ชื่อใหม่ {i}")
    return issue


def queries_for(client, url):
    cache.clear()  # what a page costs when it counts, and finds its province uncached (cached counts: test_data_version)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/issues/{n}/", "/", "/api/v1/issues/", "/api/v1/issues/{n}/items/",
                                  "/issues/{n}/template1.xlsx"])
def test_same_number_of_queries_for_40_and_400_items(client, path):
    small, large = issue_with_items(40), issue_with_items(400)
    small_count = queries_for(client, path.format(n=small.number))
    large_count = queries_for(client, path.format(n=large.number))
    assert small_count == large_count
