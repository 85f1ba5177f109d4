"""Reads of the progress app: the completeness matrix, the indicator's criteria per issue, the
items behind every number, each agency's follow-up list.

Every count is made by the database (`Count(filter=…)` over current items, grouped by issue and
agency or dimension), so a page costs the same number of queries for 50 items or 5,000. The
Template 2 rules live in Python; the Template 2 services keep `MetadataRecord.is_complete` and
`is_public_category` up to date so that SQL can count them.
"""
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language, gettext_lazy as _

from catalog import tiers
from catalog.data_version import cached_rows
from catalog.models import Agency, DevelopmentIssue, Item, Resolution
from catalog.models.items import ItemStatus
from catalog.selectors import issue_list, issue_resolution
from progress.models import GdcState, ProgressSnapshot
from templates_app.models import MetadataRecord, Resource

#: The dashboard's columns, in order. The last three count public-category items only.
METRICS = ("items", "template2", "approved", "public", "template3", "url", "gdc")
PUBLIC_METRICS = ("template3", "url", "gdc")
METRIC_LABELS = {
    "items": _("Items"),
    "template2": _("Template 2 complete"),
    "approved": _("Template 2 approved"),
    "public": _("Public category"),
    "template3": _("Template 3 complete"),
    "url": _("URL works"),
    "gdc": _("Registered in GD Catalog"),
}
CRITERION_LABELS = {
    "requirements_approved": _("Requirements document approved by the Provincial Statistics Committee"),
    "template2_complete": _("Template 1 and every current item's Template 2 complete in the catalog"),
    "template3_public_ok": _("Every public-category item has a complete Template 3 whose URL works"),
    "gdc_registered": _("Every public-category item registered in the GD Catalog"),
    "visualization_approved": _("Visualization summary approved by the Provincial Statistics Committee"),
}
RESOLUTION_CRITERIA = {
    "requirements_approved": Resolution.Subject.REQUIREMENTS_DOCUMENT,
    "visualization_approved": Resolution.Subject.VISUALIZATION_SUMMARY,
}


def _resources(**filters) -> Exists:
    # On the record's id (joined once by the outer query), not `record__item`: no second join per
    # subquery, which keeps PostgreSQL's cost estimate (and its JIT threshold) proportional.
    return Exists(Resource.objects.filter(record_id=OuterRef("metadata__id"), **filters))


def metric_filters() -> dict[str, Q]:
    """Per metric, the condition an item (annotated by `annotated_items`) meets to count as done."""
    public = Q(metadata__is_public_category=True)
    template3 = public & Q(has_resource=True, has_incomplete_resource=False)
    return {
        "items": Q(),
        "template2": Q(metadata__is_complete=True),
        "approved": Q(metadata__status=MetadataRecord.Status.APPROVED),
        "public": public,
        "template3": template3,
        "url": template3 & Q(has_failing_url=False),
        "gdc": public & Q(metadata__gdc_registration__state=GdcState.COMPLETED),
    }


def metric_base(metric: str) -> Q:
    """The items a metric is a share of: public-category items for Template 3, URL and GD Catalog."""
    return Q(metadata__is_public_category=True) if metric in PUBLIC_METRICS else Q()


def annotated_items(*, issues=None) -> QuerySet[Item]:
    """Current items with the Template 3 facts every metric needs, as boolean annotations."""
    items = Item.objects.filter(status=ItemStatus.CURRENT)
    if issues is not None:
        items = items.filter(issue__in=issues)
    return items.annotate(
        has_resource=_resources(), has_incomplete_resource=_resources(is_complete=False),
        has_failing_url=Exists(Resource.objects.filter(record_id=OuterRef("metadata__id")).exclude(
            url_status=Resource.UrlStatus.OK)))


@dataclass
class Cell:
    count: int
    base: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.base) if self.base else 0

    @property
    def missing(self) -> int:
        return self.base - self.count


@dataclass
class Row:
    """One line of the matrix: an agency, a dimension, or an issue's total."""

    key: str
    label: str
    counts: dict = field(default_factory=dict)

    def cell(self, metric: str) -> Cell:
        base = self.counts.get("public", 0) if metric in PUBLIC_METRICS else self.counts.get("items", 0)
        return Cell(self.counts.get(metric, 0), base)

    @property
    def cells(self) -> list[tuple[str, Cell]]:
        return [(metric, self.cell(metric)) for metric in METRICS]


def _count(items: QuerySet, group: tuple[str, ...]) -> list[dict]:
    """The counts of every metric per group, made once per data version (`catalog.data_version`)."""
    aggregates = {metric: Count("pk", filter=condition) for metric, condition in metric_filters().items()}
    return cached_rows(items.values(*group).annotate(**aggregates).order_by(*group))


