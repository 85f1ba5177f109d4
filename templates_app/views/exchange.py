"""Spreadsheet exchange: the GD Catalog export (office, admin) and the agency workbook round trip."""
import tempfile

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.audit import audit_record
from accounts.permissions import agency_staff_required, catalog_manager_required
from templates_app.forms.exchange import ConfirmForm, ExportForm, UploadForm
from templates_app.spreadsheets.gdc_export import agency_workbook, gdcatalog_export
from templates_app.spreadsheets.gdc_import import workbook_import
from templates_app.spreadsheets.pending import pending_discard, pending_path, pending_store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_response(write, filename: str) -> FileResponse:
    stream = tempfile.TemporaryFile()
    write(stream)
    stream.seek(0)
    return FileResponse(stream, as_attachment=True, filename=filename, content_type=XLSX)


@catalog_manager_required
@require_safe
def gdcatalog_page(request):
    return render(request, "templates_app/exchange_gdcatalog.html", {"form": ExportForm()})


@catalog_manager_required
@require_safe
def gdcatalog_download(request):
    form = ExportForm(request.GET)
    if not form.is_valid():
        return render(request, "templates_app/exchange_gdcatalog.html", {"form": form}, status=400)
    options = form.cleaned_data
    name = "gdcatalog-" + "-".join(filter(None, [
        f"issue{options['issue'].number}" if options["issue"] else "",
        options["agency"].code.lower() if options["agency"] else "",
        "approved" if options["approved_only"] else "", f"v{options['version']}",
        timezone.localdate().isoformat()])) + ".xlsx"
    audit_record(kind="export", actor=request.user, summary=f"GD Catalog workbook {name}", details=options)
    return _xlsx_response(lambda stream: gdcatalog_export(stream=stream, **options), name)


@agency_staff_required
@require_safe
def exchange_page(request):
    return render(request, "templates_app/exchange_agency.html", {"form": UploadForm(), "agency": request.user.agency})


@agency_staff_required
@require_safe
def agency_download(request):
    agency = request.user.agency
    name = f"{agency.code.lower()}-workbook-{timezone.localdate().isoformat()}.xlsx"
    audit_record(kind="export", actor=request.user, summary=f"agency workbook {name}", details={"agency": agency.code})
    return _xlsx_response(lambda stream: agency_workbook(stream=stream, agency=agency), name)


@agency_staff_required
@require_POST
def exchange_upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "templates_app/exchange_agency.html",
                      {"form": form, "agency": request.user.agency}, status=400)
    data, submit = form.cleaned_data["file"].read(), form.cleaned_data["submit"]
    report = workbook_import(file=data, agency=request.user.agency, user=request.user, dry_run=True, submit=submit)
    confirm = None
    if not report.errors and (report.created or report.updated):
        token = pending_store(data=data, agency_id=request.user.agency_id, user_id=request.user.pk)
        confirm = ConfirmForm(initial={"token": token, "digest": report.digest, "submit": submit})
    return render(request, "templates_app/exchange_preview.html", {
        "report": report, "confirm": confirm, "agency": request.user.agency, "form": UploadForm(),
        "filename": form.cleaned_data["file"].name})


@agency_staff_required
@require_POST
def exchange_apply(request):
    form = ConfirmForm(request.POST)
    path = pending_path(token=form.data.get("token", ""), agency_id=request.user.agency_id,
                        user_id=request.user.pk) if form.is_valid() else None
    if path is None:
        messages.error(request, _("The uploaded file has expired or is not yours. Upload it again."))
        return redirect("templates_app:exchange")
    report = workbook_import(file=path.read_bytes(), agency=request.user.agency, user=request.user, dry_run=False,
                             expected_digest=form.cleaned_data["digest"], submit=form.cleaned_data["submit"])
    if report.applied:
        pending_discard(path)
        audit_record(kind="import", actor=request.user, summary=f"agency workbook of {request.user.agency.code}",
                     details={"agency": request.user.agency.code, "created": report.created, "updated": report.updated})
        messages.success(request, _("Applied: %(created)d new, %(updated)d changed. Each change is in the data "
                                    "set's history.") % {"created": report.created, "updated": report.updated})
        return redirect("templates_app:exchange")
    if report.stale:
        messages.warning(request, _("The data changed since your preview. Check the new preview and confirm again."))
    confirm = ConfirmForm(initial={"token": form.cleaned_data["token"], "digest": report.digest,
                                   "submit": form.cleaned_data["submit"]}) \
        if report.stale and not report.errors else None
    return render(request, "templates_app/exchange_preview.html", {
        "report": report, "confirm": confirm, "agency": request.user.agency, "form": UploadForm()})
