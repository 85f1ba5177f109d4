"""Writes to Template 2. The web form, the API and any spreadsheet importer call these only.

Every write checks the role, the workflow state and the version the caller read (optimistic
concurrency), validates the values against the GD schema, and saves one history row.
"""
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Item
from templates_app.gdschema import get_schema
from templates_app.gdschema.validation import clean_values, record_summary
from templates_app.models import MetadataRecord, validate_dataset_name

Status = MetadataRecord.Status


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


def dataset_name_default(item: Item) -> str:
    """A GD Catalog slug from the item's code: `I1-005` of FY 2566 → `ptn2566-i1-005`."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", item.code.lower()).strip("-")
    return f"fy{item.issue.fiscal_year}-{slug}"[:70]


def metadata_save_draft(*, item: Item, values: dict, version: int | None, by, dataset_name: str | None = None
                        ) -> MetadataRecord:
    """Save what is filled so far (may be incomplete; what is filled must be valid)."""
    return _write(item=item, values=values, version=version, by=by, dataset_name=dataset_name, submit=False)


def metadata_submit(*, item: Item, values: dict, version: int | None, by, dataset_name: str | None = None
                    ) -> MetadataRecord:
    """Save and send to the statistics office: every required item must be valid."""
    return _write(item=item, values=values, version=version, by=by, dataset_name=dataset_name, submit=True)


def metadata_approve(*, record: MetadataRecord, version: int, by) -> MetadataRecord:
    with transaction.atomic():
        record = _lock_for_review(record, version, by)
        record.status = Status.APPROVED
        record.approved_values = dict(record.values)
        record.approved_at = timezone.now()
        record.review_comments = {}
        return _save(record, by, "approved")


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
        return _save(record, by, "returned")


def _write(*, item, values, version, by, dataset_name, submit) -> MetadataRecord:
    if not (getattr(by, "is_agency_staff", False) and by.agency_id == item.agency_id):
        raise PermissionDenied("Only staff of the owning agency edit its Template 2 records.")
    schema = get_schema(item.data_type)
    cleaned, errors = clean_values(values, schema=schema, complete=submit)
    with transaction.atomic():
        record = MetadataRecord.objects.select_for_update().filter(item=item).first()
        if record is not None:
            _check_version(record, version)
            if record.status == Status.SUBMITTED:
                raise ValidationError({"__all__": [ValidationError(
                    _("This record is waiting for review and cannot be changed until it is returned."),
                    code="locked")]})
        else:
            record = MetadataRecord(item=item, dataset_name=_free_default_name(item), version=0)
        if dataset_name is not None and dataset_name.strip() != record.dataset_name:
            errors |= _check_dataset_name(dataset_name.strip(), record)
            record.dataset_name = dataset_name.strip()
        if errors:
            raise ValidationError(errors)
        record.values = cleaned
        if submit:
            record.status, record.submitted_at = Status.SUBMITTED, timezone.now()
        elif record.status == Status.APPROVED:
            record.status = Status.DRAFT  # a new draft; approved_values stays published
        return _save(record, by, "submitted" if submit else "saved")


def _free_default_name(item: Item) -> str:
    """The default code, made unique with the item's id if another record already took it."""
    name = dataset_name_default(item)
    if MetadataRecord.objects.filter(dataset_name=name).exists():
        name = f"{name[:60]}-{item.pk}"
    return name


def _check_dataset_name(name: str, record: MetadataRecord) -> dict:
    try:
        validate_dataset_name(name)
    except ValidationError as exc:
        return {"dataset_name": [exc]}
    if MetadataRecord.objects.filter(dataset_name=name).exclude(pk=record.pk).exists():
        return {"dataset_name": [ValidationError(_("Another data set already uses this code."),
                                                 code="duplicate_dataset_name")]}
    return {}


def _check_version(record: MetadataRecord, version) -> None:
    if version is None or int(version) != record.version:
        raise ConflictError(record, int(version or 0))


def _lock_for_review(record, version, by) -> MetadataRecord:
    if not getattr(by, "can_manage_catalog", False):
        raise PermissionDenied("Only the statistics office reviews Template 2 records.")
    record = MetadataRecord.objects.select_for_update().get(pk=record.pk)
    _check_version(record, version)
    if record.status != Status.SUBMITTED:
        raise ValidationError({"__all__": [ValidationError(
            _("Only a submitted record can be approved or returned."), code="not_submitted")]})
    return record


def _save(record: MetadataRecord, by, action: str) -> MetadataRecord:
    record.version += 1
    record.updated_by = by
    record._history_user = by
    record._change_reason = action
    for name, value in record_summary(record.values, data_type=record.item.data_type).items():
        setattr(record, name, value)
    record.full_clean(exclude=["item", "updated_by"], validate_unique=False)
    record.save()
    return record
