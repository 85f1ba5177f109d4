"""The completeness dashboard in a real browser: from an agency's missing count to its items."""
import io

import pytest

from catalog.demo import demo_users
from progress.demo import load_demo as load_progress_demo
from templates_app.demo import load_demo as load_template2_demo

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(pattani):
    demo_users(password="pw-for-tests-2566")
    load_template2_demo(stdout=io.StringIO())
    load_progress_demo(stdout=io.StringIO())


def test_office_clicks_an_agencys_missing_count_and_lands_on_its_items(page, sign_in, demo):
    sign_in("nso-pattani")
    page.goto("/progress/issues/1/")
    page.wait_for_function("document.querySelectorAll('.viz-plot .main-svg').length >= 2")
    link = page.locator('#matrix-agency tr[data-row="PTN-AGRI"] a.missing-link[data-metric="template2"]')
    missing = int(link.get_attribute("data-count"))
    assert str(missing) in link.inner_text()
    assert missing > 0
    link.click()
    page.wait_for_url("**/progress/items/**")
    assert "agency=PTN-AGRI" in page.url and "missing=template2" in page.url
    assert page.locator("#items tbody tr[data-item]").count() == missing
    assert int(page.locator("#item-count").inner_text()) == missing
    assert page.console_errors == []


def test_anonymous_progress_page_on_a_phone(page, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/progress/")
    page.wait_for_function("document.querySelectorAll('.viz-plot .main-svg').length >= 1")
    assert page.locator("#province [data-tier]").inner_text() == "50"
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.locator("a.missing-link").count() == 0
    assert page.console_errors == []
