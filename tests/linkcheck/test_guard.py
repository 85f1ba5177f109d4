"""The SSRF guard is on unless URLCHECK_ALLOW_PRIVATE=1; refused hosts are never connected to."""
import ipaddress

import pytest

from linkcheck.check import CheckConfig, Status, check_url
from linkcheck.check.guard import is_public

REFUSED = [
    "http://127.0.0.1/",
    "http://10.0.0.1/",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://localhost/",
    "http://0.0.0.0/",
    "http://192.168.1.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
    "http://100.64.0.1/",
]


@pytest.mark.usefixtures("guard_on")
@pytest.mark.parametrize("url", REFUSED)
def test_private_addresses_are_refused_before_connecting(url):
    result = check_url(url, config=CheckConfig(connect_timeout=0.2, total_timeout=0.5))
    assert (result.status, result.reason) == (Status.BROKEN, "blocked_address")
    assert "non-public" in result.detail


@pytest.mark.usefixtures("guard_on")
def test_the_guard_stops_the_request_to_a_live_local_server(http_server):
    result = check_url(http_server.url("/ok"))
    assert result.reason == "blocked_address"
    assert http_server.log.requests == []


@pytest.mark.usefixtures("guard_on")
@pytest.mark.parametrize("path", ["/to-private", "/to-metadata"])
def test_a_redirect_to_a_private_address_is_refused(http_server, path):
    config = CheckConfig(allow_networks=("127.0.0.1/32",), connect_timeout=0.5, total_timeout=1)
    result = check_url(http_server.url(path), config=config)
    assert (result.status, result.reason) == (Status.BROKEN, "blocked_address")
    assert result.final_url in ("http://10.0.0.1/secret", "http://169.254.169.254/latest/meta-data/")
    assert http_server.log.paths() == [path]


def test_the_switch_is_read_at_call_time(monkeypatch, http_server):
    monkeypatch.delenv("URLCHECK_ALLOW_PRIVATE", raising=False)
    assert check_url(http_server.url("/ok")).reason == "blocked_address"
    monkeypatch.setenv("URLCHECK_ALLOW_PRIVATE", "1")
    assert check_url(http_server.url("/ok")).status == Status.OK


@pytest.mark.parametrize(
    ("address", "public"),
    [("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False), ("10.1.2.3", False),
     ("172.16.0.1", False), ("192.168.0.1", False), ("169.254.169.254", False), ("0.0.0.0", False),
     ("255.255.255.255", False), ("239.1.1.1", False), ("::1", False), ("::", False), ("fc00::1", False),
     ("::ffff:10.0.0.1", False), ("2002:7f00:1::", False)],
)
def test_is_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public
