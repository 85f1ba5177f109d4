"""A returned Template 2 record and its second review, in a real browser at a laptop's and a phone's size:
the agency sees at the top every item the office commented on and jumps to it; the office's second review
shows old → new since it returned the record, with its earlier comments beside the items."""
import pytest

from catalog.demo import demo_files, demo_users
from catalog.models import Item
from catalog.services import reference_load
from templates_app.services import metadata_return, metadata_submit
from tests.templates_app.factories import valid_values

from .screens import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def returned():
    reference_load(files=demo_files())
    users = {user.username: user for user in demo_users(password="pw-for-tests-2566")}
    item = Item.objects.filter(agency__code="PTN-AGRI", data_type="ข้อมูลสถิติ").order_by("issue__number", "code")[0]
    record = metadata_submit(item=item, values=valid_values(title="พื้นที่ปลูกทุเรียน"), version=None,
                             by=users["ptn-agri"])
    record = metadata_return(record=record, version=record.version, by=users["nso-pattani"], comments={
        "title": "ระบุปีในชื่อชุดข้อมูล", "license_id": "ใช้สัญญาอนุญาตแบบเปิด", "general": "ตรวจสะกดทั้งฉบับ"})
    return item, record, users


def test_the_returned_form_says_where_to_look(page, sign_in, returned):
    item, _record, _users = returned
    sign_in("ptn-agri")
    page.goto(f"/items/{item.pk}/metadata/")
    banner = page.locator("#review-note")
    assert banner.is_visible()
    assert banner.bounding_box()["y"] < 768  # on the first screen of a ~5,000 px form
    entries = banner.locator("li[data-returned-item]")
    assert entries.count() == 2
    assert "ระบุปีในชื่อชุดข้อมูล" in entries.nth(0).inner_text() and "ข้อ 2" in entries.nth(0).inner_text()
    assert "ตรวจสะกดทั้งฉบับ" in banner.inner_text()
    badge_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#record-status .badge')).fontSize)")
    assert badge_px >= 12  # status badges stay readable
    shoot(page, "returned-form-banner")

    entries.nth(1).locator("a").click()  # the licence: far down the form
    target = page.locator("#field-license_id")
    page.wait_for_function("() => { const r = document.querySelector('#field-license_id').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }")
    assert "ใช้สัญญาอนุญาตแบบเปิด" in target.inner_text()
    shoot(page, "returned-form-jump-to-item", scroll_to="#field-license_id")
    assert page.console_errors == []


def test_the_second_review_shows_what_changed_since_the_return(page, sign_in, returned):
    item, record, users = returned
    metadata_submit(item=item, values=valid_values(title="พื้นที่ปลูกทุเรียน ปี 2566"), version=record.version,
                    by=users["ptn-agri"])
    sign_in("nso-pattani")
    page.goto(f"/items/{item.pk}/metadata/review/")
    box = page.locator("#since-return")
    assert box.is_visible() and box.bounding_box()["y"] < 768
    assert box.locator("ol > li").count() == 1
    assert "พื้นที่ปลูกทุเรียน → พื้นที่ปลูกทุเรียน ปี 2566" in " ".join(box.locator("ol > li").inner_text().split())
    assert "ใช้สัญญาอนุญาตแบบเปิด" in box.locator("#unchanged-commented").inner_text()  # asked, not changed
    row = page.locator("#field-title")
    assert row.locator("del").inner_text() == "พื้นที่ปลูกทุเรียน"
    assert row.locator("ins").inner_text() == "พื้นที่ปลูกทุเรียน ปี 2566"
    assert "ระบุปีในชื่อชุดข้อมูล" in row.locator("[data-earlier-comment=title]").inner_text()
    assert page.locator("#field-license_id [data-earlier-comment=license_id]").is_visible()  # unchanged, still asked
    assert row.locator("textarea[name=comment_title]").input_value() == ""
    shoot(page, "second-review-since-return")
    shoot(page, "second-review-item", scroll_to="#field-title")
    assert page.console_errors == []
