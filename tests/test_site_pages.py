"""The site's own pages and menu (templates/): the office's grouped menu, the 403 page by role, the help page."""
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu_links(page: str) -> set[str]:
    nav = page[page.index('<nav class="navbar'):page.index("</nav>", page.index('<nav class="navbar'))]
    return set(re.findall(r'href="([^"#?]+)', nav))


def test_the_office_reaches_its_pages_from_the_menu(client, pattani_users, django_assert_max_num_queries):
    client.force_login(pattani_users["nso-pattani"])
    with django_assert_max_num_queries(12):
        page = client.get("/").content.decode()
    links = menu_links(page)
    assert {"/review/", "/links/", "/agencies/contacts/", "/progress/resolutions/", "/progress/gdc/",
            "/exchange/gdcatalog/", "/progress/issues/1/", "/progress/issues/3/", "/progress/", "/help/"} <= links
    start = page.index('id="office-menu"')
    office_menu = page[start:page.index("</ul>", start)]
    assert office_menu.count('class="dropdown-header"') == 3  # grouped
    assert "แดชบอร์ดความครบถ้วน" in office_menu and "ลิงก์ที่ต้องติดตาม" in office_menu


def test_agency_staff_menu_and_help_link(client, pattani_users):
    client.force_login(pattani_users["ptn-agri"])
    page = client.get("/my-work/").content.decode()
    links = menu_links(page)
    assert {"/my-work/", "/exchange/", "/viz/data/", "/progress/", "/help/"} <= links
    assert "/review/" not in links and "/progress/gdc/" not in links
    assert 'href="/help/" id="help-link"' in page  # on งานของหน่วยงาน itself


@pytest.mark.parametrize("username, says, never", [
    ("nso-pattani", "ผู้ดูแลระบบ", "สำนักงานสถิติจังหวัด"),  # the office is never told to contact itself
    ("ptn-agri", "หน้านี้สำหรับสำนักงานสถิติจังหวัด", None),
])
def test_the_403_page_speaks_to_the_role(client, pattani_users, username, says, never):
    client.force_login(pattani_users[username])
    url = "/my-work/" if username == "nso-pattani" else "/review/"
    response = client.get(url)
    assert response.status_code == 403
    message = response.content.decode().split('<div class="alert alert-warning">', 1)[1].split("</div>", 1)[0]
    assert says in message
    assert never is None or never not in message


def test_the_help_page_walks_through_both_routes_in_thai(client, pattani_users, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        page = client.get(reverse("help")).content.decode()
    assert "<title>วิธีใช้งาน" in page
    for step in ("งานของหน่วยงาน", "บันทึกร่าง", "ส่งให้สำนักงานสถิติตรวจ", "ส่งกลับให้แก้ไข", "Template 3",
                 "ดาวน์โหลดไฟล์ของหน่วยงาน", "อัปโหลด", "อย่าแก้คอลัมน์ A"):
        assert step in page, step
    assert 'href="/my-work/"' in page and 'href="/exchange/"' in page
    client.get("/language/?language=en&next=/help/")
    english = client.get("/help/").content.decode()
    assert "From start to approval".lower() in english.lower() and "Through the Excel workbook" in english


def test_english_menu_and_language_button_stay_on_one_line(client, pattani_users):
    client.force_login(pattani_users["nso-pattani"])
    client.get("/language/?language=en&next=/")
    page = client.get("/").content.decode()
    assert re.search(r'class="btn btn-sm btn-outline-light text-nowrap" lang="th"', page)
    assert 'class="container-xxl"' in page  # the bar uses the whole 1366 px; browser test measures it
