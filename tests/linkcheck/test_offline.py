"""When the checker itself is cut off, it says so instead of condemning every link.

Real sockets only: the probe targets are a local TCP server (the way out works) or a local port nobody
listens on (it does not: no route, no DNS, a closed intranet all look like this to the checker).
"""
import socket
from datetime import datetime, timedelta, timezone

import pytest

from linkcheck.check import CheckConfig, CheckResult, CheckState, Status, check_many, check_url, next_state
from linkcheck.check import config_from_settings, internet_reachable

pytestmark = pytest.mark.usefixtures("allow_private")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def way_out():
    """A local listening socket standing in for "the internet" (the kernel completes each connection), and
    a function counting the connections made to it so far."""
    server = socket.create_server(("127.0.0.1", 0), backlog=32)
    server.setblocking(False)
    seen = []

    def connections() -> int:
        while True:
            try:
                connection, _address = server.accept()
            except BlockingIOError:
                return len(seen)
            seen.append(connection)
            connection.close()

    yield f"127.0.0.1:{server.getsockname()[1]}", connections
    server.close()


def config(*targets) -> CheckConfig:
    return CheckConfig(connect_timeout=1.0, total_timeout=2.0, probe_targets=targets)


def test_the_probe_connects_to_its_targets(way_out):
    target, connections = way_out
    assert internet_reachable([target], timeout=1.0) and connections() == 1
    assert not internet_reachable([f"127.0.0.1:{closed_port()}", "no-port", "127.0.0.1:x"], timeout=1.0)


def test_a_link_that_fails_unanswered_is_offline_when_the_probe_fails_too():
    dead = f"http://127.0.0.1:{closed_port()}/data.csv"
    result = check_url(dead, config=config(f"127.0.0.1:{closed_port()}"))
    assert (result.status, result.reason) == (Status.OFFLINE, "offline")
    assert not result.is_failure and "connection_refused" in result.detail
    assert check_url("http://name.invalid/x", config=config(f"127.0.0.1:{closed_port()}")).status == Status.OFFLINE


def test_with_a_way_out_the_same_link_is_broken(way_out):
    target, _connections = way_out
    result = check_url(f"http://127.0.0.1:{closed_port()}/data.csv", config=config(target))
    assert (result.status, result.reason) == (Status.BROKEN, "connection_refused")


def test_without_probe_targets_the_checker_never_decides_offline():
    result = check_url(f"http://127.0.0.1:{closed_port()}/data.csv", config=config())
    assert result.status == Status.BROKEN


def test_a_link_a_server_answered_is_judged_even_when_the_probe_fails(http_server):
    result = check_url(http_server.url("/missing"), config=config(f"127.0.0.1:{closed_port()}"))
    assert (result.status, result.http_status) == (Status.BROKEN, 404)


def test_a_run_probes_once_and_marks_only_the_unanswered_links(http_server, way_out):
    target, connections = way_out
    dead = [f"http://127.0.0.1:{closed_port()}/{n}" for n in range(4)]
    results = check_many([*dead, http_server.url("/ok")], config=config(target), concurrency=4)
    assert [r.status for r in results] == [Status.BROKEN] * 4 + [Status.OK]
    assert connections() == 1  # one probe for the whole run
    offline = check_many([*dead, http_server.url("/ok")], config=config(f"127.0.0.1:{closed_port()}"))
    assert [r.status for r in offline] == [Status.OFFLINE] * 4 + [Status.OK]


def test_offline_is_its_own_state_and_raises_no_failure_count():
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    broken = CheckState(status=Status.BROKEN, reason="http_error", failure_count=3, first_failure_at=start,
                        last_checked_at=start, last_ok_at=start - timedelta(days=9), http_status=404)
    later = start + timedelta(days=1)
    state = next_state(broken, CheckResult(url="https://x.go.th/", status=Status.OFFLINE, reason="offline",
                                           checked_at=later))
    assert (state.status, state.reason, state.last_checked_at) == (Status.OFFLINE, "offline", later)
    assert (state.failure_count, state.first_failure_at, state.last_ok_at, state.http_status) == (
        3, start, start - timedelta(days=9), 404)


def test_the_probe_targets_are_a_setting(settings):
    settings.URLCHECK_PROBE_TARGETS = ["127.0.0.1:9", "localhost:443"]
    assert config_from_settings().probe_targets == ("127.0.0.1:9", "localhost:443")
