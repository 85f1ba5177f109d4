"""What each kind of job does. A runner takes the job, calls the services that do the work, reports progress
(`job_progress`) and leaves its outcome on the job (`result_file`, `result_url`); it raises to fail."""
import tempfile

from django.core.files import File
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobs.services.jobs import JobFailed, job_progress


def gdcatalog_export(job) -> None:
    from catalog.models import Agency, DevelopmentIssue
    from templates_app.spreadsheets.gdc_export import gdcatalog_export as write_workbook

    params = job.params
    issue = DevelopmentIssue.objects.get(pk=params["issue"]) if params.get("issue") else None
    agency = Agency.objects.get(pk=params["agency"]) if params.get("agency") else None
    job_progress(job=job, percent=10, message="reading the records")
    name = "gdcatalog-" + "-".join(filter(None, [
        f"issue{issue.number}" if issue else "", agency.code.lower() if agency else "",
        "approved" if params.get("approved_only") else "", timezone.localdate().isoformat()])) + ".xlsx"
    with tempfile.TemporaryFile() as stream:
        write_workbook(stream=stream, issue=issue, agency=agency, approved_only=bool(params.get("approved_only")))
        job_progress(job=job, percent=90, message="saving the workbook")
        stream.seek(0)
        job.result_file.save(name, File(stream), save=False)


def progress_snapshot(job) -> None:
    from progress.services import snapshot_take

    snapshots = snapshot_take()
    job.message = f"{len(snapshots)} snapshot(s) stored"
    job.result_url = reverse("progress:overview") if snapshots else ""


def workbook_import(job) -> None:
    """Apply an agency workbook the owner previewed (`params`: the kept file's token, the preview's digest)."""
    from accounts.audit import audit_record
    from templates_app.spreadsheets.gdc_import import workbook_import as apply_workbook
    from templates_app.spreadsheets.pending import pending_discard, pending_path

    owner = job.owner
    path = pending_path(token=job.params.get("token", ""), agency_id=owner.agency_id, user_id=owner.pk)
    if path is None:
        raise JobFailed(_("The uploaded file has expired or is not yours. Upload it again."))

    def checked(done: int, total: int) -> None:  # checking the rows is most of the work; then one write
        job_progress(job=job, percent=5 + 85 * done // max(total, 1), message=f"{done}/{total} rows checked")

    job_progress(job=job, percent=5, message="reading the workbook")
    report = apply_workbook(file=path.read_bytes(), agency=owner.agency, user=owner, dry_run=False,
                            expected_digest=job.params.get("digest", ""), on_progress=checked)
    if not report.applied:
        raise JobFailed(_("The data changed since your preview. Check the new preview and confirm again.")
                        if report.stale else "; ".join(str(error) for error in report.errors)[:2000])
    pending_discard(path)
    audit_record(kind="import", actor=owner, summary=f"agency workbook of {owner.agency.code} (job {job.pk})",
                 details={"agency": owner.agency.code, "created": report.created, "updated": report.updated})
    job.message = f"{report.created} new, {report.updated} changed"
    job.result_url = reverse("templates_app:exchange")


def link_check(job) -> None:
    """A link-check run (all links, or `params["agency"]`'s): inline without a broker; with one, spread over the
    workers while this job follows the run's progress."""
    import time

    from django.conf import settings

    from linkcheck.services import linkcheck_run_dispatch, linkcheck_run_inline, linkcheck_run_progress, \
        linkcheck_run_start

    run = linkcheck_run_start(agency=job.params.get("agency") or None, by=job.owner)
    done = 0

    def step(_result) -> None:
        nonlocal done
        done += 1
        if done % max(1, run.total // 50) == 0:
            job_progress(job=job, percent=100 * done // run.total, message=f"{done}/{run.total}")

    if settings.CELERY_TASK_ALWAYS_EAGER:
        linkcheck_run_inline(run=run, on_result=step)
    else:
        while not linkcheck_run_dispatch(run=run):
            progress = linkcheck_run_progress(run=run)
            job_progress(job=job, percent=progress.percent, message=f"{progress.done}/{progress.total}")
            time.sleep(settings.LINKCHECK_LEASE_SECONDS / 2)
    job.message = f"{run.total} link(s) checked"
    job.result_url = reverse("templates_app:link-problems")


RUNNERS = {"link_check": link_check, "gdcatalog_export": gdcatalog_export, "progress_snapshot": progress_snapshot,
           "workbook_import": workbook_import}
