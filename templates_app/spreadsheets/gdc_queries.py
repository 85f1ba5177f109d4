"""Reads for the workbook exchange, each a constant number of queries whatever the number of rows."""
from dataclasses import dataclass

from django.utils.translation import gettext as _

from catalog.models import Item, Province
from catalog.models.items import ItemStatus
from templates_app.models import MetadataRecord, Resource
from templates_app.services import dataset_name_default


@dataclass
class ExchangeRow:
    """A Template 1 item with its Template 2 record (None when not started) and the slug it goes by."""

    item: Item
    record: MetadataRecord | None
    slug: str

    def values(self, approved_only: bool = False) -> dict:
        if self.record is None:
            return {}
        if approved_only:
            return self.record.approved_values or {}
        return self.record.values or {}

    def export_fields(self, approved_only: bool = False) -> tuple:
        """(slug, data type, organisation, record status or None, values): what `export_rows` gives for a record."""
        status = self.record.status if self.record is not None else None
        return self.slug, self.item.data_type, self.item.agency.name_th, status, self.values(approved_only)


def _records(*, issue=None, agency=None, approved_only=False):
    records = MetadataRecord.objects.filter(item__status=ItemStatus.CURRENT)
    if issue is not None:
        records = records.filter(item__issue=issue)
    if agency is not None:
        records = records.filter(item__agency=agency)
    if approved_only:
        records = records.filter(approved_values__isnull=False)
    return records


def export_rows(*, issue=None, agency=None, approved_only=False):
    """Every record in scope, by issue and item code (one query, streamed), as plain tuples
    (slug, data type, organisation, status, values): no model instances, only the JSON exported."""
    records = _records(issue=issue, agency=agency, approved_only=approved_only).order_by(
        "item__issue__number", "item__code", "pk")
    return records.values_list("dataset_name", "item__data_type", "item__agency__name_th", "status",
                               "approved_values" if approved_only else "values").iterator(chunk_size=2000)


def export_resources(*, issue=None, agency=None, approved_only=False):
    """Template 3 resources of the records in scope (one query, streamed) as (slug, data type, values)."""
    resources = Resource.objects.filter(record__in=_records(issue=issue, agency=agency, approved_only=approved_only))
    return resources.order_by(
        "record__item__issue__number", "record__item__code", "record__pk", "position", "pk").values_list(
        "record__dataset_name", "record__item__data_type", "values").iterator(chunk_size=2000)


def agency_rows(*, agency) -> list[ExchangeRow]:
    """Every current item of the agency; an item not started goes by the slug its first save will take."""
    items = list(Item.objects.filter(agency=agency, status=ItemStatus.CURRENT).select_related(
        "issue", "agency", "metadata").order_by("issue__number", "code"))
    defaults = {item.pk: dataset_name_default(item) for item in items if _record(item) is None}
    taken = set(MetadataRecord.objects.filter(dataset_name__in=defaults.values()).values_list(
        "dataset_name", flat=True))
    rows = []
    for item in items:
        record = _record(item)
        if record is not None:
            rows.append(ExchangeRow(item, record, record.dataset_name))
        else:
            slug = defaults[item.pk]
            rows.append(ExchangeRow(item, None, f"{slug[:60]}-{item.pk}" if slug in taken else slug))
    return rows


def _record(item) -> MetadataRecord | None:
    try:
        return item.metadata
    except MetadataRecord.DoesNotExist:
        return None


def records_by_slug(slugs, *, batch: int = 900) -> dict[str, MetadataRecord]:
    """Records of any agency with one of these slugs (to tell another agency's item from an unknown code).

    One query per 900 codes (SQLite limits the parameters of a query); a workbook's own codes are
    never looked up here, so a normal upload makes at most one.
    """
    slugs, found = sorted(set(slugs)), {}
    for start in range(0, len(slugs), batch):
        found.update((record.dataset_name, record) for record in MetadataRecord.objects.filter(
            dataset_name__in=slugs[start:start + batch]).select_related("item__agency"))
    return found


def resources_of(*, agency) -> dict[int, list]:
    """{record pk: [resources in position order]} for the agency's records (one query).

    Without their records: the import compares values and hands the resources to the batch
    service, which reads what its rules need under a lock."""
    grouped = {}
    resources = Resource.objects.filter(record__item__agency=agency)
    for resource in resources.order_by("record", "position", "pk"):
        grouped.setdefault(resource.record_id, []).append(resource)
    return grouped


def province_name(issue=None) -> str:
    if issue is not None:
        return issue.province.name_th
    provinces = list(Province.objects.order_by("pk")[:2])  # with no province chosen, every one
    if len(provinces) > 1:
        return _("every province")
    return provinces[0].name_th if provinces else ""
