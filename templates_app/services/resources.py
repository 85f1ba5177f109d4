"""Writes to Template 3 (resources of public-category data sets) and their link-check state.

Agency staff of the owning agency add, edit and remove a data set's resources; every item of the
data type is required and the URL must live on one of the agency's registered domains
(`gdschema.validation.clean_resource_values`). Link checks (`resource_check_now`,
`resource_check_many`) store `catalog.urlcheck.next_state` on the resource without a history row.
"""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from catalog.urlcheck import (
    CheckConfig, CheckResult, CheckState, check_many, check_url, config_from_settings, next_state,
)
from templates_app.gdschema.resources import get_resource_schema
from templates_app.gdschema.validation import clean_resource_values
from templates_app.models import MetadataRecord, Resource

#: "Check now" runs inside a web request: short limits (the nightly run uses the engine's defaults).
CHECK_NOW_CONNECT_TIMEOUT = 3.0
CHECK_NOW_TOTAL_TIMEOUT = 8.0


def resource_create(*, record: MetadataRecord, values: dict, by) -> Resource:
    """Add a Template 3 record to a public-category data set; every item must be valid."""
    _check_writer(record, by)
    with transaction.atomic():
        record = MetadataRecord.objects.select_for_update().select_related("item__agency").get(pk=record.pk)
        if not record.is_public_category:
            raise ValidationError({"__all__": [ValidationError(
                _("Only data sets of category ข้อมูลสาธารณะ (item 13 of Template 2) have Template 3 records."),
                code="not_public")]})
        cleaned = _clean(record, values)
        position = (record.resources.aggregate(n=Max("position"))["n"] or 0) + 1
        resource = Resource(record=record, position=position)
        return _save(resource, cleaned, by, "created")


def resource_update(*, resource: Resource, values: dict, by) -> Resource:
    """Replace a Template 3 record's values. A changed URL starts again as not yet checked."""
    _check_writer(resource.record, by)
    with transaction.atomic():
        resource = Resource.objects.select_for_update().select_related("record__item__agency").get(pk=resource.pk)
        cleaned = _clean(resource.record, values)
        if cleaned["resource_url"] != resource.url:
            resource.apply_state(CheckState())
        return _save(resource, cleaned, by, "changed")


def resource_delete(*, resource: Resource, by) -> None:
    _check_writer(resource.record, by)
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
        current = Resource.objects.select_for_update().in_bulk([resource.pk for resource, _result in pairs])
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


def _check_writer(record: MetadataRecord, by) -> None:
    if not (getattr(by, "is_agency_staff", False) and by.agency_id == record.item.agency_id):
        raise PermissionDenied("Only staff of the owning agency edit its Template 3 records.")


def _clean(record: MetadataRecord, values: dict) -> dict:
    schema = get_resource_schema(record.item.data_type)
    domains = list(record.item.agency.domains.values_list("domain", flat=True))
    cleaned, errors = clean_resource_values(values, schema=schema, domains=domains)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _save(resource: Resource, cleaned: dict, by, action: str) -> Resource:
    resource.values = cleaned
    resource.url = cleaned["resource_url"]
    resource.is_complete = True  # the service refuses anything less
    resource.updated_by = by
    resource._history_user = by
    resource._change_reason = action
    resource.full_clean(exclude=["record", "updated_by"], validate_unique=False)
    resource.save()
    return resource
