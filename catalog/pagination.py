"""Long lists come a page at a time, so a page costs the same at 100 items as at 100,000.

    page = page_of(request, queryset, per_page=100)   # in a view; `?page=` picks the page
    {% include "partials/pagination.html" %}            # in its template (expects `page`)
"""
from django.core.paginator import Page, Paginator


def page_of(request, rows, *, per_page: int) -> Page:
    """The page `?page=` asks for: junk gives the first page, a number out of range the last."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    page.numbers = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


MAX_PAGE = 1_000_000  # far past any real list; bounds the OFFSET a junk number would ask the database for


def page_number(raw) -> int:
    """The page number `?page=` asks for, for views that page by hand: junk gives 1, a huge number MAX_PAGE."""
    try:
        return min(MAX_PAGE, max(1, int(raw)))
    except (TypeError, ValueError):
        return 1
