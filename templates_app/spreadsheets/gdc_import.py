"""The agency workbook import: one function for the web preview/apply and the command.

    report = workbook_import(file=f, agency=agency, user=user, dry_run=True)   # the preview
    report = workbook_import(file=f, agency=agency, user=user, dry_run=False)  # apply

Rows are matched by slug (column A). Every row is parsed and checked against the GD schema with
a constant number of queries, then written through the web form's services in two batches
(`metadata_save_drafts` with each record's current version, then `resource_save_many`) inside
one transaction: if any row fails — or the database does — nothing is written. A dry run is the
same code, rolled back.
"""
import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext_lazy as _

from catalog.models import AgencyDomain
from core.locks import RecordBusy, busy_records
from core.workbooks import MAX_BYTES, WorkbookRefused, upload_bytes
from templates_app import services
from templates_app.models import MetadataRecord
from templates_app.selectors import metadata_changes
from templates_app.selectors.metadata import values_at_version

from . import gdc_queries
from .gdc_layout import TEMP2_SHEETS, TEMP3_SHEETS, Column, spec_for
from .gdc_reader import read_workbook
from .gdc_values import normalize, parse_cell

NEW, CHANGED, UNCHANGED, ERROR, CONFLICT = "new", "changed", "unchanged", "error", "conflict"
PROGRESS_ROWS = 50  # how often (in rows checked) `workbook_import` reports its progress
IGNORED_COLUMNS = {"data_type", "owner_org"}

MESSAGES = {
    "missing_slug": _("The data set code (column A) is empty."),
    "unknown_slug": _("No data set of your agency has the code “%(slug)s”. Rows are matched by this code; "
                      "a workbook cannot add data sets."),
    "other_agency": _("The data set “%(slug)s” belongs to another agency (%(agency)s)."),
    "wrong_sheet": _("The data set “%(slug)s” is %(data_type)s: its row belongs on sheet “%(sheet)s”."),
    "duplicate_row": _("The data set “%(slug)s” appears twice on the Template 2 sheets (first on row %(first)d)."),
    "locked": _("The data set “%(slug)s” is waiting for review and cannot be changed until it is returned."),
    "no_record": _("The data set “%(slug)s” has no Template 2 metadata yet: fill its Template 2 row first."),
    "stale_row": _("The data set “%(slug)s” was changed on the web (version %(now)d) after this workbook was "
                   "downloaded (version %(read)d): the items shown (theirs / yours) differ. Download the workbook "
                   "again and enter your changes there, so that theirs are not undone."),
    "database_error": _("The database refused the changes; nothing was saved. Try again, or ask the portal "
                        "administrator if it happens again."),
}


WARNINGS = {
    "back_to_draft": _("This data set is approved: the change makes it a draft again (the approved version stays "
                       "published until the statistics office approves the new one)."),
    "will_submit": _("Complete: it will be submitted to the statistics office for review."),
    "stays_draft": _("Not complete, so it stays a draft (not submitted). Missing or invalid: %(items)s."),
    "required_cleared": _("Required items that will be cleared: %(items)s. The data set cannot be submitted "
                          "without them."),
}


def import_error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


@dataclass
class CellError:
    sheet: str
    row: int | None
    column: str
    field: str
    item: str
    error: ValidationError

    @property
    def code(self) -> str:
        return self.error.code or "invalid"

    @property
    def message(self) -> str:
        return " ".join(str(message) for message in self.error.messages)

    @property
    def label(self) -> str:
        """The item's name in the active language (Thai in the Thai UI); the field's own name if unknown."""
        from django.utils.translation import get_language

        from templates_app.gdschema.fields import FIELDS
        from templates_app.gdschema.resources import RESOURCE_FIELDS

        known = FIELDS.get(self.field) or RESOURCE_FIELDS.get(self.field)
        if known is None:
            return self.field
        return known.label_en if (get_language() or "th").startswith("en") else known.label_th

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "field": self.field,
                "item": self.item, "code": self.code, "message": self.message}


