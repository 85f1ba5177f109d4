"""Both dashboards and the printable summary in a real browser, on the synthetic demo tables.

Charts are drawn when they scroll into view, so the tests scroll to each. Screenshots at a laptop's
and a phone's size are kept in test-artifacts/.
"""
import gzip
import io
import re
from pathlib import Path

import pytest
from django.conf import settings

from visualizations.demo import load_demo

pytestmark = pytest.mark.browser

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}
ALL_DRAWN = "() => [...document.querySelectorAll('[data-chart-json]')].every(el => el.hasAttribute('data-drawn'))"
# Page weight, as `make serve` sends it: static files compressed (whitenoise's .gz; Lighthouse saw brotli,
# smaller still), the page itself as is. Lighthouse (mobile) measured 107-114 kB on /viz/issues/<n>/ and
# the summaries, before any chart is drawn; drawing every chart adds plotly.js (cartesian, 496 kB gzip).
# Before: 1.6 MB (the full plotly.js on every load).
FIRST_VIEW_BUDGET = 150_000
ALL_CHARTS_BUDGET = 700_000
PLACEHOLDER = "สำนักงานสถิติจังหวัดยังไม่ได้เขียนข้อค้นพบสำคัญ"


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
    assert plots.count() > 0
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
    page.wait_for_function(ALL_DRAWN)
    for plot in plots.all():
        assert plot.locator("svg.main-svg").count() >= 1


def _screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _weigh(page) -> list:
    """(url, bytes as sent by `make serve`) of every response from here on."""
    sent = []

    def record(response):
        body = response.body() if response.status == 200 else b""
        static = "/static/" in response.url
        sent.append((response.url, len(gzip.compress(body, 9)) if static else len(body)))
    page.on("response", record)
    return sent


@pytest.mark.parametrize("number", [1, 3])
def test_dashboard_renders_every_chart_without_console_errors(page, demo_tables, number):
    console_errors = _collect_console_errors(page)
    page.set_viewport_size(LAPTOP)
    page.goto(f"/viz/issues/{number}/")
    _charts_rendered(page)
    assert "ข้อมูลตัวอย่างเพื่อการสาธิต" in page.content()
    assert page.locator(".viz-plot[role=img]").count() == 0  # drawn: a named group holding its toolbar
    _screenshot(page, f"viz-issue-{number}-laptop")
    assert page.console_errors == [] and console_errors == []


@pytest.mark.parametrize("path", ["/viz/issues/3/", "/viz/issues/1/summary/"])
def test_phone_opens_on_key_figures_without_plotly_within_the_weight_budget(page, demo_tables, path):
    page.set_viewport_size(PHONE)
    sent = _weigh(page)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.locator(".viz-keyfigure").count() >= 4
    first_chart = page.locator(".viz-plot").first.bounding_box()
    assert first_chart["y"] > PHONE["height"]  # no chart in the first phone screen
    assert not [url for url, _size in sent if "plotly" in url]
    first_view = sum(size for _url, size in sent)
    assert first_view < FIRST_VIEW_BUDGET, sent
    _charts_rendered(page)
    assert len([url for url, _size in sent if "plotly-cartesian" in url]) == 1
    assert sum(size for _url, size in sent) < ALL_CHARTS_BUDGET


def test_dashboard_on_a_phone(page, demo_tables):
    page.set_viewport_size(PHONE)
    console_errors = _collect_console_errors(page)
    page.goto("/viz/issues/3/")
    _charts_rendered(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    # The legend sits under the plot: it never covers the title and source lines above it.
    overlaps = page.evaluate("""() => [...document.querySelectorAll('.viz-plot')].filter(plot => {
        const legend = plot.querySelector('.legend');
        if (!legend) return false;
        const top = legend.getBoundingClientRect().top;
        return [...plot.querySelectorAll('.infolayer [class^=gtitle]')].some(t => t.getBoundingClientRect().bottom > top);
    }).map(plot => plot.id)""")
    assert overlaps == []
    _screenshot(page, "viz-issue-3-phone")
    assert page.console_errors == [] and console_errors == []


def test_heatmap_offers_the_rate_and_the_count_and_says_which(page, demo_tables):
    page.goto("/viz/issues/3/")
    _charts_rendered(page)
    rate, count = page.locator("[data-viz-view]").all()
    assert rate.get_attribute("aria-pressed") == "true"
    shown = "() => document.querySelector('#plot-tpmap-heatmap .infolayer').textContent"
    assert "แสดง: อัตราต่อประชากร 1,000 คน" in page.evaluate(shown)
    count.click()
    page.wait_for_function(shown + ".includes('แสดง: จำนวน (คน)')")
    assert count.get_attribute("aria-pressed") == "true" and rate.get_attribute("aria-pressed") == "false"


def test_printable_summary_is_compact(page, demo_tables):
    console_errors = _collect_console_errors(page)
    page.goto("/viz/issues/1/summary/")
    _charts_rendered(page)
    assert PLACEHOLDER not in page.content()  # no findings written: the section is left out
    page.emulate_media(media="print")
    page.wait_for_function("() => [...document.querySelectorAll('.viz-plot')].every(el => el.offsetHeight <= 330)")
    assert page.locator(".portal-nav").is_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf[:4] == b"%PDF"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "viz-issue-1-summary.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages <= 6, f"11 charts print on {pages} A4 pages (12 before: two charts to a page now)"
    assert page.console_errors == [] and console_errors == []
