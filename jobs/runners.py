"""What each kind of job does. A runner takes the job, calls the services that do the work, reports progress
(`job_progress`) and leaves its outcome on the job (`result_file`, `result_url`); it raises to fail."""
import tempfile

from django.core.files import File
from django.urls import reverse
from django.utils import timezone

from jobs.services.jobs import job_progress


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


RUNNERS = {"gdcatalog_export": gdcatalog_export, "progress_snapshot": progress_snapshot}
