"""Keeping webhooks off the private network (SSRF protection), in two layers.

1. ``check_url`` when a subscriber gives a URL: the scheme, no userinfo, and the host — an IP
   literal in any spelling the OS accepts ("2130706433", "0x7f000001", "0177.0.0.1", "127.1",
   "::ffff:127.0.0.1", NAT64/6to4 addresses carrying a private IPv4) or a name, which is resolved
   and refused if *any* of its addresses is not public.
2. ``GuardedBackend`` every time a connection is opened: it resolves the name itself, refuses any
   non-public answer and connects to the IP it checked. A check at sign-up alone would let DNS
   rebinding through (public when checked, 127.0.0.1 when connected); this closes that gap. TLS
   still verifies the certificate against the host *name*, since httpcore passes the name as SNI.

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
import ssl
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Self

import httpcore
import httpx

from ..errors import UnsafeTargetError
from .asyncio_backend import AsyncioBackend

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


def _is_localhost(name: str) -> bool:
    name = name.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def _refuse_address(host: str, address: IPAddress) -> UnsafeTargetError:
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
            raise _refuse_address(host, address)
        return host, port, True
    if not _HOST_NAME.match(host.rstrip(".")):
        raise UnsafeTargetError("url", f"{host!r} is not a valid host name")
    if not allow_private and _is_localhost(host):
        raise _refuse_address(host, ipaddress.IPv4Address("127.0.0.1"))
    return host, port, False


def _check_resolved(host: str, addresses: Iterable[str]) -> list[IPAddress]:
    checked = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not checked:
        raise UnsafeTargetError("url", f"{host} does not resolve to any address")
    for address in checked:
        if not is_public_address(address):
            raise _refuse_address(host, address)
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
    _check_resolved(host, _getaddrinfo_hosts(infos))


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
    _check_resolved(host, addresses)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to public addresses.

    It resolves the host itself and connects to the checked IP literal, so the address that was
    checked is the address that is used. A refused target raises ``UnsafeTargetError``, which
    httpx passes through unchanged; a name that does not resolve raises ``httpcore.ConnectError``
    (a retryable ``httpx.ConnectError`` for the caller).
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._resolver = resolver
        self._backend = backend or AsyncioBackend()

    async def _addresses(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        literal = parse_ip_literal(host)
        if literal is not None:
            addresses: Sequence[str] = [str(literal)]
        else:
            if not self._allow_private and _is_localhost(host):
                raise _refuse_address(host, ipaddress.IPv4Address("127.0.0.1"))
            try:
                async with asyncio.timeout(timeout):
                    addresses = await self._resolver(host, port)
            except TimeoutError:
                raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        if self._allow_private:
            return [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
        return _check_resolved(host, addresses)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._addresses(host, port, timeout)
        if not addresses:
            raise httpcore.ConnectError(f"{host} does not resolve to any address")
        error: Exception | None = None
        for address in addresses:  # every one was checked; try them in the resolver's order
            try:
                return await self._backend.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks are never sent over unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport with its connection pool on a ``GuardedBackend``.

    httpx 0.28 has no public way to hand ``AsyncHTTPTransport`` a network backend, so the pool it
    would build is replaced by one built the same way with the guarded backend. Proxies from the
    environment are never used: a proxy would resolve and connect on our behalf, unchecked.

    The pool, and with it the SSL context (about 1.5 MiB once the CA bundle is loaded), is built
    on first use: a daemon that sends no webhook never holds one. For the same reason httpx's
    ``__init__``, which would build a pool and a context of its own, is not called.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        backend: httpcore.AsyncNetworkBackend | None = None,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._given_ssl_context = ssl_context
        self._backend = GuardedBackend(
            allow_private=allow_private, resolver=resolver, backend=backend
        )
        self._guarded_pool: httpcore.AsyncConnectionPool | None = None

    @property
    def pool(self) -> httpcore.AsyncConnectionPool:
        """The guarded connection pool itself, for callers that make httpcore requests."""
        return self._built_pool()

    def _built_pool(self) -> httpcore.AsyncConnectionPool:
        if self._guarded_pool is None:
            limits = self._limits
            self._guarded_pool = httpcore.AsyncConnectionPool(
                # httpx's context honours SSL_CERT_FILE; proxies stay off.
                ssl_context=self._given_ssl_context or httpx.create_ssl_context(),
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=self._backend,
            )
            self._pool = self._guarded_pool  # what httpx's own methods send through
        return self._guarded_pool

    async def __aenter__(self) -> Self:
        self._built_pool()  # so that httpx's own method finds it
        return await super().__aenter__()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._built_pool()
        return await super().handle_async_request(request)

    async def aclose(self) -> None:
        if self._guarded_pool is not None:  # a pool never built has nothing to close
            await self._guarded_pool.aclose()
