"""Public pages: the home page, a development issue's Template 1 list, and one item."""
from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalog import selectors
from catalog.filters import ItemFilter
from catalog.page_cache import public_page_cache
from catalog.pagination import page_of

ITEMS_PER_PAGE = 100


@require_safe
def home(request):
    issues = list(selectors.issue_list())
    counts = selectors.issue_counts(issues=issues)
    rows = [{"issue": issue, "counts": counts[issue.pk]} for issue in issues]
    return render(request, "catalog/home.html", {"rows": rows, "fiscal_year": selectors.current_fiscal_year()})


@require_safe
@public_page_cache(version=selectors.issue_page_version)
def issue_detail(request, number: int):
    issue = selectors.issue_get(number=number)
    item_filter = ItemFilter(request.GET, queryset=selectors.item_list(issue=issue), issue=issue)
    page = page_of(request, item_filter.qs, per_page=ITEMS_PER_PAGE)
    summary = selectors.issue_summary(issue=issue, points=selectors.issue_snapshot_points(issue=issue))
    return render(request, "catalog/issue_detail.html", {
        "issue": issue, "filter": item_filter, "page": page, "items": page.object_list, "summary": summary,
        "groups": selectors.items_by_dimension(page=page.object_list, items=item_filter.qs),
    })


@require_safe
def item_detail(request, pk: int):
    item = selectors.item_get(pk=pk)
    return render(request, "catalog/item_detail.html", {
        "item": item, "trail": selectors.revision_trail(item=item),
    })
