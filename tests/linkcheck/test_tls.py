import ssl

import pytest

from linkcheck.check import CheckConfig, Status, check_url

pytestmark = pytest.mark.usefixtures("allow_private")


def test_a_certificate_from_an_unknown_authority_is_a_tls_error(tls_server, fast):
    result = check_url(tls_server.url("/ok"), config=fast)
    assert (result.status, result.reason) == (Status.TLS_ERROR, "tls_certificate")
    assert result.http_status is None


def test_a_trusted_certificate_is_ok(tls_server, ca):
    context = ssl.create_default_context()
    ca.configure_trust(context)
    result = check_url(tls_server.url("/data.csv"), config=CheckConfig(ssl_context=context, total_timeout=2))
    assert (result.status, result.http_status) == (Status.OK, 200)


def test_a_certificate_for_another_name_is_a_tls_error(tls_server_for_another_name, ca):
    context = ssl.create_default_context()
    ca.configure_trust(context)
    result = check_url(tls_server_for_another_name.url("/ok"), config=CheckConfig(ssl_context=context, total_timeout=2))
    assert (result.status, result.reason) == (Status.TLS_ERROR, "tls_certificate")
    assert "127.0.0.1" in result.detail


def test_verification_cannot_be_switched_off():
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError):
        CheckConfig(ssl_context=insecure)
