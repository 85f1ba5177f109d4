"""Progress pages: the public tier tracker, the completeness dashboard, the items behind each
number, the follow-up list per agency, committee resolutions and GD Catalog registrations."""
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.audit import audit_record
from accounts.permissions import catalog_manager_required, signed_in_required
from catalog.models import Agency, Resolution
from catalog.pagination import page_of
from catalog.selectors import issue_get, issue_list
from progress import pages, selectors, services
from progress.followup import followup_items, followup_rows
from progress.forms import GdcBulkForm, GdcFilterForm, GdcForm, GdcImportForm, ResolutionForm
from progress.spreadsheets import followup_workbook
from templates_app.forms import form_add_service_errors
from templates_app.models import MetadataRecord

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 100


def _may_see_agencies(user) -> bool:
    return user.is_authenticated and (user.can_manage_catalog or user.is_agency_staff or user.is_national)


def _agency_for(user, code: str | None) -> Agency | None:
    """The agency asked for. Agency staff: only their own (another agency → 404; none → their own)."""
    if not _may_see_agencies(user):
        raise PermissionDenied
    if user.is_agency_staff:
        if code and code.upper() != user.agency.code.upper():
            raise Http404
        return user.agency
    return get_object_or_404(Agency, code__iexact=code) if code else None


@require_safe
def overview(request):
    issues = list(issue_list())
    progress = selectors.issue_progress_list(issues=issues)
    series = selectors.snapshot_series(issues=issues)
    history = [chart for p in progress if (chart := pages.history_chart(p, series[p.issue.pk],
                                                                        key=f"history-{p.issue.number}"))]
    return render(request, "progress/overview.html", {
        "progress": progress, "province_tier": selectors.province_tier(progress),
        "tier_chart": pages.tier_chart(progress, key="tiers") if progress else None, "history": history,
        "show_details": _may_see_agencies(request.user)})


@signed_in_required
@require_safe
def dashboard(request, number: int):
    issue = issue_get(number=number)
    agency = request.user.agency if request.user.is_agency_staff else None
    matrix, progress = selectors.issue_dashboard(issue=issue, agency=agency)
    rows_visible = _may_see_agencies(request.user)
    return render(request, "progress/dashboard.html", {
        "issue": issue, "issues": issue_list(), "matrix": matrix, "progress": progress,
        "columns": [(metric, selectors.METRIC_LABELS[metric]) for metric in selectors.METRICS],
        "public_metrics": selectors.PUBLIC_METRICS, "rows_visible": rows_visible,
        "show_dimensions": request.user.can_manage_catalog, "own_agency": agency,
        "agency_chart": pages.agency_chart(matrix["agencies"], key="agencies", province=issue.province.name_th)
        if rows_visible else None,
        "tier_chart": pages.tier_chart([progress], key="tiers")})


@signed_in_required
@require_safe
def items(request):
    try:
        issue = issue_get(number=int(request.GET.get("issue", "")))
    except ValueError:
        raise Http404 from None
    agency = _agency_for(request.user, request.GET.get("agency"))
    missing, done = request.GET.get("missing", ""), request.GET.get("done", "")
    metric, state = (missing, "missing") if missing else (done or "items", "done")
    dimension = request.GET.get("dimension", "")
    page = page_of(request, selectors.item_filter(issue=issue, agency=agency, dimension=dimension, metric=metric,
                                                  state=state), per_page=ROWS_PER_PAGE)
    return render(request, "progress/items.html", {
        "issue": issue, "agency": agency, "dimension": dimension, "metric": metric, "state": state,
        "metric_label": selectors.METRIC_LABELS[metric], "rows": page.object_list, "page": page})


@signed_in_required
@require_safe
def followup(request, code: str):
    agency = _agency_for(request.user, code)
    page = page_of(request, followup_items(agency=agency, issues=issue_list()), per_page=ROWS_PER_PAGE)
    rows = list(followup_rows(page.object_list))
    return render(request, "progress/followup.html", {"agency": agency, "rows": rows, "page": page})


