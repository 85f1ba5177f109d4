"""GET /api/v1/datasets/: filters, completeness, and what anonymous callers may see."""
import pytest

from catalog.models import DataType
from templates_app.models import MetadataRecord
from templates_app.services import metadata_approve, metadata_save_draft, metadata_submit
from tests.catalog.test_pagination import walk

from .factories import VALID_COMMON, valid_values


@pytest.fixture
def records(make_item, agency_user, office_user):
    public, private, draft, _untouched = (make_item() for _ in range(4))
    for item, category in [(public, "ข้อมูลสาธารณะ"), (private, "ข้อมูลส่วนบุคคล")]:
        record = metadata_submit(item=item, values=valid_values(data_category=category), version=None, by=agency_user)
        metadata_approve(record=record, version=record.version, by=office_user)
    metadata_save_draft(item=draft, values={"title": "ร่าง"}, version=None, by=agency_user)
    return public, private, draft


def test_anonymous_sees_only_approved_public_records(client, records):
    public = records[0]
    data = client.get("/api/v1/datasets/").json()["results"]
    assert [row["code"] for row in data] == [public.code]
    row = data[0]
    assert row["status"] == "approved" and row["metadata"]["data_category"] == "ข้อมูลสาธารณะ"
    assert row["completeness"] == {"done": 14, "required": 14}
    assert row["metadata"]["last_updated_date"] == "2024-03-31"


def test_a_new_draft_keeps_the_approved_version_public(client, records, agency_user):
    public = records[0]
    record = MetadataRecord.objects.get(item=public)
    metadata_save_draft(item=public, values=valid_values(title="ชื่อร่างใหม่"), version=record.version, by=agency_user)
    row = client.get("/api/v1/datasets/").json()["results"][0]
    assert row["metadata"]["title"].startswith(VALID_COMMON["title"])


def test_office_sees_everything_and_filters(client, records, office_user):
    client.force_login(office_user)
    assert len(client.get("/api/v1/datasets/").json()["results"]) == 4
    drafts = client.get("/api/v1/datasets/", {"status": "draft"}).json()["results"]
    assert [row["code"] for row in drafts] == [records[2].code]
    assert drafts[0]["completeness"]["done"] == 3
    assert client.get("/api/v1/datasets/", {"status": "not_started"}).json()["results"][0]["dataset_name"] is None
    agency = records[0].agency.code
    assert len(client.get("/api/v1/datasets/", {"agency": agency.lower()}).json()["results"]) == 4
    assert client.get("/api/v1/datasets/", {"issue": 999}).json()["results"] == []
    issue = records[0].issue.number
    assert len(client.get("/api/v1/datasets/", {"issue": issue}).json()["results"]) == 4


def test_another_agency_sees_only_public_approved(client, records, other_agency_user):
    client.force_login(other_agency_user)
    assert [row["code"] for row in client.get("/api/v1/datasets/").json()["results"]] == [records[0].code]


def test_data_type_key_is_given(client, make_item, office_user):
    make_item(DataType.GIS)
    client.force_login(office_user)
    assert client.get("/api/v1/datasets/").json()["results"][0]["data_type_key"] == "gis"


@pytest.fixture
def draft_behind_published(records, agency_user):
    """The public record, approved as `fy…` with 14/14, now has a draft with a new code, a new title and
    a required item emptied."""
    public = records[0]
    record = MetadataRecord.objects.get(item=public)
    approved_name = record.dataset_name
    values = valid_values(title="ชื่อร่างใหม่")
    values.pop("maintainer")
    metadata_save_draft(item=public, values=values, version=record.version, by=agency_user,
                        dataset_name="renamed-in-draft")
    return public, approved_name


@pytest.mark.parametrize("who", ["anonymous", "other_agency"])
def test_the_public_is_told_only_the_published_version(client, draft_behind_published, other_agency_user, who):
    public, approved_name = draft_behind_published
    if who == "other_agency":
        client.force_login(other_agency_user)
    for status in ("draft", "submitted", "returned", "not_started"):
        assert client.get("/api/v1/datasets/", {"status": status}).json()["results"] == [], status
    for query in ({}, {"status": "approved"}):
        [row] = client.get("/api/v1/datasets/", query).json()["results"]
        assert row["code"] == public.code and row["status"] == "approved" and row["version"] is None
        assert row["dataset_name"] == approved_name != "renamed-in-draft"
        assert row["completeness"] == {"done": 14, "required": 14}
        assert row["metadata"]["title"].startswith(VALID_COMMON["title"]) and row["metadata"]["maintainer"]


def test_the_owning_agency_sees_its_draft(client, draft_behind_published, agency_user):
    public, _approved_name = draft_behind_published
    client.force_login(agency_user)
    drafts = {row["code"]: row for row in client.get("/api/v1/datasets/", {"status": "draft"}).json()["results"]}
    row = drafts[public.code]
    assert row["status"] == "draft" and row["dataset_name"] == "renamed-in-draft"
    assert row["completeness"]["done"] == 13 and row["metadata"]["title"] == "ชื่อร่างใหม่"
    assert public.code not in {row["code"] for row in client.get("/api/v1/datasets/", {"status": "approved"}).json()["results"]}


def test_next_keeps_the_filters_and_is_absolute(client, office_user, make_item):
    client.force_login(office_user)
    items = [make_item() for _ in range(5)]
    issue = items[0].issue.number
    first = client.get("/api/v1/datasets/", {"issue": issue, "limit": 2}).json()
    assert len(first["results"]) == 2
    assert first["next"].startswith("http://testserver/api/v1/datasets/?") and f"issue={issue}" in first["next"]
    rows, queries = walk(client, f"/api/v1/datasets/?issue={issue}&limit=2")
    assert len(rows) == 5 and len({row["code"] for row in rows}) == 5
    assert len(set(queries)) == 1
