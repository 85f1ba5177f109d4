"""The completeness matrix: counts per data type, on the demo, and a constant number of queries."""
import pytest
from django.core.cache import cache
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


def _add_items(count: int, dimension=None):
    dimension = dimension or DimensionFactory()
    agencies = [AgencyFactory() for _ in range(5)]
    for index in range(count):
        item = ItemFactory(dimension=dimension, agency=agencies[index % 5])
        if index % 10 == 0:
            record = record_for(item)
            ResourceFactory(record=record)
            GdcRegistrationFactory(record=record)
    return dimension


def _queries(client, issue) -> list[int]:
    """Queries of the dashboard, the items behind a number, an agency's follow-up list and the overview."""
    client.force_login(office())
    agency = issue.items.order_by("agency__code").first().agency.code
    counts = []
    for url in (f"/progress/issues/{issue.number}/", f"/progress/items/?issue={issue.number}&missing=template2",
                f"/progress/follow-up/{agency}/", "/progress/"):
        cache.clear()  # what the pages cost when they count (cached counts: tests/catalog/test_data_version.py)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    return counts


def test_page_queries_do_not_grow_with_items(client):
    dimension = _add_items(50)
    issue = dimension.issue
    small_queries = _queries(client, issue)
    _add_items(450, dimension)
    assert completeness_matrix(issues=[issue])[issue.pk]["total"].counts["items"] == 500
    assert _queries(client, issue) == small_queries
    page = client.get(f"/progress/items/?issue={issue.number}&missing=template2&page=2").context["page"]
    assert page.number == 2 and len(page.object_list) == 100 and page.paginator.count == 450


def test_followup_names_the_missing_template3_items_and_the_broken_url():
    from progress.followup import item_problems

    item = ItemFactory(data_type=DataType.RECORD)
    record = record_for(item)
    ResourceFactory(record=record, is_complete=False, url_status="broken", failure_count=3,
                    url="https://www.pattani.go.th/gone.csv")
    item = Item.objects.select_related("metadata").get(pk=item.pk)
    problems = {p.kind: p for p in item_problems(item)}
    assert set(problems) == {"template3", "url", "gdc"}
    assert problems["template3"].fields[0].startswith("4 ")  # resource name and URL given; 4 = description
    assert "https://www.pattani.go.th/gone.csv" in problems["url"].text and "3" in problems["url"].text


def test_the_items_behind_every_number_match_the_number(demo):
    from templates_app.models import Resource

    Resource.objects.filter(pk__in=Resource.objects.order_by("pk").values("pk")[:5]).update(url_status="ok")
    issue = DevelopmentIssue.objects.get(number=1)
    entry = completeness_matrix(issues=[issue])[issue.pk]
    for row in entry["agencies"]:
        agency = Item.objects.filter(agency__code=row.key).first().agency
        for metric, cell in row.cells:
            done = item_filter(issue=issue, agency=agency, metric=metric, state="done").count()
            missing = item_filter(issue=issue, agency=agency, metric=metric, state="missing").count()
            assert (done, missing) == (cell.count, cell.missing), (row.key, metric)


def test_the_followup_query_picks_exactly_the_items_that_lack_something(demo):
    """`followup_items` (SQL) and `item_problems` (the rule the list explains) agree on every agency's items."""
    from catalog.models import Agency
    from catalog.selectors import issue_list
    from progress.followup import followup_items, item_problems
    from progress.selectors import annotated_items
    from templates_app.models import Resource

    Resource.objects.filter(pk__in=Resource.objects.order_by("pk").values("pk")[:5]).update(url_status="ok")
    issues = list(issue_list())
    seen = {"lacking": 0, "done": 0}
    for agency in Agency.objects.all():
        every = annotated_items(issues=issues).filter(agency=agency).select_related(
            "metadata", "metadata__gdc_registration").prefetch_related("metadata__resources")
        expected = {item.code for item in every if item_problems(item)}
        assert {item.code for item in followup_items(agency=agency, issues=issues)} == expected, agency.code
        seen["lacking"] += len(expected)
        seen["done"] += len(every) - len(expected)
    assert seen["lacking"] and seen["done"], seen


def test_followup_list_is_paged(client):
    dimension, agency = DimensionFactory(), AgencyFactory()
    for _ in range(105):
        ItemFactory(dimension=dimension, agency=agency)
    client.force_login(office())
    first = client.get(f"/progress/follow-up/{agency.code}/").context
    assert len(first["rows"]) == 100 and first["page"].paginator.count == 105
    assert [row.item.code for row in client.get(f"/progress/follow-up/{agency.code}/?page=2").context["rows"]] == sorted(
        Item.objects.filter(agency=agency).values_list("code", flat=True))[100:]
