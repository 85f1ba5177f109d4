"""Template 3 in a real browser: a URL off the agency's domains is refused, fixed, then checked for real."""
from http.server import BaseHTTPRequestHandler

import pytest

from catalog.demo import demo_files, demo_users
from catalog.models import AgencyDomain, Item
from catalog.services import reference_load
from templates_app.models import Resource
from tests.templates_app.factories import public_record, resource_values
from tests.http_servers import serving

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = "อำเภอ,ไร่\nเมืองปัตตานี,120\n".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, with_body):
        self.send_response(200)
        self.send_header("Content-Type", "text/csv; charset=utf-8")
        self.send_header("Content-Length", str(len(CSV)))
        self.end_headers()
        if with_body:
            self.wfile.write(CSV)

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture
def source_server(monkeypatch):
    """A local threaded server answering 200 with a CSV; the live server runs in this process."""
    monkeypatch.setenv("URLCHECK_ALLOW_PRIVATE", "1")
    with serving(_Handler) as url:
        yield url


def fill(page, values):
    for name, value in values.items():
        if isinstance(value, list):
            for choice in value:
                page.check(f"input[name={name}][value='{choice}']")
        elif page.locator(f"select#id_{name}").count():
            page.select_option(f"#id_{name}", value)
        else:
            page.fill(f"#id_{name}", value)


def test_agency_adds_a_source_url_fixes_its_domain_and_checks_it(page, sign_in, source_server):
    reference_load(files=demo_files())
    users = {user.username: user for user in demo_users(password="pw-for-tests-2566")}
    user = users["ptn-agri"]
    AgencyDomain.objects.create(agency=user.agency, domain="127.0.0.1")
    item = Item.objects.filter(agency__code="PTN-AGRI", data_type="ข้อมูลสถิติ").order_by("issue__number", "code")[0]
    public_record(item, user)

    sign_in("ptn-agri")
    page.goto("/my-work/")
    page.locator(f"tr[data-item='{item.code}'] .t3-cell a").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#needs-resources").is_visible()
    page.click("#add-resource")
    page.wait_for_load_state("networkidle")

    fill(page, resource_values(resource_url="https://www.example.com/durian.csv"))
    page.click("button[name=save]")
    page.wait_for_load_state("networkidle")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "www.example.com" in summary.inner_text() and "127.0.0.1" in summary.inner_text()
    assert "โดเมน" in page.locator("[data-field=resource_url] .invalid-feedback").inner_text()
    assert not Resource.objects.exists()

    page.fill("#id_resource_url", f"{source_server}/opendata/durian.csv")
    page.click("button[name=save]")
    page.wait_for_load_state("networkidle")
    row = page.locator("#resources tbody tr").first
    assert row.get_attribute("data-url-status") == "unchecked"
    assert "ยังไม่ได้ตรวจสอบ" in row.inner_text()

    row.locator("button[name=check]").click()
    page.wait_for_load_state("networkidle")
    row = page.locator("#resources tbody tr").first
    assert row.get_attribute("data-url-status") == "ok"
    assert row.locator(".url-badge").inner_text() == "ใช้งานได้"
    assert "HTTP 200" in row.inner_text()
    resource = Resource.objects.get()
    assert (resource.url_status, resource.http_status) == ("ok", 200)
    assert resource.content_type.startswith("text/csv")

    page.goto("/my-work/")
    assert page.locator(f"tr[data-item='{item.code}'] [data-url-status=ok]").is_visible()
    assert page.console_errors == []
