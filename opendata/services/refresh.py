"""Keep the public read model (`PublishedDataset`) equal to what is approved and public now.

`published_refresh` is called by every public read (page, Action API, DCAT): it looks for records
whose published inputs may have changed since the last refresh (the record itself, its resources,
its item, agency, issue or dimension: found in their history tables, so the cost follows the number of
writes, not the size of the catalog) and re-builds only those. When nothing changed it costs two
queries. Each rebuilt package is compared by digest, so `metadata_modified` moves exactly when the
published version changes, and never for a draft save (a draft does not touch `approved_values`).
A change is looked for `MARGIN` before the last refresh too, for transactions that committed late.
"""
import hashlib
from collections import defaultdict
from datetime import timedelta

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import CharField, F, Q, Value
from django.utils import timezone

from catalog.models import Agency, DevelopmentIssue, Dimension, Item
from core.tenancy import all_provinces
from opendata import words
from opendata.models import PublishedDataset, PublishedFacet, RefreshMark
from opendata.packages import deleted_stub, digest, facet_values, is_publishable, package_dict, stable_id, tags_of
from templates_app.models import MetadataRecord, Resource

MARGIN = timedelta(minutes=2)
#: PostgreSQL's stored search document: title before keywords before description.
SEARCH_VECTOR = (SearchVector("search_title", weight="A", config="simple")
                 + SearchVector("search_keywords", weight="B", config="simple")
                 + SearchVector("search_notes", weight="C", config="simple"))
CHUNK = 500


def published_refresh(*, full: bool = False) -> int:
    """Bring the read model up to date; returns how many data sets changed (published, edited or withdrawn).

    Two queries when nothing changed: the mark, and the history entries written since it. The read model
    and its mark cover every province (the public reads scope it), so a refresh works across all of them.
    """
    with all_provinces():
        return _refresh(full=full)


def _refresh(*, full: bool) -> int:
    mark = RefreshMark.objects.filter(pk=1).first()
    started = timezone.now()
    if full or mark is None or mark.refreshed_at is None:
        pks, seen = sorted(MetadataRecord.objects.values_list("pk", flat=True)), ""
    else:
        changes = sorted(_writes_since(mark.refreshed_at - MARGIN))
        seen = hashlib.sha256(repr(changes).encode()).hexdigest() if changes else ""
        if not changes or seen == mark.seen:
            return 0
        pks = _records_of(changes)
    changed = 0
    for start in range(0, len(pks), CHUNK):
        changed += published_sync(record_pks=pks[start:start + CHUNK])
    RefreshMark.objects.update_or_create(pk=1, defaults={"refreshed_at": started, "seen": seen})
    return changed


def _records_of(changes: list[tuple[str, int, int]]) -> list[int]:
    """The pks of the records whose published inputs these writes touched."""
    ids = defaultdict(set)
    for kind, pk, _entry in changes:
        ids[kind].add(pk)
    query = Q(pk__in=ids["record"] | ids["resource"])
    for kind, lookup in (("item", "item__in"), ("agency", "item__agency__in"), ("issue", "item__issue__in"),
                         ("dimension", "item__dimension__in")):
        if ids[kind]:
            query |= Q(**{lookup: ids[kind]})
    return sorted(MetadataRecord.objects.filter(query).values_list("pk", flat=True))


def _writes_since(since) -> list[tuple[str, int, int]]:
    """(kind, id, history entry) of every write since `since`, in one query over the history tables'
    `history_date` indexes (dimensions, which keep no history, by their `updated_at`)."""
    def kind(name):
        return Value(name, output_field=CharField())

    def history(model, name, id_field="id"):
        return (model.history.filter(history_date__gte=since).annotate(kind=kind(name), object_id=F(id_field))
                .values_list("kind", "object_id", "history_id").order_by())

    dimensions = (Dimension.objects.filter(updated_at__gte=since)
                  .annotate(kind=kind("dimension"), object_id=F("id"), entry=F("id"))
                  .values_list("kind", "object_id", "entry").order_by())
    return list(history(MetadataRecord, "record").union(
        history(Resource, "resource", "record_id"), history(Item, "item"), history(Agency, "agency"),
        history(DevelopmentIssue, "issue"), dimensions, all=True))


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
        current = {row.record_id: row for row in PublishedDataset.objects.select_for_update(of=("self",)).filter(
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
        if refaceted and connection.vendor == "postgresql":
            PublishedDataset.objects.filter(pk__in=[row.pk for row in refaceted]).update(search_vector=SEARCH_VECTOR)
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
