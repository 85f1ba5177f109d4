"""Check one URL for real: a small GET decides, redirects followed by hand.

Every hop is re-validated (http/https only, no credentials) and passes the SSRF guard; the socket
is opened to the address the guard checked. TLS certificates are always verified.

A link is `ok` only when a GET delivers data: a 2xx whose body starts arriving (at most `read_limit`
bytes are read, then the connection is closed: a large file is never downloaded; a 2xx with no body
is broken). By default only GETs are sent. `CheckConfig(head_first=True)` sends HEAD first, as a hint
and nothing more: a HEAD redirect is followed and a HEAD "busy" answer (429/503/…, the server asked
us to back off) ends the check as `unsure`; any other HEAD answer, a 2xx included (servers that
answer 200 to HEAD and 404 to GET exist), is followed by the GET that decides.

When a check fails before any server answered, `probe.mark_offline` asks whether the checker can
reach the internet at all (`CheckConfig.probe_targets`); if not, the result is `offline`.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urljoin

from django.core.exceptions import ValidationError

from linkcheck.check import watchdog
from linkcheck.check.guard import BlockedAddress, DNSFailure, resolve
from linkcheck.check.probe import mark_offline
from linkcheck.check.results import CheckResult, Status
from linkcheck.check.rules import ParsedURL, parse_http_url

DEFAULT_PORTAL_NAME = "PattaniDataCatalog"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
BUSY_STATUSES = {408, 429, 503, 504}  # a passing fault: "unsure", never "broken"
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"


def default_user_agent(portal_name: str = DEFAULT_PORTAL_NAME) -> str:
    return f"{portal_name}-URLCheck/1.0 (+provincial data catalog)"


@dataclass(frozen=True)
class CheckConfig:
    """How to check. Defaults follow the issue: connect 5 s, 15 s in all per URL, 5 redirects."""

    connect_timeout: float = 5.0
    total_timeout: float = 15.0
    max_redirects: int = 5
    read_limit: int = 8192
    portal_name: str = DEFAULT_PORTAL_NAME
    user_agent: str = ""  # empty: default_user_agent(portal_name)
    head_first: bool = False  # True: HEAD first, as a hint (see the module docstring); the GET always decides
    allow_private: bool | None = None  # None: read URLCHECK_ALLOW_PRIVATE at each check
    allow_networks: tuple[str, ...] = ()  # CIDR ranges exempt from the SSRF guard (an intranet)
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)  # e.g. extra CA for tests
    probe_targets: tuple[str, ...] = ()  # "host:port" to try when links fail unanswered (probe.py); () = never

    def __post_init__(self):
        ctx = self.ssl_context
        if ctx is not None and (ctx.verify_mode != ssl.CERT_REQUIRED or not ctx.check_hostname):
            raise ValueError("TLS verification cannot be switched off for URL checks")

    @property
    def agent(self) -> str:
        return self.user_agent or default_user_agent(self.portal_name)

    def context(self) -> ssl.SSLContext:
        return self.ssl_context or ssl.create_default_context()


def config_from_settings(**overrides) -> CheckConfig:
    """A `CheckConfig` taking `URLCHECK_PORTAL_NAME`, `URLCHECK_USER_AGENT` and `URLCHECK_PROBE_TARGETS` from
    Django settings, read now."""
    from django.conf import settings

    values = {
        "portal_name": getattr(settings, "URLCHECK_PORTAL_NAME", DEFAULT_PORTAL_NAME),
        "user_agent": getattr(settings, "URLCHECK_USER_AGENT", ""),
        "probe_targets": tuple(getattr(settings, "URLCHECK_PROBE_TARGETS", ())),
    }
    values.update(overrides)
    return CheckConfig(**values)


class _Stop(Exception):
    """Ends a check early with a verdict."""

    def __init__(self, status: Status, reason: str, detail: str = "", http_status: int | None = None):
        super().__init__(detail)
        self.status, self.reason, self.detail, self.http_status = status, reason, detail, http_status


@dataclass
class _Answer:
    status: int
    content_type: str
    location: str | None
    body_bytes: int = 0  # what a GET read of the body (at most read_limit)
    retry_after: float | None = None  # seconds, from a busy answer's Retry-After


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from now; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class _Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise _Stop(Status.UNSURE, "timeout", "total time limit reached")
        return left


def _connect(target: ParsedURL, config: CheckConfig, deadline: _Deadline) -> socket.socket:
    addresses = resolve(
        target.host, target.port, allow_private=config.allow_private, allow_networks=config.allow_networks
    )
    last_error: OSError | None = None
    for address in addresses:
        sock = socket.socket(address.family, socket.SOCK_STREAM)
        try:
            sock.settimeout(min(config.connect_timeout, deadline.left()))
            sock.connect(address.sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
            if isinstance(exc, TimeoutError):
                break
    raise last_error or OSError("no address to connect to")


def _request(method: str, target: ParsedURL, config: CheckConfig, deadline: _Deadline) -> _Answer:
    """One request on a fresh connection. A server that drips bytes is cut off at the deadline."""
    sock = _connect(target, config, deadline)
    holder = [sock]
    watch_id = watchdog.watch(holder, deadline.end)  # the total limit is hard, even for a dripping server
    try:
        return _exchange(method, target, config, deadline, holder)
    except _Stop:
        raise
    except Exception as exc:
        if time.monotonic() >= deadline.end:
            raise _Stop(Status.UNSURE, "timeout", f"total time limit reached ({exc.__class__.__name__})") from exc
        raise
    finally:
        watchdog.cancel(watch_id)
        holder[0].close()


def _exchange(method: str, target: ParsedURL, config: CheckConfig, deadline: _Deadline, holder: list) -> _Answer:
    sock = holder[0]
    if target.scheme == "https":
        context = config.context()
        sock.settimeout(min(config.connect_timeout, deadline.left()))
        sock = holder[0] = context.wrap_socket(sock, server_hostname=target.host)
        conn = http.client.HTTPSConnection(target.host, target.port, context=context)
    else:
        conn = http.client.HTTPConnection(target.host, target.port)
    conn.sock = sock  # already connected to the checked address: http.client must not resolve again
    sock.settimeout(deadline.left())
    conn.request(
        method,
        quote(target.path, safe=_PATH_SAFE),
        headers={"User-Agent": config.agent, "Accept": "*/*", "Accept-Encoding": "identity", "Connection": "close"},
    )
    response = conn.getresponse()
    body = b""
    if method == "GET" and response.status < 300:
        sock.settimeout(deadline.left())
        body = response.read(config.read_limit)  # proves the data arrives; never the whole file
    return _Answer(
        status=response.status,
        content_type=(response.getheader("Content-Type") or "").strip(),
        location=response.getheader("Location"),
        body_bytes=len(body),
        retry_after=retry_after_seconds(response.getheader("Retry-After"))
        if response.status in BUSY_STATUSES else None,
    )


def _verdict_for_status(code: int) -> tuple[Status, str]:
    if 200 <= code < 300:
        return Status.OK, "ok"
    if code in BUSY_STATUSES:
        return Status.UNSURE, "http_busy"
    if code >= 400:
        return Status.BROKEN, "http_error"
    return Status.BROKEN, "http_unexpected"


def _classify_error(exc: BaseException) -> _Stop:
    if isinstance(exc, _Stop):
        return exc
    if isinstance(exc, BlockedAddress):
        return _Stop(Status.BROKEN, "blocked_address", str(exc))
    if isinstance(exc, DNSFailure):
        return _Stop(Status.UNSURE if exc.temporary else Status.BROKEN,
                     "dns_temporary" if exc.temporary else "dns_failure", str(exc))
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _Stop(Status.TLS_ERROR, "tls_certificate", str(exc))
    if isinstance(exc, ssl.SSLError):
        return _Stop(Status.TLS_ERROR, "tls_handshake", str(exc))
    if isinstance(exc, TimeoutError):
        return _Stop(Status.UNSURE, "timeout", str(exc) or "timed out")
    if isinstance(exc, ConnectionRefusedError):
        return _Stop(Status.BROKEN, "connection_refused", str(exc))
    if isinstance(exc, (ConnectionResetError, ConnectionAbortedError, http.client.RemoteDisconnected,
                        BrokenPipeError)):
        return _Stop(Status.UNSURE, "connection_reset", str(exc))
    if isinstance(exc, http.client.HTTPException):
        return _Stop(Status.BROKEN, "bad_response", f"{type(exc).__name__}: {exc}")
    if isinstance(exc, OSError):
        return _Stop(Status.BROKEN, "connection_failed", str(exc))
    raise exc


def _parse_hop(url: str) -> ParsedURL:
    try:
        return parse_http_url(url)
    except ValidationError as exc:
        raise _Stop(Status.BROKEN, "redirect_invalid", f"{url!r}: {exc.messages[0]}") from None


def _same_resource(target: ParsedURL) -> tuple:
    """Two URLs that differ only in host case, a trailing dot, a default port or a fragment are one."""
    return target.scheme, target.host, target.port, target.path


def check_url(url: str, *, config: CheckConfig | None = None, probe: bool = True) -> CheckResult:
    """Check `url` now and classify it as ok, broken, unsure, tls_error or (`probe`: when it failed unanswered
    and no probe target answers either) offline. See the module docstring."""
    config = config or CheckConfig()
    result = _check(url, config)
    if probe:
        [result] = mark_offline([result], targets=config.probe_targets, timeout=config.connect_timeout)
    return result


def _check(url: str, config: CheckConfig) -> CheckResult:
    started = time.monotonic()
    checked_at = datetime.now(timezone.utc)
    deadline = _Deadline(config.total_timeout)
    current, method, hops, seen = url.strip(), "HEAD" if config.head_first else "GET", [], set()

    def result(status, reason, detail="", http_status=None, content_type="", retry_after=None):
        return CheckResult(
            url=url, status=status, reason=reason, checked_at=checked_at, http_status=http_status,
            final_url=current, content_type=content_type, redirects=tuple(hops),
            elapsed=time.monotonic() - started, detail=detail, retry_after=retry_after,
        )

    try:
        target = parse_http_url(current)
    except ValidationError as exc:
        return result(Status.BROKEN, "invalid_url", exc.messages[0])
    seen.add(_same_resource(target))
    try:
        while True:
            try:
                answer = _request(method, target, config, deadline)
            except (http.client.HTTPException, ConnectionResetError):
                if method != "HEAD":
                    raise
                method = "GET"  # some servers drop HEAD requests: ask again with GET
                continue
            if answer.status in REDIRECT_STATUSES:
                if not answer.location:
                    raise _Stop(Status.BROKEN, "redirect_invalid", "redirect without Location", answer.status)
                following = urljoin(current, answer.location.strip())
                try:
                    next_target = _parse_hop(following)
                except _Stop:
                    current = following  # show where it tried to go
                    raise
                if _same_resource(next_target) in seen:
                    current = following
                    raise _Stop(Status.BROKEN, "redirect_loop", f"{following} was already visited", answer.status)
                if len(hops) >= config.max_redirects:
                    raise _Stop(Status.BROKEN, "too_many_redirects",
                                f"more than {config.max_redirects} redirects", answer.status)
                hops.append(following)
                seen.add(_same_resource(next_target))
                current, target = following, next_target
                continue
            if method == "HEAD" and answer.status not in BUSY_STATUSES:
                method = "GET"  # a HEAD answer is a hint, never proof: GET decides
                continue
            status, reason = _verdict_for_status(answer.status)
            if status == Status.OK and not answer.body_bytes:
                status, reason = Status.BROKEN, "empty_response"
            return result(status, reason, f"{method} {answer.status}", answer.status, answer.content_type,
                          answer.retry_after)
    except Exception as exc:  # noqa: BLE001 -- every network failure becomes a verdict; others re-raise
        stop = _classify_error(exc)
        return result(stop.status, stop.reason, stop.detail, stop.http_status)
