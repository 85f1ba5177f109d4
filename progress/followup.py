"""The follow-up list sent to an agency: each outstanding item and exactly what it still lacks."""
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from catalog.models import Agency, Item
from progress.models import GdcState
from progress.selectors import annotated_items, metric_filters
from templates_app.gdschema import get_schema
from templates_app.gdschema.resources import get_resource_schema
from templates_app.gdschema.validation import completeness
from templates_app.models import MetadataRecord, Resource


@dataclass
class Problem:
    kind: str  # template2 / approved / template3 / url / gdc
    text: str
    fields: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.text}: {', '.join(self.fields)}" if self.fields else self.text


@dataclass
class FollowUpRow:
    item: Item
    problems: list[Problem]


def missing_fields(record: MetadataRecord | None, data_type: str) -> list[str]:
    """`"5 อีเมลผู้ติดต่อ"`, … for every required item of the data type still empty (stored values were
    validated when saved, so what is filled is valid)."""
    return _missing(record.values if record else {}, get_schema(data_type))


def _missing(values: dict, schema) -> list[str]:
    labels = []
    for entry in schema.entries:
        # The schema's own completeness rule, asked about one entry at a time (9.2 only when periodic).
        done, required = completeness(values, schema=replace(schema, entries=(entry,)))
        if required and not done:
            labels.append(f"{entry.number} {entry.label}")
    return labels


def item_problems(item: Item) -> list[Problem]:
    record = getattr(item, "metadata", None)
    problems = []
    if record is None:
        problems.append(Problem("template2", _("Template 2 not started"), missing_fields(None, item.data_type)))
    elif not record.is_complete:
        problems.append(Problem("template2", _("Template 2 items missing or invalid"),
                                missing_fields(record, item.data_type)))
    if record is not None and record.status != MetadataRecord.Status.APPROVED:
        problems.append(Problem("approved", _("Template 2 not yet approved (status: %(status)s)") % {
            "status": record.get_status_display()}))
    if record is None or not record.is_public_category:
        return problems
    return problems + _template3_problems(record, item.data_type) + _gdc_problems(record)


def _template3_problems(record: MetadataRecord, data_type: str) -> list[Problem]:
    resources = list(record.resources.all())
    if not resources:
        return [Problem("template3", _("Template 3 (public-category data set): no digital source recorded yet"))]
    problems = []
    for resource in resources:
        name = resource.name or resource.url or _("(unnamed)")
        if not resource.is_complete:
            problems.append(Problem("template3", _("Template 3 “%(name)s” is incomplete") % {"name": name},
                                    _missing(resource.values, get_resource_schema(data_type))))
        if resource.url_status != Resource.UrlStatus.OK:
            problems.append(Problem("url", _("URL %(url)s: %(state)s") % {
                "url": resource.url or "—", "state": resource.get_url_status_display()}
                + (_(" (failed %(n)s checks in a row)") % {"n": resource.failure_count}
                   if resource.failure_count else "")))
    return problems


def _gdc_problems(record: MetadataRecord) -> list[Problem]:
    registration = getattr(record, "gdc_registration", None)
    if registration is not None and registration.state == GdcState.COMPLETED:
        return []
    state = registration.get_state_display() if registration else _("not registered")
    return [Problem("gdc", _("Not registered in the GD Catalog (state: %(state)s)") % {"state": state})]


def followup_items(*, agency: Agency, issues) -> QuerySet[Item]:
    """The agency's current items that still lack something, in issue and code order. The database picks
    them (the rule `item_problems` explains, in SQL), so the list can be paged."""
    done = metric_filters()
    complete = done["template2"] & done["approved"] & (Q(metadata__is_public_category=False) | (done["url"] & done["gdc"]))
    return annotated_items(issues=issues).filter(agency=agency).exclude(complete).select_related(
        "issue", "dimension", "metadata", "metadata__gdc_registration").prefetch_related(
        "metadata__resources").order_by("issue__number", "code")


def followup_rows(items) -> Iterator[FollowUpRow]:
    """Each of `items` (from `followup_items`) with what it lacks, one at a time."""
    return (FollowUpRow(item, item_problems(item)) for item in items)
