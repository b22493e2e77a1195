"""Keeping webhooks off the private network (SSRF protection), in two layers.

1. ``check_url`` when a subscriber gives a URL: the scheme, no userinfo, and the host — an IP
   literal in any spelling the OS accepts ("2130706433", "0x7f000001", "0177.0.0.1", "127.1",
   "::ffff:127.0.0.1", NAT64/6to4 addresses carrying a private IPv4) or a name, which is resolved
   and refused if *any* of its addresses is not public.
2. ``guarded.GuardedBackend`` every time a connection is opened: it resolves the name itself,
   refuses any non-public answer and connects to the IP it checked. A check at sign-up alone
   would let DNS rebinding through (public when checked, 127.0.0.1 when connected); this closes
   that gap. TLS still verifies the certificate against the host *name*, since httpcore passes
   the name as SNI.

``allow_private=True`` (``delivery.allow_private_targets``) turns both layers off, for receivers
on the same host or LAN.

Python's ``ipaddress.is_global`` alone is not enough on 3.11 (it calls multicast, ``::7f00:1``
and ``2002:7f00:1::`` global), so ``is_public_address`` also checks every flag, an explicit list
of special-purpose blocks (IANA registries), and the IPv4 address embedded in IPv6 forms.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from ..errors import UnsafeTargetError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the addresses the host resolves to, as strings.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network
_BLOCKED: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = (
    _V4("0.0.0.0/8"),  # "this network"
    _V4("10.0.0.0/8"),
    _V4("100.64.0.0/10"),  # shared address space (carrier-grade NAT)
    _V4("127.0.0.0/8"),
    _V4("169.254.0.0/16"),  # link-local, cloud metadata services
    _V4("172.16.0.0/12"),
    _V4("192.0.0.0/24"),  # IETF protocol assignments
    _V4("192.0.2.0/24"),
    _V4("192.88.99.0/24"),  # 6to4 relay anycast (deprecated)
    _V4("192.168.0.0/16"),
    _V4("198.18.0.0/15"),  # benchmarking
    _V4("198.51.100.0/24"),
    _V4("203.0.113.0/24"),
    _V4("224.0.0.0/4"),  # multicast
    _V4("240.0.0.0/4"),  # reserved, and broadcast
    _V6("::/8"),  # unspecified, loopback, IPv4-compatible, reserved (NAT64 handled before)
    _V6("64:ff9b:1::/48"),  # local-use NAT64
    _V6("100::/64"),  # discard-only
    _V6("2001::/23"),  # IETF protocol assignments, Teredo included
    _V6("2001:db8::/32"),
    _V6("3fff::/20"),  # documentation
    _V6("5f00::/16"),  # SRv6 SIDs
    _V6("fc00::/7"),  # unique local
    _V6("fe80::/10"),  # link-local
    _V6("fec0::/10"),  # site-local (deprecated)
    _V6("ff00::/8"),  # multicast
)
_NAT64 = _V6("64:ff9b::/96")
_6TO4 = _V6("2002::/16")

# One inet_aton-style part: hex, octal (leading 0) or decimal.
_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")
_NUMERIC_LABEL = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)$")
_HOST_NAME = re.compile(r"^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$")


def is_public_address(address: IPAddress) -> bool:
    """Whether ``address`` is reachable on the public internet and nothing else."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public_address(address.ipv4_mapped)
        if address in _NAT64:
            return is_public_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.sixtofour is not None and not is_public_address(address.sixtofour):
            return False
        if address.teredo is not None:
            return False
    if any(address in net for net in _BLOCKED if net.version == address.version):
        return False
    flags = (
        address.is_private,
        address.is_loopback,
        address.is_link_local,
        address.is_multicast,
        address.is_reserved,
        address.is_unspecified,
        isinstance(address, ipaddress.IPv6Address) and address.is_site_local,
    )
    return address.is_global and not any(flags)


def _loose_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Parse the IPv4 spellings inet_aton accepts: '127.1', '0x7f000001', '0177.0.0.1'."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_PART.match(p) for p in parts):
        return None
    try:
        numbers = [
            int(p, 16) if p[:2].lower() == "0x" else int(p, 8 if p[0] == "0" else 10) for p in parts
        ]
    except ValueError:  # a bare "0x"
        return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = 0
    for n in head:
        value = value << 8 | n
    value = value << (8 * (5 - len(numbers))) | last
    return ipaddress.IPv4Address(value)


