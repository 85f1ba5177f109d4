"""Template 2: agency staff fill their data sets' metadata; the statistics office reviews it."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.permissions import agency_staff_required, catalog_manager_required, signed_in_required
from catalog.pagination import page_of
from templates_app import selectors, services
from templates_app.forms import form_add_service_errors
from templates_app.forms.template2 import MetadataForm
from templates_app.gdschema import get_schema
from templates_app.selectors.metadata import values_at_version

WORK_ROWS_PER_PAGE = 50


@agency_staff_required
@require_safe
def my_work(request):
    agency, status = request.user.agency, request.GET.get("status")
    status = status if status in selectors.STATUS_ORDER else None
    page = page_of(request, selectors.work_items(agency=agency, status=status), per_page=WORK_ROWS_PER_PAGE)
    return render(request, "templates_app/my_work.html", {
        "rows": selectors.work_rows(items=page.object_list), "page": page, "agency": agency, "status": status,
        "summary": selectors.work_summary(agency=agency)})


@catalog_manager_required
@require_safe
def review_queue(request):
    page = page_of(request, selectors.review_queue(), per_page=WORK_ROWS_PER_PAGE)
    return render(request, "templates_app/review_queue.html", {"rows": selectors.review_rows(page.object_list),
                                                                "page": page})


@signed_in_required
@require_http_methods(["GET", "HEAD", "POST"])
def metadata_edit(request, pk: int):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    if not request.user.is_agency_staff:
        return redirect("templates_app:metadata-review", pk=item.pk)
    schema, record = get_schema(item.data_type), getattr(item, "metadata", None)
    initial = MetadataForm.initial_from(
        schema=schema, values=record.values if record else _starting_values(item), version=record.version if record else 0,
        dataset_name=record.dataset_name if record else services.dataset_name_default(item))
    form = MetadataForm(request.POST or None, schema=schema, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        write = services.metadata_submit if "submit" in request.POST else services.metadata_save_draft
        try:
            write(item=item, values=form.metadata_values(), version=form.cleaned_data["version"], by=request.user,
                  dataset_name=form.cleaned_data["dataset_name"] or None)
        except services.ConflictError as exc:
            conflict = _conflict(exc, schema)
            form_add_service_errors(form, exc)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Submitted to the statistics office for review.") if "submit" in request.POST
                             else _("Draft saved."))
            return redirect("templates_app:metadata-edit", pk=item.pk)
    return render(request, "templates_app/metadata_form.html", {
        "item": item, "record": record, "schema": schema, "form": form, "conflict": conflict,
        "rows": _rows(form, schema, record), "error_summary": _error_summary(form, schema)})


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def metadata_review(request, pk: int):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    record, schema = getattr(item, "metadata", None), get_schema(item.data_type)
    errors = []
    if request.method == "POST" and record is not None:
        comments = {key.removeprefix("comment_"): value for key, value in request.POST.items()
                    if key.startswith("comment_")}
        version = request.POST.get("version") or 0
        try:
            if "approve" in request.POST:
                services.metadata_approve(record=record, version=int(version), by=request.user)
                messages.success(request, _("Approved."))
            else:
                services.metadata_return(record=record, comments=comments, version=int(version), by=request.user)
                messages.success(request, _("Returned to the agency with your comments."))
            return redirect("templates_app:review-queue")
        except ValidationError as exc:
            errors = [e for errs in exc.message_dict.values() for e in errs]
    returned = selectors.last_return(record=record) if record and record.status == "submitted" else None
    rows = _review_rows(schema, record, request.POST if errors else {}, returned)
    return render(request, "templates_app/metadata_review.html", {
        "item": item, "record": record, "schema": schema, "errors": errors, "rows": rows, "returned": returned,
        "changed_since_return": [row for row in rows if row["before"] is not None],
        "unchanged_commented": [row for row in rows if row["earlier_comment"] and row["before"] is None]})


@signed_in_required
@require_safe
def metadata_history(request, pk: int):
    item = selectors.item_for_metadata(pk=pk, user=request.user)
    record = getattr(item, "metadata", None)
    trail = selectors.metadata_history(record=record) if record else []
    return render(request, "templates_app/metadata_history.html", {"item": item, "record": record, "trail": trail})


def _starting_values(item) -> dict:
    """What a new record starts with: the item's name as the title, the agency's contact if known."""
    values = {"title": item.name_th}
    if item.agency.contact_name:
        values["maintainer"] = item.agency.contact_name
    if item.agency.contact_email:
        values["maintainer_email"] = item.agency.contact_email
    return values


def _conflict(exc, schema) -> dict:
    theirs = values_at_version(record=exc.record, version=exc.read_version)
    return {"user": exc.record.updated_by, "version": exc.record.version,
            "changes": selectors.metadata_changes(theirs, exc.record.values, schema=schema)}


def _rows(form, schema, record) -> list[dict]:
    comments = record.review_comments if record else {}
    approved = record.approved_values if record and record.approved_values is not None else None
    rows = []
    for entry in schema.entries:
        other = entry.field.other_name if entry.field.has_other else (
            "data_type_other" if entry.name == "data_type" and "data_type_other" in form.fields else None)
        rows.append({"entry": entry, "field": form[entry.name] if entry.name in form.fields else None,
                     "other": form[other] if other else None, "comment": comments.get(entry.name, ""),
                     "approved": selectors.display_value(entry.name, approved.get(entry.name)) if approved else None})
    return rows


def _review_rows(schema, record, posted, returned=None) -> list[dict]:
    """Each item's value; on a second review also what it was when the office returned the record ("before",
    None if unchanged) and the office's comment then ("earlier_comment"), whose box starts empty."""
    values = record.values if record else {}
    comments = {} if returned else (record.review_comments if record else {})
    approved = record.approved_values if record else None
    rows = []
    for entry in schema.entries:
        other = entry.field.other_name
        row = {"entry": entry, "value": selectors.display_value(entry.name, values.get(entry.name)),
               "other": values.get(other, ""), "before": None, "before_other": "",
               "changed": approved is not None and approved.get(entry.name) != values.get(entry.name),
               "comment": posted.get(f"comment_{entry.name}", comments.get(entry.name, "")),
               "earlier_comment": returned["comments"].get(entry.name, "") if returned else ""}
        old = returned["values"] if returned else None
        if old is not None and (old.get(entry.name), old.get(other)) != (values.get(entry.name), values.get(other)):
            row["before"] = selectors.display_value(entry.name, old.get(entry.name))
            row["before_other"] = old.get(other, "")
        rows.append(row)
    return rows


def _error_summary(form, schema) -> list[dict]:
    """Every field error, in the form's order, with the item number and label, for the list at the top."""
    summary = []
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        base = name.removesuffix("_other")
        entry = schema.get(name) or schema.get(base)
        item_word, specify = _("Item"), _("please specify")
        label = (f"{item_word} {entry.number} {entry.label}" if entry.number else entry.label) if entry \
            else form.fields[name].label
        if entry and entry.name != name:
            label = f"{label} ({specify})"
        summary.append({"anchor": f"id_{name}", "label": label, "messages": errors,
                        "order": schema.names.index(entry.name) if entry else -1})
    return sorted(summary, key=lambda row: row["order"])
