"""The webhook client's connection pool, which connects only where ``ssrf`` allows.

The second layer of ``ssrf``: ``GuardedBackend`` resolves every host itself when a connection
is opened and connects to the address it checked, and ``GuardedTransport`` is httpx's own
transport with its connections (``connections.OriginConnections``) on that backend. This
module, with httpx and httpcore, is imported when the first webhook is sent
(``webhook.WebhookTransport``), not when the daemon starts.
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
from collections.abc import Iterable, Sequence
from typing import Self

import httpcore
import httpx

from .asyncio_backend import AsyncioBackend
from .connections import OriginConnections
from .ssrf import (
    IPAddress,
    Resolver,
    check_resolved,
    is_localhost,
    parse_ip_literal,
    refuse_address,
    system_resolver,
)


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
            if not self._allow_private and is_localhost(host):
                raise refuse_address(host, ipaddress.IPv4Address("127.0.0.1"))
            try:
                async with asyncio.timeout(timeout):
                    addresses = await self._resolver(host, port)
            except TimeoutError:
                raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        if self._allow_private:
            return [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
        return check_resolved(host, addresses)

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
    """httpx's own transport with its connections on a ``GuardedBackend``.

    httpx 0.28 has no public way to hand ``AsyncHTTPTransport`` a network backend, so the pool it
    would build is replaced by ``OriginConnections`` on the guarded backend (httpcore's pool
    cost a burst about a fifth of its event loop's time in its own bookkeeping). Proxies from the
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
        self._guarded_pool: OriginConnections | None = None

    @property
    def pool(self) -> OriginConnections:
        """The guarded connections themselves, for callers that make httpcore requests."""
        return self._built_pool()

    def _built_pool(self) -> OriginConnections:
        if self._guarded_pool is None:
            limits = self._limits
            self._guarded_pool = OriginConnections(
                # httpx's context honours SSL_CERT_FILE; proxies stay off.
                ssl_context=self._given_ssl_context or httpx.create_ssl_context(),
                max_idle=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=self._backend,
            )
            # What httpx's own methods send through (they need only handle_async_request).
            self._pool = self._guarded_pool  # type: ignore[assignment]
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
