"""Writes to Template 3 (resources of public-category data sets) and their link-check state.

Agency staff of the owning agency add, edit and remove a data set's resources; every item of the
data type is required and the URL must live on one of the agency's registered domains
(`gdschema.validation.clean_resource_values`). Link checks (`resource_check_now`,
`resource_check_many`) store `linkcheck.check.next_state` on the resource without a history row.
"""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import AgencyDomain
from core.locks import busy_records
from linkcheck.check import (
    CheckConfig, CheckResult, CheckState, check_many, check_url, config_from_settings, next_state,
)
from templates_app.gdschema.resources import get_resource_schema
from templates_app.gdschema.validation import clean_resource_values
from templates_app.models import MetadataRecord, Resource

from .batch import Cleaned, RowErrors, check_fields, only_row, reuse_or_clean, sealed, write_with_history

#: "Check now" runs inside a web request: short limits (the nightly run uses the engine's defaults).
CHECK_NOW_CONNECT_TIMEOUT = 3.0
CHECK_NOW_TOTAL_TIMEOUT = 8.0
#: What a write sets: checked by the model's field rules, then written (a position only when created;
#: the link state too when a URL changed).
WRITTEN = ("position", "values", "url", "is_complete", "updated_by", "updated_at")


@dataclass(frozen=True)
class ResourceRow:
    """One row of a batch write: a new resource of `record`, or new values for `resource`."""

    values: dict | Cleaned
    record: MetadataRecord | None = None
    resource: Resource | None = None

    @property
    def record_id(self) -> int:
        return self.resource.record_id if self.resource is not None else self.record.pk


def resource_clean(*, data_type: str, values: dict, domains) -> Cleaned:
    """The schema's cleaning of a Template 3 row as typed, the URL on one of `domains` (`.values`, `.errors`);
    `resource_save_many` takes the result as it is if the agency's domains are still these."""
    schema, domains = get_resource_schema(data_type), frozenset(domains)
    return sealed(values, clean_resource_values(values, schema=schema, domains=domains), key=(schema, domains))


def resource_create(*, record: MetadataRecord, values: dict, by) -> Resource:
    """Add a Template 3 record to a public-category data set; every item must be valid."""
    return only_row(lambda: resource_save_many(rows=[ResourceRow(values, record=record)], by=by))


def resource_update(*, resource: Resource, values: dict, by) -> Resource:
    """Replace a Template 3 record's values. A changed URL starts again as not yet checked."""
    return only_row(lambda: resource_save_many(rows=[ResourceRow(values, resource=resource)], by=by))


@busy_records()
def resource_save_many(*, rows: list[ResourceRow], by) -> list[Resource]:
    """`resource_create` / `resource_update` for many rows at once, all or none, in a constant number of queries.

    Raises `RowErrors` ({row index: the error that row alone would raise}) and writes nothing
    when any row is refused.
    """
    errors, resources = {}, []
    with transaction.atomic():
        batch = _Batch(current=_lock_resources(rows), parents=_lock_parents({row.record_id for row in rows}))
        if len(batch.parents) != len({row.record_id for row in rows}):
            raise MetadataRecord.DoesNotExist("A data set written to no longer exists.")
        batch.domains = _domains({parent.agency_id for parent in batch.parents.values()})
        batch.positions = _last_positions({row.record.pk for row in rows if row.resource is None})
        for index, row in enumerate(rows):
            try:
                resources.append(_prepare(row, batch, by))
            except (ValidationError, PermissionDenied) as exc:
                errors[index] = exc
        if errors:
            raise RowErrors(errors)
        _write(resources, by, link_state=bool(batch.moved))
    return resources


@busy_records()
def resource_delete(*, resource: Resource, by) -> None:
    _check_writer(by, resource.record.item.agency_id)
    with transaction.atomic():
        resource._history_user = by
        resource._change_reason = "removed"
        resource.delete()


def resource_check_now(*, resource: Resource, by, config: CheckConfig | None = None) -> Resource:
    """Check one URL now, with the short in-request limits; staff of the owner or the statistics office."""
    if not (getattr(by, "can_manage_catalog", False)
            or (getattr(by, "is_agency_staff", False) and by.agency_id == resource.record.item.agency_id)):
        raise PermissionDenied("Only the owning agency and the statistics office check a resource's link.")
    config = config or config_from_settings(connect_timeout=CHECK_NOW_CONNECT_TIMEOUT,
                                            total_timeout=CHECK_NOW_TOTAL_TIMEOUT)
    _store([(resource, check_url(resource.url, config=config))])
    return resource


@dataclass(frozen=True)
class Checked:
    resource: Resource
    result: CheckResult


def resource_check_many(*, resources, config: CheckConfig | None = None, on_result=None,
                        concurrency: int = 16, per_host: int = 4) -> list[Checked]:
    """Check every resource's URL (each distinct URL once, in parallel) and store the states in bulk.

    `on_result(result, done, total)` is called as each URL's result arrives (e.g. a progress bar).
    """
    resources = [resource for resource in resources if resource.url]
    urls = list(dict.fromkeys(resource.url for resource in resources))
    done = 0

    def progress(result: CheckResult) -> None:
        nonlocal done
        done += 1
        if on_result is not None:
            on_result(result, done, len(urls))

    results = dict(zip(urls, check_many(urls, concurrency=concurrency, per_host=per_host,
                                        config=config or config_from_settings(), on_result=progress)))
    pairs = _store([(resource, results[resource.url]) for resource in resources])
    return [Checked(resource, result) for resource, result in pairs]


