"""Link-check runs: start one, check it inline (one process) or across job workers, follow its progress.

A run lists each distinct URL once, grouped by host. Checking happens in batches: a batch's URLs are
claimed (state `claimed`, the claimer's token), checked, then stored and marked `done` together, so a
process killed mid-run loses at most the batches it held, and no URL is checked twice otherwise.
Across workers, a host is checked by one worker at a time (a lease it renews after each batch), which
keeps every host at `LINKCHECK_PER_HOST` requests at most; a host whose lease ran out (its worker died) is
taken over by the next worker, its claimed URLs put back. `linkcheck_run_dispatch` (the watch task, every
half lease) takes over such hosts and closes the run when every URL is done.
"""
import random
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from linkcheck.check import CheckResult, check_many, config_from_settings
from linkcheck.check.batch import host_key
from linkcheck.models import LinkCheckHost, LinkCheckRun, LinkCheckURL
from linkcheck.services.store import linkcheck_store
from templates_app.models import Resource
from templates_app.selectors import resources_to_check

#: An inline run holds all its hosts (renewed after each chunk), so that workers leave them alone.
INLINE_LEASE = timedelta(hours=1)
Claimed = LinkCheckURL.State.CLAIMED
Pending = LinkCheckURL.State.PENDING


@dataclass(frozen=True)
class Politeness:
    """How each host is asked (settings `LINKCHECK_*`, read when a batch starts)."""

    per_host: int
    pause: float
    batch_size: int
    lease: timedelta
    retry_after_max: float

    @classmethod
    def from_settings(cls) -> "Politeness":
        return cls(per_host=settings.LINKCHECK_PER_HOST, pause=settings.LINKCHECK_HOST_PAUSE,
                   batch_size=settings.LINKCHECK_BATCH_SIZE, lease=timedelta(seconds=settings.LINKCHECK_LEASE_SECONDS),
                   retry_after_max=min(settings.LINKCHECK_RETRY_AFTER_MAX, settings.LINKCHECK_LEASE_SECONDS / 2))


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    finished: bool

    @property
    def percent(self) -> int:
        return 100 if not self.total else 100 * self.done // self.total


def linkcheck_run_start(*, agency: str | None = None, stale_hours: float | None = None, by=None) -> LinkCheckRun:
    """A new run over the links to check (each distinct URL once), grouped by host; nothing is checked yet."""
    resources = {}  # url: the pks of the resources that have it (the store reads them by primary key)
    for pk, url in resources_to_check(agency=agency, stale_hours=stale_hours).values_list("pk", "url"):
        resources.setdefault(url, []).append(pk)
    urls = list(resources)
    with transaction.atomic():
        run = LinkCheckRun.objects.create(agency_code=agency or "", stale_hours=stale_hours, total=len(urls),
                                          started_by=by)
        by_host = {}
        for url in urls:
            by_host.setdefault(host_key(url), []).append(url)
        hosts = LinkCheckHost.objects.bulk_create(
            [LinkCheckHost(run=run, host=host) for host in by_host], batch_size=1000)
        LinkCheckURL.objects.bulk_create(
            [LinkCheckURL(run=run, host=host, url=url, resource_ids=resources[url])
             for host in hosts for url in by_host[host.host]],
            batch_size=1000)
        if not urls:
            _finish(run)
    return run


def run_resources(*, run: LinkCheckRun):
    """The resources whose URL the run checks."""
    return Resource.objects.filter(url__in=LinkCheckURL.objects.filter(run=run).values("url")).select_related(
        "record").order_by("pk")


def linkcheck_run_progress(*, run: LinkCheckRun) -> Progress:
    done = LinkCheckURL.objects.filter(run=run, state=LinkCheckURL.State.DONE).count()
    run.refresh_from_db(fields=["state"])
    return Progress(total=run.total, done=done, finished=run.state == LinkCheckRun.State.DONE)


def linkcheck_run_inline(*, run: LinkCheckRun, concurrency: int = 16, on_result=None,
                         chunk: int = 500) -> dict[str, CheckResult]:
    """Check the run's remaining URLs in this process (`concurrency` at once, the per-host limit kept), a chunk
    at a time; database work stays in the calling thread. Returns {url: result} of what this call checked."""
    polite, checked = Politeness.from_settings(), {}
    config = config_from_settings()
    _reclaim(run.pk, host_ids=None)
    hosts = LinkCheckHost.objects.filter(run=run, finished=False)
    while True:
        hosts.update(lease_token="inline", lease_until=timezone.now() + INLINE_LEASE)  # no worker joins in
        token = secrets.token_hex(8)
        with transaction.atomic():
            ids = list(LinkCheckURL.objects.filter(run=run, state=Pending).order_by("pk").values_list(
                "pk", flat=True)[:chunk])
            LinkCheckURL.objects.filter(pk__in=ids, state=Pending).update(state=Claimed, token=token)
        if not ids:
            break
        urls = list(LinkCheckURL.objects.filter(pk__in=ids, token=token).values_list("url", flat=True))
        results = check_many(urls, concurrency=concurrency, per_host=polite.per_host, config=config,
                             on_result=on_result, pause=polite.pause, retry_after_max=polite.retry_after_max)
        linkcheck_store(run_id=run.pk, token=token, results=results)
        checked.update((result.url, result) for result in results)
    hosts.update(finished=True, lease_token="", lease_until=None)
    linkcheck_run_dispatch(run=run, tasks=0)
    return checked


