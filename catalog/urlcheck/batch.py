"""Check many URLs at once with threads, within an overall and a per-host limit.

A URL is handed to a worker only when its host has a free slot, so a worker never sits waiting
for a busy host while other hosts' URLs queue: throughput stays near N × latency / concurrency.
The per-host limit counts the host of each URL as given (redirect hops are not counted again).
"""
from __future__ import annotations

from collections import OrderedDict, deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from typing import Callable, Iterable

from django.core.exceptions import ValidationError

from catalog.urlcheck.checker import CheckConfig, check_url
from catalog.urlcheck.probe import mark_offline
from catalog.urlcheck.results import CheckResult
from catalog.urlcheck.rules import parse_http_url


def host_key(url: str) -> str:
    """The host a URL counts against for the per-host limit ("" for a URL that is not valid)."""
    try:
        return parse_http_url(url).host
    except ValidationError:  # an invalid URL is rejected by check_url without a connection
        return ""


def check_many(
    urls: Iterable[str],
    *,
    concurrency: int = 16,
    per_host: int = 4,
    config: CheckConfig | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Check every URL (each distinct URL once) and return the results in the order of `urls`.

    At most `concurrency` checks run at once, and at most `per_host` against one host.
    `on_result` is called (in the calling thread) as each result arrives, e.g. to show progress.
    Links that failed unanswered are `offline` in the returned list when the run's one probe
    (`probe.mark_offline`) finds no way out either.
    """
    if concurrency < 1 or per_host < 1:
        raise ValueError("concurrency and per_host must be at least 1")
    urls = list(urls)
    queues: OrderedDict[str, deque[str]] = OrderedDict()
    for url in dict.fromkeys(urls):
        queues.setdefault(host_key(url), deque()).append(url)
    running: dict[str, int] = {host: 0 for host in queues}
    results: dict[str, CheckResult] = {}
    futures = {}

    def start_what_fits(pool: ThreadPoolExecutor) -> None:
        progress = True
        while progress and len(futures) < concurrency:
            progress = False
            for host, queue in queues.items():  # round-robin over hosts with a free slot
                if len(futures) >= concurrency:
                    break
                if queue and running[host] < per_host:
                    url = queue.popleft()
                    running[host] += 1
                    futures[pool.submit(check_url, url, config=config, probe=False)] = (host, url)
                    progress = True

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="urlcheck") as pool:
        start_what_fits(pool)
        while futures:
            done, _pending = wait(futures, return_when=FIRST_COMPLETED)
            for future in done:
                host, url = futures.pop(future)
                running[host] -= 1
                results[url] = future.result()
                if on_result is not None:
                    on_result(results[url])
            start_what_fits(pool)
    config = config or CheckConfig()
    marked = dict(zip(results, mark_offline(list(results.values()), targets=config.probe_targets,
                                            timeout=config.connect_timeout)))
    return [marked[url] for url in urls]
