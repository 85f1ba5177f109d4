"""Reads about Template 2: an agency's work list, the review queue, history diffs, the API list."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from catalog.data_version import cached_rows
from catalog.models import Item
from catalog.models.items import ItemStatus
from catalog.thaidates import format_be_date
from templates_app.gdschema import FIELDS, PUBLIC_CATEGORY, Kind, get_schema
from templates_app.gdschema.validation import completeness
from templates_app.models import MetadataRecord, Resource

NOT_STARTED = "not_started"


@dataclass
class WorkRow:
    item: Item
    record: MetadataRecord | None
    done: int
    required: int

    @property
    def status(self) -> str:
        return self.record.status if self.record else NOT_STARTED

    @property
    def resources(self) -> list:
        """Template 3 records (prefetched by `work_rows`)."""
        return list(self.record.resources.all()) if self.record else []

    @property
    def needs_resources(self) -> bool:
        """Public category without a Template 3 record yet."""
        return bool(self.record and self.record.is_public_category and not self.resources)

    @property
    def has_approved_version(self) -> bool:
        return bool(self.record and self.record.approved_values is not None)


def _items():
    return Item.objects.select_related("issue", "agency", "dimension", "metadata").prefetch_related(
        Prefetch("metadata__resources", queryset=Resource.objects.order_by("position", "pk")))


def work_items(*, agency, status: str | None = None):
    """The agency's current items for its work list, optionally of one Template 2 status (or `not_started`)."""
    items = _items().filter(status=ItemStatus.CURRENT, agency=agency).order_by("issue__number", "code")
    return _of_status(items, status)


def _of_status(items, status: str | None):
    """Items whose Template 2 record has `status` (`not_started`: no record); all of them for None."""
    return items.filter(_status_q(status))


def _status_q(status: str | None) -> Q:
    if status == NOT_STARTED:
        return Q(metadata__isnull=True)
    return Q(metadata__status=status) if status else Q()


def work_rows(*, items) -> list[WorkRow]:
    """`items` (a page, say) with their Template 2 status and completeness."""
    rows = []
    for item in items:
        record = getattr(item, "metadata", None)
        done, required = completeness(record.values if record else {}, schema=get_schema(item.data_type))
        rows.append(WorkRow(item, record, done, required))
    return rows


STATUS_ORDER = (NOT_STARTED, "draft", "returned", "submitted", "approved")


def work_summary(*, agency) -> list[tuple[str, int]]:
    """(status, how many of the agency's current items) in the order a work list shows them; one query, once per
    data version."""
    counts = dict(cached_rows(Item.objects.filter(status=ItemStatus.CURRENT, agency=agency).order_by()
                              .values_list("metadata__status").annotate(n=Count("id"))))
    counts[NOT_STARTED] = counts.pop(None, 0)
    return [(status, counts.get(status, 0)) for status in STATUS_ORDER]


def review_queue() -> QuerySet[MetadataRecord]:
    """Submitted records, oldest submission first (a page of them goes through `review_rows`)."""
    return MetadataRecord.objects.filter(status=MetadataRecord.Status.SUBMITTED).select_related(
        "item__issue", "item__agency", "item__dimension", "updated_by").order_by("submitted_at", "pk")


def review_rows(records) -> list[WorkRow]:
    return [WorkRow(record.item, record, *completeness(record.values, schema=get_schema(record.item.data_type)))
            for record in records]


def item_for_metadata(*, pk: int, user) -> Item:
    """The item if the user may see its Template 2; another agency's item is a 404 to agency staff."""
    item = get_object_or_404(_items(), pk=pk, status=ItemStatus.CURRENT)
    if user.can_manage_catalog or (user.is_agency_staff and user.agency_id == item.agency_id):
        return item
    raise Http404


def display_value(name: str, value) -> str:
    """A stored value as people read it: B.E. dates, lists joined, Yes/No in words."""
    if value in (None, "", []):
        return "—"
    field = FIELDS.get(name)
    if isinstance(value, list):
        return ", ".join(value)
    if field and field.kind == Kind.DATE:
        try:
            return format_be_date(dt.date.fromisoformat(value))
        except ValueError:
            return str(value)
    if value in ("True", "False") and field and field.kind == Kind.CHOICE:
        return _("Yes") if value == "True" else _("No")
    return str(value)


def _label(name: str, schema) -> str:
    entry = schema.get(name)
    if entry:
        return f"{entry.number} {entry.label}"
    base = name.removesuffix("_other")
    if base != name and schema.get(base):
        specify = _("please specify")
        return f"{schema.entry(base).number} {schema.entry(base).label} ({specify})"
    return name


