"""Batch writes of Template 2 and 3 (`metadata_save_drafts`, `resource_save_many`): the rules of the
single-record services row by row, all rows or none, one history row each, a constant number of queries."""
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import AgencyDomain, DataType, Item
from linkcheck.check import CheckState, Status
from templates_app.models import MetadataRecord, Resource
from templates_app.services import (
    ConflictError, DraftRow, ResourceRow, RowErrors, metadata_clean, metadata_save_draft, metadata_save_drafts,
    metadata_submit, resource_clean, resource_create, resource_save_many,
)
from tests.templates_app.factories import VALID_COMMON, public_record, resource_values, valid_values

pytestmark = pytest.mark.django_db


def drafts(items, **overrides) -> list[DraftRow]:
    return [DraftRow(item, valid_values(item.data_type, **overrides), None) for item in items]


def codes(exc: Exception) -> list[str]:
    return [error.code for errors in exc.error_dict.values() for error in errors]


def queries(write) -> int:
    with CaptureQueriesContext(connection) as captured:
        write()
    return len(captured)


# ---- Template 2 ------------------------------------------------------------------------------------------

def test_a_batch_saves_new_and_existing_records_with_one_history_row_each(make_item, agency_user):
    old = metadata_save_draft(item=make_item(), values={"title": "เดิม"}, version=None, by=agency_user)
    new_item = make_item(DataType.GIS)
    saved = metadata_save_drafts(rows=[DraftRow(old.item, valid_values(), old.version),
                                       DraftRow(new_item, valid_values(DataType.GIS), None, dataset_name="gis-set")],
                                 by=agency_user)
    assert [record.pk for record in saved] == [old.pk, MetadataRecord.objects.get(item=new_item).pk]
    for record in MetadataRecord.objects.filter(pk__in=[r.pk for r in saved]):
        assert record.is_complete and record.is_public_category and record.required_done == 14
        assert record.updated_by == agency_user and record.status == "draft"
        latest = record.history.first()
        assert (latest.history_user, latest.history_change_reason, latest.version) == (agency_user, "saved",
                                                                                        record.version)
    assert MetadataRecord.objects.get(pk=old.pk).history.count() == 2
    assert MetadataRecord.objects.get(item=new_item).dataset_name == "gis-set"
    assert MetadataRecord.objects.get(pk=old.pk).values["title"].startswith(VALID_COMMON["title"])


def test_a_refused_row_writes_nothing_and_names_its_index(make_item, agency_user, other_agency_user):
    mine, theirs = make_item(), make_item(agency=other_agency_user.agency)
    stale = metadata_save_draft(item=make_item(), values={}, version=None, by=agency_user)
    submitted = metadata_submit(item=make_item(), values=valid_values(), version=None, by=agency_user)
    rows = [DraftRow(mine, valid_values(), None),
            DraftRow(theirs, valid_values(), None),
            DraftRow(stale.item, {}, stale.version - 1),
            DraftRow(submitted.item, valid_values(), submitted.version),
            DraftRow(make_item(), valid_values(maintainer_email="not-an-email"), None),
            DraftRow(make_item(), {}, None, dataset_name="Bad Name")]
    with pytest.raises(RowErrors) as exc:
        metadata_save_drafts(rows=rows, by=agency_user)
    errors = exc.value.errors
    assert list(errors) == [1, 2, 3, 4, 5]
    assert isinstance(errors[1], PermissionDenied)
    assert isinstance(errors[2], ConflictError) and codes(errors[2]) == ["conflict"]
    assert codes(errors[3]) == ["locked"]
    assert codes(errors[4]) == ["invalid_email"]
    assert codes(errors[5]) == ["invalid_dataset_name"]
    assert not MetadataRecord.objects.filter(item=mine).exists()  # the valid row is not saved either
    assert MetadataRecord.objects.get(pk=stale.pk).history.count() == 1


def test_names_given_in_one_batch_do_not_collide(make_item, agency_user):
    first, second, third = make_item(), make_item(), make_item()
    with pytest.raises(RowErrors) as exc:
        metadata_save_drafts(rows=[DraftRow(first, {}, None, dataset_name="same-name"),
                                   DraftRow(second, {}, None, dataset_name="same-name")], by=agency_user)
    assert list(exc.value.errors) == [1] and codes(exc.value.errors[1]) == ["duplicate_dataset_name"]
    # nor may a row take the default code of another row's item: it is reserved for that item
    taken = f"fy2566-{third.code.lower()}"
    with pytest.raises(RowErrors) as exc:
        metadata_save_drafts(rows=[DraftRow(first, {}, None, dataset_name=taken), DraftRow(third, {}, None)],
                             by=agency_user)
    assert list(exc.value.errors) == [0] and codes(exc.value.errors[0]) == ["reserved_dataset_name"]


def test_a_batch_takes_a_constant_number_of_queries(make_item, agency_user):
    def save(n: int) -> tuple[int, int]:
        items = [Item.objects.get(pk=make_item(data_type).pk) for data_type in (list(DataType) * 2)[:n]]
        made = []
        count = queries(lambda: made.extend(metadata_save_drafts(rows=drafts(items), by=agency_user)))
        again = [DraftRow(record.item, valid_values(record.item.data_type, notes="แก้"), record.version)
                 for record in made]
        return count, queries(lambda: metadata_save_drafts(rows=again, by=agency_user))

    assert save(3) == save(6)


