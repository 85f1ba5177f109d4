"""The public catalog in a real browser: search in Thai from the home page, narrow by a facet, open a
data set, follow its resource link to the agency's site."""
from http.server import BaseHTTPRequestHandler

import pytest

from catalog.models import AgencyDomain
from templates_app.services import resource_create
from tests.opendata.conftest import Catalog
from tests.templates_app.factories import resource_values
from tests.http_servers import serving

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGE = "<!doctype html><title>แหล่งข้อมูล</title><h1 id=source>ตารางพื้นที่ปลูก</h1>".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture
def agency_site():
    with serving(_Handler) as url:
        yield url


def test_search_narrow_open_and_follow_a_resource(page, agency_user, office_user, agency_site):
    AgencyDomain.objects.create(agency=agency_user.agency, domain="127.0.0.1")
    catalog = Catalog(agency_user, office_user)
    durian = catalog.approved(title="พื้นที่ปลูกทุเรียน รายอำเภอ", tag_string="ทุเรียน, ผลไม้", resources=0)
    catalog.approved(title="พื้นที่ปลูกยางพารา รายอำเภอ", tag_string="ยางพารา", resources=0)
    url = f"{agency_site}/opendata/durian.html"
    resource_create(record=durian, by=agency_user, values=resource_values(resource_url=url, format="HTML"))

    page.goto("/")
    page.fill("#home-dataset-q", "พื้นที่ปลูกรายอำเภอ")  # typed without spaces
    page.click(".home-dataset-search button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".dataset-result").count() == 2
    page.locator("[data-facet=tags] a", has_text="ทุเรียน").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".dataset-result").count() == 1
    assert "1" in page.locator("#result-count").inner_text()
    page.locator(".dataset-result a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "พื้นที่ปลูกทุเรียน รายอำเภอ"
    page.locator("a.resource-link").click()
    page.wait_for_load_state("networkidle")
    assert page.url == url and page.locator("#source").inner_text() == "ตารางพื้นที่ปลูก"
    assert page.console_errors == []
