"""Both dashboards and the printable summary in a real browser, on the synthetic demo tables."""
import io

import pytest

from visualizations.demo import load_demo

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_tables(pattani):
    load_demo(stdout=io.StringIO())


def _collect_console_errors(page) -> list:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def _charts_rendered(page) -> None:
    page.wait_for_load_state("networkidle")
    plots = page.locator(".viz-plot")
    count = plots.count()
    assert count > 0
    page.wait_for_function(
        "n => document.querySelectorAll('.viz-plot .main-svg').length >= n", arg=count)
    for index in range(count):
        assert plots.nth(index).locator("svg.main-svg").count() >= 1


@pytest.mark.parametrize("number", [1, 3])
def test_dashboard_renders_every_chart_without_console_errors(page, demo_tables, number):
    console_errors = _collect_console_errors(page)
    page.goto(f"/viz/issues/{number}/")
    _charts_rendered(page)
    assert "ข้อมูลตัวอย่างเพื่อการสาธิต" in page.content()
    assert page.console_errors == [] and console_errors == []


def test_dashboard_on_a_phone(page, demo_tables):
    page.set_viewport_size({"width": 390, "height": 844})
    console_errors = _collect_console_errors(page)
    page.goto("/viz/issues/3/")
    _charts_rendered(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    assert page.console_errors == [] and console_errors == []


def test_printable_summary_renders(page, demo_tables):
    console_errors = _collect_console_errors(page)
    page.goto("/viz/issues/1/summary/")
    _charts_rendered(page)
    page.emulate_media(media="print")
    assert page.locator(".portal-nav").is_hidden()
    assert page.pdf(format="A4")[:4] == b"%PDF"
    assert page.console_errors == [] and console_errors == []
