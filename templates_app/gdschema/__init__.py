"""The GD Catalog Template 2 schema, declared once as data (see fields.py and choices.py).

    schema = get_schema(DataType.STATISTICAL)          # version from settings.GDC_SCHEMA_VERSION
    [entry.number for entry in schema.entries]         # "1", "2", …, "9.1", "9.2", …, "27"
    schema.required_names                              # items 1–14 (9.2 is conditional)
"""
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from catalog.models import DataType

from .choices import CHOICES, OTHER, PERIODIC_UNITS, PUBLIC_CATEGORY
from .fields import COMMON, FIELDS, TAILS, Field, Kind

__all__ = ["Entry", "Field", "Kind", "Schema", "get_schema", "schema_version", "OTHER", "PERIODIC_UNITS",
           "PUBLIC_CATEGORY", "FIELDS", "SUPPORTED_VERSIONS"]

SUPPORTED_VERSIONS = ("2.1", "2.2")
AUTO_FIELDS = ("data_type", "owner_org")


def schema_version(version: str | None = None) -> str:
    """"2.1" or "2.2" from the given version or the GDC_SCHEMA_VERSION setting ("2.2.4" → "2.2")."""
    raw = str(version or getattr(settings, "GDC_SCHEMA_VERSION", "2.1"))
    short = ".".join(raw.split(".")[:2])
    if short not in SUPPORTED_VERSIONS:
        raise ValueError(f"Unsupported GD Catalog schema version {raw!r}; use one of {SUPPORTED_VERSIONS}")
    return short


@dataclass(frozen=True)
class Entry:
    """One field as a data type shows it: its DGA item number, whether it is required, its choices."""

    number: str
    field: Field
    required: bool
    choices: tuple = ()

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def kind(self) -> str:
        return self.field.kind

    @property
    def label(self) -> str:
        english = (get_language() or "th").startswith("en")
        return self.field.label_en if english else self.field.label_th

    @property
    def help_text(self) -> str:
        english = (get_language() or "th").startswith("en")
        return self.field.help_en if english else self.field.help_th

    @property
    def choice_values(self) -> frozenset:
        return frozenset(value for value, _label in self.choices)


@dataclass(frozen=True)
class Schema:
    version: str
    data_type: str
    entries: tuple[Entry, ...]
    first_item: str = ""  # Template 3: item 1 (`dataset_name`) is filled by the portal and not an entry

    @property
    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]

    @property
    def required_names(self) -> list[str]:
        return [entry.name for entry in self.entries if entry.required]

    @property
    def item_count(self) -> int:
        """Items as the standard counts them: 9.1 and 9.2 are one item; Template 3 counts dataset_name."""
        return len({entry.number.split(".")[0] for entry in self.entries}) + (1 if self.first_item else 0)

    @property
    def required_items(self) -> list[str]:
        """The required item numbers ("1" … "14"), 9 counted once."""
        return list(dict.fromkeys(entry.number.split(".")[0] for entry in self.entries
                                  if entry.required or entry.name == "update_frequency_interval"))

    def entry(self, name: str) -> Entry:
        return self._by_name()[name]

    def get(self, name: str) -> Entry | None:
        return self._by_name().get(name)

    def _by_name(self) -> dict:
        return {entry.name: entry for entry in self.entries}


def get_schema(data_type: str, version: str | None = None) -> Schema:
    return _build(DataType(data_type).value, schema_version(version))


@lru_cache(maxsize=None)
def _build(data_type: str, version: str) -> Schema:
    names = list(COMMON) + list(TAILS[DataType(data_type)])
    if version == "2.2":
        names.insert(names.index("data_category") + 1, "data_classification")
    choices = CHOICES[version]
    entries, number = [], 0
    for name in names:
        if name == "update_frequency_interval":
            label = f"{number}.2"
        else:
            number += 1
            label = f"{number}.1" if name == "update_frequency_unit" else str(number)
        field = FIELDS[name]
        entries.append(Entry(label, field, field.required, choices.get(name, ())))
    return Schema(version, data_type, tuple(entries))
