"""Pages: who may open what, what they show, and that dashboards cost a fixed number of queries."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Item
from visualizations.models import IssueFindings, TableVersion
from visualizations.services import findings_update, table_version_upload

from .conftest import csv_bytes, district_rows

OWNER, OTHER = "ptn-agri", "doa"  # I1-005 belongs to PTN-AGRI


def client_for(client, users, who):
    if who is not None:
        client.force_login(users[who])
    return client


ROLES = [None, OWNER, OTHER, "nso-pattani", "admin"]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name", ["issue-dashboard", "issue-summary"])
@pytest.mark.parametrize("number", [1, 3])
def test_dashboards_and_summary_are_public(client, pattani_users, who, name, number):
    response = client_for(client, pattani_users, who).get(reverse(f"visualizations:{name}", args=[number]))
    assert response.status_code == 200
    assert 'vendor/plotly/plotly-cartesian.min.js' in response.content.decode()
    assert not re.search(r'<script[^>]+src="(https?:)?//', response.content.decode())  # never a CDN


def test_unknown_issue_is_404(client, pattani):
    assert client.get(reverse("visualizations:issue-dashboard", args=[99])).status_code == 404


def test_dashboard_without_data_says_what_is_missing_and_whom_to_ask(client, pattani):
    html = client.get(reverse("visualizations:issue-dashboard", args=[1])).content.decode()
    assert "viz-missing" in html and "I1-005" in html and "สำนักงานเกษตรจังหวัดปัตตานี" in html
    assert html.count('class="viz-plot"') == 11


@pytest.mark.parametrize("who, expected", [(None, 302), (OWNER, 403), (OTHER, 403), ("nso-pattani", 200),
                                           ("admin", 200)])
def test_findings_edit_roles(client, pattani_users, who, expected):
    url = reverse("visualizations:findings-edit", args=[1])
    assert client_for(client, pattani_users, who).get(url).status_code == expected


def test_office_writes_findings_shown_escaped(client, pattani_users):
    client.force_login(pattani_users["nso-pattani"])
    url = reverse("visualizations:findings-edit", args=[3])
    response = client.post(url, {"text": "- **ความยากจน** ลดลง\n- <script>alert(1)</script>"})
    assert response.status_code == 302
    assert IssueFindings.objects.get().updated_by == pattani_users["nso-pattani"]
    html = client.get(reverse("visualizations:issue-summary", args=[3])).content.decode()
    assert "<li><strong>ความยากจน</strong> ลดลง</li>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("who, expected", [(None, 302), (OWNER, 200), (OTHER, 200), ("nso-pattani", 200),
                                           ("admin", 200)])
def test_upload_index_roles(client, pattani_users, who, expected):
    response = client_for(client, pattani_users, who).get(reverse("visualizations:upload-index"))
    assert response.status_code == expected


def test_upload_index_lists_only_own_agency_items(client, pattani_users):
    client.force_login(pattani_users[OWNER])
    html = client.get(reverse("visualizations:upload-index")).content.decode()
    assert "I1-005" in html and "I1-001" not in html


def test_upload_index_is_paged_with_constant_queries(client, pattani_users):
    from catalog.models import DataType
    from tests.factories import ItemFactory

    client.force_login(pattani_users["nso-pattani"])
    url = reverse("visualizations:upload-index")
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    owner = Item.objects.get(code="I1-005")
    for _ in range(101):
        ItemFactory(dimension=owner.dimension, agency=owner.agency, data_type=DataType.STATISTICAL)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).context["page"]
    assert len(page.object_list) == 100 and page.paginator.count > 101
    assert len(large) == len(small)


@pytest.mark.parametrize("who, expected", [(None, 302), (OWNER, 200), (OTHER, 404), ("nso-pattani", 200),
                                           ("admin", 200)])
def test_item_upload_roles(client, pattani_users, who, expected):
    item = Item.objects.get(issue__number=1, code="I1-005")
    url = reverse("visualizations:item-upload", args=[item.pk])
    assert client_for(client, pattani_users, who).get(url).status_code == expected


def test_other_agency_cannot_post_an_upload(client, pattani_users):
    item = Item.objects.get(issue__number=1, code="I1-005")
    client.force_login(pattani_users[OTHER])
    upload = _upload(csv_bytes([["2566", "9401", "1"]]))
    response = client.post(reverse("visualizations:item-upload", args=[item.pk]), {"file": upload})
    assert response.status_code == 404 and not TableVersion.objects.exists()


def _upload(content: bytes, name="table.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_owner_uploads_and_sees_errors_then_version(client, pattani_users):
    item = Item.objects.get(issue__number=1, code="I1-005")
    url = reverse("visualizations:item-upload", args=[item.pk])
    client.force_login(pattani_users[OWNER])
    response = client.post(url, {"file": _upload(csv_bytes([["2566", "9499", "<b>x</b>"]]))})
    assert response.status_code == 400
    html = response.content.decode()
    assert "9499" in html and "&lt;b&gt;x&lt;/b&gt;" in html and not TableVersion.objects.exists()
    response = client.post(url, {"file": _upload(csv_bytes([["2566", "9401", "1,000"]])), "note": "รอบแรก"})
    assert response.status_code == 302
    version = TableVersion.objects.get()
    assert (version.uploaded_by, version.note, version.row_count) == (pattani_users[OWNER], "รอบแรก", 1)


@pytest.mark.parametrize("name", ["issue-dashboard", "issue-summary"])
def test_pages_make_the_same_number_of_queries_whatever_the_rows(client, pattani, name):
    items = Item.objects.filter(issue__number=1, code__in=["I1-005", "I1-006"]).order_by("code")
    url = reverse(f"visualizations:{name}", args=[1])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for item in items:
        table_version_upload(item=item, content=csv_bytes(district_rows(10)), filename="a.csv")
    small = count()
    for item in items:
        table_version_upload(item=item, content=csv_bytes(district_rows(1000)), filename="b.csv")
    findings_update(issue=items[0].issue, text="ข้อค้นพบ")
    assert count() == small


def test_uploaded_text_is_escaped_inside_the_chart_json(client, pattani):
    item = Item.objects.get(issue__number=1, code="I1-009")
    content = csv_bytes([["2566", "9401", "5", "</script><script>alert(1)</script>"]],
                        headers=("period", "area", "value", "กลุ่ม"))
    table_version_upload(item=item, content=content, filename="x.csv")
    Item.objects.filter(pk=item.pk).update(name_th="<img src=x onerror=alert(1)>")
    html = client.get(reverse("visualizations:issue-dashboard", args=[1])).content.decode()
    assert "<img src=x" not in html and "</script><script>alert" not in html


def test_dashboard_in_english(client, pattani):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("visualizations:issue-dashboard", args=[3]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200


@pytest.mark.parametrize("who, expected", [(None, 302), (OWNER, 200), (OTHER, 404), ("nso-pattani", 200),
                                           ("admin", 200)])
def test_sample_csv_roles_and_it_uploads_once_filled(client, pattani_users, who, expected):
    item = Item.objects.get(issue__number=1, code="I1-005")
    response = client_for(client, pattani_users, who).get(reverse("visualizations:item-sample-csv", args=[item.pk]))
    assert response.status_code == expected
    if expected == 200:
        lines = response.content.decode("utf-8-sig").splitlines()
        assert lines[0] == "period,area,value" and len(lines) == 13
        filled = "\n".join(lines[:1] + [line + "1" for line in lines[1:]]).encode()
        assert table_version_upload(item=item, content=filled, filename="s.csv").row_count == 12


def test_pages_open_on_key_figures_and_load_plotly_only_lazily(client, pattani):
    item = Item.objects.get(issue__number=1, code="I1-005")
    table_version_upload(item=item, content=csv_bytes(district_rows(24)), filename="a.csv")
    for name in ("issue-dashboard", "issue-summary"):
        html = client.get(reverse(f"visualizations:{name}", args=[1])).content.decode()
        assert html.index('class="viz-keyfigures') < html.index('class="viz-plot"')
        assert re.search(r'<script src="[^"]+viz-charts\.js" data-plotly-src="[^"]+plotly-cartesian\.min\.js" '
                         r'data-viz-lazy defer>', html)
        assert '<script src="/static/vendor/plotly' not in html


def test_summary_leaves_out_unwritten_findings_in_print(client, pattani_users):
    placeholder = "สำนักงานสถิติจังหวัดยังไม่ได้เขียนข้อค้นพบสำคัญ"
    url = reverse("visualizations:issue-summary", args=[1])
    assert placeholder not in client.get(url).content.decode()
    client.force_login(pattani_users["nso-pattani"])
    html = client.get(url).content.decode()
    assert re.search(r'<p class="text-muted no-print">' + placeholder, html)  # a reminder on screen only
