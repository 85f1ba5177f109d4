"""The checker against a real local server (no mocks): one test per behaviour of the issue."""
import socket
from datetime import datetime

import pytest

from linkcheck.check import CheckConfig, Status, check_url, config_from_settings, default_user_agent

pytestmark = pytest.mark.usefixtures("allow_private")


def test_200_is_ok_and_records_what_it_saw(http_server, fast):
    result = check_url(http_server.url("/data.csv"), config=fast)
    assert (result.status, result.reason, result.http_status) == (Status.OK, "ok", 200)
    assert result.content_type == "text/csv; charset=utf-8"
    assert result.final_url == http_server.url("/data.csv")
    assert isinstance(result.checked_at, datetime) and result.checked_at.tzinfo is not None
    assert result.redirects == ()


HEAD_FIRST = CheckConfig(connect_timeout=1.0, total_timeout=2.0, head_first=True)


def test_one_small_get_decides_and_no_head_is_sent(http_server, fast):
    assert check_url(http_server.url("/ok"), config=fast).status == Status.OK
    assert [m for m, _p, _ua in http_server.log.requests] == ["GET"]


def test_a_head_success_is_only_a_hint_the_get_confirms_it(http_server):
    assert check_url(http_server.url("/ok"), config=HEAD_FIRST).status == Status.OK
    assert [m for m, _p, _ua in http_server.log.requests] == ["HEAD", "GET"]


def test_a_get_that_delivers_no_data_is_not_ok(http_server, fast):
    result = check_url(http_server.url("/empty"), config=fast)
    assert (result.status, result.reason, result.http_status) == (Status.BROKEN, "empty_response", 200)


@pytest.mark.parametrize(("path", "code"), [("/missing", 404), ("/error", 500)])
def test_4xx_and_5xx_are_broken(http_server, fast, path, code):
    result = check_url(http_server.url(path), config=fast)
    assert (result.status, result.reason, result.http_status) == (Status.BROKEN, "http_error", code)
    assert http_server.log.paths("GET") == [path]  # HEAD alone never condemns a link


def test_head_refused_falls_back_to_get(http_server):
    result = check_url(http_server.url("/no-head"), config=HEAD_FIRST)
    assert (result.status, result.http_status) == (Status.OK, 200)
    assert [m for m, _p, _ua in http_server.log.requests] == ["HEAD", "GET"]


def test_head_200_without_length_is_confirmed_by_get_which_says_404(http_server):
    result = check_url(http_server.url("/head-lies"), config=HEAD_FIRST)
    assert (result.status, result.http_status) == (Status.BROKEN, 404)
    assert [m for m, _p, _ua in http_server.log.requests] == ["HEAD", "GET"]


def test_a_head_that_lies_in_full_is_caught_by_the_get(http_server):
    """HEAD says 200 with a type and a length, GET says 404: the link is broken (was ok before)."""
    result = check_url(http_server.url("/head-lies-fully"), config=HEAD_FIRST)
    assert (result.status, result.http_status) == (Status.BROKEN, 404)
    assert [m for m, _p, _ua in http_server.log.requests] == ["HEAD", "GET"]


def test_get_only_mode_sends_no_head(http_server, fast):
    config = CheckConfig(connect_timeout=1.0, total_timeout=2.0, head_first=False)
    assert check_url(http_server.url("/chain/2"), config=config).status == Status.OK
    assert {m for m, _p, _ua in http_server.log.requests} == {"GET"}


def test_a_chain_of_three_redirects_is_followed(http_server, fast):
    result = check_url(http_server.url("/chain/3"), config=fast)
    assert (result.status, result.http_status) == (Status.OK, 200)
    assert result.redirects == tuple(http_server.url(p) for p in ("/chain/2", "/chain/1", "/ok"))
    assert result.final_url == http_server.url("/ok")


def test_more_than_five_redirects_is_broken(http_server, fast):
    assert check_url(http_server.url("/chain/5"), config=fast).status == Status.OK
    result = check_url(http_server.url("/chain/6"), config=fast)
    assert (result.status, result.reason) == (Status.BROKEN, "too_many_redirects")
    assert len(result.redirects) == 5


