"""Long lists come a page at a time, so a page costs the same at 100 items as at 100,000.

    page = page_of(request, queryset, per_page=100)   # in a view; `?page=` picks the page
    {% include "partials/pagination.html" %}            # in its template (expects `page`)

API lists use a cursor instead (no OFFSET, no COUNT: the thousandth page costs what the first does):

    page = cursor_page(request, queryset, order=("pk",))
    JsonResponse({"results": [row(x) for x in page.rows], "next": page.next})

`order` must identify a row (end it with a unique field); every field is ascending. `?limit=` asks
for another number of rows a page (1 to API_MAX_PAGE_SIZE; junk gives API_PAGE_SIZE).
"""
import base64
import binascii
import json
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import BadRequest
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property

from catalog.data_version import cached_count

API_PAGE_SIZE = 100  # rows a page unless `?limit=` asks for another number, up to API_MAX_PAGE_SIZE
API_MAX_PAGE_SIZE = 500


class CachedCountPaginator(Paginator):
    """Counts a queryset once per data version (`catalog.data_version.cached_count`)."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return cached_count(self.object_list)
        return super().count


def page_of(request, rows, *, per_page: int) -> Page:
    """The page `?page=` asks for: junk gives the first page, a number out of range the last."""
    page = CachedCountPaginator(rows, per_page).get_page(request.GET.get("page"))
    page.numbers = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


MAX_PAGE = 1_000_000  # far past any real list; bounds the OFFSET a junk number would ask the database for


def page_number(raw) -> int:
    """The page number `?page=` asks for, for views that page by hand: junk gives 1, a huge number MAX_PAGE."""
    try:
        return min(MAX_PAGE, max(1, int(raw)))
    except (TypeError, ValueError):
        return 1


@dataclass
class CursorPage:
    rows: list
    next: str | None


def cursor_page(request, rows: QuerySet, *, order: tuple[str, ...]) -> CursorPage:
    """The rows after `?cursor=` (the first ones without it), and the absolute URL of the next page, if any.
    A cursor that is not one of ours is a 400."""
    limit = request.GET.get("limit", "")
    per_page = (min(int(limit), API_MAX_PAGE_SIZE) if limit.isascii() and limit.isdigit() and int(limit)
                else API_PAGE_SIZE)
    after = _decode(request.GET.get("cursor"), len(order))
    if after is not None:
        rows = rows.filter(_after(order, after))
    chunk = list(rows.order_by(*order)[:per_page + 1])
    if len(chunk) <= per_page:
        return CursorPage(chunk, None)
    chunk = chunk[:per_page]
    query = request.GET.copy()
    query["cursor"] = _encode([_value(chunk[-1], name) for name in order])
    return CursorPage(chunk, request.build_absolute_uri(f"{request.path}?{query.urlencode()}"))


def _after(order: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `order`: (a > x) or (a = x and b > y) or …"""
    terms = [Q(**{f"{name}__gt": values[i]}, **{order[k]: values[k] for k in range(i)})
             for i, name in enumerate(order)]
    return reduce(lambda left, right: left | right, terms)


def _value(row, path: str):
    for part in path.split("__"):
        row = getattr(row, part)
    return getattr(row, "pk", row)


def _encode(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, ensure_ascii=False).encode()).decode().rstrip("=")


def _decode(cursor: str | None, size: int) -> list | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadRequest("bad cursor") from None
    if not (isinstance(values, list) and len(values) == size
            and all(isinstance(v, (int, str)) and not isinstance(v, bool) for v in values)):
        raise BadRequest("bad cursor")
    return values
