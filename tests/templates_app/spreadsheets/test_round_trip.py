"""The agency workbook round trip without traps: a stale row never undoes a web edit; the preview says when an
approved data set goes back to draft and which items a row clears."""
import io

from catalog.models import DataType
from templates_app import services
from templates_app.models import MetadataRecord
from templates_app.spreadsheets.gdc_import import workbook_import

from .conftest import edit, find_row, workbook_bytes


def run(data, user, dry_run=True):
    return workbook_import(file=io.BytesIO(data), agency=user.agency, user=user, dry_run=dry_run)


def test_a_stale_workbook_shows_a_conflict_instead_of_undoing_a_web_edit(filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)  # downloaded at this version
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user,
                                 values={**record.values, "notes": "แก้บนเว็บ"})
    data = edit(data, {("Temp2_Meta_Record", f"E{row}"): "ผู้ติดต่อใหม่"})  # the workbook still has the old notes
    report = run(data, agency_user, dry_run=False)
    [conflict] = [r for r in report.rows if r.status == "conflict"]
    assert [(c["field"], c["old"], c["new"]) for c in conflict.changes] == [
        ("notes", "แก้บนเว็บ", record.values["notes"])]  # theirs / yours
    assert [e.code for e in report.errors] == ["stale_row"] and not report.applied
    assert MetadataRecord.objects.get(pk=record.pk).values["notes"] == "แก้บนเว็บ"


def test_a_stale_row_that_keeps_the_web_edit_applies(filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    services.metadata_save_draft(item=record.item, version=record.version, by=agency_user,
                                 values={**record.values, "notes": "แก้บนเว็บ"})
    data = edit(data, {("Temp2_Meta_Record", f"H{row}"): "แก้บนเว็บ", ("Temp2_Meta_Record", f"E{row}"): "ใหม่"})
    report = run(data, agency_user, dry_run=False)
    assert report.errors == [] and report.applied
    values = MetadataRecord.objects.get(pk=record.pk).values
    assert (values["notes"], values["maintainer"]) == ("แก้บนเว็บ", "ใหม่")


def test_the_preview_warns_that_an_approved_record_goes_back_to_draft_and_what_is_cleared(
        client, filled, agency_user, office_user):
    record = filled[DataType.RECORD]
    record = services.metadata_submit(item=record.item, values=record.values, version=record.version,
                                      by=agency_user)
    services.metadata_approve(record=record, version=record.version, by=office_user)
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"H{row}"): None})  # notes (item 7, required) emptied
    report = run(data, agency_user)
    [changed] = [r for r in report.rows if r.status == "changed"]
    assert [c["field"] for c in changed.changes if c["cleared"]] == ["notes"]
    assert any("ฉบับร่าง" in w or "draft" in w for w in changed.warnings)
    assert any("7 รายละเอียด" in w or "7 Description" in w for w in changed.warnings)  # in the active language
    out = io.BytesIO(data)
    out.name = "agency.xlsx"
    client.force_login(agency_user)
    page = client.post("/exchange/upload/", {"file": out}).content.decode()
    assert "data-cleared" in page and "จะถูกล้าง" in page and 'class="text-warning-emphasis row-warning"' in page


def test_complete_rows_are_submitted_from_the_workbook_and_incomplete_ones_stay_drafts(client, filled, agency_user):
    complete, incomplete = filled[DataType.RECORD], filled[DataType.STATISTICAL]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {
        ("Temp2_Meta_Record", f"E{find_row(data, 'Temp2_Meta_Record', complete.dataset_name)}"): "ผู้ติดต่อใหม่",
        ("Temp2_Meta_Stat", f"H{find_row(data, 'Temp2_Meta_Stat', incomplete.dataset_name)}"): None,  # notes
    })
    out = io.BytesIO(data)
    out.name = "agency.xlsx"
    client.force_login(agency_user)
    response = client.post("/exchange/upload/", {"file": out, "submit": "on"})
    page = response.content.decode()
    assert "จะส่งให้สำนักงานสถิติตรวจสอบ" in page and "บันทึกเป็นฉบับร่าง" in page
    confirm = response.context["confirm"]
    response = client.post("/exchange/apply/", {"token": confirm.initial["token"],
                                                "digest": confirm.initial["digest"], "submit": "True"})
    assert response.status_code == 302
    statuses = dict(MetadataRecord.objects.values_list("dataset_name", "status"))
    assert statuses[complete.dataset_name] == "submitted"
    assert statuses[incomplete.dataset_name] == "draft"
    assert statuses[filled[DataType.GIS].dataset_name] == "submitted"  # unchanged but complete: submitted too
