"""The webhook client's open connections: a few idle HTTP/1.1 connections kept per origin.

It stands where ``httpcore.AsyncConnectionPool`` would, with the same ``handle_async_request``,
and keeps only what webhooks need: an idle connection to the request's origin is reused (the
most recently used first) unless it has expired or the receiver closed it, else a new one is
opened through the network backend it was given (``guarded.GuardedBackend``: every connection is
checked when it is opened). A connection goes back when its response is closed and the exchange
ended cleanly; any other goes. There is no queue and no limit on connections in use: the engine
already bounds the requests in flight per host and in all (``dispatch``), and with a limit of
its own the pool spent more on its request queue, its locks and its shields than on the request.
"""

from __future__ import annotations

import ssl
import time
import types
from collections.abc import AsyncIterator
from typing import Any, Self

import httpcore

# How often at most idle connections to origins not asked for since are looked at, and closed
# once expired (httpcore's pool looked at them on every request).
_SWEEP_EVERY = 1.0

_Key = tuple[bytes, bytes, int]


class OriginConnections:
    """Idle connections per origin, at most ``max_idle`` in all (None: no limit), each kept
    ``keepalive_expiry`` seconds at most."""

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext,
        network_backend: httpcore.AsyncNetworkBackend,
        max_idle: int | None = 20,
        keepalive_expiry: float | None = 5.0,
    ) -> None:
        ssl_context.set_alpn_protocols(["http/1.1"])  # what httpcore's connections ask for
        self._ssl_context = ssl_context
        self._backend = network_backend
        self._max_idle = max_idle
        self._keepalive_expiry = keepalive_expiry
        # By scheme, host and port (httpcore's Origin compares equal but cannot be hashed).
        self._idle: dict[_Key, list[httpcore.AsyncHTTP11Connection]] = {}
        self._idle_count = 0
        self._open: set[httpcore.AsyncHTTP11Connection] = set()
        self._swept_at = time.monotonic()

    @property
    def connections(self) -> list[httpcore.AsyncHTTP11Connection]:
        """The open connections, idle or in use (as ``AsyncConnectionPool.connections``)."""
        return list(self._open)

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        url = request.url
        if url.scheme not in (b"http", b"https"):
            raise httpcore.UnsupportedProtocol(
                "Request URL has an unsupported protocol "
                f"'{url.scheme.decode('ascii', 'replace')}://'."
            )
        if not url.host:
            raise httpcore.UnsupportedProtocol("Missing host in request URL.")
        origin = url.origin
        key = (origin.scheme, origin.host, origin.port)
        connection = await self._idle_connection(key)
        if connection is None:
            connection = await self._connect(origin, request)
        try:
            response = await connection.handle_async_request(request)
        except BaseException:
            await self._drop(connection)
            raise
        response.stream = _ReturningStream(response.stream, self, key, connection)
        return response

    async def _idle_connection(self, key: _Key) -> httpcore.AsyncHTTP11Connection | None:
        if self._idle_count and time.monotonic() - self._swept_at > _SWEEP_EVERY:
            await self._sweep()
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            self._idle_count -= 1
            if not connection.has_expired():
                return connection
            await self._drop(connection)
        return None

    async def _connect(
        self, origin: httpcore.Origin, request: httpcore.Request
    ) -> httpcore.AsyncHTTP11Connection:
        timeout = request.extensions.get("timeout", {}).get("connect")
        host = origin.host.decode("ascii")
        stream = await self._backend.connect_tcp(host, origin.port, timeout=timeout)
        if origin.scheme == b"https":
            try:
                stream = await stream.start_tls(
                    self._ssl_context,
                    server_hostname=request.extensions.get("sni_hostname") or host,
                    timeout=timeout,
                )
            except BaseException:
                await stream.aclose()
                raise
        connection = httpcore.AsyncHTTP11Connection(
            origin, stream, keepalive_expiry=self._keepalive_expiry
        )
        self._open.add(connection)
        return connection

    async def _release(self, key: _Key, connection: httpcore.AsyncHTTP11Connection) -> None:
        """Take ``connection`` back once its response is closed: kept if the exchange ended
        cleanly and there is room, closed otherwise."""
        if not connection.is_idle() or (
            self._max_idle is not None and self._idle_count >= self._max_idle
        ):
            await self._drop(connection)
            return
        self._idle.setdefault(key, []).append(connection)
        self._idle_count += 1

    async def _drop(self, connection: httpcore.AsyncHTTP11Connection) -> None:
        self._open.discard(connection)
        if not connection.is_closed():
            await connection.aclose()

    async def _sweep(self) -> None:
        self._swept_at = time.monotonic()
        for key, idle in list(self._idle.items()):
            keep = [c for c in idle if not c.has_expired()]
            for connection in idle:
                if connection not in keep:
                    await self._drop(connection)
            self._idle_count -= len(idle) - len(keep)
            if keep:
                self._idle[key] = keep
            else:
                del self._idle[key]

    async def aclose(self) -> None:
        """Close every connection, idle or in use."""
        connections, self._open = self._open, set()
        self._idle.clear()
        self._idle_count = 0
        for connection in connections:
            await connection.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: types.TracebackType | None = None,
    ) -> None:
        await self.aclose()


class _ReturningStream:
    """A response's body; closing it hands its connection back."""

    __slots__ = ("_connection", "_key", "_owner", "_stream")

    def __init__(
        self,
        stream: Any,  # httpcore's HTTP11ConnectionByteStream, not exported
        owner: OriginConnections,
        key: _Key,
        connection: httpcore.AsyncHTTP11Connection,
    ) -> None:
        self._stream = stream
        self._owner = owner
        self._key = key
        self._connection: httpcore.AsyncHTTP11Connection | None = connection

    def __aiter__(self) -> AsyncIterator[bytes]:
        iterator: AsyncIterator[bytes] = self._stream.__aiter__()
        return iterator

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        try:
            await self._stream.aclose()
        finally:
            if connection is not None:
                await self._owner._release(self._key, connection)
