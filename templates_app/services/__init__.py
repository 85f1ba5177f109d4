from .metadata import (
    ConflictError, dataset_name_default, metadata_approve, metadata_return, metadata_save_draft, metadata_submit,
)

__all__ = ["ConflictError", "dataset_name_default", "metadata_approve", "metadata_return", "metadata_save_draft",
           "metadata_submit"]