def _store(pairs: list[tuple[Resource, CheckResult]]) -> list[tuple[Resource, CheckResult]]:
    """Apply each result to the resource's current state (read again, under a lock) and save in bulk."""
    if not pairs:
        return pairs
    with transaction.atomic():
        # A resource someone is saving right now is skipped (its check is stored next time), never waited for.
        current = Resource.objects.select_for_update(skip_locked=True, of=("self",)).in_bulk(
            [resource.pk for resource, _result in pairs])
        stored = []
        for resource, result in pairs:
            fresh = current.get(resource.pk)
            if fresh is None or fresh.url != result.url:  # removed or edited while being checked
                continue
            fresh.apply_state(next_state(fresh.check_state, result))
            resource.apply_state(fresh.check_state)
            stored.append((fresh, result))
        # bulk_update: no history row (the check state is not part of the record's history)
        Resource.objects.bulk_update([fresh for fresh, _result in stored], Resource.CHECK_FIELDS, batch_size=500)
    kept = {fresh.pk for fresh, _result in stored}
    return [(original, result) for original, result in pairs if original.pk in kept]


@dataclass(frozen=True)
class _Parent:
    is_public_category: bool
    agency_id: int
    data_type: str


@dataclass
class _Batch:
    """What a batch's rules read, once for all its rows."""

    current: dict[int, Resource]        # the resources being replaced, locked
    parents: dict[int, _Parent]         # by record pk, locked
    domains: dict[int, list[str]] = field(default_factory=dict)    # by agency
    positions: dict[int, int] = field(default_factory=dict)        # the last position by record pk
    moved: set[int] = field(default_factory=set)                   # resources whose URL changes


def _lock_resources(rows: list[ResourceRow]) -> dict[int, Resource]:
    """The resources being replaced, read again under a lock (one query)."""
    pks = [row.resource.pk for row in rows if row.resource is not None]
    if len(set(pks)) != len(pks):
        raise ValueError("A resource appears twice in one batch.")
    locked = Resource.objects.select_for_update(of=("self",)).filter(pk__in=pks).defer("values")  # replaced: not read
    current = {resource.pk: resource for resource in locked} if pks else {}
    if len(current) != len(pks):
        raise Resource.DoesNotExist("A Template 3 record to change no longer exists.")
    return current


def _lock_parents(pks: set[int]) -> dict[int, _Parent]:
    """The data sets written to, locked, with what the rules need (one query)."""
    rows = MetadataRecord.objects.select_for_update(of=("self",)).filter(pk__in=pks).values_list(
        "pk", "is_public_category", "item__agency_id", "item__data_type")
    return {pk: _Parent(public, agency_id, data_type) for pk, public, agency_id, data_type in rows}


def _domains(agency_ids: set[int]) -> dict[int, list[str]]:
    domains = {agency_id: [] for agency_id in agency_ids}
    for agency_id, domain in AgencyDomain.objects.filter(agency_id__in=agency_ids).values_list("agency_id", "domain"):
        domains[agency_id].append(domain)
    return domains


def _last_positions(record_pks: set[int]) -> dict[int, int]:
    if not record_pks:
        return {}
    return dict(Resource.objects.filter(record_id__in=record_pks).values("record_id").annotate(
        n=Max("position")).values_list("record_id", "n"))


def _prepare(row: ResourceRow, batch: _Batch, by) -> Resource:
    """The resource as this row would save it; raises the row's PermissionDenied or ValidationError."""
    parent = batch.parents[row.record_id]
    _check_writer(by, parent.agency_id)
    if row.resource is None and not parent.is_public_category:
        raise ValidationError({"__all__": [ValidationError(
            _("Only data sets of category ข้อมูลสาธารณะ (item 13 of Template 2) have Template 3 records."),
            code="not_public")]})
    schema, allowed = get_resource_schema(parent.data_type), frozenset(batch.domains[parent.agency_id])
    cleaned, errors = reuse_or_clean(row.values, (schema, allowed), lambda raw: clean_resource_values(
        raw, schema=schema, domains=allowed))
    if errors:
        raise ValidationError(errors)
    if row.resource is None:
        batch.positions[row.record_id] = position = (batch.positions.get(row.record_id) or 0) + 1
        resource = Resource(record=row.record, position=position)
        resource._change_reason = "created"
    else:
        resource = batch.current[row.resource.pk]
        if cleaned["resource_url"] != resource.url:
            resource.apply_state(CheckState())
            batch.moved.add(resource.pk)
        resource._change_reason = "changed"
    resource.values, resource.url = cleaned, cleaned["resource_url"]
    resource.is_complete = True  # the service refuses anything less
    return resource


def _check_writer(by, agency_id: int) -> None:
    if not (getattr(by, "is_agency_staff", False) and by.agency_id == agency_id):
        raise PermissionDenied("Only staff of the owning agency edit its Template 3 records.")


def _write(resources: list[Resource], by, *, link_state: bool) -> None:
    """Check the model's field rules, then write the resources (their link state too if a URL changed)
    and one history row each, in bulk."""
    now = timezone.now()
    for resource in resources:
        resource.updated_by, resource.updated_at = by, now
        resource._history_user = by
        check_fields(resource, WRITTEN)
    updated = tuple(name for name in WRITTEN if name != "position") + (Resource.CHECK_FIELDS if link_state else ())
    write_with_history(resources, Resource, updated, date=now)
