"""A real local HTTP(S) server for the URL checker: ThreadingHTTPServer on 127.0.0.1, port 0."""
import re
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from linkcheck.check import CheckConfig

PAGE = b"<!doctype html><title>data</title>" + b"x" * 20000  # bigger than the checker reads


@dataclass
class ServerLog:
    """What the server saw: requests in order, and the most requests it served at the same time."""

    requests: list = field(default_factory=list)
    active: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)

    def paths(self, method=None):
        return [p for m, p, _ua in self.requests if method in (None, m)]


class Handler(BaseHTTPRequestHandler):
    log: ServerLog  # set per server

    def log_message(self, *args):
        pass

    def do_HEAD(self):  # noqa: N802
        self.route("HEAD")

    def do_GET(self):  # noqa: N802
        self.route("GET")

    def reply(self, code, *, body=b"", content_type="text/html", length=True, headers=()):
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        if not length:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "GET" and body:
            self.wfile.write(body)

    def redirect(self, location, code=302):
        self.reply(code, headers=[("Location", location)])

    def route(self, method):
        log = self.log
        with log.lock:
            log.requests.append((method, self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path == "/ok":
            return self.reply(200, body=PAGE)
        if path == "/missing":
            return self.reply(404, body=b"not found")
        if path == "/error":
            return self.reply(500, body=b"boom")
        if path == "/no-head":  # HEAD refused, GET works
            return self.reply(405) if method == "HEAD" else self.reply(200, body=PAGE)
        if path == "/head-lies":  # HEAD says 200 but names no length; GET is 404
            return self.reply(200, length=False) if method == "HEAD" else self.reply(404, body=b"gone")
        if path == "/head-lies-fully":  # HEAD says 200 with type and length; GET is 404
            if method == "HEAD":
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", "1234")
                self.end_headers()
                return None
            return self.reply(404, body=b"gone")
        if path == "/empty":  # 200, and not a byte of data
            return self.reply(200, body=b"", content_type="text/csv")
        if path == "/data.csv":
            return self.reply(200, body=b"a,b\n1,2\n", content_type="text/csv; charset=utf-8")
        if m := re.fullmatch(r"/chain/(\d+)", path):
            n = int(m.group(1))
            return self.redirect("/ok" if n <= 1 else f"/chain/{n - 1}", code=(301, 302, 307, 308)[n % 4])
        if path == "/loop/a":
            return self.redirect("/loop/b")
        if path == "/loop/b":
            return self.redirect(f"http://127.0.0.1:{self.server.server_address[1]}/loop/a")
        if path == "/loop/upper":  # the same URL spelt another way: host case, default-less port
            return self.redirect(f"HTTP://LOCALHOST:{self.server.server_address[1]}/loop/lower")
        if path == "/loop/lower":
            return self.redirect(f"http://localhost.:{self.server.server_address[1]}/loop/lower#again")
        if path == "/to-credentials":
            return self.redirect(f"http://user:pw@127.0.0.1:{self.server.server_address[1]}/ok")
        if path == "/to-private":
            return self.redirect("http://10.0.0.1/secret")
        if path == "/to-metadata":
            return self.redirect("http://169.254.169.254/latest/meta-data/")
        if path == "/to-ftp":
            return self.redirect("ftp://files.example/data.csv")
        if path == "/busy":
            return self.reply(429, headers=[("Retry-After", "60")])
        if path == "/unavailable":
            return self.reply(503, headers=[("Retry-After", "60")])
        if path == "/slow":
            log.release.wait(5)  # the checker gives up long before; teardown releases us
            return self.reply(200, body=PAGE)
        if path == "/drip":  # a status line, then one header byte at a time, for ever
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            while not log.release.wait(0.1):
                try:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                except OSError:
                    return None
            return None
        if path.startswith("/retry-once"):  # busy with Retry-After: 1 the first time, then the data
            with log.lock:
                seen = sum(1 for _m, p, _ua in log.requests if p == path)
            return self.reply(503, headers=[("Retry-After", "1")]) if seen == 1 else self.reply(200, body=PAGE)
        if path.startswith("/count"):
            with log.lock:
                log.active += 1
                log.peak = max(log.peak, log.active)
            time.sleep(0.1)
            with log.lock:
                log.active -= 1
            return self.reply(200, body=PAGE)
        return self.reply(404, body=b"no such test route")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # e.g. the TLS handshake a distrustful client aborts: expected here, not worth a traceback


def _serve(tls_context=None):
    log = ServerLog()
    handler = type("BoundHandler", (Handler,), {"log": log})
    server = QuietServer(("127.0.0.1", 0), handler)
    if tls_context is not None:
        server.socket = tls_context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, thread, log


class LiveServer:
    def __init__(self, server, log, scheme="http"):
        self.port = server.server_address[1]
        self.log = log
        self.base = f"{scheme}://127.0.0.1:{self.port}"

    def url(self, path):
        return self.base + path


@pytest.fixture
def allow_private(monkeypatch):
    monkeypatch.setenv("URLCHECK_ALLOW_PRIVATE", "1")


@pytest.fixture
def guard_on(monkeypatch):
    monkeypatch.delenv("URLCHECK_ALLOW_PRIVATE", raising=False)


def _running(tls_context=None, scheme="http"):
    server, thread, log = _serve(tls_context)
    try:
        yield LiveServer(server, log, scheme)
    finally:
        log.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def http_server():
    """A plain HTTP test server (use with `allow_private` or `guard_on`)."""
    yield from _running()


@pytest.fixture(scope="session")
def ca():
    return trustme.CA()


@pytest.fixture
def tls_server(ca):
    """An HTTPS server whose certificate (for 127.0.0.1 and localhost) is signed by a test-only CA."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    yield from _running(context, scheme="https")


@pytest.fixture
def tls_server_for_another_name(ca):
    """An HTTPS server on 127.0.0.1 whose trusted certificate names only www.pattani.go.th."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("www.pattani.go.th").configure_cert(context)
    yield from _running(context, scheme="https")


@pytest.fixture
def fast():
    """Short limits so timeouts are quick; the checker's defaults are 5 s connect / 15 s total."""
    return CheckConfig(connect_timeout=1.0, total_timeout=2.0)
