"""Writes to Template 2. The web form, the API and the spreadsheet importer call these only.

Every write checks the role, the workflow state and the version the caller read (optimistic
concurrency), validates the values against the GD schema, and saves one history row. A single
save is a batch of one (`metadata_save_drafts`): one code path, a constant number of queries.
"""
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Item
from core.locks import busy_records
from notifications import services as notifications
from templates_app.gdschema import get_schema
from templates_app.gdschema.validation import clean_values, record_summary
from templates_app.models import MetadataRecord, validate_dataset_name

from .batch import Cleaned, RowErrors, check_fields, only_row, reuse_or_clean, sealed, write_with_history

Status = MetadataRecord.Status
#: What a save sets (besides the review's own fields): checked by the model's field rules, then written.
WRITTEN = ("dataset_name", "values", "status", "submitted_at", "version", "updated_by", "updated_at",
           "required_done", "is_complete", "is_public_category")
REVIEWED = ("approved_values", "approved_dataset_name", "approved_at", "review_comments")


class ConflictError(ValidationError):
    """Someone else saved the record since the caller read it; `record` is the current one."""

    def __init__(self, record: MetadataRecord, read_version: int):
        super().__init__(
            {"__all__": [ValidationError(
                _("Someone else saved this record after you opened it (version %(read)s → %(now)s). "
                  "Your changes were not saved; review their changes below and enter yours again."),
                code="conflict", params={"read": read_version, "now": record.version})]})
        self.record = record
        self.read_version = read_version


@dataclass(frozen=True)
class DraftRow:
    """One row of a batch save: the item, its values as typed, the version read (None before the
    first save) and, optionally, a new GD Catalog slug."""

    item: Item
    values: dict | Cleaned
    version: int | None
    dataset_name: str | None = None


