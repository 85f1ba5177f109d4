"""The read model holds approved public data sets only, with their approved values; metadata_modified
moves exactly when the published version changes."""
import pytest

from catalog.services.items import item_remove
from opendata.models import PublishedDataset
from opendata.services import published_refresh

pytestmark = pytest.mark.django_db


def published(record):
    published_refresh()
    return PublishedDataset.objects.filter(record=record).first()


def test_only_approved_public_data_sets_are_published(catalog):
    approved = catalog.approved(title="ชุดที่อนุมัติแล้ว")
    catalog.submitted(title="ชุดที่ส่งแล้ว")
    catalog.returned(title="ชุดที่ตีกลับ")
    catalog.draft(title="ชุดร่าง")
    catalog.approved(title="ชุดข้อมูลส่วนบุคคล", data_category="ข้อมูลส่วนบุคคล")
    published_refresh()
    rows = PublishedDataset.objects.filter(state="active")
    assert [row.record_id for row in rows] == [approved.pk]
    assert rows[0].package["title"] == "ชุดที่อนุมัติแล้ว"
    assert rows[0].package["num_resources"] == 1


def test_a_draft_never_shows_and_does_not_move_metadata_modified(catalog):
    record = catalog.approved(title="ชื่อที่อนุมัติ")
    before = published(record)
    catalog.draft_over(record, title="ชื่อร่างใหม่", maintainer="ผู้ติดต่อร่าง")
    after = published(record)
    assert after.package["title"] == "ชื่อที่อนุมัติ" and "ผู้ติดต่อร่าง" not in str(after.package)
    assert (after.id, after.metadata_modified) == (before.id, before.metadata_modified)


def test_reapproval_changes_metadata_modified_and_keeps_the_id(catalog):
    record = catalog.approved(title="ชื่อเดิม")
    before = published(record)
    catalog.reapprove(record, title="ชื่อใหม่")
    after = published(record)
    assert after.id == before.id and after.metadata_modified > before.metadata_modified
    assert after.package["title"] == "ชื่อใหม่"
    same = published(record)
    assert same.metadata_modified == after.metadata_modified


def test_withdrawn_when_the_category_changes_or_the_item_is_removed(catalog, office_user):
    first, second = catalog.approved(), catalog.approved()
    assert published(first).is_active
    catalog.reapprove(first, data_category="ข้อมูลความมั่นคง")
    row = published(first)
    assert row.state == "deleted" and set(row.package) == {"id", "name", "state", "private", "type"}
    item_remove(item=second.item, by=office_user, reason="ยกเลิก")
    assert published(second).state == "deleted"


def test_a_resource_change_is_a_new_published_version(catalog):
    from templates_app.services import resource_delete

    record = catalog.approved(resources=2)
    before = published(record)
    resource_delete(resource=record.resources.first(), by=catalog.staff)
    after = published(record)
    assert after.package["num_resources"] == 1 and after.metadata_modified > before.metadata_modified


def test_refresh_with_nothing_changed_is_two_queries(catalog, django_assert_num_queries):
    catalog.approved()
    published_refresh()  # everything
    published_refresh()  # what changed in the margin before the first one: the same rows, no new version
    with django_assert_num_queries(2):
        assert published_refresh() == 0


def test_refresh_command_full_rebuild_changes_nothing_that_is_current(catalog):
    import io

    from django.core.management import call_command

    record = catalog.approved()
    before = published(record)
    out = io.StringIO()
    call_command("opendata_refresh", "--full", stdout=out)
    assert out.getvalue().strip() == "0 published data set(s) changed."
    assert published(record).metadata_modified == before.metadata_modified
