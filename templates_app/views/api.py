"""`GET /api/v1/datasets/`: Template 1 items with their Template 2 metadata and completeness."""
from django.views.decorators.http import require_safe

from catalog.models.items import DataType
from catalog.pagination import cursor_page
from catalog.views.api import json_page
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
    items = selectors.dataset_items(user=request.user, issue=_int_or_none(request.GET.get("issue")),
                                    agency=request.GET.get("agency") or None, status=request.GET.get("status") or None)
    page = cursor_page(request, items, order=("pk",))  # the primary key's order: any page costs what the first does
    return json_page(page, [_row(row) for row in selectors.dataset_rows(user=request.user, items=page.rows)])
