"""Every progress page for every role: anonymous, agency staff (own and another agency), statistics
office, admin; plus the pages' own behaviour (filters, forms, the follow-up workbook)."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from catalog.models import DevelopmentIssue, Meeting, Resolution
from progress.models import GdcRegistration
from templates_app.models import MetadataRecord

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
OWN, OTHER = "PTN-AGRI", "PTN-CDD"

#: url → expected status for anonymous, own agency staff (ptn-agri), statistics office, admin
PAGES = [
    ("/progress/", 200, 200, 200, 200),
    ("/progress/issues/1/", LOGIN, 200, 200, 200),
    (f"/progress/items/?issue=1&agency={OWN}&missing=template2", LOGIN, 200, 200, 200),
    (f"/progress/items/?issue=1&agency={OTHER}&missing=template2", LOGIN, 404, 200, 200),
    ("/progress/items/?issue=1&done=gdc", LOGIN, 200, 200, 200),
    (f"/progress/follow-up/{OWN}/", LOGIN, 200, 200, 200),
    (f"/progress/follow-up/{OTHER}/", LOGIN, 404, 200, 200),
    (f"/progress/follow-up/{OWN}/follow-up.xlsx", LOGIN, 200, 200, 200),
    (f"/progress/follow-up/{OTHER}/follow-up.xlsx", LOGIN, 404, 200, 200),
    ("/progress/resolutions/", LOGIN, 403, 200, 200),
    ("/progress/resolutions/new/", LOGIN, 403, 200, 200),
    ("/progress/gdc/", LOGIN, 403, 200, 200),
    ("/progress/gdc/import/", LOGIN, 403, 200, 200),
]
ROLES = (None, "ptn-agri", "nso-pattani", "admin")


@pytest.mark.parametrize(("url", "anonymous", "staff", "office", "admin"), PAGES)
def test_roles(client, demo, url, anonymous, staff, office, admin):
    for username, expected in zip(ROLES, (anonymous, staff, office, admin), strict=True):
        client.logout()
        if username:
            client.force_login(demo[username])
        response = client.get(url)
        if expected == LOGIN:
            assert response.status_code == 302 and response["Location"].startswith(LOGIN), (username, url)
        else:
            assert response.status_code == expected, (username, url)


def test_gdc_save_is_for_the_office_only(client, demo):
    record = MetadataRecord.objects.filter(is_public_category=True, gdc_registration__isnull=True).first()
    data = {"state": "COMPLETED", "url": "https://gdcatalog.go.th/dataset/x", "registered_on": "01/07/2566"}
    assert client.post(f"/progress/gdc/{record.pk}/", data)["Location"].startswith(LOGIN)
    client.force_login(demo["ptn-agri"])
    assert client.post(f"/progress/gdc/{record.pk}/", data).status_code == 403
    assert not GdcRegistration.objects.filter(record=record).exists()
    client.force_login(demo["nso-pattani"])
    response = client.post(f"/progress/gdc/{record.pk}/", data)
    assert response.status_code == 302 and response["Location"].endswith(f"#gdc-{record.pk}")
    registration = GdcRegistration.objects.get(record=record)
    assert registration.is_registered and str(registration.registered_on) == "2023-07-01"


def test_gdc_save_reports_an_incomplete_registration(client, demo):
    record = MetadataRecord.objects.filter(gdc_registration__isnull=True).first()
    client.force_login(demo["nso-pattani"])
    response = client.post(f"/progress/gdc/{record.pk}/", {"state": "COMPLETED", "url": "", "registered_on": ""},
                           follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not GdcRegistration.objects.filter(record=record).exists()


def test_anonymous_overview_shows_aggregates_only(client, demo):
    page = client.get("/progress/").content.decode()
    assert page.count('data-tier="50"') == 3  # the province and both issues
    assert OWN not in page and "/progress/items/" not in page and "/progress/issues/" not in page


def test_agency_staff_see_only_their_own_row(client, demo):
    client.force_login(demo["ptn-agri"])
    page = client.get("/progress/issues/1/").content.decode()
    assert f'data-row="{OWN}"' in page and 'data-row="PTN-COMM"' not in page
    assert 'id="matrix-dimension"' not in page and 'data-row="total"' not in page
    client.force_login(demo["nso-pattani"])
    page = client.get("/progress/issues/1/").content.decode()
    assert f'data-row="{OWN}"' in page and 'data-row="PTN-COMM"' in page and 'id="matrix-dimension"' in page
    assert 'data-row="total"' in page


def test_items_page_lists_exactly_the_missing_items(client, demo):
    client.force_login(demo["nso-pattani"])
    response = client.get(f"/progress/items/?issue=1&agency={OWN}&missing=template2")
    codes = {item.code for item in response.context["rows"]}
    expected = {r["code"] for r in DevelopmentIssue.objects.get(number=1).items.filter(
        agency__code=OWN, status="current").exclude(metadata__is_complete=True).values("code")}
    assert codes == expected and codes


def test_followup_list_and_workbook(client, demo):
    client.force_login(demo["ptn-agri"])
    response = client.get(f"/progress/follow-up/{OWN}/")
    rows = response.context["rows"]
    assert rows and all(row.item.agency.code == OWN for row in rows)
    kinds = {problem.kind for row in rows for problem in row.problems}
    assert {"template2", "gdc"} <= kinds
    fields = [f for row in rows for p in row.problems if p.kind == "template2" for f in p.fields]
    assert fields and all(f.split(" ")[0][0].isdigit() for f in fields)
    download = client.get(f"/progress/follow-up/{OWN}/follow-up.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    sheet = workbook.active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert OWN in cells and any(f in " ".join(cells) for f in fields)


def test_record_a_resolution_with_minutes(client, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(demo["nso-pattani"])
    issue = DevelopmentIssue.objects.get(number=3)
    response = client.post("/progress/resolutions/new/", {
        "body": Meeting.Body.PROVINCIAL_COMMITTEE, "number": "2/2566", "date": "20/09/2566", "place": "ศาลากลาง",
        "title": "", "issue": issue.pk, "subject": Resolution.Subject.VISUALIZATION_SUMMARY,
        "decision": Resolution.Decision.APPROVED, "notes": "",
        "minutes": SimpleUploadedFile("m.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")})
    assert response.status_code == 302
    resolution = Resolution.objects.get(issue=issue, subject=Resolution.Subject.VISUALIZATION_SUMMARY)
    assert str(resolution.meeting.date) == "2023-09-20" and resolution.minutes
    assert resolution.recorded_by == demo["nso-pattani"]
    listing = client.get("/progress/resolutions/").content.decode()
    assert resolution.get_minutes_url() in listing
    client.logout()
    assert client.get(resolution.get_minutes_url())["Location"].startswith(LOGIN)
    assert resolution.get_minutes_url() not in client.get("/progress/").content.decode()


def test_unmet_resolution_criterion_links_to_a_prefilled_form(client, demo):
    client.force_login(demo["nso-pattani"])
    page = client.get("/progress/").content.decode()
    issue = DevelopmentIssue.objects.get(number=1)
    url = f"/progress/resolutions/new/?issue={issue.pk}&amp;subject=visualization_summary"
    assert url in page
    form = client.get(url.replace("&amp;", "&")).context["form"]
    assert form.initial == {"issue": str(issue.pk), "subject": "visualization_summary"}


def test_resolution_form_refuses_a_ce_looking_date_and_a_non_pdf(client, demo):
    client.force_login(demo["nso-pattani"])
    response = client.post("/progress/resolutions/new/", {
        "body": "provincial_committee", "date": "20/09/2023", "issue": DevelopmentIssue.objects.first().pk,
        "subject": "requirements_document", "decision": "approved",
        "minutes": SimpleUploadedFile("m.pdf", b"not a pdf")})
    assert response.status_code == 200 and "date" in response.context["form"].errors


def test_csv_import_page_lists_errors(client, demo):
    client.force_login(demo["nso-pattani"])
    upload = SimpleUploadedFile("r.csv", b"slug,url,date\nnope,https://x.go.th/,31/03/2566\n", content_type="text/csv")
    response = client.post("/progress/gdc/import/", {"file": upload})
    assert response.status_code == 200 and len(response.context["errors"]) == 1
    assert "nope" in response.content.decode()


def test_overview_draws_the_snapshots_over_time(client, demo):
    import datetime as dt

    from progress.services import snapshot_take

    snapshot_take(day=dt.date(2023, 9, 1))
    response = client.get("/progress/")
    keys = [chart["key"] for chart in response.context["history"]]
    assert keys == ["history-1", "history-3"]
    assert 'id="chart-json-history-1"' in response.content.decode()


@pytest.mark.parametrize("url", ["/admin/progress/gdcregistration/", "/admin/progress/progresssnapshot/"])
def test_admin_pages_are_for_admins_and_read_only(client, demo, url):
    for username in (None, "ptn-agri", "nso-pattani"):
        client.logout()
        if username:
            client.force_login(demo[username])
        assert client.get(url).status_code == 302, username
    client.force_login(demo["admin"])
    page = client.get(url)
    assert page.status_code == 200 and not page.context["has_add_permission"]


def test_gdc_page_filters_by_issue(client, demo):
    client.force_login(demo["nso-pattani"])
    records = client.get("/progress/gdc/?issue=3").context["records"]
    assert records and {record.item.issue.number for record in records} == {3}
    assert len(client.get("/progress/gdc/").context["records"]) > len(records)


def test_the_agency_chart_names_agencies_by_thai_short_names(client, demo, django_assert_max_num_queries):
    import json

    client.force_login(demo["nso-pattani"])
    with django_assert_max_num_queries(20):
        response = client.get("/progress/issues/1/")
    labels = json.loads(response.context["agency_chart"]["json"])["data"][0]["y"]
    assert "สนง.เกษตรจังหวัด" in labels and "สนง.เกษตร อ.โคกโพธิ์" in labels
    assert not [label for label in labels if label.startswith("PTN-")]
