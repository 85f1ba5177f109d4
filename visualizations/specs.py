"""Which Template 1 items feed which chart: data, not code, so another province can re-point them.

Each issue (by number) lists its dashboard sections in order. A section whose key is one of the
issue's dimension codes takes that dimension's name (issue 1 is laid out by its value-chain
stages); other sections take their title from here. Each chart names its builder (`kind`) and
the item codes it reads. Options:
  aggregate   "sum" (default) or "mean": how districts combine into a province figure when the
              table has no province row (prices and rates are averaged, counts are summed)
  level       for `by_area`: "district" or "subdistrict"
  label_by    "name" (default) or "dimension": what a series is called in the legend/heatmap
  pairs       for `coverage`: [service item, need item]
  per         for `heatmap`: the population tables to divide by, per unit of the plotted items
              ({"คน": {"item": code, "match": word}, "ครัวเรือน": {...}}; `match` picks the rows whose
              breakdown holds that word, e.g. people rather than houses). When every plotted item
              has one, the heatmap offers the rate per 1,000 and shows it first.
"""
from django.utils.translation import gettext_lazy as _

TPMAP_ITEMS = ["I3-006", "I3-011", "I3-023", "I3-039", "I3-054"]
BMN_ITEMS = ["I3-007", "I3-008", "I3-009", "I3-010", "I3-016", "I3-017", "I3-018", "I3-019", "I3-028",
             "I3-029", "I3-030", "I3-031", "I3-046", "I3-047", "I3-048", "I3-061", "I3-062"]

DASHBOARDS = {
    1: [
        {"section": "production", "charts": [
            {"key": "area-trend", "kind": "trend", "title": _("Planted and bearing area over the years"),
             "items": ["I1-005", "I1-006"]},
            {"key": "area-by-district", "kind": "by_area", "level": "district",
             "title": _("Planted and bearing area by district (latest period)"), "items": ["I1-005", "I1-006"]},
            {"key": "production-trend", "kind": "trend", "title": _("Durian production over the years"),
             "items": ["I1-007"]},
            {"key": "yield-by-district", "kind": "by_area", "level": "district",
             "title": _("Yield per rai by district (latest period)"), "items": ["I1-008"]},
            {"key": "growers-by-district", "kind": "by_area", "level": "district",
             "title": _("Registered durian-growing households by district (latest period)"), "items": ["I1-009"]},
            {"key": "khokpho-subdistricts", "kind": "by_area", "level": "subdistrict",
             "title": _("Khok Pho: planted and bearing area by subdistrict (latest period)"),
             "items": ["I1-017", "I1-018"]},
        ]},
        {"section": "standards", "charts": [
            {"key": "gap-trend", "kind": "trend", "title": _("GAP-certified durian plots"), "items": ["I1-001"]},
            {"key": "gi-trend", "kind": "trend", "title": _("Growers authorised to use the GI logo"),
             "items": ["I1-002"]},
        ]},
        {"section": "processing_marketing", "charts": [
            {"key": "farm-gate-price", "kind": "trend", "aggregate": "mean",
             "title": _("Farm-gate price of durian"), "items": ["I1-033", "I1-034"]},
        ]},
        {"section": "farmer_organisation", "charts": [
            {"key": "enterprises-by-district", "kind": "by_area", "level": "district",
             "title": _("Community enterprises engaged in durian by district (latest period)"),
             "items": ["I1-012"]},
        ]},
        {"section": "infrastructure", "charts": [
            {"key": "irrigated-area", "kind": "trend", "title": _("Area benefiting from irrigation schemes"),
             "items": ["I1-042"]},
        ]},
    ],
    3: [
        {"section": "deprivation", "title": _("Who fails which TPMAP dimension, and where"), "charts": [
            {"key": "tpmap-heatmap", "kind": "heatmap", "label_by": "dimension",
             "title": _("Target poor failing each dimension, by district (latest period)"), "items": TPMAP_ITEMS,
             "per": {"คน": {"item": "I3-015", "match": "ประชากร"}, "ครัวเรือน": {"item": "I3-012"}}},
            {"key": "bmn-ranking", "kind": "ranking", "top": 10,
             "title": _("Basic minimum needs indicators failing most (latest period)"), "items": BMN_ITEMS},
        ]},
        {"section": "trend", "title": _("The trend over the years"), "charts": [
            {"key": "tpmap-trend", "kind": "trend", "label_by": "dimension",
             "title": _("Target poor failing each dimension over the years"), "items": TPMAP_ITEMS},
        ]},
        {"section": "coverage", "title": _("Public services against need"), "charts": [
            {"key": "service-coverage", "kind": "coverage",
             "title": _("Coverage of public services against need (latest period)"),
             "pairs": [["I3-043", "I3-039"], ["I3-056", "I3-067"], ["I3-066", "I3-046"], ["I3-055", "I3-047"]]},
        ]},
    ],
}


def series_items(chart: dict) -> list[str]:
    """The item codes a chart plots, in order."""
    if chart["kind"] == "coverage":
        return [code for pair in chart["pairs"] for code in pair]
    return list(chart["items"])


def chart_items(chart: dict) -> list[str]:
    """Every item code a chart reads: those it plots, then the population tables it divides by."""
    return series_items(chart) + [per["item"] for per in chart.get("per", {}).values()]


def dashboard_spec(number: int) -> list[dict]:
    return DASHBOARDS.get(number, [])
