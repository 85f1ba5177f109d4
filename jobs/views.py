"""Job pages: start a GD Catalog export as a job, follow a job (the page polls its status), recent jobs."""
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.audit import audit_record
from accounts.permissions import agency_staff_required, catalog_manager_required, export_starter_required
from jobs.models import Job
from jobs.selectors import job_for, recent_jobs
from jobs.services import job_start
from templates_app.forms.exchange import ConfirmForm, ExportForm


@export_starter_required
@require_http_methods(["GET", "HEAD", "POST"])
def gdcatalog_start(request):
    """The province's workbook; a national user's has every province's data sets."""
    form = ExportForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return render(request, "jobs/gdcatalog.html", {"form": form}, status=400 if form.is_bound else 200)
    data = form.cleaned_data
    params = {"issue": data["issue"] and data["issue"].pk, "agency": data["agency"] and data["agency"].pk,
              "approved_only": data["approved_only"]}
    audit_record(kind="export", actor=request.user, summary="GD Catalog workbook (job)", details=params)
    return redirect(job_start(kind=Job.Kind.GDCATALOG_EXPORT, owner=request.user, params=params,
                              province=None if request.user.is_national else request.province))


@catalog_manager_required
@require_POST
def link_check_start(request):
    """The statistics office checks every link now (or one agency's, `agency` = its code)."""
    agency = request.POST.get("agency", "").strip()[:40]
    return redirect(job_start(kind=Job.Kind.LINK_CHECK, owner=request.user, params={"agency": agency}))


@agency_staff_required
@require_POST
def import_apply(request):
    """Apply a previewed agency workbook as a job (the preview's confirm form, its second button)."""
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("templates_app:exchange")
    return redirect(job_start(kind=Job.Kind.WORKBOOK_IMPORT, owner=request.user, params=form.cleaned_data))


@login_required
@require_safe
def job_list(request):
    return render(request, "jobs/list.html", {"jobs": recent_jobs(user=request.user)})


@login_required
@require_safe
def job_detail(request, pk):
    return render(request, "jobs/detail.html", {"job": job_for(user=request.user, pk=pk)})


@login_required
@require_safe
def job_status(request, pk):
    job = job_for(user=request.user, pk=pk)
    return JsonResponse({"state": job.state, "state_label": job.get_state_display(), "progress": job.progress,
                         "message": job.message, "finished": job.is_finished, "error": job.error})


@login_required
@require_safe
def job_download(request, pk):
    job = job_for(user=request.user, pk=pk)
    if not job.result_file:
        raise Http404("This job has no file.")
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/")[-1])
