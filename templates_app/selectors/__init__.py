from .metadata import (
    WorkRow, dataset_list, display_value, item_for_metadata, metadata_changes, metadata_history, review_queue,
    work_rows, work_summary,
)

__all__ = ["WorkRow", "dataset_list", "display_value", "item_for_metadata", "metadata_changes", "metadata_history",
           "review_queue", "work_rows", "work_summary"]
