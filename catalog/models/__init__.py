"""The catalog's domain: reference data, development issues and their Template 1 items."""
from .base import TimeStampedModel
from .issues import DevelopmentIssue, Dimension, Meeting
from .items import DataType, Item, ItemRevision
from .reference import Agency, AgencyDomain, District, Level, Province
from .resolutions import Resolution
from .versions import DataVersion

__all__ = [
    "Agency",
    "AgencyDomain",
    "DataType",
    "DataVersion",
    "DevelopmentIssue",
    "Dimension",
    "District",
    "Item",
    "ItemRevision",
    "Level",
    "Meeting",
    "Province",
    "Resolution",
    "TimeStampedModel",
]
