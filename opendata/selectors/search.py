"""Search over the public read model, with CKAN's `package_search` parameters and Solr-like `fq`.

Full text: the query is segmented into words (`opendata.words`) and every word must occur in the
title, the keywords or the description. On PostgreSQL this is full-text search over the
pre-segmented text (`simple` configuration, weights A/B/C so title ranks before keywords before
description); elsewhere whole-word matching with the same ranking. A constant three queries:
the count, the page and the facet counts.
"""
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, Max, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime

from opendata import words
from opendata.models import PublishedDataset, PublishedFacet

FACET_FIELDS = ("groups", "organization", "data_category", "data_type", "res_format", "dimension", "tags",
                "update_frequency_unit", "license_id", "data_format", "objective", "allow_harvest")
#: CKAN's own filters that every public search has implicitly: accepted and ignored.
IMPLICIT = {("dataset_type", "dataset"), ("capacity", "public"), ("type", "dataset")}
SORT_COLUMNS = {"id": "id", "name": "name", "title_string": "title", "title": "title",
                "metadata_modified": "metadata_modified", "metadata_created": "metadata_created", "score": "score"}
ROWS_MAX = 1000
_CLAUSE = re.compile(r'\s*(?:(?:AND|&&)\s+)?([+-]?)([A-Za-z_][\w.]*):("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\([^)]*\)|\S+)')


class SearchError(ValueError):
    """A query CKAN would refuse as "Search Query is invalid" (HTTP 409)."""


@dataclass
class SearchResult:
    count: int
    results: list
    facets: dict = field(default_factory=dict)  # {field: [(value, count), …]}
    sort: str = ""


def dataset_search(*, q: str = "", fq: str = "", sort: str = "", rows: int = 10, start: int = 0,
                   facet_fields=(), facet_limit: int = 50, include_deleted: bool = False) -> SearchResult:
    rows, start = max(0, min(int(rows), ROWS_MAX)), min(max(0, int(start)), 10**9)
    datasets = PublishedDataset.objects.all()
    if not include_deleted:
        datasets = datasets.filter(state=PublishedDataset.State.ACTIVE)
    q, fq = (q or "").replace("\x00", "").strip(), (fq or "").replace("\x00", "")
    if q in ("*:*", "*"):
        q = ""
    if q and _CLAUSE.fullmatch(q) and _CLAUSE.fullmatch(q).group(2) != "text":
        fq, q = f"{fq} {q}", ""
    datasets = datasets.filter(parse_fq(fq))
    datasets, ranked = _text(datasets, q)
    sort = sort or ("score desc, metadata_modified desc" if ranked else "metadata_modified desc")
    ordered = datasets.order_by(*_order(sort, ranked))
    if not facet_fields:
        facets = {}
    elif q or fq.strip() or include_deleted:
        facets = _facets(datasets, facet_fields, facet_limit)
    else:  # the landing page: every published data set, counted once per published change
        facets = _whole_catalog_facets(datasets, tuple(facet_fields), facet_limit)
    return SearchResult(count=datasets.count(), results=list(ordered[start:start + rows]) if rows else [],
                        facets=facets, sort=sort)


def parse_fq(fq: str) -> Q:
    query, rest = Q(), (fq or "").strip()
    while rest:
        match = _CLAUSE.match(rest)
        if not match:
            raise SearchError(f"Search Query is invalid: cannot parse {rest[:80]!r}")
        sign, name, raw = match.groups()
        clause = _clause(name, raw)
        query &= ~clause if sign == "-" else clause
        rest = rest[match.end():].strip()
    return query


def _clause(name: str, raw: str) -> Q:
    if raw.startswith("["):
        return _range(name, raw)
    if raw.startswith("(") and " OR " in raw:
        return _any(name, [part.strip() for part in raw[1:-1].split(" OR ")])
    value = _unquote(raw)
    if (name, value) in IMPLICIT:
        return Q()
    if name == "id":
        return Q(pk=_uuid(value))
    if name == "name":
        return Q(name=value)
    if name == "state":
        return Q(state=value)
    if name in FACET_FIELDS:
        return Q(pk__in=PublishedFacet.objects.filter(field=name, value=value).values("dataset"))
    raise SearchError(f"Search Query is invalid: unknown field {name!r}")


