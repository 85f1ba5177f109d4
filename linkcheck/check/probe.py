"""Can the checker reach the internet at all? A run whose links failed before any server answered asks.

On a closed intranet, with no route out or with DNS down, every link fails the same way: that says
nothing about the links. So when some results of a run failed at the network level (no name, no
route, refused, timed out), the checker connects to its probe targets (`URLCHECK_PROBE_TARGETS`,
"host:port", names resolved through DNS like the links'); if none answers either, those results
become `offline` ("the checker could not reach the internet"): not broken, and the failure count of
each link is left as it was. No probe targets: never offline.
"""
from __future__ import annotations

import socket
from dataclasses import replace
from typing import Iterable

from linkcheck.check.results import CheckResult, Status

#: Failures that happen before any server answers: the same for every link when the server is cut off.
NETWORK_REASONS = frozenset({"dns_failure", "dns_temporary", "connection_failed", "connection_refused", "timeout",
                             "connection_reset"})


def internet_reachable(targets: Iterable[str], *, timeout: float) -> bool:
    """True as soon as one `host:port` target accepts a TCP connection (its name resolved by DNS)."""
    for target in targets:
        host, _sep, port = target.strip().rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
                return True
        except (OSError, ValueError):
            continue
    return False


def mark_offline(results: list[CheckResult], *, targets: tuple[str, ...], timeout: float) -> list[CheckResult]:
    """`results`, with the network-level failures turned `offline` when no probe target answers either."""
    if not targets or not any(result.reason in NETWORK_REASONS for result in results):
        return list(results)
    if internet_reachable(targets, timeout=timeout):
        return list(results)
    return [replace(result, status=Status.OFFLINE, reason="offline",
                    detail=f"no probe target answered ({', '.join(targets)}); {result.reason}: {result.detail}")
            if result.reason in NETWORK_REASONS else result for result in results]
