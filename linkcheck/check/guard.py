"""The SSRF guard: resolve a host ourselves and refuse non-public addresses.

The checker connects to the very addresses checked here (never resolving the name again), so a
DNS answer cannot change between the check and the connection (no DNS-rebinding gap).
"""
from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass

ALLOW_PRIVATE_ENV = "URLCHECK_ALLOW_PRIVATE"
_TRUE = {"1", "true", "yes", "on"}


class BlockedAddress(Exception):
    """The host is, or resolves to, an address the checker may not visit."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}, a non-public address")
        self.host = host
        self.address = address


class DNSFailure(Exception):
    """The name does not exist (`temporary=False`) or could not be looked up now (`temporary=True`)."""

    def __init__(self, host: str, detail: str, *, temporary: bool):
        super().__init__(f"{host}: {detail}")
        self.temporary = temporary


@dataclass(frozen=True)
class Address:
    family: int
    sockaddr: tuple
    ip: str


def private_allowed() -> bool:
    """Read at call time: `URLCHECK_ALLOW_PRIVATE=1` lets the checker visit private addresses (tests)."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in _TRUE


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """False for loopback, private, link-local, multicast, reserved, unspecified and shared addresses."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public(embedded):
            return False
    return ip.is_global and not (
        ip.is_multicast or ip.is_loopback or ip.is_link_local or ip.is_private
        or ip.is_reserved or ip.is_unspecified
    )


def _allowed(ip, networks) -> bool:
    return is_public(ip) or any(ip in net for net in networks)


def resolve(host: str, port: int, *, allow_private: bool | None = None, allow_networks=()) -> list[Address]:
    """Every address of `host`, after checking that *all* of them may be visited.

    `allow_private=None` reads `URLCHECK_ALLOW_PRIVATE` now. `allow_networks` (CIDR strings) are
    exempt from the guard, e.g. an intranet range. Names under `.invalid` never resolve (RFC 6761)
    and are answered here without a DNS query.
    """
    if allow_private is None:
        allow_private = private_allowed()
    networks = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
    if host == "invalid" or host.endswith(".invalid"):
        raise DNSFailure(host, "names under .invalid never resolve (RFC 6761)", temporary=False)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        family = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
        sockaddr = (str(literal), port, 0, 0) if literal.version == 6 else (str(literal), port)
        infos = [(family, sockaddr)]
    else:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            temporary = exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_SYSTEM", None))
            raise DNSFailure(host, str(exc), temporary=temporary) from None
        except UnicodeError as exc:
            raise DNSFailure(host, str(exc), temporary=False) from None
        infos = [(fam, addr) for fam, _type, _proto, _name, addr in found if fam in (socket.AF_INET, socket.AF_INET6)]
        if not infos:
            raise DNSFailure(host, "no IPv4 or IPv6 address", temporary=False)
    addresses = []
    for family, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if not allow_private and not _allowed(ip, networks):
            raise BlockedAddress(host, str(ip))
        if all(a.sockaddr != sockaddr for a in addresses):
            addresses.append(Address(family=family, sockaddr=sockaddr, ip=str(ip)))
    return addresses