def dataset_name_default(item: Item) -> str:
    """A GD Catalog slug from the item's code: `I1-005` of FY 2566 → `ptn2566-i1-005`."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", item.code.lower()).strip("-")
    return f"fy{item.issue.fiscal_year}-{slug}"[:70]


def metadata_clean(*, data_type: str, values: dict, complete: bool = False) -> Cleaned:
    """The schema's cleaning of values as typed (`.values`, `.errors`), e.g. to preview a change; pass
    the result to `metadata_save_drafts` (or `metadata_submit` when `complete`) to save them as they are."""
    schema = get_schema(data_type)
    return sealed(values, clean_values(values, schema=schema, complete=complete), key=(schema, complete))


def metadata_save_draft(*, item: Item, values: dict, version: int | None, by, dataset_name: str | None = None
                        ) -> MetadataRecord:
    """Save what is filled so far (may be incomplete; what is filled must be valid)."""
    return only_row(lambda: _write([DraftRow(item, values, version, dataset_name)], by=by, submit=False))


def metadata_save_drafts(*, rows: list[DraftRow], by) -> list[MetadataRecord]:
    """`metadata_save_draft` for many items at once, all or none, in a constant number of queries.

    Raises `RowErrors` ({row index: the error that row alone would raise}) and writes nothing
    when any row is refused.
    """
    return _write(rows, by=by, submit=False)


def metadata_submit(*, item: Item, values: dict, version: int | None, by, dataset_name: str | None = None
                    ) -> MetadataRecord:
    """Save and send to the statistics office: every required item must be valid."""
    return only_row(lambda: _write([DraftRow(item, values, version, dataset_name)], by=by, submit=True))


def metadata_submit_many(*, rows: list[DraftRow], by) -> list[MetadataRecord]:
    """`metadata_submit` for many items at once, all or none (`RowErrors` as `metadata_save_drafts`)."""
    return _write(rows, by=by, submit=True)


@busy_records()
def metadata_approve(*, record: MetadataRecord, version: int, by) -> MetadataRecord:
    with transaction.atomic():
        record = _lock_for_review(record, version, by)
        record.status = Status.APPROVED
        record.approved_values = dict(record.values)
        record.approved_dataset_name = record.dataset_name
        record.approved_at = timezone.now()
        record.review_comments = {}
        _store([record], by, "approved", fields=WRITTEN + REVIEWED)
        transaction.on_commit(lambda: notifications.notify_record_approved(record=record))
        return record


@busy_records()
def metadata_return(*, record: MetadataRecord, comments: dict, version: int, by) -> MetadataRecord:
    """Send back to the agency with comments keyed by field name (`general` for a general one)."""
    comments = {name: str(text).strip() for name, text in comments.items() if str(text or "").strip()}
    with transaction.atomic():
        record = _lock_for_review(record, version, by)
        if not comments:
            raise ValidationError({"__all__": [ValidationError(
                _("Write at least one comment so the agency knows what to fix."), code="comment_required")]})
        record.status = Status.RETURNED
        record.review_comments = comments
        _store([record], by, "returned", fields=WRITTEN + REVIEWED)
        transaction.on_commit(lambda: notifications.notify_record_returned(record=record))
        return record


@busy_records()  # a row another request holds: RecordBusy ("someone else is saving"), after lock_timeout
def _write(rows: list[DraftRow], *, by, submit: bool) -> list[MetadataRecord]:
    if len({row.item.pk for row in rows}) != len(rows):
        raise ValueError("An item appears twice in one batch.")
    errors, cleaned = {}, {}
    for index, row in enumerate(rows):
        if not (getattr(by, "is_agency_staff", False) and by.agency_id == row.item.agency_id):
            errors[index] = PermissionDenied("Only staff of the owning agency edit its Template 2 records.")
        else:
            schema = get_schema(row.item.data_type)
            cleaned[index] = reuse_or_clean(row.values, (schema, submit), lambda raw, schema=schema: clean_values(
                raw, schema=schema, complete=submit))
    with transaction.atomic():
        allowed = [row for index, row in enumerate(rows) if index in cleaned]
        current = _lock([row.item for row in allowed])
        names = _Names(allowed, current)
        if submit:
            _check_titles(allowed, rows, cleaned, errors)
        records = []
        for index, row in enumerate(rows):
            if index in errors:
                continue
            try:
                records.append(_prepare(row, current.get(row.item.pk), *cleaned[index], names=names, submit=submit))
            except ValidationError as exc:
                errors[index] = exc
        if errors:
            raise RowErrors(errors)
        _store(records, by, "submitted" if submit else "saved", fields=WRITTEN)
    return records


def _check_titles(allowed: list[DraftRow], rows: list[DraftRow], cleaned: dict, errors: dict) -> None:
    """GD Catalog (thai_gdc) refuses a second data set with the same title: no two of the province's (one query)."""
    titles = {index: cleaned[index][0].get("title", "").strip() for index in cleaned}
    wanted = {title for title in titles.values() if title}
    if not wanted:
        return
    holders = {}
    for title, item_pk, name in MetadataRecord.objects.filter(values__title__in=list(wanted)).exclude(
            item__in=[row.item.pk for row in allowed]).values_list("values__title", "item_id", "dataset_name"):
        holders.setdefault(title, name)
    for index, title in titles.items():
        holder = holders.get(title)
        if holder is None:
            holders[title] = rows[index].dataset_name or rows[index].item.code  # a later row of this batch
        elif index not in errors:
            errors[index] = ValidationError({"title": [ValidationError(
                _("Another data set of the province already has this title (%(code)s): GD Catalog refuses two "
                  "data sets with the same title."), code="duplicate_title", params={"code": holder})]})


def _lock(items: list[Item]) -> dict[int, MetadataRecord]:
    """{item pk: its record}, locked for this transaction (one query)."""
    if not items:
        return {}
    by_pk = {item.pk: item for item in items}
    # `values` is replaced by the write (read on demand for a ConflictError's "their changes")
    records = MetadataRecord.objects.select_for_update(of=("self",)).filter(item__in=list(by_pk)).defer("values")
    current = {}
    for record in records:
        record.item = by_pk[record.item_id]  # the caller's item: its schema cleaned the values
        current[record.item_id] = record
    return current


def _prepare(row: DraftRow, record, values: dict, errors: dict, *, names, submit: bool) -> MetadataRecord:
    """The record as this row would save it; raises the row's ValidationError (or ConflictError)."""
    if record is not None:
        _check_version(record, row.version)
        if record.status == Status.SUBMITTED:
            raise ValidationError({"__all__": [ValidationError(
                _("This record is waiting for review and cannot be changed until it is returned."),
                code="locked")]})
    else:
        record = MetadataRecord(item=row.item, dataset_name=names.default(row.item), version=0)
    if row.dataset_name is not None and row.dataset_name.strip() != record.dataset_name:
        errors = errors | names.check(row.dataset_name.strip(), record)
        record.dataset_name = row.dataset_name.strip()
    if errors:
        raise ValidationError(errors)
    names.use(record)
    record.values = values
    if submit:
        record.status, record.submitted_at = Status.SUBMITTED, timezone.now()
    elif record.status == Status.APPROVED:
        record.status = Status.DRAFT  # a new draft; approved_values stays published
    return record


