"""Roles on every exchange page, and the upload → preview → apply flow through the web."""
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import DataType
from templates_app.models import MetadataRecord

from .conftest import edit, find_row, workbook_bytes

GET_PAGES = ["templates_app:gdcatalog-export", "templates_app:gdcatalog-download", "templates_app:exchange",
             "templates_app:exchange-download"]
OFFICE_ONLY = {"templates_app:gdcatalog-export", "templates_app:gdcatalog-download"}


def upload(client, data, name="filled.xlsx"):
    return client.post(reverse("templates_app:exchange-upload"), {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("name", GET_PAGES)
def test_anonymous_is_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", ["templates_app:exchange-upload", "templates_app:exchange-apply"])
def test_anonymous_cannot_post(client, db, name):
    response = client.post(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["office_user", "admin_user"])
@pytest.mark.parametrize("name", GET_PAGES)
def test_office_and_admin_export_but_do_not_exchange(client, request, role, name):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name))
    assert response.status_code == (200 if name in OFFICE_ONLY else 403)


@pytest.mark.parametrize("role", ["office_user", "admin_user"])
def test_office_and_admin_cannot_upload(client, request, role, filled, agency_user):
    client.force_login(request.getfixturevalue(role))
    assert upload(client, workbook_bytes(agency_user.agency)).status_code == 403
    assert client.post(reverse("templates_app:exchange-apply")).status_code == 403


@pytest.mark.parametrize("name", GET_PAGES)
def test_agency_staff_exchange_but_do_not_export_for_gd_catalog(client, agency_user, name):
    client.force_login(agency_user)
    assert client.get(reverse(name)).status_code == (403 if name in OFFICE_ONLY else 200)


def test_the_gd_catalog_download_is_a_workbook(client, office_user, filled):
    client.force_login(office_user)
    page = client.get(reverse("templates_app:gdcatalog-export"))
    assert "ส่งออกสำหรับ GD Catalog" in page.content.decode()
    response = client.get(reverse("templates_app:gdcatalog-download"), {"approved_only": "on"})
    assert response["Content-Disposition"].startswith("attachment")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert workbook.sheetnames[0] == "Temp2_Meta_Record"


def test_agency_staff_download_only_their_own_agencys_workbook(client, filled, agency_user, other_agency_user,
                                                               make_item):
    other = make_item(DataType.RECORD, agency=other_agency_user.agency)
    client.force_login(agency_user)
    response = client.get(reverse("templates_app:exchange-download"), {"agency": other_agency_user.agency.code})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    slugs = {row[0] for row in workbook["Temp2_Meta_Record"].iter_rows(min_row=6, values_only=True)}
    assert filled[DataType.RECORD].dataset_name in slugs and not any(other.code.lower() in s for s in slugs)
    assert [row[3] for row in workbook["Temp2_Meta_Record"].iter_rows(min_row=6, values_only=True)][0] == \
        agency_user.agency.name_th
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(agency_user.agency)))["Temp2_Meta_Stat"]
    validations = sheet.data_validations.dataValidation
    assert any(v.type == "list" and "J6" in str(v.sqref) for v in validations)    # dropdown on a choice column
    assert sum(1 for v in validations if v.prompt and str(v.sqref).endswith("4")) == 29  # a hint per header


def test_upload_preview_then_apply(client, filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    client.force_login(agency_user)
    preview = upload(client, data)
    html = preview.content.decode()
    assert preview.status_code == 200 and 'data-status="changed"' in html and "ใหม่" in html
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    digest = re.search(r'name="digest" value="([^"]+)"', html).group(1)
    response = client.post(reverse("templates_app:exchange-apply"), {"token": token, "digest": digest})
    assert response.status_code == 302
    assert MetadataRecord.objects.get(pk=record.pk).values["title"] == "ใหม่"
    again = client.post(reverse("templates_app:exchange-apply"), {"token": token, "digest": digest})
    assert again.status_code == 302  # the kept file is gone: upload again
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version + 1


def test_another_users_token_is_refused(client, filled, agency_user, other_agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    client.force_login(agency_user)
    html = upload(client, data).content.decode()
    fields = dict(re.findall(r'name="(token|digest)" value="([^"]+)"', html))
    client.force_login(other_agency_user)
    assert client.post(reverse("templates_app:exchange-apply"), fields).status_code == 302
    assert MetadataRecord.objects.get(pk=record.pk).version == record.version


def test_errors_are_listed_and_cell_text_is_escaped(client, filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"H{row}"): "<script>alert(1)</script>",
                       ("Temp2_Meta_Record", "A30"): "<img src=x onerror=alert(1)>", ("Temp2_Meta_Record", "C30"): "x"})
    client.force_login(agency_user)
    html = upload(client, data).content.decode()
    assert 'id="import-errors"' in html and 'name="token"' not in html
    assert f'data-row="{row}" data-column="H"' in html and 'data-row="30" data-column="A"' in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.parametrize("data", [b"%PDF-1.4 not a workbook", b"a,b\n1,2\n"])
def test_a_bad_file_shows_a_clear_error_and_the_page_works(client, filled, agency_user, data):
    client.force_login(agency_user)
    response = upload(client, data, name="filled.xlsx")
    assert response.status_code == 200 and 'data-code="not_xlsx"' in response.content.decode()


def test_a_file_over_10_mb_is_refused_by_the_form(client, agency_user):
    client.force_login(agency_user)
    response = upload(client, b"PK\x03\x04" + b"\x00" * (10 * 1024 * 1024 + 10))
    assert response.status_code == 400


def test_english_ui_shows_english_errors(client, filled, agency_user):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    data = edit(data, {("Temp2_Meta_Record", f"F{row}"): "not-an-email"})
    client.force_login(agency_user)
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    html = upload(client, data).content.decode()
    assert "Preview of the changes" in html and "Enter a valid e-mail address." in html
    client.get(reverse("set_language"), {"language": "th", "next": "/"})
    html = upload(client, data).content.decode()
    assert "ตัวอย่างการเปลี่ยนแปลง" in html and "Enter a valid e-mail address." not in html


def _bomb() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (120 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize("make, code", [
    (lambda agency: workbook_bytes(agency)[:3000], "corrupted"),
    (lambda agency: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048, "encrypted"),
    (lambda agency: _bomb(), "bomb"),
    (lambda agency: edit(workbook_bytes(agency), {("Temp2_Meta_Record", "C6"): "=1+1"}), "formula_without_value"),
], ids=["truncated", "password-protected", "decompression-bomb", "formula"])
def test_every_bad_file_gets_a_page_with_its_error(client, filled, agency_user, make, code):
    client.force_login(agency_user)
    response = upload(client, make(agency_user.agency))
    assert response.status_code == 200 and f'data-code="{code}"' in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    assert client.get(reverse("templates_app:exchange")).status_code == 200
