"""The GD Catalog Template 2 schema, declared once as data (see fields.py and choices.py).

    schema = get_schema(DataType.STATISTICAL)          # version from settings.GDC_IMPORTER_VERSION
    [entry.number for entry in schema.entries]         # "1", "2", …, "9.1", "9.2", …, "27" ("" = not numbered)
    schema.required_names                              # items 1–14 (9.2 is conditional)

Versions are data (versions.py); the delivery route (settings.GDC_DELIVERY, delivery.py) decides
whether a multi-choice item takes one value (workbook) or a list (harvest).
"""
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from django.utils.translation import get_language

from catalog.models import DataType

from .choices import CHOICES, OTHER, PERIODIC_UNITS, PUBLIC_CATEGORY, YES_NO
from .delivery import ONE_VALUE_NOTE, WORKBOOK, YES_NO_NOTE, delivery_mode
from .fields import COMMON, FIELDS, TAILS, Field, Kind
from .versions import SUPPORTED_VERSIONS, VERSIONS, importer_version, schema_version

__all__ = ["Entry", "Field", "Kind", "Schema", "get_schema", "schema_version", "importer_version", "OTHER",
           "PERIODIC_UNITS", "PUBLIC_CATEGORY", "FIELDS", "SUPPORTED_VERSIONS", "WORKBOOK", "delivery_mode"]

AUTO_FIELDS = ("data_type", "owner_org")


@dataclass(frozen=True)
class Entry:
    """One field as a data type shows it: its DGA item number, whether it is required, its choices."""

    number: str           # "" for an item outside the DGA numbering (allow_harvest, reference_url_catalog)
    field: Field
    required: bool
    choices: tuple = ()
    single: bool = False  # a multi-choice item limited to one value (workbook delivery: one value per cell)
    answer_needed: bool = False  # a Temp2 yes/no item the workbook importer reads as ใช่ when blank

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
        if self.single:
            return ONE_VALUE_NOTE[1] if english else ONE_VALUE_NOTE[0]
        if self.answer_needed:
            return YES_NO_NOTE[1] if english else YES_NO_NOTE[0]
        return self.field.help_en if english else self.field.help_th

    @cached_property
    def choice_values(self) -> frozenset:
        return frozenset(value for value, _label in self.choices)

    @property
    def is_yes_no(self) -> bool:
        return self.choices == YES_NO


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
        return len({entry.number.split(".")[0] for entry in self.entries if entry.number}) + (
            1 if self.first_item else 0)

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


def get_schema(data_type: str, version: str | None = None, delivery: str | None = None) -> Schema:
    return _build(DataType(data_type).value, schema_version(version), delivery_mode(delivery))


@lru_cache(maxsize=None)
def _build(data_type: str, version: str, delivery: str) -> Schema:
    spec = VERSIONS[version]
    names = []
    for name in list(COMMON) + list(TAILS[DataType(data_type)]):
        names.append(name)
        if name in spec.inserts:
            names.append(spec.inserts[name])
    choices = CHOICES[version]
    entries, number = [], 0
    for name in names:
        field = FIELDS[name]
        if name in spec.labels:
            field = replace(field, label_th=spec.labels[name][0], label_en=spec.labels[name][1])
        if not field.in_workbook:
            label = ""
        elif name == "update_frequency_interval":
            label = f"{number}.2"
        else:
            number += 1
            label = f"{number}.1" if name == "update_frequency_unit" else str(number)
        workbook = delivery == WORKBOOK
        entries.append(Entry(label, field, field.required, choices.get(name, ()),
                             single=field.kind == Kind.MULTI and workbook,
                             answer_needed=workbook and choices.get(name) == YES_NO))
    return Schema(version, data_type, tuple(entries))
