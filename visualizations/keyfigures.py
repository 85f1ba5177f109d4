"""The key figures a dashboard opens on: one number per chart, in HTML, before any chart is drawn.

Plain chart inputs in (what `selectors.issue_dashboard` returns), plain dicts out: no database, no
plotly.js. Each figure links to the chart it comes from.
"""
from django.utils.translation import gettext as _

from visualizations.charts.builders import latest_by_area, period_totals
from visualizations.charts.style import period_label

MAX_FIGURES = 6


def _name(series: dict, spec: dict) -> str:
    return series["dimension"] if spec.get("label_by") == "dimension" and series["dimension"] else series["name"]


def _trend(chart: dict) -> dict | None:
    spec = chart["spec"]
    for series in chart["series"].values():
        points = period_totals(series["rows"], spec.get("aggregate", "sum"))
        if points:
            period, value = points[-1]
            figure = {"label": _name(series, spec), "value": value, "unit": series["unit"],
                      "period": period_label(period), "change": None}
            if len(points) > 1 and points[-2][1]:
                figure["change"] = (value - points[-2][1]) / points[-2][1] * 100
                figure["change_size"] = abs(figure["change"])
                figure["since"] = period_label(points[-2][0])
            return figure
    return None


def _by_area(chart: dict) -> dict | None:
    spec = chart["spec"]
    for series in chart["series"].values():
        period, values = latest_by_area(series["rows"], spec.get("level", "district"))
        if values:
            name, value = max(values.values(), key=lambda pair: pair[1])
            return {"label": _name(series, spec), "value": value, "unit": series["unit"],
                    "period": period_label(period), "where": _("highest: %(area)s") % {"area": name}}
    return None


def _ranking(chart: dict) -> dict | None:
    spec, best = chart["spec"], None
    for series in chart["series"].values():
        points = period_totals(series["rows"], spec.get("aggregate", "sum"))
        if points and (best is None or points[-1][1] > best[0]):
            best = (points[-1][1], points[-1][0], series)
    if best is None:
        return None
    value, period, series = best
    return {"label": spec["title"], "value": value, "unit": series["unit"], "period": period_label(period),
            "where": f"{series['code']} {series['name']}"}


def _coverage(chart: dict) -> dict | None:
    served = needed = 0.0
    periods = []
    for service_code, need_code in chart["spec"]["pairs"]:
        service = period_totals(chart["series"][service_code]["rows"], "sum")
        need = period_totals(chart["series"][need_code]["rows"], "sum")
        if service and need:
            served, needed = served + service[-1][1], needed + need[-1][1]
            periods.append(service[-1][0])
    if not needed:
        return None
    return {"label": chart["spec"]["title"], "value": served / needed * 100, "unit": _("% of need"),
            "period": period_label(max(periods))}


def _heatmap(chart: dict) -> dict | None:
    spec, best = chart["spec"], None
    for series in chart["series"].values():
        period, values = latest_by_area(series["rows"], "district")
        for name, value in values.values():
            if best is None or value > best[0]:
                best = (value, period, name, series)
    if best is None:
        return None
    value, period, name, series = best
    return {"label": spec["title"], "value": value, "unit": series["unit"], "period": period_label(period),
            "where": f"{name} · {_name(series, spec)}"}


FIGURES = {"trend": _trend, "by_area": _by_area, "ranking": _ranking, "coverage": _coverage,
           "heatmap": _heatmap}


def key_figures(sections: list[dict]) -> list[dict]:
    """Up to MAX_FIGURES figures: the first chart of each section first, then the others in order."""
    charts = [chart for section in sections for chart in section["charts"][:1]]
    charts += [chart for section in sections for chart in section["charts"][1:]]
    figures = []
    for chart in charts:
        figure = FIGURES[chart["spec"]["kind"]](chart)
        if figure:
            figures.append({**figure, "chart": chart["spec"]["key"],
                            "synthetic": any(s["version"]["is_synthetic"] for s in chart["series"].values()
                                             if s["rows"])})
        if len(figures) == MAX_FIGURES:
            break
    return figures
