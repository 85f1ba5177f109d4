"""Template 2 services: validation for every field kind, the workflow, history and concurrency."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.models import DataType
from templates_app.models import MetadataRecord
from templates_app.services import (
    ConflictError, dataset_name_default, metadata_approve, metadata_return, metadata_save_draft, metadata_submit,
)

from .factories import valid_values

BAD_INPUT = [  # (data type, field, bad value, error code)
    (DataType.STATISTICAL, "title", "", "required"),
    (DataType.STATISTICAL, "objective", [], "required"),
    (DataType.STATISTICAL, "maintainer_email", "not-an-email", "invalid_email"),
    (DataType.STATISTICAL, "geo_coverage", "ดาวอังคาร", "invalid_choice"),
    (DataType.STATISTICAL, "data_format", ["XLSX"], "invalid_choice"),
    (DataType.STATISTICAL, "update_frequency_unit", "รายปี", "invalid_choice"),
    (DataType.STATISTICAL, "last_updated_date", "31/02/2567", "invalid_date"),
    (DataType.STATISTICAL, "last_updated_date", "2024-03-31", "invalid_date"),
    (DataType.STATISTICAL, "last_updated_date", "เมื่อวาน", "invalid_date"),
    (DataType.STATISTICAL, "first_year_of_data", "2567", "year_order"),
    (DataType.STATISTICAL, "first_year_of_data", "2023", "invalid_year"),
    (DataType.GIS, "west_bound_longitude", "181", "invalid_longitude"),
    (DataType.GIS, "north_bound_longitude", "-91", "invalid_latitude"),
    (DataType.GIS, "west_bound_longitude", "102", "bbox_west_east"),
    (DataType.GIS, "south_bound_longitude", "7", "bbox_south_north"),
    (DataType.STATISTICAL, "title", "ก" * 10_000, "max_length"),
    (DataType.STATISTICAL, "notes", "<script>alert(1)</script>", "html"),
    (DataType.STATISTICAL, "tag_string", "ทุเรียน, <b>x</b>", "html"),
    (DataType.STATISTICAL, "tag_string", "ทุเรียน, a;b", "invalid_tag"),
    (DataType.STATISTICAL, "update_frequency_interval", "", "required_interval"),
    (DataType.STATISTICAL, "update_frequency_interval", "ทุกปี", "invalid_interval"),
    (DataType.RECORD, "url", "javascript:alert(1)", "invalid_url"),
    (DataType.RECORD, "high_value_dataset", "Maybe", "invalid_choice"),
]


@pytest.mark.parametrize("data_type, field, value, code", BAD_INPUT)
def test_bad_input_names_the_field_and_saves_nothing(make_item, agency_user, data_type, field, value, code):
    item = make_item(data_type)
    with pytest.raises(ValidationError) as exc:
        metadata_submit(item=item, values=valid_values(data_type, **{field: value}), version=None, by=agency_user)
    assert code in [e.code for e in exc.value.error_dict[field]]
    assert not MetadataRecord.objects.filter(item=item).exists()


@pytest.mark.parametrize("field, value", [("objective", ["อื่นๆ"]), ("data_format", ["อื่นๆ"]),
                                          ("license_id", "อื่นๆ"), ("geo_coverage", "อื่นๆ")])
def test_other_needs_its_text(own_item, agency_user, field, value):
    with pytest.raises(ValidationError) as exc:
        metadata_save_draft(item=own_item, values=valid_values(**{field: value}), version=None, by=agency_user)
    assert exc.value.error_dict[f"{field}_other"][0].code == "required_other"
    record = metadata_submit(item=own_item, values=valid_values(**{field: value, f"{field}_other": "แผนจังหวัด"}),
                             version=None, by=agency_user)
    assert record.values[f"{field}_other"] == "แผนจังหวัด"


def test_a_draft_may_be_incomplete_but_a_submission_may_not(own_item, agency_user):
    record = metadata_save_draft(item=own_item, values={"title": "ชื่อ"}, version=None, by=agency_user)
    assert record.status == "draft" and record.version == 1
    with pytest.raises(ValidationError) as exc:
        metadata_submit(item=own_item, values={"title": "ชื่อ"}, version=1, by=agency_user)
    assert set(exc.value.error_dict) == {"maintainer", "maintainer_email", "tag_string", "notes", "objective",
                                         "update_frequency_unit", "geo_coverage", "data_source", "data_format",
                                         "data_category", "license_id", "official_statistics"}
    assert exc.value.error_dict["official_statistics"][0].code == "answer_yes_no"
    record.refresh_from_db()
    assert record.status == "draft" and record.version == 1


def test_values_are_stored_normalised(own_item, agency_user, harvest):
    record = metadata_submit(item=own_item, values=valid_values(data_release_calendar="2567-03-31",
                                                                data_format=["XLS", "CSV"],
                                                                tag_string=" ทุเรียน ,เกษตร, ทุเรียน "),
                             version=None, by=agency_user)
    assert record.values["last_updated_date"] == "2024-03-31"
    assert record.values["data_release_calendar"] == "2024-03-31"
    assert record.values["tag_string"] == "ทุเรียน,เกษตร"
    assert record.values["data_format"] == ["CSV", "XLS"]  # the standard's order
    assert record.dataset_name.startswith("fy2566-t-")


def test_interval_not_required_for_non_periodic_units(own_item, agency_user):
    values = valid_values(update_frequency_unit="ไม่ทราบ", update_frequency_interval="")
    assert metadata_submit(item=own_item, values=values, version=None, by=agency_user).status == "submitted"


def test_dataset_name_rules(make_item, agency_user):
    first, second = make_item(), make_item()
    metadata_save_draft(item=first, values={}, version=None, by=agency_user, dataset_name="durian-area")
    for bad, code in [("Durian Area", "invalid_dataset_name"), ("d", "invalid_dataset_name"),
                      ("durian-area", "duplicate_dataset_name")]:
        with pytest.raises(ValidationError) as exc:
            metadata_save_draft(item=second, values={}, version=None, by=agency_user, dataset_name=bad)
        assert exc.value.error_dict["dataset_name"][0].code == code


def test_full_workflow_and_roles(own_item, agency_user, other_agency_user, office_user):
    with pytest.raises(PermissionDenied):
        metadata_save_draft(item=own_item, values={}, version=None, by=other_agency_user)
    with pytest.raises(PermissionDenied):
        metadata_save_draft(item=own_item, values={}, version=None, by=office_user)
    record = metadata_submit(item=own_item, values=valid_values(), version=None, by=agency_user)
    with pytest.raises(ValidationError) as exc:  # nobody edits a submitted record
        metadata_save_draft(item=own_item, values=valid_values(), version=record.version, by=agency_user)
    assert exc.value.error_dict["__all__"][0].code == "locked"
    with pytest.raises(PermissionDenied):
        metadata_approve(record=record, version=record.version, by=agency_user)
    with pytest.raises(ValidationError) as exc:
        metadata_return(record=record, comments={}, version=record.version, by=office_user)
    assert exc.value.error_dict["__all__"][0].code == "comment_required"
    record = metadata_return(record=record, comments={"title": "ใส่ปีในชื่อ"}, version=record.version, by=office_user)
    assert record.status == "returned" and record.review_comments == {"title": "ใส่ปีในชื่อ"}
    with pytest.raises(ValidationError):
        metadata_approve(record=record, version=record.version, by=office_user)  # not submitted
    record = metadata_submit(item=own_item, values=valid_values(title="พื้นที่ปลูกทุเรียน ปี 2566"),
                             version=record.version, by=agency_user)
    record = metadata_approve(record=record, version=record.version, by=office_user)
    assert record.status == "approved" and record.approved_values["title"] == "พื้นที่ปลูกทุเรียน ปี 2566"
    # Editing an approved record starts a new draft; the approved version stays.
    record = metadata_save_draft(item=own_item, values=valid_values(title="ชื่อใหม่"), version=record.version,
                                 by=agency_user)
    assert record.status == "draft"
    assert record.approved_values["title"] == "พื้นที่ปลูกทุเรียน ปี 2566"


def test_history_records_each_change(own_item, agency_user, office_user):
    from templates_app.selectors import metadata_history

    record = metadata_save_draft(item=own_item, values={"title": "ก"}, version=None, by=agency_user)
    record = metadata_save_draft(item=own_item, values={"title": "ข", "maintainer": "ฝ่ายแผน"},
                                 version=record.version, by=agency_user)
    record = metadata_submit(item=own_item, values=valid_values(), version=record.version, by=agency_user)
    metadata_return(record=record, comments={"notes": "เพิ่มรายละเอียด"}, version=record.version, by=office_user)
    trail = metadata_history(record=record)
    assert [row["version"] for row in trail] == [4, 3, 2, 1]
    assert trail[0]["user"] == office_user and trail[0]["comments"] == [{"label": "7 รายละเอียด", "text": "เพิ่มรายละเอียด"}]
    second = {c["field"]: (c["old"], c["new"]) for c in trail[2]["changes"]}
    assert second == {"title": ("ก", "ข"), "maintainer": ("—", "ฝ่ายแผน")}
    assert trail[2]["user"] == agency_user
    dates = {c["field"]: c["new"] for c in trail[1]["changes"]}
    assert dates["last_updated_date"] == "31 มี.ค. 2567"


def test_a_stale_version_is_refused_and_nothing_is_lost(own_item, agency_user):
    colleague = type(agency_user).objects.create(username="colleague", role="agency_staff",
                                                 agency=agency_user.agency)
    record = metadata_save_draft(item=own_item, values={"title": "ก"}, version=None, by=agency_user)
    metadata_save_draft(item=own_item, values={"title": "ของเพื่อน"}, version=record.version, by=colleague)
    with pytest.raises(ConflictError) as exc:
        metadata_save_draft(item=own_item, values={"title": "ของฉัน"}, version=record.version, by=agency_user)
    assert exc.value.error_dict["__all__"][0].code == "conflict"
    assert exc.value.record.values == {"title": "ของเพื่อน"}
    record.refresh_from_db()
    assert record.values == {"title": "ของเพื่อน"} and record.version == 2


@pytest.mark.parametrize("category, classification, ok", [
    ("ข้อมูลสาธารณะ", "เปิดเผย", True), ("ข้อมูลสาธารณะ", "ลับ", False), ("ข้อมูลใช้ภายใน", "ชั้นเผยแพร่ภายในองค์กร", True),
    ("ข้อมูลส่วนบุคคล", "ลับมาก", True), ("ข้อมูลส่วนบุคคล", "เปิดเผย", False), ("ข้อมูลความมั่นคง", "ลับที่สุด", True),
])
def test_v2_2_category_limits_classification(settings, own_item, agency_user, category, classification, ok):
    settings.GDC_IMPORTER_VERSION = "2.2.4"
    values = valid_values(data_category=category, data_classification=classification,
                          license_id="Creative Commons Attribution No-Derivs")
    if ok:
        assert metadata_submit(item=own_item, values=values, version=None, by=agency_user).status == "submitted"
    else:
        with pytest.raises(ValidationError) as exc:
            metadata_submit(item=own_item, values=values, version=None, by=agency_user)
        assert exc.value.error_dict["data_classification"][0].code == "classification_category"


def test_v2_1_refuses_the_v2_2_licences(own_item, agency_user):
    with pytest.raises(ValidationError) as exc:
        metadata_submit(item=own_item, values=valid_values(license_id="Creative Commons Attribution No-Derivs"),
                        version=None, by=agency_user)
    assert exc.value.error_dict["license_id"][0].code == "invalid_choice"


def test_a_stale_review_is_refused(own_item, agency_user, office_user):
    record = metadata_submit(item=own_item, values=valid_values(), version=None, by=agency_user)
    metadata_return(record=record, comments={"title": "แก้"}, version=record.version, by=office_user)
    with pytest.raises(ConflictError):
        metadata_approve(record=record, version=record.version - 1, by=office_user)


def test_default_dataset_name_never_collides(make_item, agency_user):
    """Records saved before default codes were reserved may hold another item's default code."""
    first, second = make_item(), make_item()
    taken = metadata_save_draft(item=first, values={}, version=None, by=agency_user)
    MetadataRecord.objects.filter(pk=taken.pk).update(dataset_name=f"fy2566-{second.code.lower()}")
    record = metadata_save_draft(item=second, values={}, version=None, by=agency_user)
    assert record.dataset_name == f"fy2566-{second.code.lower()}-{second.pk}"


