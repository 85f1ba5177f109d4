"""The Template 3 domain rule: a source URL must live on the owning agency's own website.

Pure functions, no network. `validate_source_url` raises `ValidationError` with a `code`; the
model that stores the URL wraps it under its field name (e.g. `{"url": error}`).
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.validators import HOSTNAME_RE

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# White space or control characters anywhere inside the URL are never valid (nor safe to show).
_BAD_CHARS_RE = re.compile(r"[\x00-\x20\x7f\\]")


@dataclass(frozen=True)
class ParsedURL:
    """An absolute http(s) URL taken apart; `host` is lower case ASCII (punycode), no trailing dot."""

    url: str
    scheme: str
    host: str
    port: int
    path: str  # path plus "?query", never empty, fragment dropped

    @property
    def is_ip(self) -> bool:
        return _ip_or_none(self.host) is not None


def _ip_or_none(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def normalize_host(host: str) -> str:
    """Lower case, without a trailing dot, IDN as punycode. Raises ValueError if not a host name."""
    host = (host or "").strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if _ip_or_none(host) is not None:
        return str(ipaddress.ip_address(host))
    if host.endswith("."):
        host = host[:-1]
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as exc:
        raise ValueError(f"not an internationalised host name: {host!r}") from exc
    if not HOSTNAME_RE.match(ascii_host):
        raise ValueError(f"not a host name: {host!r}")
    return ascii_host


def parse_http_url(url: str) -> ParsedURL:
    """Split an absolute http(s) URL, raising `ValidationError` (with a code) when it is not one."""
    url = (url or "").strip()
    if not url:
        raise ValidationError(_("Enter the web address (URL) of the data source."), code="required")
    if _BAD_CHARS_RE.search(url):
        raise ValidationError(
            _("The web address must not contain spaces, back-slashes or control characters."), code="invalid_url"
        )
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValidationError(_("This is not a valid web address."), code="invalid_url") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValidationError(
            _("The web address must start with http:// or https://."), code="invalid_scheme"
        )
    if "@" in parts.netloc:
        raise ValidationError(
            _("The web address must not contain a user name or password."), code="credentials"
        )
    try:
        host = normalize_host(parts.hostname or "")
    except ValueError:
        raise ValidationError(_("The web address has no valid host name."), code="invalid_host") from None
    try:
        port = parts.port if parts.port is not None else DEFAULT_PORTS[scheme]
    except ValueError:
        raise ValidationError(_("The web address has an invalid port number."), code="invalid_port") from None
    if not 0 < port < 65536:
        raise ValidationError(_("The web address has an invalid port number."), code="invalid_port")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return ParsedURL(url=url, scheme=scheme, host=host, port=port, path=path)


def host_is_allowed(host: str, domains: list[str]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one (IP addresses: exact match only)."""
    host = normalize_host(host)
    for domain in domains:
        try:
            domain = normalize_host(domain)
        except ValueError:
            continue
        if host == domain:
            return True
        if _ip_or_none(domain) is None and _ip_or_none(host) is None and host.endswith("." + domain):
            return True
    return False


def validate_source_url(url: str, *, domains: list[str]) -> str:
    """Return the trimmed `url` if it is an http(s) link on one of the agency's registered `domains`.

    A subdomain of a registered domain is accepted (`www.pattani.doae.go.th` for
    `pattani.doae.go.th`); a parent domain is not (`doae.go.th`), nor a look-alike
    (`pattani.doae.go.th.evil.example`). Hosts compare case-insensitively, without a trailing dot,
    IDN as punycode; any port is allowed.
    """
    domains = [str(d) for d in domains]  # a QuerySet or generator is read once
    parsed = parse_http_url(url)
    shown = ", ".join(sorted({d.strip().lower().rstrip(".") for d in domains if d and d.strip()}))
    if not shown:
        raise ValidationError(
            _("The agency has no registered website domain yet; ask an administrator to add one."),
            code="no_domains",
        )
    if not host_is_allowed(parsed.host, domains):
        raise ValidationError(
            _(
                "The link must point to the agency’s own website. “%(host)s” is not one of its "
                "registered domains (%(domains)s) nor a subdomain of one."
            ),
            code="domain_not_allowed",
            params={"host": parsed.host, "domains": shown},
        )
    return parsed.url