AGENCY_FIELDS = ("agency__code", "agency__name_th", "agency__name_en", "agency__level")
DIMENSION_FIELDS = ("dimension__order", "dimension__code", "dimension__name_th", "dimension__name_en")


def completeness_matrix(*, issues, agency: Agency | None = None, groups: bool = True) -> dict[int, dict]:
    """Per issue id: {"total": Row, "agencies": [Row], "dimensions": [Row]}, in one query.

    The database counts each (agency, dimension) cell once; the agency rows, the dimension rows and
    the total are sums of those cells (the metrics count items, so they add up). With
    `groups=False` only the totals are counted and the agency and dimension rows stay empty.
    """
    items = annotated_items(issues=issues)
    if agency is not None:
        items = items.filter(agency=agency)
    metrics = list(metric_filters())

    def zeros(**facts) -> dict:
        return {**facts, **dict.fromkeys(metrics, 0)}

    result = {issue.pk: {"issue": issue, "total": Row("total", str(_("All items")), zeros(issue_id=issue.pk)),
                         "agencies": [], "dimensions": []} for issue in issues}
    rows_by_key = {}

    def add(row: Row, cell: dict) -> None:
        for metric in metrics:
            row.counts[metric] += cell[metric]

    def group_row(issue_id: int, part: str, key, label: str, fields: tuple, cell: dict) -> Row:
        row = rows_by_key.get((issue_id, part, key))
        if row is None:
            row = rows_by_key[(issue_id, part, key)] = Row(key, label, zeros(**{name: cell[name] for name in fields}))
            result[issue_id][part].append(row)
        return row

    english = _english()
    for cell in _count(items, ("issue_id",) + (AGENCY_FIELDS + DIMENSION_FIELDS if groups else ())):
        issue_id = cell["issue_id"]
        add(result[issue_id]["total"], cell)
        if groups:
            add(group_row(issue_id, "agencies", cell["agency__code"],
                          english and cell["agency__name_en"] or cell["agency__name_th"], AGENCY_FIELDS, cell), cell)
            add(group_row(issue_id, "dimensions", cell["dimension__code"],
                          english and cell["dimension__name_en"] or cell["dimension__name_th"], DIMENSION_FIELDS,
                          cell), cell)
    for entry in result.values():
        entry["agencies"].sort(key=lambda row: row.key or "")
        entry["dimensions"].sort(key=lambda row: (row.counts["dimension__order"] is None,
                                                  row.counts["dimension__order"] or 0, row.key or ""))
    return result


def _english() -> bool:
    return (get_language() or "th").startswith("en")


@dataclass
class Criterion:
    key: str
    met: bool
    done: int | None = None
    of: int | None = None
    evidence: Resolution | None = None
    link_metric: str = ""

    @property
    def label(self) -> str:
        return str(CRITERION_LABELS[self.key])

    @property
    def tier(self) -> int:
        return next(tier for tier, keys in tiers.TIERS.items() if self.key in keys)


@dataclass
class IssueProgress:
    issue: DevelopmentIssue
    total: Row
    criteria: dict[str, Criterion]

    @property
    def met(self) -> dict[str, bool]:
        return {key: criterion.met for key, criterion in self.criteria.items()}

    @property
    def tier(self) -> int:
        return tiers.tier_met(self.met)

    @property
    def missing(self) -> list[Criterion]:
        return [self.criteria[key] for key in tiers.missing_for_next(self.met)]

    @property
    def next_tier(self) -> int | None:
        return next((tier for tier in tiers.TIERS if tier > self.tier), None)

    def snapshot_numbers(self) -> dict:
        return {"counts": {metric: self.total.counts.get(metric, 0) for metric in METRICS},
                "criteria": self.met}

    def as_dict(self) -> dict:
        return {"issue": self.issue.number, "title": self.issue.title_th, "tier": self.tier,
                "next_tier": self.next_tier,
                "missing_for_next": [criterion.key for criterion in self.missing],
                "counts": {metric: self.total.counts.get(metric, 0) for metric in METRICS},
                "criteria": [{"key": c.key, "tier": c.tier, "met": c.met, "done": c.done, "of": c.of,
                              "evidence": _evidence_dict(c.evidence)} for c in self.criteria.values()]}


def _evidence_dict(resolution: Resolution | None) -> dict | None:
    if resolution is None:
        return None
    return {"meeting": resolution.meeting.title, "date": resolution.meeting.date.isoformat(),
            "body": resolution.meeting.body, "decision": resolution.decision}


def issue_progress_list(*, issues=None) -> list[IssueProgress]:
    """Every criterion of the indicator for each issue, with its numbers and evidence."""
    issues = list(issues if issues is not None else issue_list())
    matrix = completeness_matrix(issues=issues, groups=False) if issues else {}
    evidence = _evidence_by_issue(issues)
    return [_issue_progress(issue, matrix[issue.pk]["total"], evidence) for issue in issues]