def test_an_items_default_code_is_reserved_for_it(make_item, agency_user, other_agency_user):
    """Agency B may not take the default code of agency A's item that is not started yet."""
    mine, theirs = make_item(), make_item(agency=other_agency_user.agency)
    reserved = dataset_name_default(mine)
    before = list(MetadataRecord.objects.values_list("pk", "dataset_name", "version"))
    with pytest.raises(ValidationError) as exc:
        metadata_save_draft(item=theirs, values={}, version=None, by=other_agency_user, dataset_name=reserved)
    [error] = exc.value.error_dict["dataset_name"]
    assert error.code == "reserved_dataset_name" and mine.code in error.messages[0]
    assert list(MetadataRecord.objects.values_list("pk", "dataset_name", "version")) == before
    record = metadata_save_draft(item=theirs, values={}, version=None, by=other_agency_user)
    with pytest.raises(ValidationError):  # nor by renaming a record it already has
        metadata_save_draft(item=theirs, values={}, version=record.version, by=other_agency_user,
                            dataset_name=reserved.upper().lower())
    assert metadata_save_draft(item=mine, values={}, version=None, by=agency_user).dataset_name == reserved
    renamed = metadata_save_draft(item=mine, values={}, version=1, by=agency_user, dataset_name="my-own-code")
    back = metadata_save_draft(item=mine, values={}, version=renamed.version, by=agency_user, dataset_name=reserved)
    assert back.dataset_name == reserved  # the item itself may always take its default code back


