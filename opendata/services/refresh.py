"""Keep the public read model (`PublishedDataset`) equal to what is approved and public now.

`published_refresh` is called by every public read (page, Action API, DCAT): it looks for records
whose published inputs may have changed since the last refresh (the record itself, its resources,
its item, agency, issue or dimension) and re-builds only those. When nothing changed it costs three
queries. Each rebuilt package is compared by digest, so `metadata_modified` moves exactly when the
published version changes, and never for a draft save (a draft does not touch `approved_values`).
A change is looked for `MARGIN` before the last refresh too, for transactions that committed late.
"""
import hashlib
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from opendata import words
from opendata.models import PublishedDataset, PublishedFacet, RefreshMark
from opendata.packages import deleted_stub, digest, facet_values, is_publishable, package_dict, stable_id, tags_of
from templates_app.models import MetadataRecord, Resource

MARGIN = timedelta(minutes=2)
CHUNK = 500


def published_refresh(*, full: bool = False) -> int:
    """Bring the read model up to date; returns how many data sets changed (published, edited or withdrawn).

    Three queries when nothing changed: the mark, the records touched since it, the resources touched.
    """
    mark = RefreshMark.objects.filter(pk=1).first()
    started = timezone.now()
    since = None if full or mark is None or mark.refreshed_at is None else mark.refreshed_at - MARGIN
    pks, seen = _changed_records(since)
    if mark is not None and not full and (not pks or seen == mark.seen):
        return 0
    changed = 0
    for start in range(0, len(pks), CHUNK):
        changed += published_sync(record_pks=pks[start:start + CHUNK])
    RefreshMark.objects.update_or_create(pk=1, defaults={"refreshed_at": started, "seen": seen})
    return changed


def _changed_records(since) -> tuple[list[int], str]:
    """The pks of records whose published inputs changed since `since` (all records if None), and a
    digest of those changes (which rows, at which times)."""
    records = MetadataRecord.objects.all()
    resources = []
    if since is not None:
        resources = list(Resource.history.filter(history_date__gte=since).values_list("record_id", "history_id"))
        records = records.filter(
            Q(updated_at__gte=since) | Q(item__updated_at__gte=since) | Q(item__agency__updated_at__gte=since)
            | Q(item__issue__updated_at__gte=since) | Q(item__dimension__updated_at__gte=since)
            | Q(pk__in={record_id for record_id, _history in resources}))
    rows = sorted(records.values_list("pk", "updated_at", "item__updated_at", "item__agency__updated_at",
                                      "item__issue__updated_at", "item__dimension__updated_at"))
    seen = hashlib.sha256(repr((rows, sorted(resources))).encode()).hexdigest()
    return [row[0] for row in rows], seen


def published_sync(*, record_pks: list[int]) -> int:
    """Re-build the published data sets of these records (a constant number of queries per call)."""
    records = list(MetadataRecord.objects.filter(pk__in=record_pks).select_related(
        "item__agency", "item__issue", "item__dimension"))
    resources = {}
    for resource in Resource.objects.filter(record__in=[r.pk for r in records], is_complete=True).order_by(
            "record", "position", "pk"):
        resources.setdefault(resource.record_id, []).append(resource)
    RefreshMark.objects.get_or_create(pk=1)
    with transaction.atomic():
        RefreshMark.objects.select_for_update().get(pk=1)  # one sync at a time: no two create the same row
        current = {row.record_id: row for row in PublishedDataset.objects.select_for_update().filter(
            record__in=[r.pk for r in records])}
        now = timezone.now()
        new, updated, refaceted = [], [], []
        for record in records:
            row = current.get(record.pk)
            if is_publishable(record):
                result = _publish(record, resources.get(record.pk, []), row, now)
            else:
                result = _withdraw(row, now) if row is not None else None
            if result is None:
                continue
            (new if row is None else updated).append(result)
            refaceted.append(result)
        PublishedDataset.objects.bulk_create(new)
        PublishedDataset.objects.bulk_update(updated, [
            "name", "state", "package", "digest", "title", "search_title", "search_keywords", "search_notes",
            "approved_at", "metadata_modified"])
        PublishedFacet.objects.filter(dataset__in=[row.pk for row in refaceted]).delete()
        PublishedFacet.objects.bulk_create([
            PublishedFacet(dataset=row, field=field, value=value)
            for row in refaceted if row.is_active for field, value in facet_values(row.package)])
    return len(refaceted)


def _publish(record, resources, row, now):
    package = package_dict(record, resources)
    fingerprint = digest(package)
    if row is not None and row.is_active and row.digest == fingerprint:
        return None
    if row is None:
        row = PublishedDataset(id=stable_id("dataset", record.pk), record=record, metadata_created=now)
    values = record.approved_values
    row.name, row.state, row.digest = record.approved_dataset_name, PublishedDataset.State.ACTIVE, fingerprint
    row.title, row.approved_at, row.metadata_modified = package["title"][:500], record.approved_at, now
    row.search_title = words.indexed(f"{package['title']} {record.item.name_en}")
    row.search_keywords = words.indexed(" ".join(tags_of(values)))
    row.search_notes = words.indexed(package["notes"])
    row.package = package
    return row


def _withdraw(row, now):
    if not row.is_active:
        return None
    row.state, row.digest, row.metadata_modified = PublishedDataset.State.DELETED, "deleted", now
    row.package = deleted_stub(row)
    row.search_title = row.search_keywords = row.search_notes = row.title = ""
    return row
