"""Template 1 writes: one revision per change, a required reason, and clear errors that write nothing."""
import pytest
from django.core.exceptions import ValidationError

from catalog.models import Item, ItemRevision
from catalog.services import item_create, item_remove, item_restore, item_update
from tests.factories import AgencyFactory, DimensionFactory, ItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def revision_count(item):
    return ItemRevision.objects.filter(item=item).count()


def error_fields(exc_info) -> set:
    return set(exc_info.value.message_dict)


def test_create_writes_one_created_revision():
    item = ItemFactory()
    assert [r.kind for r in item.revisions.all()] == ["created"]


@pytest.mark.parametrize("changes, kind", [
    (lambda item: {"name_th": "ชื่อใหม่"}, "renamed"),
    (lambda item: {"dimension": DimensionFactory(issue=item.issue)}, "moved"),
    (lambda item: {"agency": AgencyFactory()}, "reassigned"),
    (lambda item: {"unit": "คน", "name_th": "ชื่อใหม่"}, "edited"),
])
def test_each_kind_of_change_writes_exactly_one_revision(changes, kind):
    item = ItemFactory()
    meeting = MeetingFactory()
    revision = item_update(item=item, reason="มติที่ประชุม", meeting=meeting, **changes(item))
    assert revision.kind == kind
    assert revision_count(item) == 2
    assert revision.decided_on == meeting.date


def test_remove_and_restore_each_write_one_revision_and_keep_the_item():
    item = ItemFactory()
    item_remove(item=item, reason="ตัดออกตามมติ")
    assert Item.objects.get(pk=item.pk).status == "removed"
    item_restore(item=item, reason="นำกลับ")
    assert [r.kind for r in item.revisions.order_by("id")] == ["created", "removed", "restored"]


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_remove_requires_a_reason(reason):
    item = ItemFactory()
    with pytest.raises(ValidationError) as exc_info:
        item_remove(item=item, reason=reason)
    assert error_fields(exc_info) == {"reason"}
    assert Item.objects.get(pk=item.pk).status == "current"
    assert revision_count(item) == 1


@pytest.mark.parametrize("name", ["", "   ", " \u00a0\t"])
def test_rename_to_empty_or_whitespace_names_the_field_and_writes_nothing(name):
    item = ItemFactory(name_th="ชื่อเดิม")
    with pytest.raises(ValidationError) as exc_info:
        item_update(item=item, reason="เปลี่ยนชื่อ", name_th=name)
    assert "name_th" in error_fields(exc_info)
    assert Item.objects.get(pk=item.pk).name_th == "ชื่อเดิม"
    assert item.name_th == "ชื่อเดิม"
    assert revision_count(item) == 1


def test_duplicate_code_in_the_same_issue_is_refused():
    first = ItemFactory(code="I9-001")
    with pytest.raises(ValidationError) as exc_info:
        ItemFactory(code="I9-001", dimension=first.dimension, agency=first.agency)
    assert error_fields(exc_info) == {"code"}
    assert Item.objects.filter(code="I9-001").count() == 1


def test_same_code_in_another_issue_is_fine():
    ItemFactory(code="I9-001")
    ItemFactory(code="I9-001")
    assert Item.objects.filter(code="I9-001").count() == 2


def test_move_to_a_dimension_of_another_issue_is_refused():
    item = ItemFactory()
    foreign = DimensionFactory()
    with pytest.raises(ValidationError) as exc_info:
        item_update(item=item, reason="ย้าย", dimension=foreign)
    assert error_fields(exc_info) == {"dimension"}
    assert Item.objects.get(pk=item.pk).dimension_id != foreign.pk
    assert revision_count(item) == 1


def test_change_without_reason_is_refused():
    item = ItemFactory()
    with pytest.raises(ValidationError) as exc_info:
        item_update(item=item, reason=" ", name_th="อื่น")
    assert error_fields(exc_info) == {"reason"}
    assert revision_count(item) == 1


def test_saving_without_any_change_is_refused():
    item = ItemFactory()
    with pytest.raises(ValidationError) as exc_info:
        item_update(item=item, reason="ไม่มีอะไรเปลี่ยน", name_th=item.name_th)
    assert exc_info.value.error_dict["__all__"][0].code == "no_change"


def test_create_with_an_unknown_data_type_names_the_field():
    with pytest.raises(ValidationError) as exc_info:
        ItemFactory(data_type="statistical")
    assert error_fields(exc_info) == {"data_type"}


def test_revision_keeps_the_full_state_after_the_change():
    item = ItemFactory()
    new_agency = AgencyFactory()
    revision = item_update(item=item, reason="โอนหน่วยงาน", agency=new_agency)
    assert revision.agency == new_agency and revision.name_th == item.name_th
    assert revision.changes == {"agency": [item.revisions.first().agency_id, new_agency.pk]}


def test_item_create_is_the_only_path_and_it_strips_text():
    dimension = DimensionFactory()
    item = item_create(issue=dimension.issue, code=" X-1 ", name_th="  ชื่อ  ", agency=AgencyFactory(),
                       dimension=dimension, data_type="ข้อมูลระเบียน", reason="เพิ่ม")
    assert (item.code, item.name_th) == ("X-1", "ชื่อ")
