"""Turning figures into what templates embed: JSON safe inside <script type="application/json">."""
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from visualizations.charts import build_figure, source_lines
from visualizations.charts.builders import heatmap_rate_available

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def figure_json(fig) -> SafeString:
    """`fig.to_json()` with <, > and & escaped, as Django's json_script does."""
    return mark_safe(fig.to_json().translate(_JSON_ESCAPES))


def rendered_sections(sections: list[dict]) -> list[dict]:
    """Each chart input with its figure JSON and its source lines (for the caption under it)."""
    for section in sections:
        for chart in section["charts"]:
            series = list(chart["series"].values())
            figure = build_figure(chart)
            chart["json"], chart["height"] = figure_json(figure), figure.layout.height
            chart["views"] = _views(chart)
            chart["sources"] = source_lines(series)
            chart["missing"] = [s for s in series if not s["rows"]]
            chart["synthetic"] = any(s["version"] and s["version"]["is_synthetic"] for s in series if s["rows"])
    return sections


def _views(chart: dict) -> list[dict]:
    """The other ways a chart can show its values (the heatmap's rate and count), first the one drawn."""
    if chart["spec"]["kind"] != "heatmap" or not heatmap_rate_available(chart):
        return []
    count = build_figure({**chart, "measure": "count"})
    return [{"key": "rate", "label": _("Rate per 1,000"), "json": chart["json"]},
            {"key": "count", "label": _("Number"), "json": figure_json(count)}]