def parse_ip_literal(host: str) -> IPAddress | None:
    """The IP address ``host`` spells, in any form a resolver would accept, or None for a name.

    Raises ``UnsafeTargetError`` for a host that looks numeric but is no valid address
    ("08.0.0.1", "1.2.3.256"): resolvers disagree about such strings, so none is trusted.
    """
    host = host.strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    loose = _loose_ipv4(host)
    if loose is not None:
        return loose
    if _NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]) or ":" in host:
        raise UnsafeTargetError("url", f"{host!r} is not a valid IP address")
    return None


def is_localhost(name: str) -> bool:
    """Whether ``name`` is localhost, or a name under it (which resolvers answer locally)."""
    name = name.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def refuse_address(host: str, address: IPAddress) -> UnsafeTargetError:
    """The error that refuses ``host`` for resolving to the non-public ``address``."""
    shown = host if host == str(address) else f"{host} ({address})"
    return UnsafeTargetError(
        "url",
        f"{shown} is not a public internet address; webhooks may only go to public hosts "
        "(an operator can allow private targets with delivery.allow_private_targets)",
    )


def _check_literal(url: str, *, allow_private: bool) -> tuple[str, int, bool]:
    """Check everything but DNS. Returns (host, port, is_ip_literal)."""
    if any(c.isspace() or ord(c) < 0x20 or c in "\\\x7f" for c in url):
        raise UnsafeTargetError("url", "the URL contains spaces, control characters or '\\'")
    # httpx on first use, with the first webhook URL checked or sent to (1.5 MiB, with httpcore).
    import httpx

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise UnsafeTargetError("url", f"not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise UnsafeTargetError("url", "the URL must start with https:// (or http://)")
    if parsed.userinfo or "@" in url.split("://", 1)[-1].split("/", 1)[0]:
        raise UnsafeTargetError("url", "the URL must not contain a user name or password")
    host = parsed.raw_host.decode("ascii").strip("[]").lower()
    if not host:
        raise UnsafeTargetError("url", "the URL has no host")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if not 0 < port < 65536:
        raise UnsafeTargetError("url", f"{port} is not a valid port")
    address = parse_ip_literal(host)
    if address is not None:
        if not allow_private and not is_public_address(address):
            raise refuse_address(host, address)
        return host, port, True
    if not _HOST_NAME.match(host.rstrip(".")):
        raise UnsafeTargetError("url", f"{host!r} is not a valid host name")
    if not allow_private and is_localhost(host):
        raise refuse_address(host, ipaddress.IPv4Address("127.0.0.1"))
    return host, port, False


def check_resolved(host: str, addresses: Iterable[str]) -> list[IPAddress]:
    """``addresses`` of ``host`` parsed; ``UnsafeTargetError`` if there are none or any one is
    not public."""
    checked = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not checked:
        raise UnsafeTargetError("url", f"{host} does not resolve to any address")
    for address in checked:
        if not is_public_address(address):
            raise refuse_address(host, address)
    return checked


def _getaddrinfo_hosts(infos: Iterable[tuple[Any, ...]]) -> list[str]:
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url(url: str, *, allow_private: bool, resolve: bool = True) -> None:
    """Refuse a webhook URL that is not http(s) or points at a non-public address.

    With ``resolve`` the host name is looked up (blocking: from async code use
    ``check_url_async``) and refused when any address is not public. Raises
    ``UnsafeTargetError("url", reason)``.
    """
    host, port, literal = _check_literal(url, allow_private=allow_private)
    if literal or allow_private or not resolve:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise UnsafeTargetError("url", f"{host} does not resolve: {exc}") from None
    check_resolved(host, _getaddrinfo_hosts(infos))


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with the OS resolver (getaddrinfo in a thread)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return _getaddrinfo_hosts(infos)


async def check_url_async(
    url: str, *, allow_private: bool, resolver: Resolver = system_resolver
) -> None:
    """``check_url`` with resolving, without blocking the event loop."""
    host, port, literal = _check_literal(url, allow_private=allow_private)
    if literal or allow_private:
        return
    try:
        addresses = await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise UnsafeTargetError("url", f"{host} does not resolve: {exc}") from None
    check_resolved(host, addresses)