class _Names:
    """The batch's GD Catalog slugs, looked up in one query: new records' defaults and the names asked for."""

    def __init__(self, rows: list[DraftRow], current: dict):
        new = [row.item for row in rows if row.item.pk not in current]
        prefetch_related_objects(new, "issue")  # the default code names the fiscal year (a query if not loaded)
        self.defaults = {item.pk: dataset_name_default(item) for item in new}
        asked = {row.dataset_name.strip() for row in rows if row.dataset_name is not None}
        wanted = set(self.defaults.values()) | asked
        self.holders = dict(MetadataRecord.objects.filter(dataset_name__in=wanted).values_list(
            "dataset_name", "pk")) if wanted else {}
        changing = {row.dataset_name.strip() for row in rows if row.dataset_name is not None and row.dataset_name.strip()
                    != (current[row.item.pk].dataset_name if row.item.pk in current else self.defaults[row.item.pk])}
        self.reserved = _default_code_owners(changing)
        self.used = set()  # names this batch gives

    def taken(self, name: str, pk: int | None = None) -> bool:
        """Held by another record, or already given to a record of this batch."""
        holder = self.holders.get(name)
        return (holder is not None and holder != pk) or name in self.used

    def default(self, item: Item) -> str:
        """The default code, made unique with the item's id if another record already took it."""
        name = self.defaults[item.pk]
        return f"{name[:60]}-{item.pk}" if self.taken(name) else name

    def check(self, name: str, record: MetadataRecord) -> dict:
        try:
            validate_dataset_name(name)
        except ValidationError as exc:
            return {"dataset_name": [exc]}
        if self.taken(name, record.pk):
            return {"dataset_name": [ValidationError(_("Another data set already uses this code."),
                                                     code="duplicate_dataset_name")]}
        owner = self.reserved.get(name)
        if owner is not None and owner.pk != record.item_id:
            return {"dataset_name": [ValidationError(
                _("This code is reserved for item %(code)s of %(agency)s: it is that item's default data set code."),
                code="reserved_dataset_name", params={"code": owner.code, "agency": owner.agency.name_th})]}
        return {}

    def use(self, record: MetadataRecord) -> None:
        self.used.add(record.dataset_name)


def _default_code_owners(names: set[str]) -> dict[str, Item]:
    """{name: the item} for each of `names` that is some item's default code (one query, none if no name
    looks like `fy<year>-…`). A default code is reserved for its item, started or not."""
    query = Q()
    for name in names:
        if match := re.fullmatch(r"fy(\d{1,4})-(.+)", name):
            part = max(re.findall(r"[a-z0-9]+", match[2]), key=len, default="")
            query |= Q(issue__fiscal_year=int(match[1]), code__icontains=part)
    if not query:
        return {}
    items = Item.objects.filter(query).select_related("issue", "agency")
    return {default: item for item in items if (default := dataset_name_default(item)) in names}


def _check_version(record: MetadataRecord, version) -> None:
    if version is None or int(version) != record.version:
        raise ConflictError(record, int(version or 0))


def _lock_for_review(record, version, by) -> MetadataRecord:
    if not getattr(by, "can_manage_catalog", False):
        raise PermissionDenied("Only the statistics office reviews Template 2 records.")
    record = MetadataRecord.objects.select_for_update(of=("self", "item")).select_related("item").get(pk=record.pk)
    _check_version(record, version)
    if record.status != Status.SUBMITTED:
        raise ValidationError({"__all__": [ValidationError(
            _("Only a submitted record can be approved or returned."), code="not_submitted")]})
    return record


def _store(records: list[MetadataRecord], by, action: str, *, fields: tuple) -> None:
    """Stamp (version, who, summary columns), check the model's field rules, then write the records and
    one history row each (`action` is its change reason) in bulk."""
    now = timezone.now()
    for record in records:
        record.version += 1
        record.updated_by, record.updated_at = by, now
        record._history_user = by
        record._change_reason = action
        for name, value in record_summary(record.values, data_type=record.item.data_type).items():
            setattr(record, name, value)
        check_fields(record, fields)
    write_with_history(records, MetadataRecord, fields, date=now)
