"""Writes to Template 1. Every change is one `ItemRevision` with a reason (and maybe a meeting).

Web forms, the reference loader and any later importer call these functions; they are the
only place Template 1 rows are written.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Agency, DevelopmentIssue, Dimension, Item, ItemRevision, Meeting
from catalog.models.items import ItemStatus
from catalog.validators import validate_not_blank

EDITABLE_FIELDS = ("name_th", "name_en", "agency", "dimension", "data_type", "unit")
_TEXT_FIELDS = ("name_th", "name_en", "unit", "code")


def item_create(
    *,
    issue: DevelopmentIssue,
    code: str,
    name_th: str,
    agency: Agency,
    dimension: Dimension,
    data_type: str,
    reason: str,
    name_en: str = "",
    unit: str = "",
    meeting: Meeting | None = None,
    decided_on: dt.date | None = None,
    by=None,
) -> Item:
    """Add an item to an issue's Template 1 list."""
    item = Item(issue=issue, code=code.strip(), name_th=name_th.strip(), name_en=name_en.strip(),
                agency=agency, dimension=dimension, data_type=data_type, unit=unit.strip())
    errors = _check_reason(reason)
    errors |= _check_dimension(item)
    if Item.objects.filter(issue=issue, code=item.code).exists():
        errors["code"] = [ValidationError(_("An item with code “%(code)s” already exists in this issue."),
                                          code="duplicate_code", params={"code": item.code})]
    _clean_or_raise(item, errors)
    with transaction.atomic():
        item.save()
        _record(item, ItemRevision.Kind.CREATED, {}, reason, meeting, decided_on, by)
    return item


def item_update(
    *,
    item: Item,
    reason: str,
    meeting: Meeting | None = None,
    decided_on: dt.date | None = None,
    by=None,
    **changes,
) -> ItemRevision:
    """Rename, move to another dimension, hand to another agency, or change type/unit: one revision."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"item_update() cannot change {sorted(unknown)}")
    before = item.state()
    for field, value in changes.items():
        setattr(item, field, value.strip() if field in _TEXT_FIELDS and isinstance(value, str) else value)
    diff = _diff(before, item.state())
    errors = _check_reason(reason) | _check_dimension(item)
    if not diff and not errors:
        errors["__all__"] = [ValidationError(_("Nothing was changed."), code="no_change")]
    _clean_or_raise(item, errors, restore=before)
    with transaction.atomic():
        item.save(update_fields=[*diff, "updated_at"])
        return _record(item, _kind_of(diff), diff, reason, meeting, decided_on, by)


def item_remove(*, item: Item, reason: str, meeting: Meeting | None = None,
                decided_on: dt.date | None = None, by=None) -> ItemRevision:
    """Take an item off the list. It stays in the database and in every earlier count."""
    return _set_status(item, ItemStatus.REMOVED, ItemRevision.Kind.REMOVED, reason, meeting, decided_on, by)


def item_restore(*, item: Item, reason: str, meeting: Meeting | None = None,
                 decided_on: dt.date | None = None, by=None) -> ItemRevision:
    """Put a removed item back on the list."""
    return _set_status(item, ItemStatus.CURRENT, ItemRevision.Kind.RESTORED, reason, meeting, decided_on, by)


def _set_status(item, status, kind, reason, meeting, decided_on, by) -> ItemRevision:
    errors = _check_reason(reason)
    if item.status == status:
        message = _("This item is already removed.") if status == ItemStatus.REMOVED else _(
            "This item is already on the list.")
        errors["__all__"] = [ValidationError(message, code="no_change")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        diff = {"status": [item.status, status]}
        item.status = status
        item.save(update_fields=["status", "updated_at"])
        return _record(item, kind, diff, reason, meeting, decided_on, by)


def _record(item, kind, diff, reason, meeting, decided_on, by) -> ItemRevision:
    decided = meeting.date if meeting else (decided_on or timezone.localdate())
    revision = ItemRevision(item=item, kind=kind, changes=diff, reason=reason.strip(), meeting=meeting,
                            decided_on=decided, created_by=by if by and by.is_authenticated else None,
                            **{f: getattr(item, f) for f in ItemRevision.TRACKED_FIELDS})
    revision.save()
    return revision


def _kind_of(diff: dict) -> str:
    fields = set(diff)
    if fields <= {"name_th", "name_en"}:
        return ItemRevision.Kind.RENAMED
    if fields == {"dimension"}:
        return ItemRevision.Kind.MOVED
    if fields == {"agency"}:
        return ItemRevision.Kind.REASSIGNED
    return ItemRevision.Kind.EDITED


def _diff(before: dict, after: dict) -> dict:
    return {field: [before[field], after[field]] for field in after if before[field] != after[field]}


def _check_reason(reason: str) -> dict:
    try:
        validate_not_blank(reason or "")
    except ValidationError:
        return {"reason": [ValidationError(_("Give the reason for this change."), code="reason_required")]}
    return {}


def _check_dimension(item: Item) -> dict:
    if item.dimension_id and item.dimension.issue_id != item.issue_id:
        return {"dimension": [ValidationError(_("This dimension belongs to another development issue."),
                                              code="dimension_other_issue")]}
    return {}


def _clean_or_raise(item: Item, errors: dict, restore: dict | None = None) -> None:
    try:
        item.full_clean(exclude=["issue"], validate_constraints=False)
    except ValidationError as exc:
        for field, field_errors in exc.error_dict.items():
            errors.setdefault(field, field_errors)
    if errors:
        if restore is not None:  # leave the caller's instance as it was in the database
            for field, value in restore.items():
                setattr(item, f"{field}_id" if field in ("agency", "dimension") else field, value)
        raise ValidationError(errors)
