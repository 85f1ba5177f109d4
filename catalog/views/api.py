"""Read-only JSON API (v1) over Template 1. Every list is `{"results": [...], "next": url or null}`,
a page at a time (`catalog.pagination.cursor_page`); long lists in the order rows were created (their
primary key's, which an index serves: the thousandth page costs what the first does)."""
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from catalog import selectors
from catalog.models.items import DataType
from catalog.pagination import cursor_page


def json_page(page, rows: list) -> JsonResponse:
    return JsonResponse({"results": rows, "next": page.next}, json_dumps_params={"ensure_ascii": False})


@require_safe
def issues(request):
    page = cursor_page(request, selectors.issue_list(), order=("number", "pk"))
    counts = selectors.issue_counts(issues=page.rows)
    return json_page(page, [{"number": issue.number, "title": issue.title_th, "title_en": issue.title_en,
                             "fiscal_year": issue.fiscal_year, "counts": counts[issue.pk].as_dict()}
                            for issue in page.rows])


@require_safe
def issue_items(request, number: int):
    issue = selectors.issue_get(number=number)
    page = cursor_page(request, selectors.item_list(issue=issue), order=("pk",))
    return json_page(page, [{"code": item.code, "name_th": item.name_th, "name_en": item.name_en,
                             "agency": item.agency.code, "level": item.agency.level,
                             "dimension": item.dimension.code, "data_type": item.data_type,
                             "data_type_key": DataType(item.data_type).key, "unit": item.unit,
                             "status": item.status} for item in page.rows])
