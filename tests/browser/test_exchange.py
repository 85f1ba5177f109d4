"""The agency workbook round trip in a real browser: download, edit offline, see the error with its
sheet/row/column, fix, preview the one change, apply."""
from pathlib import Path

import openpyxl
import pytest

from accounts.models import User
from catalog.demo import demo_files, demo_users
from catalog.models import Item
from catalog.services import reference_load
from templates_app.models import MetadataRecord
from templates_app.services import metadata_save_draft
from tests.templates_app.factories import valid_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upload(page, path: Path) -> None:
    page.set_input_files("#upload-form input[type=file]", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_agency_downloads_edits_offline_fixes_an_error_and_applies_one_change(page, sign_in, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    reference_load(files=demo_files())
    demo_users(password="pw-for-tests-2566")
    staff = User.objects.get(username="ptn-cdd")
    item = Item.objects.filter(agency__code="PTN-CDD", data_type="ข้อมูลสถิติ").order_by("issue__number", "code")[0]
    record = metadata_save_draft(item=item, values=valid_values(item.data_type), version=None, by=staff)

    sign_in("ptn-cdd")
    page.goto("/exchange/")
    assert page.locator("h1").inner_text() == "แลกเปลี่ยนไฟล์ Excel"
    with page.expect_download() as download:
        page.click("#download-workbook")
    original = tmp_path / "downloaded.xlsx"
    download.value.save_as(original)

    workbook = openpyxl.load_workbook(original)
    sheet = workbook["Temp2_Meta_Stat"]
    row = next(r[0].row for r in sheet.iter_rows(min_row=6) if r[0].value == record.dataset_name)
    assert sheet[f"F{row}"].value == "info@pattani.go.th"
    sheet[f"C{row}"] = "จำนวนกลุ่มออมทรัพย์ (ปรับปรุงจากไฟล์)"   # valid
    sheet[f"F{row}"] = "ไม่ใช่อีเมล"                             # invalid
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)

    _upload(page, edited)
    errors = page.locator("#import-errors")
    assert errors.is_visible()
    error = page.locator(f"tr.import-error[data-sheet='Temp2_Meta_Stat'][data-row='{row}'][data-column='F']")
    assert error.count() == 1
    text = error.inner_text()
    assert "Temp2_Meta_Stat" in text and str(row) in text and "F" in text and "5" in text
    assert "อีเมล" in text
    assert page.locator("#confirm-form").count() == 0
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version

    sheet[f"F{row}"] = "info@pattani.go.th"   # fixed
    workbook.save(edited)
    _upload(page, edited)
    assert page.locator("#import-errors").count() == 0
    changed = page.locator("#preview tr[data-status=changed]")
    assert changed.count() == 1
    assert "จำนวนกลุ่มออมทรัพย์ (ปรับปรุงจากไฟล์)" in changed.locator(".change[data-field=title]").inner_text()
    assert page.locator("[data-count=changed]").inner_text() == "1"

    page.click("#confirm-form button[name=apply]")
    page.wait_for_load_state("networkidle")
    assert "บันทึกแล้ว" in page.locator(".alert-success").inner_text()
    saved = MetadataRecord.objects.get(pk=record.pk)
    assert saved.values["title"] == "จำนวนกลุ่มออมทรัพย์ (ปรับปรุงจากไฟล์)"
    assert saved.version == record.version + 1 and saved.updated_by == staff
    assert page.console_errors == []
