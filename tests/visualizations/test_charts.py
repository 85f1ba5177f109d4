"""Chart builders on small plain tables: no database."""
import datetime as dt

import pytest
from django.utils import translation

from visualizations.charts import SYNTHETIC_LABEL, build_figure

UPDATED = dt.datetime(2023, 2, 7, 9, 0, tzinfo=dt.UTC)


def row(period: str, area: str, value: float, level: str = "district", name: str = "", **breakdown) -> dict:
    sort = int(period[:4]) * 100 + (int(period[5:]) if "-" in period else 0)
    return {"period": period, "period_sort": sort, "area_level": level, "area_code": area,
            "area_name": name or area, "value": value, "breakdown": breakdown}


def series(code: str, rows: list, *, unit="ไร่", agency="สำนักงานเกษตรจังหวัดปัตตานี", synthetic=False,
           name=None, dimension="การผลิต") -> dict:
    return {"code": code, "name": name or f"รายการ {code}", "dimension": dimension, "agency": agency, "unit": unit,
            "rows": rows, "version": {"number": 1, "uploaded_at": UPDATED, "is_synthetic": synthetic,
                                      "period_kind": "year"} if rows else None}


def chart(kind: str, *series_list, **spec) -> dict:
    return {"spec": {"key": "k", "kind": kind, "title": "ชื่อแผนภูมิ", "items": [s["code"] for s in series_list],
                     **spec}, "series": {s["code"]: s for s in series_list}}


@pytest.fixture(autouse=True)
def thai():
    with translation.override("th"):
        yield


def subtitle(fig) -> str:
    return fig.layout.title.subtitle.text


def test_trend_sums_districts_and_prefers_province_rows():
    planted = series("I1-005", [row("2565", "9401", 10), row("2565", "9402", 5), row("2566", "9401", 12),
                                row("2566", "94", 100, level="province")])
    bearing = series("I1-006", [row("2565", "9401", 4)])
    fig = build_figure(chart("trend", planted, bearing))
    assert [t.type for t in fig.data] == ["scatter", "scatter"]
    assert list(fig.data[0].x) == ["2565", "2566"] and list(fig.data[0].y) == [15, 100]
    assert fig.layout.xaxis.title.text == "ช่วงเวลา (พ.ศ.)"
    assert fig.layout.yaxis.title.text == "ไร่"
    assert "ไร่" in fig.data[0].hovertemplate


def test_source_note_names_items_agency_period_update_unit():
    fig = build_figure(chart("trend", series("I1-005", [row("2562", "9401", 1), row("2566", "9401", 2)],
                                             name="พื้นที่ปลูกทุเรียน")))
    text = subtitle(fig)
    for part in ("I1-005 พื้นที่ปลูกทุเรียน", "สำนักงานเกษตรจังหวัดปัตตานี", "2562–2566", "7 ก.พ. 2566", "ไร่"):
        assert part in text
    assert SYNTHETIC_LABEL not in text


def test_synthetic_tables_are_labelled():
    fig = build_figure(chart("trend", series("I1-005", [row("2566", "9401", 1)], synthetic=True)))
    assert SYNTHETIC_LABEL in subtitle(fig)


def test_missing_table_says_what_and_whom_to_ask():
    fig = build_figure(chart("by_area", series("I1-009", [], agency="สำนักงานเกษตรจังหวัดปัตตานี")))
    assert len(fig.data) == 0
    missing = [a for a in fig.layout.annotations if a.name == "missing"]
    assert "I1-009" in missing[0].text and "สำนักงานเกษตรจังหวัดปัตตานี" in missing[0].text
    assert "I1-009" in subtitle(fig)


def test_partly_missing_plots_what_exists_and_lists_the_rest():
    fig = build_figure(chart("trend", series("I1-005", [row("2566", "9401", 1)]), series("I1-006", [])))
    assert len(fig.data) == 1
    assert "I1-006" in subtitle(fig)


def test_by_area_uses_latest_period_and_totals_of_breakdowns():
    rows = [row("2565", "9401", 99, name="เมืองปัตตานี"), row("2566", "9401", 3, name="เมืองปัตตานี", sex="ชาย"),
            row("2566", "9401", 4, name="เมืองปัตตานี", sex="หญิง"), row("2566", "9402", 5, name="โคกโพธิ์")]
    fig = build_figure(chart("by_area", series("I1-007", rows, unit="ตัน"), level="district"))
    assert fig.data[0].type == "bar"
    assert list(fig.data[0].x) == ["เมืองปัตตานี", "โคกโพธิ์"] and list(fig.data[0].y) == [7, 5]
    assert fig.layout.xaxis.title.text == "อำเภอ · 2566"
    assert fig.layout.yaxis.title.text == "ตัน"


def test_total_rows_win_over_summing_breakdowns():
    rows = [row("2566", "9401", 3, sex="ชาย"), row("2566", "9401", 4, sex="หญิง"), row("2566", "9401", 7, sex="รวม")]
    fig = build_figure(chart("trend", series("I3-066", rows, unit="คน")))
    assert list(fig.data[0].y) == [7]


def test_heatmap_is_district_by_dimension():
    health = series("I3-006", [row("2566", "9401", 5, name="เมือง"), row("2566", "9402", 6, name="โคกโพธิ์")],
                    dimension="สุขภาพ", unit="คน")
    income = series("I3-039", [row("2566", "9401", 7, name="เมือง")], dimension="รายได้", unit="คน")
    fig = build_figure(chart("heatmap", health, income, label_by="dimension"))
    heatmap = fig.data[0]
    assert heatmap.type == "heatmap"
    assert list(heatmap.x) == ["สุขภาพ", "รายได้"] and list(heatmap.y) == ["เมือง", "โคกโพธิ์"]
    assert [list(r) for r in heatmap.z] == [[5, 7], [6, None]]


