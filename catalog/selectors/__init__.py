from .issues import (
    Counts,
    SnapshotPoint,
    current_fiscal_year,
    issue_counts,
    issue_get,
    issue_list,
    issue_resolution,
    issue_snapshot_points,
    issue_summary,
    issue_page_version,
)
from .items import issue_revisions, item_get, item_list, item_revisions, items_by_dimension, revision_trail

__all__ = [
    "Counts",
    "SnapshotPoint",
    "current_fiscal_year",
    "issue_counts",
    "issue_get",
    "issue_list",
    "issue_resolution",
    "issue_revisions",
    "issue_snapshot_points",
    "issue_summary",
    "issue_page_version",
    "item_get",
    "item_list",
    "item_revisions",
    "items_by_dimension",
    "revision_trail",
]
