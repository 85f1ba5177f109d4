"""Reads about development issues: their item counts now, or as of any date or meeting.

All counting is done by the database in a fixed number of queries, whatever the number of items.
"""
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from catalog.data_version import cached_rows
from catalog.models import Agency, DevelopmentIssue, Dimension, Item, ItemRevision, Meeting, Province
from catalog.models.items import ItemStatus
from catalog.thaidates import format_be_date
from core.tenancy import current_province


@dataclass
class Counts:
    """How many current items an issue has, in total and by level, agency and dimension."""

    total: int = 0
    by_level: dict = field(default_factory=lambda: {"central": 0, "regional": 0})
    by_agency: dict = field(default_factory=dict)
    by_dimension: dict = field(default_factory=dict)

    @property
    def central(self) -> int:
        return self.by_level["central"]

    @property
    def regional(self) -> int:
        return self.by_level["regional"]

    def as_dict(self) -> dict:
        return {"total": self.total, "central": self.central, "regional": self.regional,
                "by_agency": dict(sorted(self.by_agency.items())),
                "by_dimension": dict(sorted(self.by_dimension.items()))}


@dataclass
class SnapshotPoint:
    """A moment whose Template 1 list the summary tables show (None = now)."""

    key: str
    label: str
    as_of: dt.date | None


def issue_list(*, fiscal_year: int | None = None) -> QuerySet[DevelopmentIssue]:
    issues = DevelopmentIssue.objects.select_related("province")
    if fiscal_year:
        return issues.filter(fiscal_year=fiscal_year)
    latest = DevelopmentIssue.objects.order_by("-fiscal_year").values("fiscal_year")[:1]
    return issues.filter(fiscal_year=Subquery(latest))  # the current year, in the same query


def current_fiscal_year() -> int | None:
    """The latest fiscal year that has development issues."""
    return DevelopmentIssue.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).first()


def issue_get(*, number: int, fiscal_year: int | None = None) -> DevelopmentIssue:
    issue = issue_list(fiscal_year=fiscal_year).filter(number=number).first()
    if issue is None:
        raise Http404(_("No such development issue."))
    return issue


def issue_page_version(*, number: int) -> str | None:
    """A fingerprint of everything the Template 1 page of issue `number` (this fiscal year) shows,
    in one small query; None if there is no such issue.

    It changes whenever the issue, its items or dimensions, an agency, a meeting or the province is
    added, changed or deleted (a count catches a deletion, the latest `updated_at` an edit; every
    Template 1 revision saves its item), so a page kept under it is never older than the data, on
    any app server. Plain SQL: it runs on every request for the page, and building the
    equivalent ORM query would cost more than running it.
    """
    province = current_province()
    with connection.cursor() as cursor:
        if province is None:
            cursor.execute(_page_version_sql(scoped=False), [number])
        else:
            cursor.execute(_page_version_sql(scoped=True), [province.pk] * 6 + [number, province.pk, province.pk])
        row = cursor.fetchone()
    return "|".join(str(value) for value in row) if row else None


@functools.cache
def _page_version_sql(*, scoped: bool) -> str:
    """Scoped: the province's id is a parameter of every part (agencies, meetings, the province, the
    latest fiscal year and the issue)."""
    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    def stamp(model, where: str = "") -> str:
        return (f"(SELECT COUNT(*) FROM {table(model)} {where}), "
                f"(SELECT MAX(updated_at) FROM {table(model)} {where})")

    def mine(column: str = "province_id") -> str:
        return f"WHERE {column} = %s" if scoped else ""

    issue = table(DevelopmentIssue)
    latest = f"(SELECT MAX(fiscal_year) FROM {issue} {mine()})"
    return (f"SELECT i.id, i.updated_at, {stamp(Item, 'WHERE issue_id = i.id')}, "
            f"{stamp(Dimension, 'WHERE issue_id = i.id')}, {stamp(Agency, mine())}, {stamp(Meeting, mine())}, "
            f"{stamp(Province, mine('id'))} "
            f"FROM {issue} i WHERE i.number = %s AND i.fiscal_year = {latest}"
            + (" AND i.province_id = %s" if scoped else ""))


