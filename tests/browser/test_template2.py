"""Template 2 end to end in a real browser: fill, see what is missing, submit, return, fix, approve."""
import pytest

from catalog.demo import demo_files, demo_users
from catalog.models import Item
from catalog.services import reference_load
from templates_app.models import MetadataRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _switch_user(page, sign_in, username):
    page.context.clear_cookies()
    sign_in(username)


def test_agency_fills_office_returns_agency_fixes_office_approves(page, sign_in):
    reference_load(files=demo_files())
    demo_users(password="pw-for-tests-2566")
    item = Item.objects.filter(agency__code="PTN-AGRI", data_type="ข้อมูลสถิติ").order_by("issue__number", "code")[0]

    sign_in("ptn-agri")
    page.goto("/my-work/")
    row = page.locator(f"tr[data-item='{item.code}']")
    assert row.get_attribute("data-status") == "not_started"
    row.locator("a").click()
    page.wait_for_load_state("networkidle")

    # Submitting the empty form lists every missing required item at the top, in Thai.
    page.click("button[name=submit]")
    page.wait_for_load_state("networkidle")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert summary.locator("li").count() == 12, summary.inner_text()  # items 1–14 and a yes/no item
    assert "ข้อ 5 อีเมลผู้ติดต่อ" in summary.inner_text()
    assert "รายการนี้จำเป็นต้องกรอก" in summary.inner_text()

    page.fill("#id_maintainer", "กลุ่มยุทธศาสตร์และสารสนเทศ")
    page.fill("#id_maintainer_email", "agri@pattani.go.th")
    page.fill("#id_tag_string", "ทุเรียน, เกษตร")
    page.fill("#id_notes", "พื้นที่ปลูกรายอำเภอ")
    page.check("input[name=objective][value='พันธกิจหน่วยงาน']")
    other_box = page.locator("[data-other-for=objective]")
    assert other_box.is_hidden()
    page.check("input[name=objective][value='อื่นๆ']")
    assert other_box.is_visible()
    page.fill("#id_objective_other", "แผนพัฒนาจังหวัด")
    page.select_option("#id_update_frequency_unit", "ปี")
    page.fill("#id_update_frequency_interval", "1")
    page.select_option("#id_geo_coverage", "อำเภอ")
    page.fill("#id_data_source", "สำนักงานเกษตรจังหวัดปัตตานี")
    page.check("input[name=data_format][value='XLS']")
    page.select_option("#id_data_category", "ข้อมูลสาธารณะ")
    page.select_option("#id_license_id", "Open Data Common")
    page.fill("#id_last_updated_date", "31/03/2567")
    page.fill("#id_first_year_of_data", "2560")
    page.fill("#id_last_year_of_data", "2566")
    page.select_option("#id_official_statistics", "False")
    page.click("button[name=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#record-status [data-status=submitted]").is_visible()

    _switch_user(page, sign_in, "nso-pattani")
    page.goto("/review/")
    page.locator(f"tr[data-item='{item.code}'] a").click()
    page.wait_for_load_state("networkidle")
    page.fill("textarea[name=comment_notes]", "โปรดระบุช่วงปีที่ข้อมูลครอบคลุม")
    page.click("button[name=return]")
    page.wait_for_load_state("networkidle")
    assert MetadataRecord.objects.get(item=item).status == "returned"

    _switch_user(page, sign_in, "ptn-agri")
    page.goto(f"/items/{item.pk}/metadata/")
    comment = page.locator("[data-comment-for=notes]")
    assert "โปรดระบุช่วงปีที่ข้อมูลครอบคลุม" in comment.inner_text()
    page.fill("#id_notes", "พื้นที่ปลูกรายอำเภอ ปี 2560–2566")
    page.click("button[name=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#record-status [data-status=submitted]").is_visible()

    _switch_user(page, sign_in, "nso-pattani")
    page.goto(f"/items/{item.pk}/metadata/review/")
    page.click("button[name=approve]")
    page.wait_for_load_state("networkidle")
    record = MetadataRecord.objects.get(item=item)
    assert record.status == "approved"
    assert record.approved_values["notes"] == "พื้นที่ปลูกรายอำเภอ ปี 2560–2566"
    assert record.approved_values["last_updated_date"] == "2024-03-31"
    assert page.console_errors == []
