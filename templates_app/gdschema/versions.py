"""The GD Catalog schema versions, as data: what each version (and the Excel importer it matches) adds or changes.

A version is named by its short schema name ("2.1", "2.2") and matches one public release of the
importer (ckanext-thai_gdc "2.1.0", "2.2.4"). To add a version 2.3: add a `Version` here (its
inserted items, relabelled items, choice lists in choices.py); the sheets and forms follow.
"""
from dataclasses import dataclass, field

from django.conf import settings


@dataclass(frozen=True)
class Version:
    short: str                 # "2.2"
    importer: str              # "2.2.4": the importer release whose workbook this version's layout is
    inserts: dict = field(default_factory=dict)   # {existing item: item inserted right after it}
    labels: dict = field(default_factory=dict)    # {item: (Thai label, English label)} where this version renames


VERSIONS = {
    "2.1": Version("2.1", "2.1.0"),
    "2.2": Version("2.2", "2.2.4", inserts={"data_category": "data_classification"},
                   labels={"maintainer": ("ชื่อฝ่ายงานสำหรับติดต่อ", "Contact unit"),
                           "maintainer_email": ("อีเมลสำหรับติดต่อ", "Contact e-mail")}),
}
SUPPORTED_VERSIONS = tuple(VERSIONS)
DEFAULT_IMPORTER_VERSION = "2.2.4"


def schema_version(version: str | None = None) -> str:
    """"2.1" or "2.2" from the given version or the GDC_IMPORTER_VERSION setting ("2.2.4" → "2.2")."""
    raw = str(version or getattr(settings, "GDC_IMPORTER_VERSION", DEFAULT_IMPORTER_VERSION))
    short = ".".join(raw.split(".")[:2])
    if short not in VERSIONS:
        raise ValueError(f"Unsupported GD Catalog importer version {raw!r}; use one of "
                         f"{[v.importer for v in VERSIONS.values()]}")
    return short


def importer_version(version: str | None = None) -> str:
    """The importer release a version's workbook is for: "2.2" → "2.2.4" (default: the setting's)."""
    return VERSIONS[schema_version(version)].importer


def importer_versions() -> list[str]:
    return [version.importer for version in VERSIONS.values()]
