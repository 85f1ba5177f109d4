"""Every province's tiers, read the way each province's own progress page reads them.

The counts come from `progress.selectors.issue_progress_list` over the latest fiscal year's issues of
every province at once (the completeness matrix groups by issue, so one pass counts the nation), so a
province's row on the board is exactly what its own dashboard shows.
"""
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Subquery

from catalog import tiers
from catalog.models import DevelopmentIssue, Province
from core.tenancy import all_provinces
from progress.selectors import METRICS, IssueProgress, issue_progress_list, snapshot_series


@dataclass
class ProvinceRow:
    province: Province
    progress: list[IssueProgress] = field(default_factory=list)
    behind: bool = False
    trend: list[tuple] = field(default_factory=list)  # (first day of a month, the province's tier then)

    @property
    def tier(self) -> int:
        return tiers.province_tier(p.tier for p in self.progress) if self.progress else 0

    @property
    def counts(self) -> dict[str, int]:
        return {metric: sum(p.total.counts.get(metric, 0) for p in self.progress) for metric in METRICS}

    def dashboard_url(self, number: int) -> str:
        """The issue's completeness dashboard on the province's own host (cookies are per host)."""
        path = f"/progress/issues/{number}/"
        return f"//{self.province.slug}.{settings.PORTAL_DOMAIN}{path}" if settings.PORTAL_DOMAIN else path


def national_board() -> list[ProvinceRow]:
    """One row per province (those without issues too), lowest tier first; `behind` marks the provinces
    below the tier that half the provinces have reached; `trend` is its tier month by month."""
    with all_provinces():
        latest = DevelopmentIssue.objects.filter(province=OuterRef("province")).order_by("-fiscal_year")
        issues = list(DevelopmentIssue.objects.filter(fiscal_year=Subquery(latest.values("fiscal_year")[:1]))
                      .select_related("province").order_by("province__code", "number"))
        progress = issue_progress_list(issues=issues)
        rows = {province.pk: ProvinceRow(province) for province in Province.objects.order_by("code")}
    for item in progress:
        rows[item.issue.province_id].progress.append(item)
    _add_trends(rows.values())
    board = sorted(rows.values(), key=lambda row: (row.tier, row.province.code))
    if board:
        median = sorted(row.tier for row in board)[len(board) // 2]
        for row in board:
            row.behind = row.tier < median
    return board


def _add_trends(rows) -> None:
    """Each province's tier month by month over the fiscal year, from the daily snapshots
    (`snapshot_progress`): per month the lowest of its issues' last tier that month, in one query."""
    issues = [p.issue for row in rows for p in row.progress]
    with all_provinces():
        series = snapshot_series(issues=issues)
    for row in rows:
        months: dict = {}
        for p in row.progress:
            for snapshot in series[p.issue.pk]:  # oldest first: the month's last one wins
                months.setdefault(snapshot.taken_on.replace(day=1), {})[p.issue.pk] = snapshot.tier
        row.trend = [(month, min(by_issue.values())) for month, by_issue in sorted(months.items())]


def board_totals(board: list[ProvinceRow]) -> dict[str, int]:
    return {metric: sum(row.counts[metric] for row in board) for metric in METRICS}