@pytest.mark.parametrize("tags", ["ก, ทุเรียน", "ทุเรียน, " + "ก" * 101])
def test_ckan_tag_length_is_checked(own_item, agency_user, tags):
    with pytest.raises(ValidationError) as exc:
        metadata_save_draft(item=own_item, values=valid_values(tag_string=tags), version=None, by=agency_user)
    error = exc.value.error_dict["tag_string"][0]
    assert error.code == "tag_length" and "2–100" in str(error.message)


def test_no_two_data_sets_of_the_province_share_a_title(make_item, agency_user):
    first, second = make_item(), make_item()
    metadata_submit(item=first, values=valid_values(title="ทุเรียน ปี 2566"), version=None, by=agency_user)
    draft = metadata_save_draft(item=second, values=valid_values(title="ทุเรียน ปี 2566"), version=None,
                                by=agency_user)  # a draft may, for now
    with pytest.raises(ValidationError) as exc:
        metadata_submit(item=second, values=valid_values(title="ทุเรียน ปี 2566"), version=draft.version,
                        by=agency_user)
    assert exc.value.error_dict["title"][0].code == "duplicate_title"
    assert metadata_submit(item=second, values=valid_values(title="ทุเรียน ปี 2567"), version=draft.version,
                           by=agency_user).status == "submitted"


