"""Starting and running jobs. `job_start` queues a job (inline at once without a broker); `job_run` runs it:
the kind's runner does the work and reports progress, the outcome (a file, a page, or why it failed) is stored."""
import logging

from django.db import transaction
from django.utils import timezone

from core.tenancy import current_province, province_scope
from jobs.models import Job

logger = logging.getLogger(__name__)


class JobFailed(Exception):
    """A runner's own refusal: its message (translated) is what the job's page shows as the reason."""


_CURRENT = object()


def job_start(*, kind: str, owner=None, params: dict | None = None, province=_CURRENT) -> Job:
    """A queued job; the engine picks it up once the transaction commits. It runs in `province` (default: the
    province being worked in; None: every province), kept in its params as "province"."""
    from jobs import tasks  # the tasks module imports the services

    province = current_province() if province is _CURRENT else province
    job = Job.objects.create(kind=kind, owner=owner,
                             params={**(params or {}), "province": province.pk if province is not None else None})
    transaction.on_commit(lambda: tasks.run.delay(job.pk))
    return job


def job_progress(*, job: Job, percent: int, message: str = "") -> None:
    """Record progress (0–100) from inside a runner; the job page polls it."""
    job.progress, job.message = max(0, min(100, int(percent))), message[:255]
    Job._base_manager.filter(pk=job.pk).update(progress=job.progress, message=job.message)


def job_run(*, job_id: int) -> Job:
    """Run a queued job once (a job already started is left alone: a redelivered task does nothing), in the
    province it was started for (whatever province the caller works in: inline, that of the request)."""
    from catalog.models import Province
    from jobs.runners import RUNNERS

    jobs = Job._base_manager  # a national user's job has no province: found from any
    if not jobs.filter(pk=job_id, state=Job.State.QUEUED).update(state=Job.State.RUNNING, started_at=timezone.now()):
        return jobs.get(pk=job_id)
    job = jobs.get(pk=job_id)
    province_id = job.params.get("province")
    try:
        with province_scope(Province.all_objects.get(pk=province_id) if province_id else None):
            RUNNERS[job.kind](job)
    except JobFailed as exc:
        job.state, job.error = Job.State.FAILED, str(exc)
    except Exception as exc:  # noqa: BLE001 -- any failure is the job's outcome, shown on its page
        logger.exception("job %s failed", job.pk)
        job.state, job.error = Job.State.FAILED, f"{type(exc).__name__}: {exc}"
    else:
        job.state, job.progress = Job.State.DONE, 100
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "progress", "finished_at", "result_file", "result_url", "message"])
    return job
