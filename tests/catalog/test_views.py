"""Public pages and the JSON API over the Pattani demo."""
import pytest
from django.urls import reverse

from catalog.models import DevelopmentIssue


def test_home_shows_the_portal_and_both_issues_in_thai(client, pattani):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ระบบบัญชีข้อมูลจังหวัดปัตตานี" in html
    assert "ทุเรียนทรายขาว" in html and "การลดความยากจนและความเหลื่อมล้ำ" in html
    assert "2566" in html


def test_issue_page_lists_current_items_and_the_summary(client, pattani):
    response = client.get("/issues/1/")
    assert response.status_code == 200
    assert len(response.context["items"]) == 42
    summary = response.context["summary"]
    assert summary["totals"] == [43, 42, 42]
    regional = next(level for level in summary["levels"] if level["level"] == "regional")
    assert regional["counts"] == [39, 38, 38]
    industry = next(a for a in regional["agencies"] if a["code"] == "PTN-IND")
    assert industry["counts"] == [1, 0, 0]


@pytest.mark.parametrize("query, expected", [
    ({"q": "ทุเรียน"}, lambda items: all("ทุเรียน" in (i.name_th + i.agency.name_th) for i in items) and items),
    ({"agency": "PTN-AGRI-KKP"}, lambda items: len(items) == 16),
    ({"level": "central"}, lambda items: len(items) == 4),
    ({"status": ""}, lambda items: len(items) == 43),
    ({"status": "removed"}, lambda items: [i.code for i in items] == ["I1-043"]),
])
def test_issue_page_filters(client, pattani, query, expected):
    if "agency" in query:
        from catalog.models import Agency
        query = {"agency": Agency.objects.get(code=query["agency"]).pk}
    response = client.get("/issues/1/", query)
    assert expected(list(response.context["items"]))


def test_unknown_issue_is_404(client, pattani):
    assert client.get("/issues/99/").status_code == 404


def test_item_page_shows_the_revision_trail(client, pattani):
    item = DevelopmentIssue.objects.get(number=1).items.get(code="I1-039")
    html = client.get(item.get_absolute_url()).content.decode()
    assert "สมาชิกที่ผลิตทุเรียนทรายขาวร่วมเป็นสมาชิกกลุ่มออมทรัพย์เพื่อการผลิต" in html
    assert "กลุ่มออมทรัพย์เพื่อการเกษตร" in html  # the old name in the trail
    assert "ที่ประชุมเมื่อ 7 ก.พ. 2566" in html


def test_api_issues_counts_after_all_edits(client, pattani):
    data = client.get("/api/v1/issues/").json()["results"]
    by_number = {row["number"]: row for row in data}
    assert by_number[1]["fiscal_year"] == 2566
    assert by_number[1]["counts"]["total"] == 42
    assert by_number[1]["counts"]["central"] == 4 and by_number[1]["counts"]["regional"] == 38
    assert "PTN-IND" not in by_number[1]["counts"]["by_agency"]
    assert by_number[3]["counts"]["by_dimension"]["income"] == 16
    assert by_number[3]["title"] == "การลดความยากจนและความเหลื่อมล้ำ"


def test_api_items(client, pattani):
    data = client.get("/api/v1/issues/3/items/").json()["results"]
    assert len(data) == 67
    added = next(row for row in data if row["code"] == "I3-067")
    assert added == {"code": "I3-067", "name_th": "คนพิการที่มีบัตรประจำตัวคนพิการ",
                     "name_en": "Persons with disabilities holding a disability ID card", "agency": "PTN-SDHS",
                     "level": "regional", "dimension": "public_services_access", "data_type": "ข้อมูลสถิติ",
                     "data_type_key": "stat", "unit": "คน", "status": "current"}
    assert next(row for row in data if row["code"] == "I3-021")["dimension"] == "income"


def test_healthz(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_english_can_be_chosen(client, pattani):
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Development issues" in html and "Pattani" in html


@pytest.mark.parametrize("next_url, lands_on", [
    ("/issues/1/?level=central", "/issues/1/?level=central"), ("https://evil.example/", "/"),
    ("//evil.example/", "/"), ("/\\evil.example/", "/"),
    # a bare word or a view name is not a path: it used to be reversed as a view name (NoReverseMatch, 500)
    ("abc", "/"), ("catalog:home", "/"), ("", "/"), ("/x\x01", "/"), ("javascript:alert(1)", "/"),
])
def test_the_language_switch_is_a_link_back_to_this_site_only(client, db, next_url, lands_on):
    response = client.get(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302 and response["Location"] == lands_on
    assert response.cookies["django_language"].value == "en"
    assert "django_language" not in client.get(reverse("set_language"), {"language": "xx"}).cookies


def test_load_demo_twice_gives_the_same_state(db):
    from io import StringIO

    from django.core.management import call_command

    from catalog.models import Item, ItemRevision
    from accounts.models import User

    call_command("load_demo", stdout=StringIO())
    state = (Item.objects.count(), ItemRevision.objects.count(), User.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Item.objects.count(), ItemRevision.objects.count(), User.objects.count()) == state == (110, 115, 30)
    assert User.objects.get(username="ptn-agri").agency.code == "PTN-AGRI"
    assert User.objects.get(username="nso-pattani").check_password("pattani-demo-2566")


def test_thai_even_when_the_browser_asks_for_english(client, pattani):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "ประเด็นการพัฒนา" in html and 'lang="th"' in html


def test_issue_page_filters_say_all_in_thai(client, pattani, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        page = client.get("/issues/1/").content.decode()
    assert "---------" not in page
    assert page.count('<option value="" selected>ทั้งหมด</option>') >= 3
