from .items import item_create, item_remove, item_restore, item_update
from .reference import ReferenceFiles, reference_load
from .resolutions import resolution_record

__all__ = ["ReferenceFiles", "item_create", "item_remove", "item_restore", "item_update", "reference_load", "resolution_record"]
