"""Progress charts: plain numbers in, plotly Figure out (no database). The look comes from
`visualizations.charts.style`: Okabe–Ito palette, Thai fonts, the same margins and legend."""
import plotly.graph_objects as go
from django.utils.translation import gettext as _

from visualizations.charts.style import FONT_STACK, OKABE_ITO, esc


def _layout(title: str, *, height: int, x_title: str = "", y_title: str = "") -> dict:
    return {
        "title": {"text": f"<b>{esc(title)}</b>", "x": 0.01, "xanchor": "left", "font": {"size": 15}},
        "font": {"family": FONT_STACK, "size": 13, "color": "#1f2933"},
        "colorway": OKABE_ITO, "separators": ".,", "height": height,
        "margin": {"l": 64, "r": 16, "t": 48, "b": 40},
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top", "font": {"size": 12}},
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "xaxis": {"title": {"text": esc(x_title)}, "automargin": True, "gridcolor": "#e5e7eb"},
        "yaxis": {"title": {"text": esc(y_title)}, "automargin": True, "gridcolor": "#e5e7eb"},
    }


def agency_stack_figure(*, title: str, agencies: list[dict]) -> go.Figure:
    """Stacked horizontal bars per agency: Template 2 approved / complete, not yet approved / still missing.

    `agencies`: [{"label", "name", "items", "template2", "approved"}] (approved records are complete); a label
    may hold a newline (two lines on the axis), `name` is the full name the pointer shows.
    """
    labels = ["<br>".join(esc(line) for line in a["label"].split("\n")) for a in agencies]
    names = [esc(a.get("name") or a["label"]) for a in agencies]
    approved = [a["approved"] for a in agencies]
    complete = [max(a["template2"] - a["approved"], 0) for a in agencies]
    missing = [max(a["items"] - max(a["template2"], a["approved"]), 0) for a in agencies]
    fig = go.Figure()
    for name, values, colour in ((_("Template 2 approved"), approved, OKABE_ITO[2]),
                                 (_("Complete, not yet approved"), complete, OKABE_ITO[4]),
                                 (_("Template 2 still missing"), missing, OKABE_ITO[3])):
        fig.add_trace(go.Bar(name=esc(name), y=labels, x=values, orientation="h", marker_color=colour,
                             customdata=names, hovertemplate="%{customdata}: %{x}<extra>" + esc(name) + "</extra>"))
    layout = _layout(title, height=210 + 34 * max(len(agencies), 1), x_title=_("items"))
    layout["margin"]["b"] = 130
    layout["legend"]["y"] = -60 / (layout["height"] - 48 - 130)
    layout["barmode"] = "stack"
    layout["legend"]["traceorder"] = "normal"
    layout["yaxis"] |= {"autorange": "reversed"}
    fig.update_layout(layout)
    return fig


def tier_progress_figure(*, title: str, issues: list[dict]) -> go.Figure:
    """Per issue, the share done of each measurable criterion (%), grouped bars with the 100 % line.

    `issues`: [{"label", "criteria": [{"label", "percent"}]}].
    """
    fig = go.Figure()
    names = [c["label"] for c in issues[0]["criteria"]] if issues else []
    for index, name in enumerate(names):
        fig.add_trace(go.Bar(name=esc(name), x=[esc(i["label"]) for i in issues],
                             y=[i["criteria"][index]["percent"] for i in issues],
                             marker_color=OKABE_ITO[index % len(OKABE_ITO)],
                             text=[f'{i["criteria"][index]["percent"]}%' for i in issues], textposition="outside",
                             hovertemplate="%{x}: %{y}%<extra>" + esc(name) + "</extra>"))
    layout = _layout(title, height=460, y_title="%")
    layout["yaxis"] |= {"range": [0, 112], "ticksuffix": "%"}
    layout["margin"]["b"] = 110
    layout["barmode"] = "group"
    layout["shapes"] = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 100, "y1": 100,
                         "line": {"color": "#1f2933", "dash": "dot", "width": 1}}]
    fig.update_layout(layout)
    return fig


def history_figure(*, title: str, days: list[str], lines: list[dict]) -> go.Figure:
    """One line per criterion over the snapshot days. `lines`: [{"label", "values": [percent per day]}]."""
    fig = go.Figure()
    for index, line in enumerate(lines):
        fig.add_trace(go.Scatter(name=esc(line["label"]), x=days, y=line["values"], mode="lines+markers",
                                 line={"color": OKABE_ITO[index % len(OKABE_ITO)], "width": 2},
                                 hovertemplate="%{x}: %{y}%<extra>" + esc(line["label"]) + "</extra>"))
    layout = _layout(title, height=440, y_title="%")
    layout["margin"]["b"] = 110
    layout["yaxis"] |= {"range": [0, 105], "ticksuffix": "%"}
    layout["xaxis"] |= {"type": "category"}
    fig.update_layout(layout)
    return fig
