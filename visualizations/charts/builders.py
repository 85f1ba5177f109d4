"""Chart builders: plain dicts in, plotly Figure out. No database, no request.

A chart input is {"spec": <chart spec from specs.py>, "series": {item code: series}} where a
series is {"code", "name", "dimension", "agency", "unit", "version", "rows"} and each row is
{"period", "period_sort", "area_level", "area_code", "area_name", "value", "breakdown"}.
"""
from collections import defaultdict

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from visualizations.charts.labels import display_width, fit_label
from visualizations.charts.style import (
    HEATMAP_SCALE, NUMBER_FORMAT, base_layout, esc, missing_annotation, period_label,
)

TOTAL_WORDS = {"รวม", "ทั้งหมด", "total", "all"}
LEVELS = ("province", "district", "subdistrict")


def _label(series: dict, spec: dict) -> str:
    return series["dimension"] if spec.get("label_by") == "dimension" and series["dimension"] else series["name"]


def _totals_only(rows: list[dict]) -> list[dict]:
    """Per period and area: the rows without a breakdown or whose breakdown says "total" (รวม), if
    any; otherwise all its rows, to be summed."""
    groups: dict[tuple, list] = defaultdict(list)
    for row in rows:
        groups[(row["period"], row["area_code"])].append(row)
    kept = []
    for group in groups.values():
        totals = [r for r in group if all(str(v).strip().lower() in TOTAL_WORDS for v in r["breakdown"].values())]
        kept.extend(totals or group)
    return kept


def period_totals(rows: list[dict], how: str) -> list[tuple[str, float]]:
    """One figure per period at the highest level present (province rows, else districts summed)."""
    rows = _totals_only(rows)
    grouped: dict[tuple, list] = defaultdict(list)
    for row in rows:
        grouped[(row["period_sort"], row["period"], LEVELS.index(row["area_level"]))].append(row["value"])
    best: dict[tuple, tuple[int, list]] = {}
    for (sort, period, level), values in grouped.items():
        if (sort, period) not in best or level < best[(sort, period)][0]:
            best[(sort, period)] = (level, values)
    return [(period, sum(values) / len(values) if how == "mean" else sum(values))
            for (sort, period), (level, values) in sorted(best.items())]


def latest_by_area(rows: list[dict], level: str) -> tuple[str, dict]:
    rows = [r for r in _totals_only(rows) if r["area_level"] == level]
    if not rows:
        return "", {}
    latest = max(r["period_sort"] for r in rows)
    period = next(r["period"] for r in rows if r["period_sort"] == latest)
    values: dict[str, list] = {}
    for row in rows:
        if row["period_sort"] == latest:
            values.setdefault(row["area_code"], [row["area_name"] or row["area_code"], 0.0])[1] += row["value"]
    return period, values


def _hover(unit: str) -> str:
    return "%{x}<br>%{y:" + NUMBER_FORMAT + "} " + esc(unit) + "<extra>%{fullData.name}</extra>"


LEGEND_ROW_WIDTH = 80  # characters of 12 px text in one row of a half-width chart on a laptop


def _legend_rows(traces: list) -> int:
    """Rows the legend takes under the plot (the browser measures again on a narrower screen)."""
    if len(traces) < 2:
        return 0
    rows, used = 1, 0
    for trace in traces:
        width = display_width(trace.name or "") + 5
        if used and used + width > LEGEND_ROW_WIDTH:
            rows, used = rows + 1, 0
        used += width
    return rows


def _finish(fig_layout: dict, series_list: list[dict], traces: list) -> go.Figure:
    legend = 24 * _legend_rows(traces)
    fig_layout["margin"]["b"] += legend
    fig_layout["height"] += legend
    if not traces:
        fig_layout["annotations"].append(missing_annotation(series_list))
        fig_layout["xaxis"].update(visible=False)
        fig_layout["yaxis"].update(visible=False)
    return go.Figure(data=traces, layout=fig_layout)


def _units(series_list: list[dict]) -> str:
    return " / ".join(dict.fromkeys(s["unit"] for s in series_list if s["unit"]))


