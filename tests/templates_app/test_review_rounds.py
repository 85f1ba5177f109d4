"""A returned record and its second review: the agency's banner lists every commented item with a link;
the office sees what changed since it returned the record (old → new) with its earlier comments."""
import pytest

from templates_app.services import metadata_approve, metadata_return, metadata_save_draft, metadata_submit

from .factories import valid_values


@pytest.fixture
def returned(own_item, agency_user, office_user):
    record = metadata_submit(item=own_item, values=valid_values(title="พื้นที่ปลูก"), version=None, by=agency_user)
    return metadata_return(record=record, version=record.version, by=office_user, comments={
        "title": "ระบุปีในชื่อ", "maintainer_email": "ใช้อีเมลของหน่วยงาน", "general": "ตรวจสะกดทั้งฉบับ"})


def test_the_returned_form_lists_every_commented_item_with_a_link(client, returned, own_item, agency_user,
                                                                  django_assert_max_num_queries):
    client.force_login(agency_user)
    with django_assert_max_num_queries(12):
        page = client.get(f"/items/{own_item.pk}/metadata/").content.decode()
    banner = page[page.index('id="review-note"'):page.index("</ol>", page.index('id="review-note"'))]
    assert 'href="#field-title"' in banner and "ข้อ 2 ชื่อชุดข้อมูล</a>: ระบุปีในชื่อ" in banner
    assert 'href="#field-maintainer_email"' in banner and "ใช้อีเมลของหน่วยงาน" in banner
    assert "ตรวจสะกดทั้งฉบับ" in banner
    assert banner.count("data-returned-item=") == 3  # the general comment and two items
    assert 'id="field-maintainer_email"' in page  # the link's target


def test_the_banner_stays_while_the_agency_saves_drafts(client, returned, own_item, agency_user):
    metadata_save_draft(item=own_item, values=valid_values(title="พื้นที่ปลูก ปี 2566"), version=returned.version,
                        by=agency_user)
    client.force_login(agency_user)
    assert 'data-returned-item="title"' in client.get(f"/items/{own_item.pk}/metadata/").content.decode()


def test_submit_errors_say_before_submitting(client, own_item, agency_user):
    client.force_login(agency_user)
    from .test_template2_views import form_data

    page = client.post(f"/items/{own_item.pk}/metadata/", form_data({"title": "ก"}, submit="1")).content.decode()
    assert '<h2 class="h6">โปรดแก้ไขรายการต่อไปนี้ก่อนส่งตรวจ:</h2>' in page
    page = client.post(f"/items/{own_item.pk}/metadata/", form_data({"title": "ก", "maintainer_email": "x"},
                                                                      save="1")).content.decode()
    assert 'id="error-summary"' in page and "โปรดแก้ไขรายการต่อไปนี้ก่อนส่งตรวจ" not in page


def test_second_review_shows_old_to_new_and_earlier_comments(client, returned, own_item, agency_user, office_user,
                                                            django_assert_max_num_queries):
    values = valid_values(title="พื้นที่ปลูก ปี 2566", maintainer_email="agri@pattani.go.th")
    metadata_submit(item=own_item, values=values, version=returned.version, by=agency_user)
    client.force_login(office_user)
    with django_assert_max_num_queries(12):
        response = client.get(f"/items/{own_item.pk}/metadata/review/")
    changed = {row["entry"].name: (row["before"], row["value"]) for row in response.context["changed_since_return"]}
    assert changed == {"title": ("พื้นที่ปลูก", "พื้นที่ปลูก ปี 2566"),
                       "maintainer_email": ("info@pattani.go.th", "agri@pattani.go.th")}
    page = response.content.decode()
    assert 'id="since-return"' in page and "<del>พื้นที่ปลูก</del> → <ins>พื้นที่ปลูก ปี 2566</ins>" in page
    assert 'data-earlier-comment="title"' in page and "ระบุปีในชื่อ" in page
    assert "ตรวจสะกดทั้งฉบับ" in page
    assert response.context["unchanged_commented"] == []  # both commented items were changed
    # the comment boxes start empty: returning again sends only what the office writes now
    assert '<textarea class="form-control form-control-sm mt-1" rows="1" name="comment_title"' in page
    assert ">ระบุปีในชื่อ</textarea>" not in page


def test_resubmitted_unchanged_says_so(client, returned, own_item, agency_user, office_user):
    metadata_submit(item=own_item, values=valid_values(title="พื้นที่ปลูก"), version=returned.version, by=agency_user)
    client.force_login(office_user)
    response = client.get(f"/items/{own_item.pk}/metadata/review/")
    assert response.context["changed_since_return"] == []
    page = response.content.decode()
    assert "ส่งตรวจอีกครั้งโดยไม่ได้แก้ไข" in page
    assert [row["entry"].name for row in response.context["unchanged_commented"]] == ["title", "maintainer_email"]
    assert 'id="unchanged-commented"' in page and "ใช้อีเมลของหน่วยงาน" in page


def test_a_first_review_and_one_after_approval_show_no_return_box(client, own_item, agency_user, office_user):
    record = metadata_submit(item=own_item, values=valid_values(), version=None, by=agency_user)
    client.force_login(office_user)
    assert 'id="since-return"' not in client.get(f"/items/{own_item.pk}/metadata/review/").content.decode()
    record = metadata_return(record=record, version=record.version, by=office_user, comments={"title": "แก้"})
    record = metadata_submit(item=own_item, values=valid_values(title="ใหม่"), version=record.version, by=agency_user)
    record = metadata_approve(record=record, version=record.version, by=office_user)
    metadata_submit(item=own_item, values=valid_values(title="ใหม่กว่า"), version=record.version, by=agency_user)
    assert 'id="since-return"' not in client.get(f"/items/{own_item.pk}/metadata/review/").content.decode()
