from .batch import Cleaned, RowErrors
from .metadata import (
    ConflictError, DraftRow, dataset_name_default, metadata_approve, metadata_clean, metadata_return,
    metadata_save_draft, metadata_save_drafts, metadata_submit, metadata_submit_many,
)
from .resources import (
    Checked, ResourceRow, resource_check_many, resource_check_now, resource_clean, resource_create, resource_delete,
    resource_save_many, resource_update,
)

__all__ = ["Checked", "Cleaned", "ConflictError", "DraftRow", "ResourceRow", "RowErrors", "dataset_name_default",
           "metadata_approve", "metadata_clean", "metadata_return", "metadata_save_draft", "metadata_save_drafts",
           "metadata_submit", "metadata_submit_many", "resource_check_many", "resource_check_now", "resource_clean", "resource_create",
           "resource_delete", "resource_save_many", "resource_update"]
