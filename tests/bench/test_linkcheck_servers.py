"""The distributed link-check bench's servers: distinct loopback hosts, counting concurrency and repeats."""
import multiprocessing

from bench.linkcheck_servers import host_address, run_servers
from linkcheck.check import Status, check_many
from tests.linkcheck.conftest import allow_private  # noqa: F401  (fixture)


def test_servers_count_per_host_concurrency_and_repeats(allow_private):  # noqa: F811
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    ready, stop = ctx.Event(), ctx.Event()
    process = ctx.Process(target=run_servers, args=(3, 18999, 0.1, send, ready, stop))
    process.start()
    try:
        assert ready.wait(30)
        urls = [f"http://{host_address(h)}:18999/f{i}.csv" for h in range(3) for i in range(6)]
        results = check_many(urls + urls[:1], concurrency=12, per_host=2)
        check_many(urls[:1], concurrency=1, per_host=1)
    finally:
        stop.set()
    peaks, asked = receive.recv()
    process.join(10)
    assert {r.status for r in results} == {Status.OK}
    assert peaks == {host_address(h): 2 for h in range(3)}
    assert asked[urls[0].removeprefix("http://").replace(":18999", "")] == 2 and sum(asked.values()) == 19
