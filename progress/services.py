"""Writes of the progress app: GD Catalog registrations (one by one or from a CSV), committee
resolutions with their meeting, and the daily snapshot of the dashboard's numbers."""
import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from catalog.models import DevelopmentIssue, Meeting, Resolution
from catalog.services import resolution_record
from catalog.thaidates import THAI_DIGITS, parse_be_date
from progress.models import GdcRegistration, GdcState, ProgressSnapshot
from templates_app.models import MetadataRecord

CSV_COLUMNS = ("slug", "url", "date")


def parse_any_date(text: str) -> dt.date:
    """A B.E. date (`31/03/2566`, `2566-03-31`) or an ISO C.E. date (`2023-03-31`). ValueError otherwise."""
    value = str(text).strip().translate(THAI_DIGITS)
    try:
        return parse_be_date(value)
    except ValueError as exc:
        if str(exc) != "not_buddhist_era" or "-" not in value:
            raise
    return dt.date.fromisoformat(value)


def gdc_register(*, record: MetadataRecord, url: str, registered_on: dt.date | None, state: str,
                 by=None) -> GdcRegistration:
    """Create or update the data set's GD Catalog registration."""
    _check_ready([record], state)
    registration = GdcRegistration.objects.filter(record=record).first() or GdcRegistration(record=record)
    registration.url, registration.registered_on, registration.state = url.strip(), registered_on, state
    registration.updated_by = by if by is not None and by.is_authenticated else None
    registration.full_clean(exclude=["record"])
    with transaction.atomic():
        registration.save()
    return registration


def gdc_register_many(*, records: list[MetadataRecord], state: str, registered_on: dt.date | None = None,
                      by=None) -> int:
    """Set the GD Catalog state of many data sets at once (and their registration date, if given; each keeps
    its own URL). All or nothing: a refused data set is named in the error. A constant number of queries."""
    if state not in GdcState.values:
        raise ValidationError({"state": [ValidationError(_("Choose a GD Catalog state."), code="invalid_choice")]})
    _check_ready(records, state)
    existing = {reg.record_id: reg for reg in GdcRegistration.objects.filter(record__in=records)}
    by = by if by is not None and by.is_authenticated else None
    now, pairs = timezone.now(), []
    for record in records:
        registration = existing.get(record.pk) or GdcRegistration(record=record, url="")
        registration.state, registration.updated_by, registration.updated_at = state, by, now
        registration.registered_on = registered_on or registration.registered_on
        pairs.append((record, registration))
    unfinished = [record.dataset_name for record, reg in pairs
                  if state == GdcState.COMPLETED and not (reg.url and reg.registered_on)]
    if unfinished:
        raise ValidationError({"state": [ValidationError(
            _("A registered data set needs its GD Catalog URL and registration date; these have none: %(names)s."),
            code="registration_incomplete", params={"names": ", ".join(unfinished)})]})
    with transaction.atomic():
        bulk_create_with_history([reg for _record, reg in pairs if reg.pk is None], GdcRegistration, default_user=by)
        bulk_update_with_history([reg for _record, reg in pairs if reg.pk is not None], GdcRegistration,
                                 ["state", "registered_on", "updated_by", "updated_at"], default_user=by)
    return len(pairs)


def _check_ready(records: list[MetadataRecord], state: str) -> None:
    """"Ready to register" is for data sets with an approved Template 2 (never one returned or still in draft)."""
    if state != GdcState.WAIT:
        return
    unapproved = [record.dataset_name for record in records if record.approved_values is None]
    if unapproved:
        raise ValidationError({"state": [ValidationError(
            _("Only a data set whose Template 2 was approved is ready to register; not approved yet: %(names)s."),
            code="not_approved", params={"names": ", ".join(unapproved)})]})


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row, "column": self.column, "message": self.message}