def test_a_batch_of_two_with_one_title_is_refused(make_item, agency_user):
    from templates_app.services import DraftRow, RowErrors
    from templates_app.services.metadata import _write

    rows = [DraftRow(make_item(), valid_values(title="ซ้ำ"), None), DraftRow(make_item(), valid_values(title="ซ้ำ"), None)]
    with pytest.raises(RowErrors) as exc:
        _write(rows, by=agency_user, submit=True)
    assert list(exc.value.errors) == [1]


def test_workbook_delivery_takes_one_value_per_multi_choice_item(own_item, agency_user, settings):
    settings.GDC_DELIVERY = "workbook"
    with pytest.raises(ValidationError) as exc:
        metadata_save_draft(item=own_item, values=valid_values(data_format=["CSV", "XLS"]), version=None,
                            by=agency_user)
    assert exc.value.error_dict["data_format"][0].code == "one_value"
    settings.GDC_DELIVERY = "harvest"
    record = metadata_save_draft(item=own_item, values=valid_values(data_format=["CSV", "XLS"]), version=None,
                                 by=agency_user)
    assert record.values["data_format"] == ["CSV", "XLS"]


def test_harvest_delivery_leaves_yes_no_optional(own_item, agency_user, harvest):
    values = valid_values()
    del values["official_statistics"]
    assert metadata_submit(item=own_item, values=values, version=None, by=agency_user).status == "submitted"
