"""Read-only JSON API (v1) over Template 1."""
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from catalog import selectors
from catalog.models.items import DataType


@require_safe
def issues(request):
    issue_rows = list(selectors.issue_list())
    counts = selectors.issue_counts(issues=issue_rows)
    data = [{"number": issue.number, "title": issue.title_th, "title_en": issue.title_en,
             "fiscal_year": issue.fiscal_year, "counts": counts[issue.pk].as_dict()} for issue in issue_rows]
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


@require_safe
def issue_items(request, number: int):
    issue = selectors.issue_get(number=number)
    data = [{"code": item.code, "name_th": item.name_th, "name_en": item.name_en, "agency": item.agency.code,
             "level": item.agency.level, "dimension": item.dimension.code, "data_type": item.data_type,
             "data_type_key": DataType(item.data_type).key, "unit": item.unit, "status": item.status}
            for item in selectors.item_list(issue=issue)]
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