def test_ranking_shows_the_largest_first_limited_to_top():
    items = [series(f"I3-0{i:02d}", [row("2566", "9401", i)], unit="คน") for i in range(10, 15)]
    fig = build_figure(chart("ranking", *items, top=3))
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert [label.split()[0] for label in bar.y] == ["I3-012", "I3-013", "I3-014"]


def test_coverage_pairs_service_with_need():
    service = series("I3-056", [row("2566", "9401", 80)], unit="คน")
    need = series("I3-067", [row("2566", "9401", 100)], unit="คน")
    spec = {"key": "c", "kind": "coverage", "title": "ความครอบคลุม", "pairs": [["I3-056", "I3-067"]]}
    fig = build_figure({"spec": spec, "series": {"I3-056": service, "I3-067": need}})
    assert [list(t.y) for t in fig.data] == [[80], [100]]
    assert fig.layout.yaxis.title.text == "คน"


def test_user_text_is_escaped_in_titles_and_hover():
    evil = series("I1-005", [row("2566", "9401", 1, name="<b>x</b>")], name="<script>alert(1)</script>",
                  agency="A & <i>B</i>", unit="<u>")
    fig = build_figure(chart("by_area", evil, title="<img src=x>"))
    payload = fig.to_json()
    assert "<script>" not in payload and "<img" not in payload and "<b>x" not in payload and "<i>B" not in payload
    assert "&lt;script&gt;" in payload and "&lt;u&gt;" in fig.data[0].hovertemplate


def test_months_are_shown_in_thai_with_buddhist_year():
    fig = build_figure(chart("trend", series("I1-033", [row("2566-03", "94", 120, level="province")],
                                             unit="บาท/กิโลกรัม"), aggregate="mean"))
    assert list(fig.data[0].x) == ["มี.ค. 2566"]


def test_figures_use_the_colour_blind_safe_palette_and_thai_fonts():
    fig = build_figure(chart("trend", series("I1-005", [row("2566", "9401", 1)])))
    assert fig.layout.colorway[:2] == ("#0072B2", "#E69F00")
    assert "Sarabun" in fig.layout.font.family


def _heatmap_with_population(population_rows):
    health = series("I3-006", [row("2566", "9401", 50, name="เมือง"), row("2566", "9402", 60, name="โคกโพธิ์")],
                    dimension="สุขภาพ", unit="คน")
    spec = {"key": "h", "kind": "heatmap", "title": "ชื่อ", "items": ["I3-006"], "label_by": "dimension",
            "per": {"คน": {"item": "I3-015", "match": "ประชากร"}}}
    population = series("I3-015", population_rows, unit="คน/หลัง", name="ประชากรและบ้านตามทะเบียนราษฎร")
    return {"spec": spec, "series": {"I3-006": health}, "population": {"คน": population}}


def test_heatmap_shows_the_rate_per_1000_people_and_says_so():
    chart = _heatmap_with_population([
        row("2566", "9401", 10_000, type="ประชากร"), row("2566", "9401", 4_000, type="บ้าน"),
        row("2566", "9402", 30_000, type="ประชากร"), row("2566", "9402", 9_000, type="บ้าน")])
    fig = build_figure(chart)
    assert [list(r) for r in fig.data[0].z] == [[5.0], [2.0]]  # 50 of 10,000 people; 60 of 30,000
    assert [list(r) for r in fig.data[0].customdata] == [[50], [60]]
    assert "แสดง: อัตราต่อประชากร 1,000 คน" in subtitle(fig) and "I3-015" in subtitle(fig)
    count = build_figure({**chart, "measure": "count"})
    assert [list(r) for r in count.data[0].z] == [[50], [60]]
    assert "แสดง: จำนวน (คน)" in subtitle(count)


def test_heatmap_without_a_population_table_shows_counts_and_says_so():
    fig = build_figure(_heatmap_with_population([]))
    assert [list(r) for r in fig.data[0].z] == [[50], [60]]
    assert "แสดง: จำนวน (คน)" in subtitle(fig)


def test_long_thai_bar_labels_break_at_words_and_keep_the_full_name_in_the_hover():
    name = "ครัวเรือนที่มีคนอายุ 15-60 ปี ที่ไม่มีอาชีพและรายได้ (จปฐ.)"
    fig = build_figure(chart("ranking", series("I3-046", [row("2566", "9401", 5)], name=name, unit="คน")))
    label = fig.data[0].y[0]
    assert "<br>" in label and "อาชีพแ…" not in label
    assert all(part in name or part.endswith("…") for part in label.removeprefix("I3-046 ").split("<br>"))
    assert fig.data[0].customdata[0][0] == f"I3-046 {name}"


def test_legend_sits_under_the_plot_with_room_for_it():
    two = build_figure(chart("trend", series("I1-005", [row("2566", "9401", 1)]),
                             series("I1-006", [row("2566", "9401", 2)])))
    one = build_figure(chart("trend", series("I1-005", [row("2566", "9401", 1)])))
    assert (two.layout.legend.yref, two.layout.legend.y, two.layout.legend.yanchor) == ("container", 0, "bottom")
    assert two.layout.margin.b == one.layout.margin.b + 24
