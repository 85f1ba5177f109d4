"""Job tasks: thin, each calls one service."""
from celery import shared_task

from jobs.models import Job
from jobs.services import job_run, job_start


@shared_task(name="jobs.run")
def run(job_id: int) -> None:
    job_run(job_id=job_id)


@shared_task(name="jobs.snapshot_progress")
def snapshot_progress() -> None:
    """The nightly progress snapshot (the schedule), recorded as a job the office sees."""
    job_start(kind=Job.Kind.PROGRESS_SNAPSHOT)
