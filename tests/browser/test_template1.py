"""The statistics office renames an item in a real browser and sees it in the item's history."""
import pytest

from catalog.demo import demo_files, demo_users
from catalog.services import reference_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_renames_an_item_and_sees_it_in_the_history(page, sign_in):
    reference_load(files=demo_files())
    demo_users(password="pw-for-tests-2566")
    sign_in("nso-pattani")

    page.goto("/issues/1/")
    assert page.locator("#items tbody tr[data-item]").count() == 42
    page.click("tr[data-item='I1-005'] a")
    page.wait_for_load_state("networkidle")
    page.click("main a:has-text(\"แก้ไข\")")
    page.fill("input[name=name_th]", "พื้นที่ปลูกทุเรียนทรายขาว รายอำเภอ")
    page.fill("textarea[name=reason]", "ระบุสายพันธุ์ให้ชัดเจนตามมติคณะทำงาน")
    page.click("main form [type=submit]")
    page.wait_for_load_state("networkidle")

    assert page.locator("#item-name").inner_text() == "พื้นที่ปลูกทุเรียนทรายขาว รายอำเภอ"
    newest = page.locator("#revisions li").first
    assert "เปลี่ยนชื่อ" in newest.inner_text()
    assert "ระบุสายพันธุ์ให้ชัดเจนตามมติคณะทำงาน" in newest.inner_text()
    assert "พื้นที่ปลูกทุเรียน จำแนกรายอำเภอ" in newest.inner_text()  # the old name
    assert page.console_errors == []
