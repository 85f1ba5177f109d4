"""A request body over the limit is refused on its Content-Length, before a byte of it is read.

Real sockets against the live server: the client declares 200 MB and sends almost none of it. A
server that read the body would wait for the rest until the client's timeout; the 413 comes back
at once, in Thai (a page, or JSON for the API).
"""
import http.client
import json
import socket
from urllib.parse import urlsplit

import pytest
from django.utils import translation

DECLARED = 200 * 1024 * 1024
TIMEOUT = 20  # seconds: only a guard against hanging; an answer that waited for the body never comes


def post_declaring(live_server, path: str, length: int, *, sent: bytes = b"--b\r\n", accept: str = "text/html"):
    """POST with a Content-Length of `length` but only `sent` of the body; the answer, read from the socket."""
    address = urlsplit(live_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=TIMEOUT) as sock:
        sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\nAccept: {accept}\r\n"
                      f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {length}\r\n\r\n").encode()
                     + sent)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, response.read().decode()


@pytest.fixture
def limit(settings):
    return settings.REQUEST_MAX_BYTES


def test_the_default_limit_is_the_largest_upload_and_its_form():
    from django.conf import settings

    assert settings.REQUEST_MAX_BYTES == 11 * 1024 * 1024


@pytest.mark.parametrize("path", ["/viz/data/items/1/upload/", "/exchange/upload/", "/accounts/login/"])
def test_a_200_mb_declaration_is_refused_unread_with_a_thai_page(transactional_db, live_server, limit, path):
    status, body = post_declaring(live_server, path, DECLARED)
    assert status == 413
    with translation.override("th"):
        assert translation.gettext("Request too large") in body and "200.0 MB" in body and "11 MB" in body
    assert "คำขอ" in body  # the page speaks Thai


def test_the_api_answers_json(transactional_db, live_server, limit):
    status, body = post_declaring(live_server, "/api/v1/datasets/", DECLARED, accept="application/json")
    assert status == 413
    answer = json.loads(body)
    assert answer["error"] == "request_too_large" and "200.0 MB" in answer["message"]


def test_a_body_under_the_limit_is_read_as_usual(transactional_db, live_server, limit):
    body = b"--b--\r\n"
    status, _page = post_declaring(live_server, "/accounts/login/", len(body), sent=body)
    assert status not in (413, 500)


def test_the_limit_is_a_setting(transactional_db, live_server, settings):
    settings.REQUEST_MAX_BYTES = 1024
    status, body = post_declaring(live_server, "/accounts/login/", 2048)
    assert status == 413


@pytest.mark.parametrize("query", ["?agency=%00", "?q=a%00b", "?x%00=1", "?status=ok&status=%00"])
def test_a_nul_in_a_query_parameter_is_a_400(client, db, query):
    assert client.get("/api/v1/datasets/" + query).status_code == 400
    assert client.get("/issues/1/" + query).status_code == 400
    assert client.get("/api/v1/datasets/?agency=x").status_code == 200
