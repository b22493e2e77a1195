"""The webhook client's idle connections per origin (``delivery.connections``), against real
receivers on 127.0.0.1: reused while fresh, closed once expired or after a failed exchange."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpcore
import httpx
import pytest

from tender_notifier.delivery import connections
from tender_notifier.delivery.connections import OriginConnections
from tender_notifier.delivery.guarded import GuardedBackend


class Receiver:
    """Answers each request with ``answer`` on a kept connection; counts connections."""

    def __init__(self, answer: bytes = b"HTTP/1.1 204 No Content\r\n\r\n") -> None:
        self.answer = answer
        self.connections = 0
        self.port = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(self.answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def receivers() -> AsyncIterator[list[Receiver]]:
    made: list[Receiver] = []
    servers = []
    for answer in (
        b"HTTP/1.1 204 No Content\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    ):
        receiver = Receiver(answer)
        server = await asyncio.start_server(receiver.handle, "127.0.0.1", 0)
        receiver.port = server.sockets[0].getsockname()[1]
        made.append(receiver)
        servers.append(server)
    yield made
    for server in servers:
        server.close()
        await server.wait_closed()


async def post(pool: OriginConnections, port: int, *, read: bool = True) -> int:
    request = httpcore.Request(
        b"POST",
        f"http://127.0.0.1:{port}/hook",
        headers=[(b"Host", b"x"), (b"Content-Length", b"2")],
        content=b"{}",
    )
    response = await pool.handle_async_request(request)
    try:
        if read:
            async for _ in response.stream:  # type: ignore[union-attr]
                pass
        return response.status
    finally:
        await response.aclose()


def pool(**options: object) -> OriginConnections:
    return OriginConnections(
        ssl_context=httpx.create_ssl_context(),
        network_backend=GuardedBackend(allow_private=True),
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.anyio
async def test_one_connection_per_origin_is_reused_and_an_unread_answer_closes_it(
    receivers: list[Receiver],
) -> None:
    first, second = receivers
    connections_ = pool()
    for _ in range(3):
        assert await post(connections_, first.port) == 204
        assert await post(connections_, second.port) == 200
    assert (first.connections, second.connections) == (1, 1)
    assert len(connections_.connections) == 2
    await post(connections_, second.port, read=False)  # left unread: the connection goes
    assert len(connections_.connections) == 1
    await post(connections_, second.port)
    assert second.connections == 2
    await connections_.aclose()
    assert connections_.connections == []


@pytest.mark.anyio
async def test_expired_idle_connections_are_not_reused_and_are_swept(
    receivers: list[Receiver], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = receivers
    monkeypatch.setattr(connections, "_SWEEP_EVERY", 0.0)
    connections_ = pool(keepalive_expiry=0.05)
    await post(connections_, first.port)
    await post(connections_, second.port)
    await asyncio.sleep(0.1)
    await post(connections_, first.port)  # a new one; the other origin's idle one is swept
    assert (first.connections, second.connections) == (2, 1)
    assert len(connections_.connections) == 1
    await connections_.aclose()


@pytest.mark.anyio
async def test_no_more_idle_connections_than_allowed(receivers: list[Receiver]) -> None:
    first, second = receivers
    connections_ = pool(max_idle=1)
    await post(connections_, first.port)
    await post(connections_, second.port)  # no room: closed once answered
    assert len(connections_.connections) == 1
    await connections_.aclose()


@pytest.mark.anyio
async def test_a_refused_target_opens_nothing() -> None:
    from tender_notifier.delivery.ssrf import UnsafeTargetError

    guarded = OriginConnections(
        ssl_context=httpx.create_ssl_context(),
        network_backend=GuardedBackend(allow_private=False),
    )
    with pytest.raises(UnsafeTargetError):
        await post(guarded, 9)
    assert guarded.connections == []


@pytest.mark.anyio
async def test_a_response_closed_after_aclose_does_not_bring_its_connection_back(
    receivers: list[Receiver],
) -> None:
    first, _ = receivers
    connections_ = pool()
    request = httpcore.Request(
        b"POST",
        f"http://127.0.0.1:{first.port}/hook",
        headers=[(b"Host", b"x"), (b"Content-Length", b"2")],
        content=b"{}",
    )
    response = await connections_.handle_async_request(request)
    async for _ in response.stream:  # type: ignore[union-attr]
        pass
    await connections_.aclose()
    await response.aclose()
    await post(connections_, first.port)
    assert first.connections == 2
    await connections_.aclose()
