"""Check many URLs at once with threads, within an overall and a per-host limit.

A URL is handed to a worker only when its host has a free slot, so a worker never sits waiting
for a busy host while other hosts' URLs queue: throughput stays near N × latency / concurrency.
The per-host limit counts the host of each URL as given (redirect hops are not counted again).
Politeness: a slot of a host stays closed for `pause` seconds after each answer, and a busy answer
with `Retry-After` (at most `retry_after_max` seconds) holds the whole host that long before its URL
is asked once more.
"""
from __future__ import annotations

import heapq
import time
from collections import OrderedDict, deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from typing import Callable, Iterable

from django.core.exceptions import ValidationError

from linkcheck.check.checker import CheckConfig, check_url
from linkcheck.check.probe import mark_offline
from linkcheck.check.results import CheckResult
from linkcheck.check.rules import parse_http_url


def host_key(url: str) -> str:
    """The host a URL counts against for the per-host limit ("" for a URL that is not valid)."""
    try:
        return parse_http_url(url).host
    except ValidationError:  # an invalid URL is rejected by check_url without a connection
        return ""


class _Hosts:
    """Which host may be asked now: free slots, slots cooling down after an answer, hosts held by Retry-After."""

    def __init__(self, urls: list[str], per_host: int):
        self.queues: OrderedDict[str, deque[str]] = OrderedDict()
        for url in urls:
            self.queues.setdefault(host_key(url), deque()).append(url)
        self.per_host = per_host
        self.busy: dict[str, int] = dict.fromkeys(self.queues, 0)  # running or cooling slots
        self.held_until: dict[str, float] = {}
        self.cooling: list[tuple[float, str]] = []  # (when the slot opens, host)

    def release(self, host: str, pause: float) -> None:
        if pause > 0:
            heapq.heappush(self.cooling, (time.monotonic() + pause, host))
        else:
            self.busy[host] -= 1

    def open_cooled(self) -> None:
        now = time.monotonic()
        while self.cooling and self.cooling[0][0] <= now:
            self.busy[heapq.heappop(self.cooling)[1]] -= 1

    def ready(self, host: str) -> bool:
        return bool(self.queues[host]) and self.busy[host] < self.per_host and \
            self.held_until.get(host, 0) <= time.monotonic()

    def next_change(self) -> float | None:
        """Seconds until a cooling slot opens or a held host is free (None: nothing is waiting on time)."""
        now = time.monotonic()
        times = [self.cooling[0][0]] if self.cooling else []
        times += [until for host, until in self.held_until.items() if until > now and self.queues[host]]
        return max(0.0, min(times) - now) if times else None

    def pending(self) -> bool:
        return any(self.queues.values())


def check_many(
    urls: Iterable[str],
    *,
    concurrency: int = 16,
    per_host: int = 4,
    config: CheckConfig | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
    pause: float = 0.0,
    retry_after_max: float = 0.0,
) -> list[CheckResult]:
    """Check every URL (each distinct URL once) and return the results in the order of `urls`.

    At most `concurrency` checks run at once, and at most `per_host` against one host, each slot
    resting `pause` seconds between two requests. A busy answer (429, 503…) whose `Retry-After` is at
    most `retry_after_max` seconds holds its host that long, then the URL is asked once more.
    `on_result` is called (in the calling thread) as each final result arrives, e.g. to show progress.
    Links that failed unanswered are `offline` in the returned list when the run's one probe
    (`probe.mark_offline`) finds no way out either.
    """
    if concurrency < 1 or per_host < 1:
        raise ValueError("concurrency and per_host must be at least 1")
    urls = list(urls)
    hosts = _Hosts(list(dict.fromkeys(urls)), per_host)
    results: dict[str, CheckResult] = {}
    retried: set[str] = set()
    futures = {}

    def start_what_fits(pool: ThreadPoolExecutor) -> None:
        hosts.open_cooled()
        progress = True
        while progress and len(futures) < concurrency:
            progress = False
            for host, queue in hosts.queues.items():  # round-robin over hosts with a free slot
                if len(futures) >= concurrency:
                    break
                if hosts.ready(host):
                    url = queue.popleft()
                    hosts.busy[host] += 1
                    futures[pool.submit(check_url, url, config=config, probe=False)] = (host, url)
                    progress = True

    def take(host: str, url: str, result: CheckResult) -> None:
        wait_for = result.retry_after
        if wait_for is not None and wait_for <= retry_after_max and url not in retried:
            retried.add(url)  # the server asked us to come back later: hold the host, then ask once more
            hosts.held_until[host] = max(hosts.held_until.get(host, 0), time.monotonic() + wait_for)
            hosts.queues[host].appendleft(url)
            return
        results[url] = result
        if on_result is not None:
            on_result(result)

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="urlcheck") as pool:
        start_what_fits(pool)
        while futures or hosts.pending():
            done, _pending = wait(futures, timeout=hosts.next_change(), return_when=FIRST_COMPLETED) \
                if futures else (set(), None)
            if not futures:
                time.sleep(hosts.next_change() or 0)
            for future in done:
                host, url = futures.pop(future)
                hosts.release(host, pause)
                take(host, url, future.result())
            start_what_fits(pool)
    config = config or CheckConfig()
    marked = dict(zip(results, mark_offline(list(results.values()), targets=config.probe_targets,
                                            timeout=config.connect_timeout)))
    return [marked[url] for url in urls]