def test_a_redirect_loop_is_broken_and_says_so(http_server, fast):
    result = check_url(http_server.url("/loop/a"), config=fast)
    assert (result.status, result.reason) == (Status.BROKEN, "redirect_loop")
    assert result.final_url == http_server.url("/loop/a")
    assert "loop" in result.message.lower() or "วน" in result.message


def test_a_loop_spelt_differently_is_still_a_loop(http_server, fast):
    result = check_url(http_server.url("/loop/upper"), config=fast)
    assert (result.status, result.reason) == (Status.BROKEN, "redirect_loop")
    assert len(result.redirects) == 1


@pytest.mark.parametrize("path", ["/to-ftp", "/to-credentials"])
def test_a_redirect_to_an_invalid_address_is_broken(http_server, fast, path):
    result = check_url(http_server.url(path), config=fast)
    assert (result.status, result.reason) == (Status.BROKEN, "redirect_invalid")
    assert result.final_url.startswith(("ftp://", "http://user:pw@"))
    assert http_server.log.paths() == [path]


@pytest.mark.parametrize("path", ["/busy", "/unavailable"])
def test_429_and_503_are_unsure_not_broken(http_server, fast, path):
    result = check_url(http_server.url(path), config=fast)
    assert (result.status, result.reason) == (Status.UNSURE, "http_busy")
    result = check_url(http_server.url(path), config=HEAD_FIRST)
    assert (result.status, result.reason) == (Status.UNSURE, "http_busy")
    assert http_server.log.paths("HEAD") == [path]  # a server asking us to back off gets no second request


def test_a_response_slower_than_the_limit_is_unsure(http_server):
    result = check_url(http_server.url("/slow"), config=CheckConfig(connect_timeout=0.5, total_timeout=0.5))
    assert (result.status, result.reason) == (Status.UNSURE, "timeout")
    assert result.elapsed < 3


def test_a_server_that_drips_bytes_is_cut_off_at_the_total_limit(http_server):
    # Every read gets a byte within the per-read timeout; only the total limit can stop this.
    result = check_url(http_server.url("/drip"), config=CheckConfig(connect_timeout=0.5, total_timeout=0.7))
    assert (result.status, result.reason) == (Status.UNSURE, "timeout")
    assert result.elapsed < 3


def test_a_name_that_does_not_exist_is_broken(fast):
    result = check_url("https://no-such-agency.invalid/data.csv", config=fast)
    assert (result.status, result.reason) == (Status.BROKEN, "dns_failure")


def test_a_closed_port_is_broken():
    with socket.socket() as probe:  # a port that was free a moment ago and that nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = check_url(f"http://127.0.0.1:{port}/", config=CheckConfig(connect_timeout=1, total_timeout=2))
    assert (result.status, result.reason) == (Status.BROKEN, "connection_refused")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "javascript:alert(1)", "https://u:p@127.0.0.1/", ""])
def test_an_invalid_url_is_broken_without_a_connection(url, fast):
    assert check_url(url, config=fast).reason == "invalid_url"


def test_the_user_agent_names_the_portal(http_server):
    check_url(http_server.url("/ok"), config=CheckConfig(portal_name="YalaDataCatalog"))
    assert http_server.log.requests[0][2] == "YalaDataCatalog-URLCheck/1.0 (+provincial data catalog)"
    assert default_user_agent() == "PattaniDataCatalog-URLCheck/1.0 (+provincial data catalog)"


def test_non_ascii_paths_are_sent_percent_encoded(http_server, fast):
    result = check_url(http_server.url("/ข้อมูล.csv"), config=fast)
    assert result.http_status == 404  # reached the server, which knows no such route
    assert http_server.log.paths("GET") == ["/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5.csv"]


def test_the_portal_name_can_come_from_settings(settings):
    settings.URLCHECK_PORTAL_NAME = "NarathiwatDataCatalog"
    assert config_from_settings().agent == "NarathiwatDataCatalog-URLCheck/1.0 (+provincial data catalog)"
    assert config_from_settings(total_timeout=3).total_timeout == 3
