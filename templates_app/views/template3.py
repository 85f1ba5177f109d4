"""Template 3: the resources (source URLs) of public-category data sets, and their link checks."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import catalog_manager_required, signed_in_required
from catalog.pagination import page_of
from templates_app import selectors, services
from templates_app.forms import form_add_service_errors
from templates_app.forms.template3 import ResourceForm
from templates_app.gdschema.resources import get_resource_schema, resource_starting_values

LINKS_PER_PAGE = 100


@signed_in_required
@require_safe
def resource_list(request, pk: int):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    record = getattr(item, "metadata", None)
    resources = selectors.dataset_resources(record=record)
    return render(request, "templates_app/resource_list.html", {
        "item": item, "record": record, "resources": resources, "can_edit": _owns(request.user, item),
        "domains": [d.domain for d in item.agency.domains.all()],
        "schema": get_resource_schema(item.data_type)})


@signed_in_required
@require_http_methods(["GET", "HEAD", "POST"])
def resource_create(request, pk: int):
    item = _owned_item(request, pk)
    return _edit(request, item, None)


@signed_in_required
@require_http_methods(["GET", "HEAD", "POST"])
def resource_edit(request, pk: int, resource_pk: int):
    item = _owned_item(request, pk)
    return _edit(request, item, selectors.resource_of_item(item=item, resource_pk=resource_pk))


@signed_in_required
@require_POST
def resource_delete(request, pk: int, resource_pk: int):
    item = _owned_item(request, pk)
    services.resource_delete(resource=selectors.resource_of_item(item=item, resource_pk=resource_pk),
                             by=request.user)
    messages.success(request, _("Template 3 record removed."))
    return redirect("templates_app:resource-list", pk=item.pk)


@signed_in_required
@require_POST
def resource_check(request, pk: int, resource_pk: int):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    resource = services.resource_check_now(resource=selectors.resource_of_item(item=item, resource_pk=resource_pk),
                                           by=request.user)
    level = messages.SUCCESS if resource.url_status == resource.UrlStatus.OK else messages.WARNING
    messages.add_message(request, level, _("Link checked: %(state)s") % {"state": resource.get_url_status_display()})
    return redirect("templates_app:resource-list", pk=item.pk)


@catalog_manager_required
@require_safe
def link_problems(request):
    resources = selectors.link_problems(agency=request.GET.get("agency") or None)
    page = page_of(request, resources, per_page=LINKS_PER_PAGE)
    return render(request, "templates_app/link_problems.html", {
        "resources": page.object_list, "page": page, "summary": selectors.link_summary(resources)})


def _owns(user, item) -> bool:
    return user.is_agency_staff and user.agency_id == item.agency_id


def _owned_item(request, pk):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    if not _owns(request.user, item):
        raise PermissionDenied
    return item


def _edit(request, item, resource):
    schema, record = get_resource_schema(item.data_type), getattr(item, "metadata", None)
    start = resource.values if resource else resource_starting_values(record.values if record else {}, schema=schema)
    initial = ResourceForm.initial_from(schema=schema, values=start)
    form = ResourceForm(request.POST or None, schema=schema, initial=initial)
    not_public = record is None or not record.is_public_category
    if request.method == "POST" and not not_public and form.is_valid():
        try:
            if resource is None:
                services.resource_create(record=record, values=form.resource_values(), by=request.user)
            else:
                services.resource_update(resource=resource, values=form.resource_values(), by=request.user)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Template 3 record saved."))
            return redirect("templates_app:resource-list", pk=item.pk)
    return render(request, "templates_app/resource_form.html", {
        "item": item, "record": record, "resource": resource, "form": form, "schema": schema, "not_public": not_public,
        "domains": [d.domain for d in item.agency.domains.all()], "rows": _rows(form, schema),
        "error_summary": _error_summary(form, schema)})


def _rows(form, schema) -> list[dict]:
    return [{"entry": entry, "field": form[entry.name],
             "other": form[entry.field.other_name] if entry.field.has_other else None}
            for entry in schema.entries]


def _error_summary(form, schema) -> list[dict]:
    summary = []
    for name, errors in form.errors.items():
        entry = schema.get(name) or schema.get(name.removesuffix("_other"))
        if name == "__all__" or entry is None:
            continue
        summary.append({"anchor": f"id_{name}", "label": f"{_('Item')} {entry.number} {entry.label}",
                        "messages": errors, "order": schema.names.index(entry.name)})
    return sorted(summary, key=lambda row: row["order"])
