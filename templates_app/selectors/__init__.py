from .metadata import (
    DatasetRow, WorkRow, dataset_items, dataset_rows, display_value, item_for_metadata, last_return,
    metadata_changes, metadata_history, review_queue, review_rows, STATUS_ORDER, work_items, work_rows, work_summary,
)

from .resources import (
    PROBLEM_STATUSES, agencies_with_domains, agency_by_code, dataset_resources, link_problems, link_summary,
    resource_of_item, resources_to_check,
)

__all__ = ["PROBLEM_STATUSES", "agencies_with_domains", "agency_by_code", "dataset_resources", "link_problems",
           "link_summary", "resource_of_item", "resources_to_check", "DatasetRow", "WorkRow", "dataset_items",
           "dataset_rows", "display_value", "item_for_metadata", "last_return", "metadata_changes", "metadata_history",
           "review_queue", "review_rows", "STATUS_ORDER", "work_items", "work_rows", "work_summary"]