def issue_counts(*, issues, as_of: dt.date | None = None) -> dict[int, Counts]:
    """Counts per issue id: the current list, or the list as it stood at the end of `as_of`."""
    issue_ids = [issue.pk for issue in issues]
    if as_of is None:
        rows = Item.objects.filter(issue_id__in=issue_ids, status=ItemStatus.CURRENT).values(
            "issue_id", "agency__code", "agency__level", "dimension__code")
    else:
        latest = ItemRevision.objects.filter(item=OuterRef("pk"), decided_on__lte=as_of).order_by(
            "-decided_on", "-id").values("id")[:1]
        revision_ids = Item.objects.filter(issue_id__in=issue_ids).annotate(rev=Subquery(latest)).values("rev")
        rows = ItemRevision.objects.filter(id__in=revision_ids, status=ItemStatus.CURRENT).values(
            "item__issue_id", "agency__code", "agency__level", "dimension__code")
    counts: dict[int, Counts] = defaultdict(Counts)
    for row in cached_rows(rows.annotate(n=Count("id")).order_by()):
        entry = counts[row.get("issue_id") or row.get("item__issue_id")]
        entry.total += row["n"]
        entry.by_level[row["agency__level"]] += row["n"]
        entry.by_agency[row["agency__code"]] = entry.by_agency.get(row["agency__code"], 0) + row["n"]
        entry.by_dimension[row["dimension__code"]] = entry.by_dimension.get(row["dimension__code"], 0) + row["n"]
    return {issue_id: counts[issue_id] for issue_id in issue_ids}


def issue_snapshot_points(*, issue: DevelopmentIssue) -> list[SnapshotPoint]:
    """Before the first meeting that changed the list, after each such meeting, and now."""
    meetings = list(Meeting.objects.filter(item_revisions__item__issue=issue).distinct().order_by("date", "id"))
    points = []
    if meetings:
        first = meetings[0].date
        points.append(SnapshotPoint("before", _("Before the meeting of %(date)s") % {
            "date": format_be_date(first)}, first - dt.timedelta(days=1)))
    for meeting in meetings:
        points.append(SnapshotPoint(f"after-{meeting.pk}", _("After the meeting of %(date)s") % {
            "date": format_be_date(meeting.date)}, meeting.date))
    points.append(SnapshotPoint("now", _("Now"), None))
    return points


def issue_summary(*, issue: DevelopmentIssue, points: list[SnapshotPoint]) -> dict:
    """The memo's tables, one column per point: items by level and agency, and by dimension."""
    columns = [issue_counts(issues=[issue], as_of=point.as_of)[issue.pk] for point in points]
    agencies = {}
    for row in Item.objects.filter(issue=issue).values("agency__code", "agency__name_th", "agency__name_en",
                                                      "agency__level").distinct().order_by("agency__code"):
        agencies[row["agency__code"]] = row
    levels = []
    for level, label in (("central", _("Central government agencies")), ("regional", _("Regional agencies"))):
        codes = [code for code, row in agencies.items() if row["agency__level"] == level]
        levels.append({
            "level": level, "label": label, "counts": [c.by_level[level] for c in columns],
            "agencies": [{"code": code, "name_th": agencies[code]["agency__name_th"],
                          "name_en": agencies[code]["agency__name_en"],
                          "counts": [c.by_agency.get(code, 0) for c in columns]} for code in codes],
        })
    dimensions = [{"code": d.code, "name": d.name, "counts": [c.by_dimension.get(d.code, 0) for c in columns]}
                  for d in issue.dimensions.all()]
    return {"points": points, "levels": levels, "dimensions": dimensions, "totals": [c.total for c in columns]}


def issue_resolution(*, issue: DevelopmentIssue, subject: str):
    """The latest resolution on this subject for the issue (the committee's approval if there is one)."""
    from catalog.models import Resolution

    resolutions = Resolution.objects.filter(issue=issue, subject=subject).select_related("meeting")
    approved = resolutions.filter(decision=Resolution.Decision.APPROVED,
                                  meeting__body=Meeting.Body.PROVINCIAL_COMMITTEE)
    return approved.order_by("-meeting__date").first() or resolutions.order_by("-meeting__date").first()