def trend_figure(chart: dict) -> go.Figure:
    spec, series_list = chart["spec"], list(chart["series"].values())
    traces = []
    for series in series_list:
        points = period_totals(series["rows"], spec.get("aggregate", "sum"))
        if points:
            traces.append(go.Scatter(
                x=[period_label(p) for p, _v in points], y=[v for _p, v in points], mode="lines+markers",
                name=esc(_label(series, spec)), hovertemplate=_hover(series["unit"])))
    layout = base_layout(title=spec["title"], series_list=series_list, x_title=_("Period (B.E.)"),
                         y_title=_units(series_list))
    layout["xaxis"]["type"] = "category"
    return _finish(layout, series_list, traces)


def by_area_figure(chart: dict) -> go.Figure:
    spec, series_list = chart["spec"], list(chart["series"].values())
    level = spec.get("level", "district")
    traces, periods = [], []
    for series in series_list:
        period, values = latest_by_area(series["rows"], level)
        if values:
            periods.append(period)
            names = [esc(name) for name, _v in values.values()]
            traces.append(go.Bar(x=names, y=[v for _n, v in values.values()], name=esc(_label(series, spec)),
                                 hovertemplate=_hover(series["unit"])))
    x_title = _("District") if level == "district" else _("Subdistrict")
    if periods:
        x_title += " · " + ", ".join(dict.fromkeys(period_label(p) for p in periods))
    layout = base_layout(title=spec["title"], series_list=series_list, x_title=x_title, y_title=_units(series_list))
    layout["barmode"] = "group"
    layout["xaxis"]["tickangle"] = -30
    return _finish(layout, series_list, traces)


RATE_BASE = 1000


def _per_label(unit: str) -> str:
    return {"คน": _("per 1,000 people"), "ครัวเรือน": _("per 1,000 households")}.get(
        unit, _("per 1,000 %(unit)s") % {"unit": unit})


def _denominator(chart: dict, unit: str) -> tuple[dict, str, dict] | None:
    """The population table for `unit` at district level: (its series, its latest period, {district: value})."""
    per, series = chart["spec"].get("per", {}).get(unit), chart.get("population", {}).get(unit)
    if not per or not series or not series["rows"]:
        return None
    rows = series["rows"]
    if per.get("match"):
        rows = [r for r in rows if any(per["match"] in str(v) for v in r["breakdown"].values())] or rows
    period, values = latest_by_area(rows, "district")
    values = {code: v for code, (_name, v) in values.items() if v > 0}
    return (series, period, values) if values else None


def heatmap_rate_available(chart: dict) -> bool:
    """True when every plotted item with data has a population table for its unit."""
    plotted = [s for s in chart["series"].values() if s["rows"]]
    return bool(plotted) and all(_denominator(chart, s["unit"]) for s in plotted)


def _rate_note(chart: dict, units: list[str]) -> str:
    sources = []
    for unit in units:
        series, period, _values = _denominator(chart, unit)
        sources.append(f"{series['code']} {series['name']} ({period_label(period)})")
    return _("Shown: rate %(per)s; population: %(sources)s") % {
        "per": " / ".join(_per_label(u) for u in units), "sources": ", ".join(dict.fromkeys(sources))}


