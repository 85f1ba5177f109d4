from .metadata import (
    ConflictError, dataset_name_default, metadata_approve, metadata_return, metadata_save_draft, metadata_submit,
)

from .resources import (
    Checked, resource_check_many, resource_check_now, resource_create, resource_delete, resource_update,
)

__all__ = ["Checked", "resource_check_many", "resource_check_now", "resource_create", "resource_delete",
           "resource_update", "ConflictError", "dataset_name_default", "metadata_approve", "metadata_return",
           "metadata_save_draft", "metadata_submit"]
