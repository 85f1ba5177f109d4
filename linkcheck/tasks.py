"""Link-check tasks: thin, each calls one service (`linkcheck.services`).

`start_run` (the nightly schedule) starts a run; without a broker it checks it inline at once, with one it
queues `work` tasks and a `watch` that comes back every half lease until the run is finished.
"""
from celery import shared_task
from django.conf import settings

from linkcheck.models import LinkCheckRun
from linkcheck.services import linkcheck_run_dispatch, linkcheck_run_inline, linkcheck_run_start, linkcheck_work


@shared_task(name="linkcheck.start_run")
def start_run(agency: str | None = None, stale_hours: float | None = None) -> int:
    run = linkcheck_run_start(agency=agency, stale_hours=stale_hours)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        linkcheck_run_inline(run=run)
    else:
        watch.delay(run.pk)
    return run.pk


@shared_task(name="linkcheck.work")
def work(run_id: int) -> int:
    return linkcheck_work(run_id=run_id)


@shared_task(name="linkcheck.watch")
def watch(run_id: int) -> None:
    if not linkcheck_run_dispatch(run=LinkCheckRun.objects.get(pk=run_id)):
        watch.apply_async((run_id,), countdown=max(1, settings.LINKCHECK_LEASE_SECONDS // 2))


@shared_task(name="linkcheck.watch_open_runs")
def watch_open_runs() -> None:
    """The schedule's safety net (every minute): a watch whose worker died, and its countdown with it, is
    made good here, so a run always finishes."""
    for run in LinkCheckRun.objects.filter(state=LinkCheckRun.State.RUNNING):
        linkcheck_run_dispatch(run=run)