def linkcheck_run_dispatch(*, run: LinkCheckRun, tasks: int | None = None) -> bool:
    """Put back what dead workers held, queue `tasks` work tasks (default `LINKCHECK_TASKS`) if hosts are left,
    close the run when every URL is done. Idempotent: safe to call any number of times. True when finished."""
    from linkcheck import tasks as queue  # the tasks module imports the services

    now = timezone.now()
    expired = LinkCheckHost.objects.filter(run=run, finished=False, lease_until__lt=now)
    _reclaim(run.pk, host_ids=list(expired.values_list("pk", flat=True)))
    counts = dict(LinkCheckURL.objects.filter(run=run).values_list("state").annotate(n=Count("pk")))
    if not counts.get(Pending) and not counts.get(Claimed):
        _finish(run)
        return True
    hosts = LinkCheckHost.objects.filter(run=run, finished=False)
    held = hosts.filter(lease_until__gte=now).count()  # about the work tasks running now
    free = hosts.filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now)).count()
    for _ in range(min(free, (settings.LINKCHECK_TASKS if tasks is None else tasks) - held)):
        queue.work.delay(run.pk)
    return False


def linkcheck_work(*, run_id: int, max_hosts: int | None = None) -> int:
    """One worker's share: take a free host, check its URLs batch by batch, take the next host, until none is
    free. Returns how many URLs this call stored."""
    polite, config, stored, hosts_done = Politeness.from_settings(), config_from_settings(), 0, 0
    while max_hosts is None or hosts_done < max_hosts:
        host, token = _lease_a_host(run_id, polite)
        if host is None:
            return stored
        hosts_done += 1
        while True:
            # Only the lease holder claims this host's URLs: what it read is what it claims.
            batch = dict(LinkCheckURL.objects.filter(host=host, state=Pending).order_by("pk").values_list(
                "pk", "url")[:polite.batch_size])
            if not batch:
                LinkCheckHost.objects.filter(pk=host.pk, lease_token=token).update(
                    finished=True, lease_token="", lease_until=None)
                break
            LinkCheckURL.objects.filter(pk__in=batch, state=Pending).update(state=Claimed, token=token)
            urls = list(batch.values())
            keep = _Renewal(host.pk, token, polite.lease)  # slow servers: the lease outlives the batch
            results = check_many(urls, concurrency=polite.per_host, per_host=polite.per_host, config=config,
                                 pause=polite.pause, retry_after_max=polite.retry_after_max, on_result=keep.soon)
            stored += linkcheck_store(run_id=run_id, token=token, results=results)
            if not keep.now():  # the lease ran out and another worker took the host over
                break
    return stored


class _Renewal:
    """Extends a host's lease: `now()` at once, `soon()` (after each result) when a third of it has passed."""

    def __init__(self, host_id: int, token: str, lease: timedelta):
        self.host_id, self.token, self.lease = host_id, token, lease
        self.last = time.monotonic()

    def now(self) -> bool:
        self.last = time.monotonic()
        return bool(LinkCheckHost.objects.filter(pk=self.host_id, lease_token=self.token).update(
            lease_until=timezone.now() + self.lease))

    def soon(self, _result=None) -> None:
        if time.monotonic() - self.last > self.lease.total_seconds() / 3:
            self.now()


def _lease_a_host(run_id: int, polite: Politeness) -> tuple[LinkCheckHost | None, str]:
    """A host of the run that nobody holds, leased to a new token (compare-and-set: two workers never share one)."""
    token = secrets.token_hex(8)
    while True:  # each round, the hosts others took meanwhile drop out of the candidates: it ends
        now = timezone.now()
        candidates = list(LinkCheckHost.objects.filter(run_id=run_id, finished=False).filter(
            Q(lease_until__isnull=True) | Q(lease_until__lt=now)).values_list("pk", "lease_token")[:64])
        if not candidates:
            return None, token
        random.shuffle(candidates)  # workers starting together mostly try different hosts
        for pk, old in candidates:
            if LinkCheckHost.objects.filter(pk=pk, lease_token=old).filter(
                    Q(lease_until__isnull=True) | Q(lease_until__lt=now)).update(
                    lease_token=token, lease_until=now + polite.lease):
                if old:
                    _reclaim(run_id, host_ids=[pk])  # what the previous holder claimed and never stored
                return LinkCheckHost(pk=pk, run_id=run_id), token


def _reclaim(run_id: int, *, host_ids: list[int] | None) -> None:
    """Claimed but never stored (the claimer died): back to pending. None: every host of the run (inline)."""
    urls = LinkCheckURL.objects.filter(run_id=run_id, state=Claimed)
    if host_ids is not None:
        urls = urls.filter(host_id__in=host_ids)
    urls.update(state=Pending, token="")


def _finish(run: LinkCheckRun) -> None:
    LinkCheckRun.objects.filter(pk=run.pk, state=LinkCheckRun.State.RUNNING).update(
        state=LinkCheckRun.State.DONE, finished_at=timezone.now())
    run.refresh_from_db(fields=["state", "finished_at"])
