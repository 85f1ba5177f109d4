"""What the progress pages show, assembled from selector results (no queries of its own)."""
from django.utils.translation import gettext as _, gettext_lazy

from catalog.thaidates import format_be_date
from progress.charts import agency_stack_figure, history_figure, tier_progress_figure
from progress.selectors import CRITERION_LABELS, IssueProgress, Row
from progress.short_names import agency_short_name, chart_label
from visualizations.embed import figure_json

SHORT_CRITERIA = {
    "requirements_approved": gettext_lazy("Requirements approved (50)"),
    "template2_complete": gettext_lazy("Template 2 complete (75)"),
    "template3_public_ok": gettext_lazy("Template 3 with working URL (75)"),
    "gdc_registered": gettext_lazy("GD Catalog registration (100)"),
    "visualization_approved": gettext_lazy("Visualization summary approved (100)"),
}


def criterion_percent(progress: IssueProgress, key: str) -> int:
    criterion = progress.criteria[key]
    if criterion.of is None:
        return 100 if criterion.met else 0
    return round(100 * criterion.done / criterion.of) if criterion.of else 100


def tier_chart(progress_list: list[IssueProgress], *, key: str) -> dict:
    issues = [{"label": _("Issue %(n)s") % {"n": p.issue.number},
               "criteria": [{"label": str(_short(k)), "percent": criterion_percent(p, k)} for k in p.criteria]}
              for p in progress_list]
    figure = tier_progress_figure(title=_("Progress towards each tier's criteria"), issues=issues)
    return {"key": key, "title": _("Progress towards each tier's criteria"), "json": figure_json(figure)}


def agency_chart(rows: list[Row], *, key: str, province: str = "") -> dict:
    """Agencies by their Thai short names (two lines where long), the full name under the pointer."""
    agencies = [{"label": chart_label(agency_short_name(row.counts.get("agency__name_th") or row.key,
                                                        province=province)),
                 "name": row.label, "items": row.counts.get("items", 0), "template2": row.counts.get("template2", 0),
                 "approved": row.counts.get("approved", 0)} for row in rows]
    title = _("Template 2 by agency (items)")
    return {"key": key, "title": title, "json": figure_json(agency_stack_figure(title=title, agencies=agencies))}


def history_chart(progress: IssueProgress, snapshots: list, *, key: str) -> dict | None:
    if not snapshots:
        return None
    days = [format_be_date(s.taken_on) for s in snapshots]
    lines = [{"label": str(_short(k)), "values": [_snapshot_percent(s.numbers, k) for s in snapshots]}
             for k in CRITERION_LABELS]
    title = _("Issue %(n)s: progress over time") % {"n": progress.issue.number}
    return {"key": key, "title": title, "json": figure_json(history_figure(title=title, days=days, lines=lines))}


def _snapshot_percent(numbers: dict, key: str) -> int:
    counts, met = numbers.get("counts", {}), numbers.get("criteria", {})
    part_of = {"template2_complete": ("template2", "items"), "template3_public_ok": ("url", "public"),
               "gdc_registered": ("gdc", "public")}
    if key not in part_of:
        return 100 if met.get(key) else 0
    part, whole = (counts.get(name, 0) for name in part_of[key])
    return round(100 * part / whole) if whole else 100


def _short(key: str) -> str:
    return SHORT_CRITERIA[key]
