"""Template 1 editing (statistics office and admins) and the Template 1 workbook download."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.audit import audit_record
from accounts.permissions import catalog_manager_required
from catalog import selectors, services
from catalog.services.items import EDITABLE_FIELDS
from templates_app.forms import form_add_service_errors
from templates_app.forms.template1 import ItemCreateForm, ItemEditForm, ItemRemoveForm, ItemRestoreForm
from templates_app.spreadsheets.template1_workbook import template1_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _run(request, form, template, context, write):
    """Validate the form, call the service, and on a service error show it on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            item = write(form.cleaned_data)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved. The change is recorded in the item's history."))
            return redirect(item.get_absolute_url())
    return render(request, template, {**context, "form": form})


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_create(request, number: int):
    issue = selectors.issue_get(number=number)
    form = ItemCreateForm(request.POST or None, issue=issue)
    return _run(request, form, "templates_app/item_form.html", {"issue": issue, "title": _("Add an item")},
                lambda data: services.item_create(issue=issue, by=request.user, **data))


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_edit(request, pk: int):
    item = selectors.item_get(pk=pk)
    initial = {f: getattr(item, f) for f in EDITABLE_FIELDS}
    form = ItemEditForm(request.POST or None, issue=item.issue, initial=initial)
    return _run(request, form, "templates_app/item_form.html", {"issue": item.issue, "item": item,
                                                                "title": _("Change the item")},
                lambda data: services.item_update(item=item, by=request.user, **data).item)


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_remove(request, pk: int):
    return _status_change(request, pk, ItemRemoveForm, _("Remove the item"), services.item_remove)


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_restore(request, pk: int):
    return _status_change(request, pk, ItemRestoreForm, _("Put the item back"), services.item_restore)


def _status_change(request, pk, form_class, title, service):
    """Take an item off the list or put it back: the same form (reason, meeting), another service."""
    item = selectors.item_get(pk=pk)
    form = form_class(request.POST or None)
    return _run(request, form, "templates_app/item_form.html", {"issue": item.issue, "item": item, "title": title},
                lambda data: service(item=item, by=request.user, **data).item)


@require_safe
def issue_workbook(request, number: int):
    issue = selectors.issue_get(number=number)
    audit_record(kind="export", actor=request.user, summary=f"Template 1 workbook of issue {issue.number}",
                 details={"issue": issue.number, "fiscal_year": issue.fiscal_year})
    response = HttpResponse(template1_workbook(issue=issue), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="template1-issue{issue.number}-fy{issue.fiscal_year}.xlsx"'
    return response
