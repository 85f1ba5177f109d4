from .jobs import job_progress, job_run, job_start  # noqa: F401
