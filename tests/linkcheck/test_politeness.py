"""`check_many`'s manners towards one host: the per-host limit, a pause between requests, Retry-After obeyed."""
import time

from linkcheck.check import Status, check_many

from tests.linkcheck.conftest import allow_private, http_server  # noqa: F401  (fixtures)


def test_per_host_limit_is_counted_at_the_server(http_server, allow_private):  # noqa: F811
    urls = [http_server.url(f"/count/{i}") for i in range(12)]
    results = check_many(urls, concurrency=12, per_host=4)
    assert {r.status for r in results} == {Status.OK}
    assert http_server.log.peak == 4


def test_pause_between_a_slots_requests(http_server, allow_private):  # noqa: F811
    urls = [http_server.url(f"/count/{i}") for i in range(4)]
    started = time.monotonic()
    check_many(urls, concurrency=4, per_host=1, pause=0.3)
    # one slot: 4 × 0.1 s answers and 3 pauses of 0.3 s in between
    assert time.monotonic() - started >= 4 * 0.1 + 3 * 0.3


def test_retry_after_holds_the_host_then_asks_once_more(http_server, allow_private):  # noqa: F811
    started = time.monotonic()
    [result] = check_many([http_server.url("/retry-once/a")], retry_after_max=5)
    assert result.status == Status.OK
    assert time.monotonic() - started >= 1.0
    assert http_server.log.paths() == ["/retry-once/a", "/retry-once/a"]


def test_retry_after_longer_than_allowed_is_unsure_not_waited_for(http_server, allow_private):  # noqa: F811
    started = time.monotonic()
    [result] = check_many([http_server.url("/busy")], retry_after_max=5)  # asks for 60 s
    assert (result.status, result.reason, result.retry_after) == (Status.UNSURE, "http_busy", 60.0)
    assert time.monotonic() - started < 5


def test_retry_after_in_seconds_or_as_an_http_date():
    from datetime import datetime, timezone

    from linkcheck.check.checker import retry_after_seconds

    now = datetime(2026, 12, 1, 4, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("120", now=now) == 120.0
    assert retry_after_seconds("Tue, 01 Dec 2026 04:01:30 GMT", now=now) == 90.0
    assert retry_after_seconds("Tue, 01 Dec 2026 03:00:00 GMT", now=now) == 0.0  # already past
    assert retry_after_seconds("soon", now=now) is None and retry_after_seconds(None) is None