def _evidence_by_issue(issues) -> dict[tuple[int, str], Resolution]:
    """`issue_resolution` for every issue and criterion subject at once (one query, however many issues):
    the latest approval by the committee if there is one, else the latest resolution."""
    best = {}
    for resolution in Resolution.objects.filter(issue__in=issues, subject__in=RESOLUTION_CRITERIA.values()
                                                ).select_related("meeting").order_by("meeting__date", "pk"):
        key = (resolution.issue_id, resolution.subject)
        kept = best.get(key)
        if kept is None or resolution.approves_for_tier or not kept.approves_for_tier:
            best[key] = resolution
    return best


def issue_dashboard(*, issue: DevelopmentIssue, agency: Agency | None = None) -> tuple[dict, IssueProgress]:
    """The completeness matrix of the issue (of one agency's items, if given) and the issue's progress.

    Progress is about the whole issue: for the whole issue the matrix's total is reused, for one
    agency the issue's totals are counted once more.
    """
    matrix = completeness_matrix(issues=[issue], agency=agency)[issue.pk]
    total = matrix["total"] if agency is None else completeness_matrix(issues=[issue], groups=False)[issue.pk]["total"]
    return matrix, _issue_progress(issue, total)


def _issue_progress(issue: DevelopmentIssue, total: Row, evidence: dict | None = None) -> IssueProgress:
    criteria = {}
    for key, subject in RESOLUTION_CRITERIA.items():
        resolution = (evidence.get((issue.pk, subject)) if evidence is not None
                      else issue_resolution(issue=issue, subject=subject))
        criteria[key] = Criterion(key, bool(resolution and resolution.approves_for_tier), evidence=resolution)
    items, public = total.cell("template2"), total.cell("url")
    criteria["template2_complete"] = Criterion("template2_complete", items.base > 0 and items.missing == 0,
                                               items.count, items.base, link_metric="template2")
    criteria["template3_public_ok"] = Criterion("template3_public_ok", public.missing == 0, public.count,
                                                public.base, link_metric="url")
    registered = total.cell("gdc")
    criteria["gdc_registered"] = Criterion("gdc_registered", registered.missing == 0, registered.count,
                                           registered.base, link_metric="gdc")
    return IssueProgress(issue, total, {key: criteria[key] for key in tiers.CRITERIA})


def province_tier(progress: list[IssueProgress]) -> int:
    return tiers.province_tier(p.tier for p in progress)


def item_filter(*, issue: DevelopmentIssue, agency: Agency | None = None, dimension: str = "",
                metric: str = "items", state: str = "done") -> QuerySet[Item]:
    """The items behind one number of the matrix: done (or missing) for a metric, in a cell."""
    if metric not in METRICS:
        raise Http404
    items = annotated_items(issues=[issue]).filter(metric_base(metric))
    if agency is not None:
        items = items.filter(agency=agency)
    if dimension:
        items = items.filter(dimension__code=dimension)
    condition = metric_filters()[metric]
    if state == "missing":
        items = items.exclude(condition) if condition else items.none()  # no item "lacks" being an item
    else:
        items = items.filter(condition)
    return items.select_related("agency", "dimension", "metadata", "metadata__gdc_registration").order_by(
        "dimension__order", "code")


def snapshot_series(*, issues) -> dict[int, list[ProgressSnapshot]]:
    """Each issue's daily snapshots, oldest first."""
    series = {issue.pk: [] for issue in issues}
    for snapshot in ProgressSnapshot.objects.filter(issue__in=issues).order_by("taken_on"):
        series[snapshot.issue_id].append(snapshot)
    return series


GDC_NOT_RECORDED = "none"


def gdc_records(*, issues, agency: str = "", state: str = "", public_only: bool = False
                ) -> QuerySet[MetadataRecord]:
    """The data sets of current items with their registration: public-category ones first. Narrowed to one
    agency (code), one GD Catalog state (`GDC_NOT_RECORDED`: no registration yet) and public-category ones."""
    records = MetadataRecord.objects.filter(item__issue__in=issues, item__status=ItemStatus.CURRENT)
    if agency:
        records = records.filter(item__agency__code__iexact=agency)
    if state == GDC_NOT_RECORDED:
        records = records.filter(gdc_registration__isnull=True)
    elif state:
        records = records.filter(gdc_registration__state=state)
    if public_only:
        records = records.filter(is_public_category=True)
    return records.select_related("item__issue", "item__agency", "gdc_registration").order_by(
        "-is_public_category", "item__issue__number", "item__code")
