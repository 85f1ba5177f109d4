"""Counts that signed-in users see, computed once per change of the data and then read from the cache.

    rows = cached("matrix", (issue_ids, agency_id), lambda: list(queryset))
    rows = cached_rows(queryset.values(...).annotate(n=Count("id")))   # a query's rows, keyed on its SQL

The key holds the data version (`DataVersion`, changed by database triggers in the same transaction
as every write to `WATCHED_TABLES`), so a cached value is never older than the data: a write makes
a new version, and the first reader after it counts again. One small query reads the version.
"""
import hashlib
import secrets

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection

from core.tenancy import current_province

#: The tables whose writes change the version (the triggers of migration 0004_i15_data_version).
WATCHED_TABLES = frozenset({
    "catalog_province", "catalog_agency", "catalog_agencydomain", "catalog_developmentissue", "catalog_dimension",
    "catalog_meeting", "catalog_item", "catalog_itemrevision", "catalog_resolution",
    "templates_app_metadatarecord", "templates_app_resource", "progress_gdcregistration",
})
TIMEOUT = 24 * 3600
_MISSING = object()


def data_version() -> int:
    from catalog.models import DataVersion

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {connection.ops.quote_name(DataVersion._meta.db_table)} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:  # a flushed database: a version no cache entry can have
        return DataVersion.objects.get_or_create(pk=1, defaults={"version": secrets.randbits(62)})[0].version
    return row[0]


def cached(name: str, parts, compute):
    """`compute()`, or what it returned for the same `name` and `parts` at the current data version."""
    province = current_province()  # one province's counts never answer another's (DataVersion itself is global)
    digest = hashlib.sha256(repr((province.pk if province is not None else None, parts)).encode()).hexdigest()[:32]
    key = f"dv:{connection.settings_dict['NAME']}:{name}:{data_version()}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def reads_only_watched_tables(sql: str) -> bool:
    """Whether every table of the portal that `sql` names is one whose writes change the version."""
    return all(f'"{model._meta.db_table}"' not in sql or model._meta.db_table in WATCHED_TABLES
               for model in apps.get_models(include_auto_created=True))


def _cached_query(name: str, queryset, compute):
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # nothing to ask the database (e.g. `pk__in=[]`)
        return compute()
    if not reads_only_watched_tables(sql):
        return compute()
    return cached(name, (sql, params), compute)


def cached_count(queryset) -> int:
    """`queryset.count()`, from the cache when the query reads watched tables only."""
    return _cached_query("count", queryset, queryset.count)


def cached_rows(queryset) -> list:
    """`list(queryset)` (use `.values()`: plain rows), from the cache when the query reads watched tables only."""
    return _cached_query("rows", queryset, lambda: list(queryset))