class CsvImportError(ValidationError):
    """Every problem of a CSV import, each with its row and column; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        super().__init__([ValidationError(str(error), code="csv_row") for error in errors])


def gdc_import_csv(*, data: bytes | str, by=None) -> int:
    """Register data sets from a CSV (slug, url, date[, state]): every row valid, or nothing written."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        raise CsvImportError([RowError(1, column, _("this column is missing from the header row.")) for column in missing])
    rows = [(number, {key.strip().lower(): (value or "").strip() for key, value in row.items() if key})
            for number, row in enumerate(reader, start=2)]
    if not rows:
        raise CsvImportError([RowError(2, "slug", _("the file has no data rows."))])
    records = {r.dataset_name: r for r in MetadataRecord.objects.filter(dataset_name__in=[row["slug"] for _n, row in rows])}
    planned, errors, seen = [], [], {}
    for number, row in rows:
        values, row_errors = _import_row(number, row, records, seen)
        errors += row_errors
        if not row_errors:
            planned.append(values)
    if errors:
        raise CsvImportError(errors)
    with transaction.atomic():
        for values in planned:
            gdc_register(**values, by=by)
    return len(planned)


def _import_row(number: int, row: dict, records: dict, seen: dict) -> tuple[dict, list[RowError]]:
    errors = []
    record = records.get(row["slug"])
    if not row["slug"]:
        errors.append(RowError(number, "slug", _("enter the data set's GD Catalog name.")))
    elif record is None:
        errors.append(RowError(number, "slug", _("no data set is named “%(slug)s”.") % {"slug": row["slug"]}))
    elif row["slug"] in seen:
        errors.append(RowError(number, "slug", _("the same data set is already on row %(row)s.") % {
            "row": seen[row["slug"]]}))
    seen.setdefault(row["slug"], number)
    state = (row.get("state") or GdcState.COMPLETED).upper()
    if state not in GdcState.values:
        errors.append(RowError(number, "state", _("“%(value)s” is not a GD Catalog state.") % {"value": state}))
    try:
        day = parse_any_date(row["date"]) if row["date"] else None
    except ValueError:
        day = None
        errors.append(RowError(number, "date", _("enter a date such as 31/03/2566 (B.E.) or 2023-03-31.")))
    values = {"record": record, "url": row["url"], "registered_on": day, "state": state}
    if record is not None and not errors:
        probe = GdcRegistration(record=record, url=row["url"], registered_on=day, state=state)
        try:
            _check_ready([record], state)
            probe.full_clean(exclude=["record"])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                column = {"url": "url", "registered_on": "date", "state": "state"}.get(field, "url")
                errors += [RowError(number, column, message) for message in messages]
    return values, errors


def meeting_resolution_record(*, body: str, number: str, date: dt.date, place: str, title: str,
                              issue: DevelopmentIssue, subject: str, decision: str, notes: str = "",
                              minutes=None, by=None) -> Resolution:
    """Record what a meeting decided, creating the meeting (body, number, date) the first time."""
    title = title.strip() or _default_title(body, number, date)
    with transaction.atomic():
        meeting = Meeting.objects.filter(body=body, date=date, number=number.strip()).first()
        if meeting is None:
            meeting = Meeting(body=body, date=date, number=number.strip(), place=place.strip(), title=title)
            meeting.full_clean()
            meeting.save()
        return resolution_record(meeting=meeting, issue=issue, subject=subject, decision=decision,
                                 notes=notes, minutes=minutes, by=by)


def _default_title(body: str, number: str, date: dt.date) -> str:
    name = Meeting.Body(body).label
    return f"{name} {number}".strip() if number else f"{name} {date:%Y-%m-%d}"


def snapshot_take(*, day: dt.date | None = None) -> list[ProgressSnapshot]:
    """Store today's numbers and criteria per issue; taking it again the same day replaces it."""
    from progress.selectors import issue_progress_list

    day = day or timezone.localdate()
    snapshots = []
    with transaction.atomic():
        for progress in issue_progress_list():
            snapshot, _created = ProgressSnapshot.objects.update_or_create(
                issue=progress.issue, taken_on=day,
                defaults={"tier": progress.tier, "numbers": progress.snapshot_numbers()})
            snapshots.append(snapshot)
    return snapshots
