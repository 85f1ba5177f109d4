"""The public search and data set pages, their downloads, sitemap.xml and robots.txt."""
import csv
import io
import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_search_in_thai_without_spaces_with_facets_and_counts(catalog, client):
    catalog.approved(title="จำนวนประชากร จังหวัดปัตตานี", tag_string="ประชากร, สถิติ")
    catalog.approved(title="พื้นที่ปลูกยางพารา", tag_string="เกษตร")
    catalog.approved(title="รายได้ครัวเรือน", notes="สำรวจประชากรทุกอำเภอ", tag_string="รายได้")
    response = client.get(reverse("opendata:dataset-list"), {"q": "ประชากรปัตตานี"})
    titles = [d.package["title"] for d in response.context["browse"].results]
    assert titles == ["จำนวนประชากร จังหวัดปัตตานี"]
    response = client.get(reverse("opendata:dataset-list"), {"q": "ประชากร"})
    titles = [d.package["title"] for d in response.context["browse"].results]
    assert titles == ["จำนวนประชากร จังหวัดปัตตานี", "รายได้ครัวเรือน"]  # the title match ranks first
    facets = {facet["name"]: {v["value"]: v["count"] for v in facet["values"]} for facet in response.context["browse"].facets}
    assert facets["tags"] == {"ประชากร": 1, "สถิติ": 1, "รายได้": 1} and facets["res_format"] == {"CSV": 2}
    narrowed = client.get(reverse("opendata:dataset-list"), {"q": "ประชากร", "tags": "รายได้"})
    assert [d.package["title"] for d in narrowed.context["browse"].results] == ["รายได้ครัวเรือน"]
    by_name = client.get(reverse("opendata:dataset-list"), {"sort": "title_string asc"})
    assert len(by_name.context["browse"].results) == 3


def test_search_pages_cost_the_same_at_any_size(catalog, client, django_assert_max_num_queries):
    for n in range(3):
        catalog.approved(title=f"ชุดข้อมูลทดสอบ {n}")
    client.get(reverse("opendata:dataset-list"))  # the read model is built once
    client.get(reverse("opendata:dataset-list"))
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("opendata:dataset-list"), {"q": "ชุดข้อมูล", "page": 1})
    queries = len(small.captured_queries)
    for n in range(25):
        catalog.approved(title=f"ชุดข้อมูลเพิ่ม {n}", resources=0)
    client.get(reverse("opendata:dataset-list"))
    client.get(reverse("opendata:dataset-list"))
    with django_assert_max_num_queries(queries):
        response = client.get(reverse("opendata:dataset-list"), {"q": "ชุดข้อมูล", "page": 2})
    assert response.context["browse"].count == 28 and len(response.context["browse"].results) == 8


def test_dataset_page_shows_the_approved_metadata_in_dga_order(catalog, client, django_assert_max_num_queries):
    record = catalog.approved(title="ชื่อที่อนุมัติ", maintainer="ฝ่ายสถิติ")
    catalog.draft_over(record, title="ชื่อร่าง")
    url = reverse("opendata:dataset-detail", args=[record.approved_dataset_name])
    client.get(url)
    client.get(url)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    html = response.content.decode()
    assert "ชื่อที่อนุมัติ" in html and "ชื่อร่าง" not in html
    labels = [row.label_th for row in response.context["rows"]]
    assert labels[:4] == ["ประเภทชุดข้อมูล", "ชื่อชุดข้อมูล", "องค์กร", "ชื่อผู้ติดต่อ"]
    assert "ฝ่ายสถิติ" in html and record.item.code in html and "pattani.doae.go.th/opendata" in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Dataset" and data["name"] == "ชื่อที่อนุมัติ" and data["distribution"][0]["contentUrl"]
    assert "script-src 'self'" in response["Content-Security-Policy"]  # a JSON-LD data block is not a script run


def test_json_ld_cannot_close_its_script_block():
    from opendata.presentation import json_ld

    text = json_ld({"notes": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"notes": "</script><script>alert(1)</script> & more"}


def test_downloads_json_and_csv(catalog, client):
    record = catalog.approved(title="=สูตรอันตราย")
    name = record.approved_dataset_name
    package = client.get(reverse("opendata:dataset-json", args=[name])).json()
    api = client.get("/api/3/action/package_show", {"id": name}).json()["result"]
    assert package == api
    text = client.get(reverse("opendata:dataset-csv", args=[name])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["item", "field", "label_th", "label_en", "value"]
    assert ["2", "title", "ชื่อชุดข้อมูล", "Dataset name", "'=สูตรอันตราย"] in rows
    assert any(row[0].startswith("R1.") for row in rows)


def test_unpublished_data_sets_have_no_page(catalog, client):
    record = catalog.submitted()
    assert client.get(reverse("opendata:dataset-detail", args=[record.dataset_name])).status_code == 404
    assert client.get(reverse("opendata:dataset-json", args=[record.dataset_name])).status_code == 404


def test_sitemap_and_robots(catalog, client):
    record = catalog.approved()
    catalog.submitted()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("<url>") == 2 and f"/datasets/{record.approved_dataset_name}/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_whole_catalog_facets_are_counted_once_per_published_change(catalog, client, django_assert_num_queries):
    catalog.approved(tag_string="แรก")
    first = client.get(reverse("opendata:dataset-list"))
    client.get(reverse("opendata:dataset-list"))
    with django_assert_num_queries(8):  # refresh 2, newest change, count, page, facet labels 2, province: no facet query
        client.get(reverse("opendata:dataset-list"))
    catalog.approved(tag_string="สอง")
    second = client.get(reverse("opendata:dataset-list"))

    def tags(response):
        return {v["value"]: v["count"] for f in response.context["browse"].facets if f["name"] == "tags" for v in f["values"]}
    assert tags(first)["แรก"] == 1 and "สอง" not in tags(first)
    assert tags(second)["สอง"] == 1 and tags(second)["แรก"] == 1
