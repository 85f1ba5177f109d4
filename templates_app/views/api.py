"""`GET /api/v1/datasets/`: Template 1 items with their Template 2 metadata and completeness."""
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from catalog.models.items import DataType
from templates_app import selectors


def _int_or_none(text):
    return int(text) if text and text.isascii() and text.isdigit() else None


def _row(row) -> dict:
    item = row.item
    return {"issue": item.issue.number, "code": item.code, "name_th": item.name_th, "agency": item.agency.code,
            "data_type": item.data_type, "data_type_key": DataType(item.data_type).key,
            "dataset_name": row.dataset_name, "status": row.status, "version": row.version,
            "completeness": {"done": row.done, "required": row.required},
            "metadata": {"owner_org": item.agency.name_th, **row.values}}


@require_safe
def datasets(request):
    rows = selectors.dataset_list(user=request.user, issue=_int_or_none(request.GET.get("issue")),
                                  agency=request.GET.get("agency") or None, status=request.GET.get("status") or None)
    return JsonResponse([_row(row) for row in rows], safe=False, json_dumps_params={"ensure_ascii": False})