def heatmap_figure(chart: dict) -> go.Figure:
    """District × dimension. `chart["measure"]`: "rate" (per 1,000 of the population table for the
    items' unit, the default when there is one for every item) or "count" (the raw numbers)."""
    spec, series_list = chart["spec"], list(chart["series"].values())
    rate = chart.get("measure", "rate") == "rate" and heatmap_rate_available(chart)
    columns, areas = [], {}
    for series in series_list:
        _period, values = latest_by_area(series["rows"], "district")
        if values:
            divide = _denominator(chart, series["unit"])[2] if rate else {}
            cells = {code: (v, v / divide[code] * RATE_BASE if code in divide else None) for code, (n, v) in
                     values.items()} if rate else {code: (v, v) for code, (n, v) in values.items()}
            columns.append((fit_label(_label(series, spec), 14, max_lines=3), cells))
            areas.update({code: esc(name) for code, (name, _v) in values.items()})
    units = list(dict.fromkeys(s["unit"] for s in series_list if s["rows"]))
    traces = []
    if columns:
        codes = sorted(areas)
        cell = [[col.get(code, (None, None)) for _n, col in columns] for code in codes]
        value_format = "%{z:,.1f} " + esc(" / ".join(_per_label(u) for u in units)) + "<br>(%{customdata:" + \
            NUMBER_FORMAT + "})" if rate else "%{z:" + NUMBER_FORMAT + "} " + esc(" / ".join(units))
        traces.append(go.Heatmap(
            x=[name for name, _v in columns], y=[areas[c] for c in codes],
            z=[[pair[1] for pair in row] for row in cell], customdata=[[pair[0] for pair in row] for row in cell],
            colorscale=HEATMAP_SCALE, hovertemplate="%{y} · %{x}<br>" + value_format + "<extra></extra>",
            colorbar={"thickness": 12, "tickformat": ",~f",
                      "title": {"text": fit_label(" / ".join(_per_label(u) for u in units) if rate
                                                  else " / ".join(units), 12, max_lines=3),
                                "font": {"size": 11}}}))
    shown = _rate_note(chart, units) if rate else _("Shown: number (%(unit)s)") % {"unit": " / ".join(units) or "-"}
    layout = base_layout(title=spec["title"], series_list=series_list, x_title=_("TPMAP dimension"),
                         y_title="", shown=shown if spec.get("per") else "")
    layout["yaxis"].update(autorange="reversed", tickformat=None, rangemode=None)
    layout["margin"]["l"] = 100
    return _finish(layout, series_list, traces)


def ranking_figure(chart: dict) -> go.Figure:
    spec, series_list = chart["spec"], list(chart["series"].values())
    totals = []
    for series in series_list:
        points = period_totals(series["rows"], spec.get("aggregate", "sum"))
        if points:
            totals.append((points[-1][1], series))
    totals.sort(key=lambda pair: pair[0], reverse=True)
    totals = totals[: spec.get("top", 10)][::-1]
    traces = []
    if totals:
        traces.append(go.Bar(
            x=[v for v, _s in totals], y=[fit_label(f"{s['code']} {s['name']}", 24, max_lines=3) for _v, s in totals],
            orientation="h", customdata=[[esc(f"{s['code']} {s['name']}"), esc(s["unit"])] for _v, s in totals],
            marker={"color": "#D55E00"},
            hovertemplate="%{customdata[0]}<br>%{x:" + NUMBER_FORMAT + "} %{customdata[1]}<extra></extra>"))
    layout = base_layout(title=spec["title"], series_list=series_list, x_title=_units([s for _v, s in totals]),
                         y_title="")
    layout["height"] += 120
    layout["yaxis"].update(tickformat=None, rangemode=None, automargin=True)
    layout["xaxis"].update(tickformat=",~f")
    return _finish(layout, series_list, traces)


def coverage_figure(chart: dict) -> go.Figure:
    spec, series = chart["spec"], chart["series"]
    labels, served, needed = [], [], []
    for service_code, need_code in spec["pairs"]:
        service, need = series[service_code], series[need_code]
        service_points, need_points = period_totals(service["rows"], "sum"), period_totals(need["rows"], "sum")
        if service_points and need_points:
            labels.append(fit_label(service["name"], 16, max_lines=3))
            served.append(service_points[-1][1])
            needed.append(need_points[-1][1])
    traces = []
    if labels:
        traces = [go.Bar(x=labels, y=served, name=_("Received the service"), hovertemplate=_hover("")),
                  go.Bar(x=labels, y=needed, name=_("Need (people in the matching group)"), hovertemplate=_hover(""))]
    series_list = list(series.values())
    layout = base_layout(title=spec["title"], series_list=series_list, x_title=_("Public service"),
                         y_title=_("People"))
    layout["barmode"] = "group"
    return _finish(layout, series_list, traces)


BUILDERS = {"trend": trend_figure, "by_area": by_area_figure, "heatmap": heatmap_figure,
            "ranking": ranking_figure, "coverage": coverage_figure}


def build_figure(chart: dict) -> go.Figure:
    return BUILDERS[chart["spec"]["kind"]](chart)
