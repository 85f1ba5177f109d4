"""Reads about Template 1 items."""
from itertools import groupby
from operator import attrgetter

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from catalog.data_version import cached_rows
from catalog.models import DevelopmentIssue, Item, ItemRevision


def item_list(*, issue: DevelopmentIssue | None = None) -> QuerySet[Item]:
    """Items with everything a list row shows, ordered by dimension then code."""
    items = Item.objects.select_related("issue", "agency", "dimension").order_by(
        "issue__number", "dimension__order", "dimension__code", "code")
    return items.filter(issue=issue) if issue is not None else items


def items_by_dimension(*, page, items: QuerySet[Item]) -> list[tuple]:
    """The page's items in groups of one dimension: (dimension, its items on the page, its items in all of `items`).

    The page must be ordered by dimension (as `item_list` is); one query counts every group.
    """
    totals = dict(cached_rows(items.order_by().values_list("dimension").annotate(n=Count("id"))))
    groups = []
    for dimension, rows in groupby(page, key=attrgetter("dimension")):
        rows = list(rows)
        groups.append((dimension, rows, totals.get(getattr(dimension, "pk", None), len(rows))))
    return groups


def item_get(*, pk: int) -> Item:
    return get_object_or_404(Item.objects.select_related("issue", "agency", "dimension"), pk=pk)


def item_revisions(*, item: Item) -> QuerySet[ItemRevision]:
    """The item's revision trail, newest first."""
    return item.revisions.select_related("agency", "dimension", "meeting", "created_by").order_by(
        "-decided_on", "-id")


def issue_revisions(*, issue: DevelopmentIssue) -> QuerySet[ItemRevision]:
    """Every recorded change to an issue's items, oldest first."""
    return ItemRevision.objects.filter(item__issue=issue).select_related("item", "meeting").order_by(
        "decided_on", "item__code", "id")


def revision_trail(*, item: Item) -> list[dict]:
    """The revision trail with every changed field resolved to readable old → new values."""
    from catalog.models import Agency, Dimension

    revisions = list(item_revisions(item=item))
    ids = {"agency": set(), "dimension": set()}
    for revision in revisions:
        for field in ids:
            ids[field].update(v for v in revision.changes.get(field, []) if v)
    names = {
        "agency": {a.pk: a.name for a in Agency.objects.filter(pk__in=ids["agency"])},
        "dimension": {d.pk: d.name for d in Dimension.objects.filter(pk__in=ids["dimension"])},
    }
    labels = {f.name: f.verbose_name for f in Item._meta.fields}
    trail = []
    for revision in revisions:
        changes = [{"field": labels.get(field, field),
                    "old": names.get(field, {}).get(old, old), "new": names.get(field, {}).get(new, new)}
                   for field, (old, new) in revision.changes.items()]
        trail.append({"revision": revision, "changes": changes})
    return trail
