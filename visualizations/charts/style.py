"""Shared look of every chart: palette, fonts, number and period formatting, the source note."""
import textwrap
from html import escape

from django.utils.translation import get_language, gettext as _

from catalog.thaidates import MONTHS_EN_SHORT, MONTHS_TH_SHORT, format_be_date

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
HEATMAP_SCALE = "Cividis"
FONT_STACK = '"Sarabun", "Noto Sans Thai", "Noto Sans Thai UI", "Loma", "Garuda", "Tahoma", system-ui, sans-serif'
NUMBER_FORMAT = ",.2~f"
SYNTHETIC_LABEL = "ข้อมูลตัวอย่างเพื่อการสาธิต"
WRAP = 80


def esc(text) -> str:
    """User-supplied text as plotly pseudo-HTML: `<`, `>`, `&` never become markup."""
    return escape(str(text), quote=False)


def period_label(key: str) -> str:
    """`2566`, `ปีงบ 2566`, `ไตรมาส 1/2566`, `มี.ค. 2566` (Thai UI)."""
    english = (get_language() or "th").startswith("en")
    if key.startswith("FY"):
        return _("FY %(year)s") % {"year": key[2:]}
    if "-Q" in key:
        year, quarter = key.split("-Q")
        return _("Q%(quarter)s/%(year)s") % {"quarter": quarter, "year": year}
    if "-" in key:
        year, month = key.split("-")
        return f"{(MONTHS_EN_SHORT if english else MONTHS_TH_SHORT)[int(month) - 1]} {year}"
    return key


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WRAP) or [""]


def series_source(series: dict) -> str:
    """One plain-text line: item, agency, period covered, last update, unit (or what is missing)."""
    if not series["rows"]:
        if not series["agency"]:
            return _("No data: item %(code)s is not in this issue's Template 1.") % {"code": series["code"]}
        return _("No data yet for %(code)s %(name)s: ask %(agency)s.") % series
    periods = [row["period"] for row in series["rows"]]
    first, last = period_label(min(periods, key=_sort_of(series))), period_label(max(periods, key=_sort_of(series)))
    return _("%(code)s %(name)s · %(agency)s · %(period)s · updated %(updated)s · unit: %(unit)s") % {
        **series, "period": first if first == last else f"{first}–{last}",
        "updated": format_be_date(series["version"]["uploaded_at"]), "unit": series["unit"] or "-"}


def _sort_of(series: dict):
    order = {row["period"]: row["period_sort"] for row in series["rows"]}
    return lambda key: order[key]


def source_lines(series_list: list[dict]) -> list[str]:
    """The full source note (one line per data set) shown under the chart."""
    lines = []
    if any(s["version"] and s["version"]["is_synthetic"] for s in series_list if s["rows"]):
        lines.append(SYNTHETIC_LABEL)
    return lines + [series_source(series) for series in series_list]


def short_source(series_list: list[dict]) -> list[str]:
    """The source note inside the figure: data sets, agencies, period, last update, unit; what is missing."""
    present = [s for s in series_list if s["rows"]]
    lines = [SYNTHETIC_LABEL] if any(s["version"]["is_synthetic"] for s in present) else []
    if present:
        sorts = [(r["period_sort"], r["period"]) for s in present for r in s["rows"]]
        first, last = period_label(min(sorts)[1]), period_label(max(sorts)[1])
        sets = present[0]["code"] + " " + present[0]["name"] if len(present) == 1 else ", ".join(
            s["code"] for s in present)
        lines.append(_("Source: %(sets)s · %(agencies)s · %(period)s · updated %(updated)s · unit: %(unit)s") % {
            "sets": sets, "agencies": ", ".join(dict.fromkeys(s["agency"] for s in present)),
            "period": first if first == last else f"{first}–{last}",
            "updated": format_be_date(max(s["version"]["uploaded_at"] for s in present)),
            "unit": " / ".join(dict.fromkeys(s["unit"] for s in present if s["unit"])) or "-"})
    missing = [s for s in series_list if not s["rows"]]
    if missing:
        lines.append(_("No data yet: %(sets)s (ask %(agencies)s)") % {
            "sets": ", ".join(s["code"] for s in missing),
            "agencies": ", ".join(dict.fromkeys(s["agency"] for s in missing if s["agency"])) or "-"})
    return [part for line in lines for part in _wrap(line)]


def base_layout(*, title: str, series_list: list[dict], x_title: str = "", y_title: str = "", shown: str = "") -> dict:
    """`shown`: a first line saying what the values are, when a chart can show them more than one way."""
    lines = _wrap(shown) + short_source(series_list) if shown else short_source(series_list)
    return {
        "title": {"text": f"<b>{esc(title)}</b>", "x": 0.01, "xanchor": "left", "y": 1, "yanchor": "top",
                  "yref": "container", "pad": {"t": 14}, "font": {"size": 15},
                  "subtitle": {"text": "<br>".join(esc(line) for line in lines),
                               "font": {"size": 11, "color": "#4b5563"}}},
        "font": {"family": FONT_STACK, "size": 13, "color": "#1f2933"},
        "colorway": OKABE_ITO,
        "separators": ".,",
        "height": 440 + 14 * len(lines),
        "margin": {"l": 64, "r": 16, "t": 90 + 14 * len(lines), "b": 40},
        # Under the plot, at the bottom of the figure: never over the title and source lines above it.
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "yref": "container", "y": 0, "yanchor": "bottom",
                   "font": {"size": 12}},
        # No plotly.py template: it would add 7 kB of JSON to every chart on the page for looks set here.
        "template": "none",
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "xaxis": {"title": {"text": esc(x_title)}, "automargin": True, "gridcolor": "#e5e7eb",
                  "zerolinecolor": "#cbd5e1"},
        "yaxis": {"title": {"text": esc(y_title)}, "automargin": True, "gridcolor": "#e5e7eb",
                  "zerolinecolor": "#cbd5e1", "tickformat": ",~f", "rangemode": "tozero"},
        "annotations": [],
    }
def missing_annotation(series_list: list[dict]) -> dict:
    missing = [series_source(s) for s in series_list if not s["rows"]]
    text = "<br>".join(esc(line) for m in missing for line in _wrap(m))
    return {"name": "missing", "text": text, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
            "showarrow": False, "font": {"size": 14, "color": "#92400e"}, "bgcolor": "#fffbeb",
            "bordercolor": "#f59e0b", "borderpad": 8}
