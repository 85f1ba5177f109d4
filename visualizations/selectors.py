"""Reads for the dashboards and the upload pages, in a fixed number of queries whatever the rows."""
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from catalog.models import DevelopmentIssue, Item, Province
from catalog.models.items import DataType, ItemStatus
from visualizations.models import IssueFindings, TableRow, TableVersion
from visualizations.parsing import AreaIndex
from visualizations.specs import chart_items, dashboard_spec, series_items

ROW_FIELDS = ("version_id", "period", "period_sort", "area_level", "area_code", "area_name", "value", "breakdown")


def area_index(*, province: Province) -> AreaIndex:
    districts = list(province.districts.values_list("code", "name_th", "name_en"))
    return AreaIndex.build(province=(province.code, province.name_th, province.name_en), districts=districts)


def _series(item: Item | None, code: str, version: TableVersion | None, rows: list) -> dict:
    if item is None:
        return {"code": code, "name": code, "dimension": "", "agency": "", "unit": "", "version": None, "rows": []}
    return {
        "code": item.code, "name": item.name, "dimension": item.dimension.name, "agency": item.agency.name,
        "unit": item.unit, "rows": rows,
        "version": None if version is None else {
            "number": version.number, "uploaded_at": version.uploaded_at, "is_synthetic": version.is_synthetic,
            "period_kind": version.period_kind},
    }


def issue_dashboard(*, issue: DevelopmentIssue) -> list[dict]:
    """The issue's sections, each with its charts' inputs: plain dicts the chart builders take."""
    spec = dashboard_spec(issue.number)
    codes = {code for section in spec for chart in section["charts"] for code in chart_items(chart)}
    latest = TableVersion.objects.filter(item=OuterRef("pk")).order_by("-number").values("pk")[:1]
    items = {item.code: item for item in Item.objects.filter(issue=issue, code__in=codes).select_related(
        "agency", "dimension").annotate(latest_version=Subquery(latest))}
    versions = {v.pk: v for v in TableVersion.objects.filter(
        pk__in=[i.latest_version for i in items.values() if i.latest_version])}
    rows: dict[int, list] = {pk: [] for pk in versions}
    for row in TableRow.objects.filter(version_id__in=versions).values(*ROW_FIELDS).order_by("period_sort", "id"):
        row["value"] = float(row["value"])
        rows[row["version_id"]].append(row)
    dimensions = {d.code: d.name for d in issue.dimensions.all()}

    def series_of(code: str) -> dict:
        item = items.get(code)
        version = versions.get(item.latest_version) if item else None
        return _series(item, code, version, rows.get(version.pk, []) if version else [])

    sections = []
    for section in spec:
        charts = []
        for chart in section["charts"]:
            charts.append({"spec": chart, "series": {code: series_of(code) for code in series_items(chart)},
                           "population": {unit: series_of(per["item"]) for unit, per in chart.get("per", {}).items()}})
        title = dimensions.get(section["section"]) or section.get("title") or section["section"]
        sections.append({"key": section["section"], "title": title, "charts": charts})
    return sections


def issue_findings(*, issue: DevelopmentIssue) -> IssueFindings | None:
    return IssueFindings.objects.filter(issue=issue).select_related("updated_by").first()


def uploadable_items(*, user) -> QuerySet[Item]:
    """Statistical items the user may upload tables for: their agency's, or all for the office."""
    items = Item.objects.filter(status=ItemStatus.CURRENT, data_type=DataType.STATISTICAL).select_related(
        "issue", "agency", "dimension").annotate(
        latest_version=Subquery(TableVersion.objects.filter(item=OuterRef("pk")).order_by("-number").values(
            "number")[:1])).order_by("issue__number", "code")
    if user.can_manage_catalog:
        return items
    if user.is_agency_staff:
        return items.filter(agency_id=user.agency_id)
    return items.none()


def upload_item_get(*, user, pk: int) -> Item:
    """The item, if this user may upload for it; another agency's item is a 404."""
    item = uploadable_items(user=user).filter(pk=pk).select_related("issue__province").first()
    if item is None:
        raise Http404
    return item


def table_versions(*, item: Item) -> QuerySet[TableVersion]:
    return item.table_versions.select_related("uploaded_by").order_by("-number")
