"""Dashboards and the committee summary (public); uploads and key findings (signed-in roles)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.audit import audit_record
from accounts.models import AuditEvent
from accounts.permissions import catalog_manager_required, signed_in_required
from catalog import selectors as catalog_selectors
from catalog.pagination import page_of
from visualizations import selectors, services
from visualizations.embed import rendered_sections
from visualizations.forms import FindingsForm, UploadForm
from visualizations.keyfigures import key_figures
from visualizations.markup import render_findings
from visualizations.spreadsheets import MAX_ROWS, MAX_UPLOAD_BYTES

ITEMS_PER_PAGE = 100


def _issue_context(number: int) -> dict:
    issue = catalog_selectors.issue_get(number=number)
    findings = selectors.issue_findings(issue=issue)
    sections = selectors.issue_dashboard(issue=issue)
    return {"issue": issue, "findings": findings, "findings_html": render_findings(findings.text if findings else ""),
            "key_figures": key_figures(sections), "sections": rendered_sections(sections)}


@require_safe
def issue_dashboard(request, number: int):
    return render(request, "visualizations/issue_dashboard.html", _issue_context(number))


@require_safe
def issue_summary(request, number: int):
    context = _issue_context(number)
    approval = catalog_selectors.issue_resolution(issue=context["issue"], subject="visualization_summary")
    return render(request, "visualizations/issue_summary.html", {**context, "printable": True, "approval": approval})


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def findings_edit(request, number: int):
    issue = catalog_selectors.issue_get(number=number)
    findings = selectors.issue_findings(issue=issue)
    form = FindingsForm(request.POST or None, initial={"text": findings.text if findings else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.findings_update(issue=issue, text=form.cleaned_data["text"], user=request.user,
                                     clear=form.cleaned_data["clear"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The key findings were saved."))
            return redirect("visualizations:issue-summary", number=number)
    return render(request, "visualizations/findings_form.html", {"issue": issue, "form": form})


@signed_in_required
@require_safe
def upload_index(request):
    page = page_of(request, selectors.uploadable_items(user=request.user), per_page=ITEMS_PER_PAGE)
    return render(request, "visualizations/upload_index.html", {"items": page.object_list, "page": page})


@signed_in_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_upload(request, pk: int):
    item = selectors.upload_item_get(user=request.user, pk=pk)
    form, errors = UploadForm(request.POST or None, request.FILES or None), []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            version = services.table_version_upload(item=item, content=upload.read(), filename=upload.name,
                                                    user=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            errors = exc.error_dict.get("file", [])
        else:
            audit_record(kind=AuditEvent.Kind.IMPORT, actor=request.user,
                         summary=f"data table for {item.code}: version {version.number}",
                         details={"item": item.code, "issue": item.issue.number, "version": version.number,
                                  "rows": version.row_count, "file": upload.name})
            messages.success(request, _("Accepted as version %(n)d (%(rows)d rows).") % {
                "n": version.number, "rows": version.row_count})
            return redirect("visualizations:item-upload", pk=pk)
    return render(request, "visualizations/item_upload.html", {
        "item": item, "form": form, "errors": errors, "versions": selectors.table_versions(item=item),
        "max_rows": MAX_ROWS, "max_mb": MAX_UPLOAD_BYTES // 2**20}, status=400 if errors else 200)


@signed_in_required
@require_safe
def item_sample_csv(request, pk: int):
    """A ready-to-fill CSV: the header row and one example row per district for the latest year."""
    item = selectors.upload_item_get(user=request.user, pk=pk)
    response = HttpResponse(services.sample_csv(item=item), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.code}-sample.csv"'
    return response