def test_cleaned_values_are_taken_only_as_the_service_made_them(own_item, agency_user):
    cleaned = metadata_clean(data_type=own_item.data_type, values=valid_values())
    cleaned.values["notes"] = "<b>แก้หลังตรวจ</b>"  # changed after cleaning: cleaned again from what was typed
    record = metadata_save_draft(item=own_item, values=cleaned, version=None, by=agency_user)
    assert record.values["notes"] == valid_values()["notes"]

    typed = valid_values(notes="<script>x</script>")
    forged = type(cleaned)(typed, {"notes": "<script>x</script>"}, {}, key=None)  # not from the service
    with pytest.raises(Exception) as exc:
        metadata_save_draft(item=own_item, values=forged, version=record.version, by=agency_user)
    assert codes(exc.value) == ["html"]
    draft = metadata_clean(data_type=own_item.data_type, values={"title": "ชื่อ"})  # a draft's cleaning
    with pytest.raises(Exception) as exc:  # does not stand for a submission's (every required item)
        metadata_submit(item=own_item, values=draft, version=record.version, by=agency_user)
    assert "required" in codes(exc.value)


# ---- Template 3 ------------------------------------------------------------------------------------------

@pytest.fixture
def record(own_item, agency_user, doae_domain):
    return public_record(own_item, agency_user)


def test_creates_and_updates_in_one_batch_with_history(record, agency_user):
    first = resource_create(record=record, values=resource_values(), by=agency_user)
    Resource.objects.filter(pk=first.pk).update(url_status=Status.OK, http_status=200)
    first.refresh_from_db()
    saved = resource_save_many(rows=[
        ResourceRow(resource_values(description="ใหม่"), resource=first),
        ResourceRow(resource_values(resource_name="ตารางสอง"), record=record),
        ResourceRow(resource_values(resource_name="ตารางสาม", resource_url="https://pattani.doae.go.th/x.csv"),
                    record=record),
    ], by=agency_user)
    assert [resource.position for resource in saved] == [1, 2, 3]
    first.refresh_from_db()
    assert first.values["description"] == "ใหม่" and first.url_status == Status.OK  # same URL: state kept
    for resource in Resource.objects.filter(record=record):
        latest = resource.history.first()
        assert latest.history_user == agency_user and resource.updated_by == agency_user
        assert latest.history_change_reason == ("changed" if resource.pk == first.pk else "created")
    assert first.history.count() == 2 and Resource.objects.count() == 3


def test_a_changed_url_starts_again_unchecked(record, agency_user):
    resource = resource_create(record=record, values=resource_values(), by=agency_user)
    Resource.objects.filter(pk=resource.pk).update(url_status=Status.BROKEN, failure_count=3)
    [saved] = resource_save_many(rows=[ResourceRow(
        resource_values(resource_url="https://pattani.doae.go.th/new.csv"), resource=resource)], by=agency_user)
    saved.refresh_from_db()
    assert (saved.url_status, saved.failure_count) == (CheckState().status, 0)


def test_every_rule_per_row_and_nothing_written(record, agency_user, other_agency_user, make_item):
    internal = metadata_save_draft(item=make_item(), values=valid_values(data_category="ข้อมูลส่วนบุคคล"), version=None,
                                   by=agency_user)
    rows = [ResourceRow(resource_values(), record=record),
            ResourceRow(resource_values(resource_url="https://example.com/x.csv"), record=record),
            ResourceRow(resource_values(), record=internal),
            ResourceRow(resource_values(format=""), record=record)]
    with pytest.raises(RowErrors) as exc:
        resource_save_many(rows=rows, by=agency_user)
    assert {index: codes(error) for index, error in exc.value.errors.items()} == {
        1: ["domain_not_allowed"], 2: ["not_public"], 3: ["required"]}
    with pytest.raises(RowErrors) as exc:
        resource_save_many(rows=rows[:1], by=other_agency_user)
    assert isinstance(exc.value.errors[0], PermissionDenied)
    assert not Resource.objects.exists()


def test_cleaned_resource_values_are_cleaned_again_when_the_domains_changed(record, agency_user, doae_domain):
    cleaned = resource_clean(data_type=record.item.data_type, values=resource_values(), domains=["pattani.doae.go.th"])
    assert cleaned.errors == {}
    AgencyDomain.objects.filter(pk=doae_domain.pk).update(domain="doae.example.go.th")
    with pytest.raises(Exception) as exc:
        resource_create(record=record, values=cleaned, by=agency_user)
    assert codes(exc.value) == ["domain_not_allowed"]


def test_a_resource_batch_takes_a_constant_number_of_queries(make_item, agency_user, doae_domain):
    def save(n: int) -> tuple[int, int]:
        records = [public_record(make_item(), agency_user) for _ in range(n)]
        creates = [ResourceRow(resource_values(), record=record) for record in records]
        made = []
        count = queries(lambda: made.extend(resource_save_many(rows=creates, by=agency_user)))
        updates = [ResourceRow(resource_values(description="แก้"), resource=resource) for resource in made]
        return count, queries(lambda: resource_save_many(rows=updates, by=agency_user))

    assert save(2) == save(4)


def test_in_one_batch_only_the_moved_url_loses_its_link_state(record, agency_user):
    kept, moved = (resource_create(record=record, values=resource_values(), by=agency_user) for _ in range(2))
    Resource.objects.update(url_status=Status.OK, http_status=200)
    resource_save_many(rows=[ResourceRow(resource_values(description="แก้"), resource=kept),
                             ResourceRow(resource_values(resource_url="https://pattani.doae.go.th/moved.csv"),
                                         resource=moved)], by=agency_user)
    kept.refresh_from_db()
    moved.refresh_from_db()
    assert (kept.url_status, kept.http_status, kept.values["description"]) == (Status.OK, 200, "แก้")
    assert (moved.url_status, moved.http_status) == (CheckState().status, None)