@signed_in_required
@require_safe
def followup_xlsx(request, code: str):
    agency = _agency_for(request.user, code)
    items = followup_items(agency=agency, issues=issue_list()).iterator(chunk_size=1000)
    stream = tempfile.TemporaryFile()
    followup_workbook(agency=agency, rows=followup_rows(items), today=timezone.localdate(), stream=stream)
    stream.seek(0)
    response = FileResponse(stream, as_attachment=True, filename=f"follow-up-{agency.code.lower()}.xlsx",
                            content_type=XLSX)
    audit_record(kind="export", actor=request.user, summary=f"follow-up list of {agency.code}", details={"agency": agency.code})
    return response


@catalog_manager_required
@require_safe
def resolutions(request):
    issues = list(issue_list())
    listed = Resolution.objects.filter(issue__in=issues).select_related("meeting", "issue", "recorded_by")
    by_issue = {issue.pk: {"issue": issue, "resolutions": []} for issue in issues}
    for resolution in listed:
        by_issue[resolution.issue_id]["resolutions"].append(resolution)
    return render(request, "progress/resolutions.html", {"groups": by_issue.values()})


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def resolution_new(request):
    initial = {"issue": request.GET.get("issue"), "subject": request.GET.get("subject")}
    form = ResolutionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_resolution_record(**form.cleaned_data, by=request.user)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Resolution recorded."))
            return redirect("progress:resolutions")
    return render(request, "progress/resolution_form.html", {"form": form})


GDC_ROWS_PER_PAGE = 100


def _gdc_filter(request) -> tuple[GdcFilterForm, QuerySet]:
    """The page's filter (from the query string) and the data sets it selects."""
    form = GdcFilterForm(request.GET or None, issues=list(issue_list()))
    return form, selectors.gdc_records(**form.selection())


@catalog_manager_required
@require_safe
def gdc(request):
    filters, records = _gdc_filter(request)
    page = page_of(request, records, per_page=GDC_ROWS_PER_PAGE)
    return render(request, "progress/gdc.html", {
        "page": page, "records": page.object_list, "filters": filters,
        "bulk": GdcBulkForm(records=[]), "query": request.GET.urlencode()})


@catalog_manager_required
@require_POST
def gdc_bulk(request):
    """One state (and date) for the ticked data sets, or for every one the filter (the query string) selects."""
    _filters, records = _gdc_filter(request)
    form = GdcBulkForm(request.POST, records=records)
    if form.is_valid():
        try:
            count = services.gdc_register_many(records=form.chosen(), state=form.cleaned_data["state"],
                                               registered_on=form.cleaned_data["registered_on"], by=request.user)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved the GD Catalog state of %(n)s data sets.") % {"n": count})
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect(reverse("progress:gdc") + (f"?{request.GET.urlencode()}" if request.GET else ""))


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def gdc_save(request, pk: int):
    """One data set's registration: its own URL and date (GET: the form; POST: save, back to the list)."""
    record = get_object_or_404(MetadataRecord.objects.select_related("item__agency", "gdc_registration"), pk=pk)
    registration = getattr(record, "gdc_registration", None)
    form = GdcForm(request.POST or None, initial={"state": registration.state, "url": registration.url,
                                                  "registered_on": registration.registered_on} if registration else {})
    if request.method != "POST":
        return render(request, "progress/gdc_edit.html", {"record": record, "form": form})
    if form.is_valid():
        try:
            services.gdc_register(record=record, **form.cleaned_data, by=request.user)
        except ValidationError as exc:
            form_add_service_errors(form, exc)
    if form.errors:
        for error in form.errors.values():
            messages.error(request, f"{record.dataset_name}: {' '.join(error)}")
    else:
        messages.success(request, _("Saved the GD Catalog registration of %(name)s.") % {"name": record.dataset_name})
    return redirect(reverse("progress:gdc") + f"#gdc-{record.pk}")


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def gdc_import(request):
    form = GdcImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            count = services.gdc_import_csv(data=form.cleaned_data["file"].read(), by=request.user)
        except services.CsvImportError as exc:
            errors = exc.row_errors
        else:
            audit_record(kind="import", actor=request.user, summary=f"GD Catalog registrations CSV ({count} rows)")
            messages.success(request, _("%(n)s registrations imported.") % {"n": count})
            return redirect("progress:gdc")
    return render(request, "progress/gdc_import.html", {"form": form, "errors": errors})