def _any(name: str, raws: list[str]) -> Q:
    result = Q(pk__in=[])
    for raw in raws:
        result |= _clause(name, raw)
    return result


def _range(name: str, raw: str) -> Q:
    if name not in ("metadata_modified", "metadata_created"):
        raise SearchError(f"Search Query is invalid: no range on {name!r}")
    parts = raw[1:-1].split(" TO ")
    if len(parts) != 2:
        raise SearchError(f"Search Query is invalid: {raw!r}")
    query = Q()
    for bound, lookup in zip(parts, ("gte", "lte")):
        if bound.strip() != "*":
            query &= Q(**{f"{name}__{lookup}": _time(bound.strip())})
    return query


def _time(text: str) -> datetime:
    from datetime import timezone as dt_timezone

    parsed = parse_datetime(text.replace("Z", "+00:00")) if "T" in text else parse_datetime(f"{text}T00:00:00+00:00")
    if parsed is None:
        raise SearchError(f"Search Query is invalid: not a date {text!r}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt_timezone.utc)


def _unquote(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return re.sub(r"\\(.)", r"\1", raw)


def _uuid(value: str):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _text(datasets, q: str):
    found = words.words(q) if q else ()
    if not found:
        return datasets, False
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = None
        for word in found:
            part = SearchQuery(word, search_type="phrase", config="simple")
            query = part if query is None else query & part
        return datasets.filter(search_vector=query).annotate(score=SearchRank(F("search_vector"), query)), True
    score = Value(0)
    for word in found:
        padded = f" {word} "
        match = Q(search_title__contains=padded) | Q(search_keywords__contains=padded) | Q(search_notes__contains=padded)
        datasets = datasets.filter(match)
        score = score + Case(When(search_title__contains=padded, then=Value(4)), default=Value(0),
                             output_field=IntegerField()) + Case(
            When(search_keywords__contains=padded, then=Value(2)), default=Value(0), output_field=IntegerField()
        ) + Case(When(search_notes__contains=padded, then=Value(1)), default=Value(0), output_field=IntegerField())
    return datasets.annotate(score=Coalesce(score, 0)), True


def _order(sort: str, ranked: bool) -> list[str]:
    order = []
    for part in sort.split(","):
        bits = part.split()
        if not bits or len(bits) > 2 or bits[0] not in SORT_COLUMNS or (len(bits) == 2 and bits[1] not in ("asc", "desc")):
            raise SearchError(f"Search Query is invalid: cannot sort by {part.strip()!r}")
        column = SORT_COLUMNS[bits[0]]
        if column == "score" and not ranked:
            continue
        order.append(f"-{column}" if len(bits) == 2 and bits[1] == "desc" else column)
    return [*order, "id"] if "id" not in order and "-id" not in order else order


def _whole_catalog_facets(datasets, facet_fields: tuple, limit: int) -> dict:
    """The facet counts of the whole catalog, cached until any data set is published, edited or withdrawn
    (each sets its `metadata_modified` to the time of the change: the newest one names the version)."""
    newest = PublishedDataset.objects.aggregate(newest=Max("metadata_modified"))["newest"]
    key = f"opendata:facets:{newest.isoformat() if newest else '-'}:{','.join(facet_fields)}:{limit}"
    facets = cache.get(key)
    if facets is None:
        facets = _facets(datasets, facet_fields, limit)
        cache.set(key, facets, timeout=24 * 3600)
    return facets


def _facets(datasets, facet_fields, limit: int) -> dict:
    fields = [name for name in facet_fields if name in FACET_FIELDS]
    rows = (PublishedFacet.objects.filter(dataset__in=datasets.values("pk"), field__in=fields)
            .values("field", "value").annotate(count=Count("id")).order_by("field", "-count", "value"))
    result = {name: [] for name in fields}
    for row in rows:
        if limit < 0 or len(result[row["field"]]) < limit:
            result[row["field"]].append((row["value"], row["count"]))
    return result
