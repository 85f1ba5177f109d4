"""The completeness matrix: counts per data type, on the demo, and a constant number of queries."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import DataType, DevelopmentIssue, Item
from catalog.models.items import ItemStatus
from progress.followup import missing_fields
from progress.models import GdcRegistration
from progress.selectors import completeness_matrix, issue_progress_list, item_filter
from templates_app.gdschema import PUBLIC_CATEGORY, get_schema
from templates_app.gdschema.validation import completeness
from templates_app.models import MetadataRecord
from tests.factories import AgencyFactory, DimensionFactory, ItemFactory
from tests.progress.factories import GdcRegistrationFactory, ResourceFactory, office, record_for

pytestmark = pytest.mark.django_db

#: data type, Template 2 values (overrides of a valid set; None removes the field), complete?, missing DGA numbers
COMPLETENESS = [
    (DataType.STATISTICAL, {}, True, []),
    (DataType.RECORD, {}, True, []),
    (DataType.RECORD, {"first_year_of_data": None, "unit_of_measure": None}, True, []),
    (DataType.MULTIPLE, {}, True, []),
    (DataType.OTHER, {}, True, []),
    (DataType.GIS, {}, True, []),
    (DataType.STATISTICAL, {"maintainer_email": None}, False, ["5"]),
    (DataType.RECORD, {"update_frequency_interval": None}, False, ["9.2"]),
    (DataType.GIS, {"geo_coverage": None, "license_id": None}, False, ["10", "14"]),
    (DataType.MULTIPLE, {"tag_string": None, "data_format": None}, False, ["6", "12"]),
]


def _values(overrides: dict) -> dict:
    return {key: value for key, value in overrides.items() if value is not None}


@pytest.mark.parametrize(("data_type", "overrides", "complete", "missing"), COMPLETENESS)
def test_completeness_follows_the_items_data_type(data_type, overrides, complete, missing):
    item = ItemFactory(data_type=data_type)
    removed = [key for key, value in overrides.items() if value is None]
    record = record_for(item, state="approved" if complete else "draft", drop=removed, **_values(overrides))
    total = completeness_matrix(issues=[item.issue])[item.issue_id]["total"]
    assert total.counts["items"] == 1
    assert total.counts["template2"] == (1 if complete else 0)
    assert [label.split(" ")[0] for label in missing_fields(record, data_type)] == missing
    assert list(item_filter(issue=item.issue, metric="template2", state="missing")) == ([] if complete else [item])


def test_public_metrics_count_public_items_only():
    dimension = DimensionFactory()
    agency = AgencyFactory()
    public, internal, no_record = (ItemFactory(dimension=dimension, agency=agency) for _ in range(3))
    record = record_for(public)
    record_for(internal, public=False)
    ResourceFactory(record=record)
    GdcRegistrationFactory(record=record)
    row = completeness_matrix(issues=[dimension.issue])[dimension.issue_id]["agencies"][0]
    assert row.key == agency.code
    assert {m: row.counts[m] for m in ("items", "template2", "approved", "public", "template3", "url", "gdc")} == {
        "items": 3, "template2": 2, "approved": 2, "public": 1, "template3": 1, "url": 1, "gdc": 1}
    assert row.cell("url").base == 1 and row.cell("template2").base == 3 and row.cell("template2").missing == 1
    assert list(item_filter(issue=dimension.issue, agency=agency, metric="template2", state="missing")) == [no_record]


@pytest.mark.parametrize(("resources", "template3", "url"), [
    ([], 0, 0),
    ([{"is_complete": False}], 0, 0),
    ([{"url_status": "broken"}], 1, 0),
    ([{}, {"url_status": "unchecked"}], 1, 0),
    ([{}, {}], 1, 1),
])
def test_template3_counts_when_every_resource_is_complete_and_working(resources, template3, url):
    item = ItemFactory()
    record = record_for(item)
    for overrides in resources:
        ResourceFactory(record=record, **overrides)
    counts = completeness_matrix(issues=[item.issue])[item.issue_id]["total"].counts
    assert (counts["template3"], counts["url"]) == (template3, url)


def test_counts_on_the_demo(demo):
    issues = list(DevelopmentIssue.objects.order_by("number"))
    matrix = completeness_matrix(issues=issues)
    for issue in issues:
        entry = matrix[issue.pk]
        records = MetadataRecord.objects.filter(item__issue=issue, item__status=ItemStatus.CURRENT).select_related("item")
        complete = sum(1 for r in records if completeness(r.values, schema=get_schema(r.item.data_type))[0]
                       == len(get_schema(r.item.data_type).required_items))
        public = [r for r in records if r.values.get("data_category") == PUBLIC_CATEGORY]
        assert entry["total"].counts["items"] == Item.objects.filter(issue=issue, status=ItemStatus.CURRENT).count()
        assert entry["total"].counts["template2"] == complete
        assert entry["total"].counts["approved"] == sum(1 for r in records if r.status == "approved")
        assert entry["total"].counts["public"] == len(public)
        assert entry["total"].counts["gdc"] == GdcRegistration.objects.filter(
            record__item__issue=issue, state="COMPLETED").count() == 3
        for metric in ("items", "template2", "approved", "public", "gdc"):
            assert sum(row.counts[metric] for row in entry["agencies"]) == entry["total"].counts[metric]
            assert sum(row.counts[metric] for row in entry["dimensions"]) == entry["total"].counts[metric]
    assert [matrix[i.pk]["total"].counts["items"] for i in issues] == [42, 66]
    assert len(matrix[issues[1].pk]["dimensions"]) == 5
    assert [p.tier for p in issue_progress_list(issues=issues)] == [50, 50]


def _issue_with_items(count: int):
    dimension = DimensionFactory()
    agencies = [AgencyFactory() for _ in range(5)]
    for index in range(count):
        item = ItemFactory(dimension=dimension, agency=agencies[index % 5])
        if index % 10 == 0:
            record = record_for(item)
            ResourceFactory(record=record)
            GdcRegistrationFactory(record=record)
    return dimension.issue


def _dashboard_queries(client, issue) -> int:
    client.force_login(office())
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/progress/issues/{issue.number}/")
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_dashboard_queries_do_not_grow_with_items(client):
    small = _issue_with_items(50)
    small_queries = _dashboard_queries(client, small)
    large = _issue_with_items(500)
    assert completeness_matrix(issues=[large])[large.pk]["total"].counts["items"] == 500
    assert _dashboard_queries(client, large) == small_queries