def metadata_changes(old: dict, new: dict, *, schema) -> list[dict]:
    """[{field, label, old, new}] for every field whose value differs, in the schema's order."""
    order = {name: i for i, name in enumerate(schema.names)}
    names = sorted(set(old) | set(new), key=lambda n: (order.get(n.removesuffix("_other"), 999), n))
    return [{"field": name, "label": _label(name, schema), "old": display_value(name, old.get(name)),
             "new": display_value(name, new.get(name))}
            for name in names if old.get(name) != new.get(name)]


def metadata_history(*, record: MetadataRecord) -> list[dict]:
    """Each save, newest first: who, when, the action, status and the field changes old → new."""
    schema = get_schema(record.item.data_type)
    rows = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
    trail, previous = [], {}
    for row in rows:
        trail.append({"row": row, "user": row.history_user, "when": row.history_date, "version": row.version,
                      "action": row.history_change_reason or "", "status": row.get_status_display(),
                      "comments": [{"label": _label(name, schema) if name != "general" else _("General comment"),
                                    "text": text} for name, text in (row.review_comments or {}).items()]
                      if row.status == MetadataRecord.Status.RETURNED else [],
                      "changes": metadata_changes(previous, row.values or {}, schema=schema)})
        previous = row.values or {}
    return list(reversed(trail))


def last_return(*, record: MetadataRecord) -> dict | None:
    """The record as the statistics office last returned it, if no approval came after that return:
    {"values", "comments", "when", "by"} (one query). A second review compares against it."""
    row = record.history.filter(history_change_reason__in=("returned", "approved")).select_related(
        "history_user").order_by("-history_date", "-history_id").first()
    if row is None or row.history_change_reason != "returned":
        return None
    return {"values": row.values or {}, "comments": row.review_comments or {}, "when": row.history_date,
            "by": row.history_user}


def values_at_version(*, record: MetadataRecord, version: int) -> dict:
    row = record.history.filter(version=version).order_by("-history_date").first()
    return row.values if row else {}


@dataclass
class DatasetRow:
    """One data set as the API shows it to this caller: the working copy to those who may edit or review
    it, the published (last approved) version to everyone else — values, status, code and completeness."""

    item: Item
    record: MetadataRecord | None
    full: bool
    status: str
    dataset_name: str | None
    values: dict
    done: int
    required: int

    @property
    def version(self) -> int | None:
        return self.record.version if self.record and self.full else None


def dataset_rows(*, user, items) -> list[DatasetRow]:
    """The API's rows of `items` (from `dataset_items`), with what `user` may see of each."""
    return [_dataset_row(item, full=_sees_working_copy(user, item)) for item in items]


def dataset_items(*, user, issue: int | None = None, agency: str | None = None, status: str | None = None
                  ) -> QuerySet[Item]:
    """Items with their metadata for the API, unordered. The statistics office and admins see every working copy;
    agency staff their own agency's working copies and every other agency's published public-category
    data sets; anyone else only published public-category data sets. `status` filters what each caller
    sees: a published data set is `approved`, whatever draft is in progress behind it."""
    items = _items().filter(status=ItemStatus.CURRENT)
    if issue:
        items = items.filter(issue__number=issue)
    if agency:
        items = items.filter(agency__code__iexact=agency)
    published = Q(metadata__approved_values__data_category=PUBLIC_CATEGORY)
    if status not in (None, MetadataRecord.Status.APPROVED):
        published = Q(pk__in=[])  # what the public sees is approved, never a draft or a submission
    if user.is_authenticated and user.can_manage_catalog:
        items = items.filter(_status_q(status))
    elif user.is_authenticated and user.is_agency_staff:
        items = items.filter((Q(agency=user.agency_id) & _status_q(status)) | (~Q(agency=user.agency_id) & published))
    else:
        items = items.filter(published)
    return items


def _sees_working_copy(user, item: Item) -> bool:
    """The statistics office, admins and the owning agency's staff see the record as it is now."""
    return user.is_authenticated and (user.can_manage_catalog
                                      or (user.is_agency_staff and user.agency_id == item.agency_id))


def _dataset_row(item: Item, *, full: bool) -> DatasetRow:
    record = getattr(item, "metadata", None)
    if not full:  # only published records reach here
        values, status, name = record.approved_values, MetadataRecord.Status.APPROVED, record.approved_dataset_name
    elif record is not None:
        values, status, name = record.values, record.status, record.dataset_name
    else:
        values, status, name = {}, NOT_STARTED, None
    done, required = completeness(values, schema=get_schema(item.data_type))
    return DatasetRow(item, record, full, status, name, values, done, required)
