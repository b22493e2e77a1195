"""An httpcore network backend on asyncio's own transports, for the webhook client.

httpcore's default backend goes through AnyIO, whose socket streams rebuild their attribute table
(with a ``getpeername`` call) each time httpcore asks whether an idle connection is still usable,
and httpcore asks that of every pooled connection on every request. In a burst that check, and
AnyIO's cancel scopes around each read and write, cost more than the HTTP itself. Here a
connection is an ``asyncio.Protocol`` that buffers what arrives: a pooled connection is stale
when the peer closed it or sent something unasked, which the protocol already knows.

Errors are httpcore's own (``ConnectError``, ``ReadTimeout``, ...), so httpx maps them as usual.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from typing import Any, cast

import httpcore

# Bytes held unread before the socket stops being read (httpcore reads 64 KiB at a time).
_READ_LIMIT = 256 * 1024
# Bytes of a request held to go out in one send with what follows (its head, then its body).
_WRITE_BATCH = 64 * 1024


class _Connection(asyncio.Protocol):
    """What arrives on one TCP (or TLS) connection, held until read."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.closed = False  # end of stream or connection lost
        self.error: Exception | None = None
        self._reading_paused = False
        self._readable: asyncio.Future[None] | None = None
        self._writable: asyncio.Future[None] | None = None
        self._unsent: list[bytes] = []

    # asyncio's callbacks
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A stream transport; uvloop's (``uvloop.loop.TCPTransport``) has the same methods but does
        # not derive from ``asyncio.Transport``, so this is a cast, not an isinstance check.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _READ_LIMIT and not self._reading_paused and self.transport:
            self._reading_paused = True
            self.transport.pause_reading()
        self._wake_reader()

    def eof_received(self) -> bool:
        self.closed = True
        self._wake_reader()
        return False  # close our side too

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.error = exc
        self._wake_reader()
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)

    def pause_writing(self) -> None:
        if self._writable is None or self._writable.done():
            self._writable = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)

    def _wake_reader(self) -> None:
        if self._readable is not None and not self._readable.done():
            self._readable.set_result(None)

    # what the stream awaits
    async def readable(self) -> None:
        while not self.buffer and not self.closed:
            self._readable = asyncio.get_running_loop().create_future()
            await self._readable

    async def writable(self) -> None:
        if self._writable is not None and not self._writable.done():
            await self._writable

    def send(self, data: bytes) -> None:
        """Queue ``data``; what is queued in one turn of the loop goes out in one send (httpcore
        writes a request's head and body separately: two system calls, and two packets)."""
        if not self._unsent:
            asyncio.get_running_loop().call_soon(self.flush)
        self._unsent.append(data)
        if sum(map(len, self._unsent)) >= _WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self._unsent and self.transport is not None and not self.transport.is_closing():
            self.transport.write(b"".join(self._unsent))
        self._unsent.clear()

    def take(self, max_bytes: int) -> bytes:
        data = bytes(self.buffer[:max_bytes])
        del self.buffer[:max_bytes]
        if self._reading_paused and len(self.buffer) <= _READ_LIMIT // 2 and self.transport:
            self._reading_paused = False
            self.transport.resume_reading()
        return data


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, connection: _Connection) -> None:
        self._transport = transport
        self._connection = connection

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        connection = self._connection
        if not connection.buffer and not connection.closed:
            try:
                async with asyncio.timeout(timeout):
                    await connection.readable()
            except TimeoutError:
                raise httpcore.ReadTimeout("timed out reading from the receiver") from None
        if connection.buffer:
            return connection.take(max_bytes)
        if connection.error is not None:
            raise httpcore.ReadError(str(connection.error) or type(connection.error).__name__)
        return b""  # the peer closed the connection: httpcore reads that as end of stream

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._connection.send(buffer)
        try:
            async with asyncio.timeout(timeout):
                await self._connection.writable()
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out writing to the receiver") from None

    async def aclose(self) -> None:
        self._connection.flush()
        self._transport.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        self._connection.flush()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport,
                    self._connection,
                    ssl_context,
                    server_hostname=server_hostname,
                    ssl_handshake_timeout=timeout,
                )
        except TimeoutError:
            self._transport.close()
            raise httpcore.ConnectTimeout("timed out during the TLS handshake") from None
        except (OSError, ssl.SSLError) as exc:
            self._transport.close()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from None
        if transport is None:
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        # asyncio does not call connection_made again: the protocol is told its new transport.
        self._connection.transport = transport
        return AsyncioStream(transport, self._connection)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # asked of idle pooled connections: stale if so
            return self._connection.closed or bool(self._connection.buffer)
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        if info == "socket":
            return self._transport.get_extra_info("socket")
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, connection = await loop.create_connection(
                    _Connection,
                    host,
                    port,
                    local_addr=(local_address, 0) if local_address else None,
                )
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}:{port}") from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from None
        sock = transport.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(transport, connection)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used here")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
