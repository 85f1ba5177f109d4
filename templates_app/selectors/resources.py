"""Reads about Template 3: a data set's resources, the links to check, the links to chase."""
import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from catalog.data_version import cached_rows
from catalog.models import Agency, AgencyDomain, Item
from linkcheck.check import Status
from templates_app.models import MetadataRecord, Resource

#: The states the statistics office chases (tls_error included: visitors' browsers refuse the page).
PROBLEM_STATUSES = (Status.BROKEN, Status.UNSURE, Status.TLS_ERROR)
#: What /links/ lists: those, and the links the checker could not check (no verdict on the link, no agency's fault).
LISTED_STATUSES = PROBLEM_STATUSES + (Status.OFFLINE,)


def dataset_resources(*, record: MetadataRecord | None) -> list[Resource]:
    """A data set's Template 3 records in their order (one query)."""
    if record is None:
        return []
    return list(record.resources.order_by("position", "pk"))


def resource_of_item(*, item: Item, resource_pk: int) -> Resource:
    """The resource if it belongs to the item's data set (else 404)."""
    return get_object_or_404(Resource.objects.select_related("record__item__agency"), pk=resource_pk,
                             record__item=item)


def resources_to_check(*, agency: str | None = None, stale_hours: float | None = None, now=None):
    """Resources with a URL, of one agency (by code) if given; with `stale_hours`, only those not
    checked within that many hours (never-checked ones included)."""
    resources = Resource.objects.exclude(url="").select_related("record__item__agency").order_by("pk")
    if agency:
        resources = resources.filter(record__item__agency__code__iexact=agency)
    if stale_hours is not None:
        cutoff = (now or timezone.now()) - dt.timedelta(hours=stale_hours)
        resources = resources.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=cutoff))
    return resources


def link_problems(*, agency: str | None = None) -> QuerySet[Resource]:
    """Broken, unsure, TLS-failing and unchecked-for-want-of-internet links with their data set and agency
    (contact), worst first."""
    resources = Resource.objects.filter(url_status__in=LISTED_STATUSES).select_related(
        "record__item__agency", "record__item__issue")
    if agency:
        resources = resources.filter(record__item__agency__code__iexact=agency)
    return resources.order_by("record__item__agency__code", "-failure_count", "record__dataset_name", "pk")


def link_summary(resources: QuerySet[Resource]) -> list[tuple[str, int]]:
    """(status, count) in a fixed order, for the badges above a list; one query, once per data version."""
    counts = dict(cached_rows(resources.order_by().values_list("url_status").annotate(n=Count("pk"))))
    return [(status, counts.get(status, 0)) for status in Status.values]


def agencies_with_domains():
    """Every agency with its registered domains and counts of its Template 3 links (two queries, once per data
    version)."""
    links = "items__metadata__resources"
    agencies = Agency.objects.prefetch_related(
        Prefetch("domains", queryset=AgencyDomain.objects.order_by("domain"))).annotate(
        links=Count(links, distinct=True),
        problems=Count(links, filter=Q(**{f"{links}__url_status__in": PROBLEM_STATUSES}), distinct=True))
    return cached_rows(agencies.order_by("level", "code"))


def agency_by_code(*, code: str) -> Agency:
    return get_object_or_404(Agency.objects.prefetch_related("domains"), code=code)
