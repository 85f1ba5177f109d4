"""The key figures a dashboard opens on: one number per chart, from the same inputs as the charts."""
import pytest
from django.utils import translation

from visualizations.keyfigures import MAX_FIGURES, key_figures

from .test_charts import chart, row, series


@pytest.fixture(autouse=True)
def thai():
    with translation.override("th"):
        yield


def test_trend_gives_the_latest_value_and_its_change():
    trend = chart("trend", series("I1-005", [row("2565", "9401", 100), row("2566", "9401", 110)]))
    [figure] = key_figures([{"charts": [trend]}])
    assert (figure["value"], figure["period"], figure["unit"], figure["chart"]) == (110, "2566", "ไร่", "k")
    assert figure["change"] == pytest.approx(10) and figure["since"] == "2565"


def test_by_area_names_the_highest_area_and_missing_tables_give_no_figure():
    by_area = chart("by_area", series("I1-009", [row("2566", "9401", 3, name="เมือง"), row("2566", "9402", 9,
                                                                                         name="โคกโพธิ์")]))
    empty = chart("trend", series("I1-007", []))
    [figure] = key_figures([{"charts": [empty, by_area]}])
    assert figure["value"] == 9 and "โคกโพธิ์" in figure["where"]


def test_first_chart_of_each_section_first_and_at_most_six():
    def one(code):
        return chart("trend", series(code, [row("2566", "9401", 1)]))
    sections = [{"charts": [one(f"I1-{s}{i}") for i in range(3)]} for s in range(4)]
    for index, section in enumerate(sections):
        for position, item in enumerate(section["charts"]):
            item["spec"]["key"] = f"{index}-{position}"
    figures = key_figures(sections)
    assert len(figures) == MAX_FIGURES
    assert [f["chart"] for f in figures[:4]] == ["0-0", "1-0", "2-0", "3-0"]
