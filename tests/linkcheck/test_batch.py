import pytest

from linkcheck.check import Status, check_many

pytestmark = pytest.mark.usefixtures("allow_private")


def test_the_per_host_limit_is_respected(http_server, fast):
    urls = [http_server.url(f"/count/{i}") for i in range(12)]
    results = check_many(urls, concurrency=8, per_host=3, config=fast)
    assert [r.status for r in results] == [Status.OK] * 12
    assert 2 <= http_server.log.peak <= 3


def test_the_overall_limit_is_respected_across_hosts(http_server, fast):
    hosts = ["127.0.0.1", "localhost"]  # two host names, one server that counts
    urls = [f"http://{hosts[i % 2]}:{http_server.port}/count/{i}" for i in range(12)]
    results = check_many(urls, concurrency=3, per_host=3, config=fast)
    assert all(r.status == Status.OK for r in results)
    assert 2 <= http_server.log.peak <= 3


def test_results_follow_the_input_order_and_each_url_is_checked_once(http_server, fast):
    urls = [http_server.url(p) for p in ("/missing", "/ok", "/missing", "/busy")] + ["ftp://x/"]
    seen = []
    results = check_many(urls, concurrency=4, per_host=2, config=fast, on_result=seen.append)
    assert [r.url for r in results] == urls
    assert [r.status for r in results] == [Status.BROKEN, Status.OK, Status.BROKEN, Status.UNSURE, Status.BROKEN]
    assert len(seen) == 4
    assert http_server.log.paths("GET").count("/missing") == 1


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        check_many([], concurrency=0)