@dataclass
class RowOutcome:
    sheet: str
    row: int
    slug: str
    template: int
    status: str = UNCHANGED
    title: str = ""
    changes: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. an approved record going back to draft
    submit: bool = False  # complete, and the upload asked to submit complete data sets for review
    # what the apply step needs
    item: object = None
    record: object = None
    resource: object = None
    values: services.Cleaned | None = None   # the row as cleaned by the service that writes it
    columns: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    applied: bool = False
    stale: bool = False   # the file's plan no longer matches the preview the user confirmed
    ignored_sheets: list[str] = field(default_factory=list)  # not GD Catalog data (instructions, …): not read

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def created(self) -> int:
        return self.count(NEW)

    @property
    def updated(self) -> int:
        return self.count(CHANGED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def digest(self) -> str:
        """A fingerprint of what would change, to tell whether a confirm still applies the preview."""
        plan = [(r.sheet, r.row, r.status, r.submit, [(c["field"], c["old"], c["new"]) for c in r.changes])
                for r in self.rows]
        return hashlib.sha256(json.dumps(plan, ensure_ascii=False).encode()).hexdigest()

    def as_json(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "errors": [error.as_dict() for error in self.errors]}


def workbook_import(*, file, agency, user, dry_run: bool, expected_digest: str | None = None,
                    submit: bool = False, on_progress=None) -> ImportReport:
    """Check the workbook and (unless `dry_run`, and only if every row is valid) apply it atomically.

    With `expected_digest` (the preview's), nothing is applied if the plan changed since: `stale`.
    With `submit`, each complete Template 2 row is submitted for review; an incomplete one stays a draft.
    `on_progress(done, total)`, when given, is called after every `PROGRESS_ROWS` rows checked and once all are.
    """
    report = ImportReport()
    data = _read_bytes(file, report)
    if data is None:
        return report
    read = read_workbook(data)
    report.errors += [CellError(p.sheet, p.row, p.column, "", "", p.error) for p in read.problems]
    report.ignored_sheets = read.ignored
    if not read.sheets:
        return report
    _plan(read, agency, report, read.downloaded, on_progress or (lambda done, total: None))
    if submit:
        _plan_submissions(report)
    if expected_digest is not None and expected_digest != report.digest:
        report.stale = True
        return report
    try:
        with busy_records(), transaction.atomic():
            _apply(report, user)
            keep = not (report.errors or dry_run)
            if not keep:
                transaction.set_rollback(True)
        report.applied = keep  # the block committed (or released its savepoint) without error
    except RecordBusy as busy:  # another request held a row past the lock timeout: nothing was written
        report.errors.append(CellError("", None, "", "", "", busy))
    except DatabaseError:
        report.errors.append(CellError("", None, "", "", "", import_error("database_error")))
    return report


def _read_bytes(file, report: ImportReport) -> bytes | None:
    """The upload's bytes; its size is checked before anything is read into memory."""
    try:
        return upload_bytes(file, max_bytes=MAX_BYTES)
    except WorkbookRefused as refused:
        report.errors.append(CellError("", None, "", "", "", refused))
        return None


# ---- plan: parse and validate every row (no writes, a constant number of queries) -------------------------

def _plan(read, agency, report: ImportReport, downloaded: dict, on_progress) -> None:
    total = sum(len(sheet.rows) for sheet in read.sheets.values())
    mine = {row.slug: row for row in gdc_queries.agency_rows(agency=agency)}
    slugs = {_slug(values[0]) for sheet in read.sheets.values() for _n, values in sheet.rows}
    others = gdc_queries.records_by_slug(slug for slug in slugs if slug and slug not in mine)
    resources = gdc_queries.resources_of(agency=agency)
    domains = list(AgencyDomain.objects.filter(agency=agency).values_list("domain", flat=True))
    seen, planned = {}, {}
    for title in TEMP2_SHEETS.values():
        for number, values in getattr(read.sheets.get(title), "rows", []):
            outcome = _plan_temp2(read.sheets[title].spec, number, values, mine, others, agency, seen, report)
            _check_stale(outcome, downloaded.get(outcome.slug), report)
            if outcome.status != ERROR:
                planned[outcome.slug] = outcome
            report.rows.append(outcome)
            _report_progress(report, total, on_progress)
    taken = {}
    for title in TEMP3_SHEETS.values():
        for number, values in getattr(read.sheets.get(title), "rows", []):
            report.rows.append(_plan_temp3(read.sheets[title].spec, number, values, mine, others, agency,
                                           planned, resources, taken, domains, report))
            _report_progress(report, total, on_progress)
    on_progress(total, total)


def _report_progress(report: ImportReport, total: int, on_progress) -> None:
    if len(report.rows) % PROGRESS_ROWS == 0:
        on_progress(len(report.rows), total)


def _slug(raw) -> str:
    value = normalize(raw)
    return str(value).strip().lower() if value != "" else ""


def _match(spec, number, slug, mine, others, agency, report) -> object | None:
    """The agency's row for this slug, or None after recording why it cannot be used."""
    first = spec.columns[0]

    def fail(code, **params):
        _fail(report, spec.title, number, first, import_error(code, **params))

    if not slug:
        fail("missing_slug")
        return None
    shown = slug[:80]
    row = mine.get(slug)
    if row is None:
        other = others.get(slug)
        if other is not None and other.item.agency_id != agency.pk:
            fail("other_agency", slug=shown, agency=other.item.agency.name_th)
        else:
            fail("unknown_slug", slug=shown)
        return None
    if row.item.data_type != spec.data_type:
        sheets = TEMP2_SHEETS if spec.template == 2 else TEMP3_SHEETS
        fail("wrong_sheet", slug=shown, data_type=row.item.get_data_type_display(),
             sheet=sheets[row.item.data_type])
        return None
    return row


def _plan_temp2(spec, number, values, mine, others, agency, seen, report) -> RowOutcome:
    slug = _slug(values[0])
    outcome = RowOutcome(spec.title, number, slug, 2)
    errors_before = len(report.errors)
    if slug in seen:
        _fail(report, spec.title, number, spec.columns[0], import_error("duplicate_row", slug=slug[:80],
                                                                          first=seen[slug]))
        outcome.status = ERROR
        return outcome
    seen[slug] = number
    row = _match(spec, number, slug, mine, others, agency, report)
    raw = _parse_row(spec, number, values, report)
    if row is None:
        outcome.status = ERROR
        return outcome
    outcome.item, outcome.record, outcome.title = row.item, row.record, row.item.name
    old = row.values()
    for entry in spec.schema.entries:  # items the workbook has no column for keep their values
        if not entry.field.in_workbook and entry.name in old:
            raw[entry.name] = old[entry.name]
    outcome.values = cleaned = services.metadata_clean(data_type=spec.data_type, values=raw)
    _field_errors(report, spec, number, cleaned.errors)
    if len(report.errors) > errors_before:
        outcome.status = ERROR
    elif cleaned.values == old:
        outcome.status = UNCHANGED
    else:
        outcome.changes = metadata_changes(old, cleaned.values, schema=spec.schema)
        outcome.status = NEW if row.record is None else CHANGED
        _warn(outcome, row.record, cleaned.values, spec.schema)
        if row.record is not None and row.record.status == MetadataRecord.Status.SUBMITTED:
            _fail(report, spec.title, number, spec.columns[0], import_error("locked", slug=slug[:80]))
            outcome.status = ERROR
    return outcome


def _warn(outcome: RowOutcome, record, new: dict, schema) -> None:
    """Mark the items the row empties ("will be cleared") and say what the save does to an approved record."""
    cleared = []
    for change in outcome.changes:
        change["cleared"] = new.get(change["field"]) in (None, "", [])
        entry = schema.get(change["field"])
        if change["cleared"] and entry is not None and entry.required:
            cleared.append(f"{entry.number} {entry.label}")
    if record is not None and record.status == MetadataRecord.Status.APPROVED:
        outcome.warnings.append(str(WARNINGS["back_to_draft"]))
    if cleared:
        outcome.warnings.append(str(WARNINGS["required_cleared"]) % {"items": ", ".join(cleared)})


def _plan_submissions(report: ImportReport) -> None:
    """Mark the complete Template 2 rows (changed or not) to be submitted; say why the others stay drafts."""
    submittable = (None, MetadataRecord.Status.DRAFT, MetadataRecord.Status.RETURNED, MetadataRecord.Status.APPROVED)
    for outcome in report.rows:
        if outcome.template != 2 or outcome.status not in (NEW, CHANGED, UNCHANGED):
            continue
        status = outcome.record.status if outcome.record is not None else None
        if status not in submittable or (outcome.status == UNCHANGED and status == MetadataRecord.Status.APPROVED):
            continue
        complete = services.metadata_clean(data_type=outcome.item.data_type, values=outcome.values.raw,
                                           complete=True)
        if complete.errors:
            schema = spec_for(outcome.sheet).schema
            missing = [f"{e.number} {e.label}" for e in schema.entries if e.name in complete.errors]
            outcome.warnings.append(str(WARNINGS["stays_draft"]) % {"items": ", ".join(missing)})
            continue
        outcome.values, outcome.submit = complete, True
        if outcome.status == UNCHANGED:
            outcome.status = CHANGED
        outcome.warnings.append(str(WARNINGS["will_submit"]))


def _check_stale(outcome: RowOutcome, read_at: int | None, report: ImportReport) -> None:
    """A row downloaded before a web edit may not undo it: each item the web changed since and the row does
    not hold as it is now is a conflict (theirs / yours); the row is refused."""
    record = outcome.record
    if outcome.status not in (NEW, CHANGED) or record is None or read_at is None or read_at >= record.version:
        return
    base, theirs, yours = values_at_version(record=record, version=read_at), record.values, outcome.values.values
    clashes = {name for name in set(theirs) | set(yours) | set(base)
               if theirs.get(name) != base.get(name) and yours.get(name) != theirs.get(name)}
    if clashes:
        spec = spec_for(outcome.sheet)
        outcome.changes = metadata_changes({n: theirs.get(n) for n in clashes}, {n: yours.get(n) for n in clashes},
                                           schema=spec.schema)
        outcome.status = CONFLICT
        _fail(report, outcome.sheet, outcome.row, spec.columns[0],
              import_error("stale_row", slug=outcome.slug[:80], read=read_at, now=record.version))


def _plan_temp3(spec, number, values, mine, others, agency, planned, resources, taken, domains, report
                ) -> RowOutcome:
    slug = _slug(values[0])
    outcome = RowOutcome(spec.title, number, slug, 3)
    errors_before = len(report.errors)
    row = _match(spec, number, slug, mine, others, agency, report)
    raw = _parse_row(spec, number, values, report)
    if row is None:
        outcome.status = ERROR
        return outcome
    if row.record is None and planned.get(slug, RowOutcome("", 0, "", 2)).status != NEW:
        _fail(report, spec.title, number, spec.columns[0], import_error("no_record", slug=slug[:80]))
        outcome.status = ERROR
        return outcome
    outcome.item, outcome.record = row.item, row.record
    position = taken.get(slug, 0)
    taken[slug] = position + 1
    existing = resources.get(row.record.pk, []) if row.record is not None else []
    outcome.resource = existing[position] if position < len(existing) else None
    outcome.title = row.item.name
    outcome.values = cleaned = services.resource_clean(data_type=spec.data_type, values=raw, domains=domains)
    _field_errors(report, spec, number, cleaned.errors)
    old = outcome.resource.values if outcome.resource is not None else {}
    if len(report.errors) > errors_before:
        outcome.status = ERROR
    elif cleaned.values == old:
        outcome.status = UNCHANGED
    else:
        outcome.changes = metadata_changes(old, cleaned.values, schema=spec.schema)
        outcome.status = NEW if outcome.resource is None else CHANGED
    return outcome


def _parse_row(spec, number, values, report) -> dict:
    raw = {}
    for column, value in zip(spec.columns[1:], values[1:]):
        if column.name in IGNORED_COLUMNS:
            continue
        try:
            parse_cell(column, value, raw)
        except ValidationError as exc:
            _fail(report, spec.title, number, column, exc)
    return raw


def _field_errors(report, spec, number, errors: dict) -> None:
    for name, field_errors in errors.items():
        column = spec.column(name) or spec.column(name.removesuffix("_other")) or spec.columns[0]
        for error in field_errors:
            _fail(report, spec.title, number, column, error)


def _fail(report, sheet: str, number: int, column: Column, error: ValidationError) -> None:
    report.errors.append(CellError(sheet, number, column.letter, column.name, column.item, error))


# ---- apply: the web form's services, in two batches (Template 2, then Template 3), all rows or none ---------

def _apply(report: ImportReport, user) -> None:
    changed = [outcome for outcome in report.rows if outcome.status in (NEW, CHANGED)]
    created = _apply_temp2(report, [outcome for outcome in changed if outcome.template == 2], user)
    _apply_temp3(report, [outcome for outcome in changed if outcome.template == 3], created, user)


def _apply_temp2(report, outcomes, user) -> dict | None:
    """{slug: saved record}, or None when the service refused a row (reported; nothing written)."""
    created = {}
    for submit, write in ((False, services.metadata_save_drafts), (True, services.metadata_submit_many)):
        group = [outcome for outcome in outcomes if outcome.submit == submit]
        if not group:
            continue
        rows = [services.DraftRow(item=outcome.item, values=outcome.values,
                                  version=outcome.record.version if outcome.record is not None else None,
                                  dataset_name=outcome.slug if outcome.record is None else None)
                for outcome in group]
        saved = _batch(report, group, lambda rows=rows, write=write: write(rows=rows, by=user))
        if saved is None:
            return None
        created |= {outcome.slug: record for outcome, record in zip(group, saved)}
    return created


def _apply_temp3(report, outcomes, created, user) -> None:
    refused = {row.slug for row in report.rows if row.template == 2 and row.status == ERROR}
    rows, kept = [], []
    for outcome in outcomes:
        record = outcome.record if outcome.record is not None else (created or {}).get(outcome.slug)
        if record is None:  # a new data set whose Template 2 row the service refused (reported there)
            if outcome.slug in refused:
                outcome.status = ERROR
                _service_errors(report, outcome, import_error("no_record", slug=outcome.slug[:80]))
            continue  # else: another row was refused, nothing is written; this one was checked in the plan
        rows.append(services.ResourceRow(outcome.values, record=record) if outcome.resource is None
                    else services.ResourceRow(outcome.values, resource=outcome.resource))
        kept.append(outcome)
    if rows:
        _batch(report, kept, lambda: services.resource_save_many(rows=rows, by=user))


def _batch(report, outcomes, write) -> list | None:
    """The batch's saved objects, or None after reporting each refused row at its cells."""
    try:
        return write()
    except services.RowErrors as exc:
        for index, error in exc.errors.items():
            outcomes[index].status = ERROR
            _service_errors(report, outcomes[index], error)
        return None


def _service_errors(report, outcome, exc) -> None:
    spec = spec_for(outcome.sheet)
    if isinstance(exc, PermissionDenied):
        exc = ValidationError(_("You may not change this data set."), code="permission_denied")
    items = exc.error_dict.items() if hasattr(exc, "error_dict") else [("__all__", exc.error_list)]
    for name, errors in items:
        column = spec.column(name) or spec.column(name.removesuffix("_other")) or spec.columns[0]
        for error in errors:
            _fail(report, outcome.sheet, outcome.row, column, error)
