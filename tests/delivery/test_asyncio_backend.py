"""The webhook client's connections (``delivery.asyncio_backend``), against real receivers on
127.0.0.1: kept open between events, dropped when the receiver closed them, TLS verified."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from standardwebhooks import Webhook

from tender_notifier.delivery.asyncio_backend import _Connection
from tender_notifier.delivery.guarded import GuardedTransport
from tender_notifier.delivery.webhook import WebhookTransport, new_secret
from tender_notifier.errors import DeliveryError

SECRET = new_secret()
EVENT = {"type": "ping", "version": 1, "data": {"text": "Nog 1 dag – één"}}


@dataclass
class Receiver:
    """A minimal HTTP/1.1 receiver: answers 204 and keeps the connection, unless told to close
    idle connections after each answer. Counts the connections it accepted."""

    close_after_answer: bool = False
    answer: bytes = b"HTTP/1.1 204 No Content\r\n\r\n"
    connections: int = 0
    bodies: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    port: int = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")[1:]
                headers = {k.lower(): v.strip() for k, v in (x.split(":", 1) for x in lines if x)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.bodies.append((headers, body))
                writer.write(self.answer)
                await writer.drain()
                if self.close_after_answer:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., object]]:
    servers: list[asyncio.Server] = []

    async def start(receiver: Receiver, context: ssl.SSLContext | None = None) -> Receiver:
        server = await asyncio.start_server(receiver.handle, "127.0.0.1", 0, ssl=context)
        receiver.port = server.sockets[0].getsockname()[1]
        servers.append(server)
        return receiver

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


async def send(transport: WebhookTransport, url: str) -> None:
    await transport.send(
        url=url, secret=SECRET, webhook_id="msg_1", event=EVENT, now=datetime.now(UTC)
    )


@pytest.mark.anyio
async def test_events_to_one_receiver_share_one_kept_open_connection(serve):
    receiver = await serve(Receiver())
    transport = WebhookTransport(allow_private=True)
    for _ in range(20):
        await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert receiver.connections == 1
    assert len(receiver.bodies) == 20
    headers, body = receiver.bodies[0]
    Webhook(SECRET).verify(body, headers)  # the reference verifier


@pytest.mark.anyio
async def test_a_connection_the_receiver_closed_is_not_reused(serve):
    """A kept connection the receiver has since closed is noticed before the next event."""
    receiver = await serve(Receiver(close_after_answer=True))
    transport = WebhookTransport(allow_private=True)
    for _ in range(3):
        await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
        await asyncio.sleep(0.05)  # the receiver's close reaches us while the connection idles
    await transport.aclose()
    assert (receiver.connections, len(receiver.bodies)) == (3, 3)


@pytest.mark.anyio
async def test_a_long_answer_is_not_read_to_its_end_and_the_event_counts_as_delivered(serve):
    big = b"x" * (2 * 1024 * 1024)
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(big) + big
    receiver = await serve(Receiver(answer=answer))
    transport = WebhookTransport(allow_private=True)
    await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
    await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert (receiver.connections, len(receiver.bodies)) == (2, 2)  # the first one was dropped


@pytest.mark.anyio
async def test_a_receiver_that_closes_without_answering_is_retried(serve):
    receiver = await serve(Receiver(answer=b""))
    receiver.close_after_answer = True
    transport = WebhookTransport(allow_private=True, timeout=5)
    with pytest.raises(DeliveryError) as caught:
        await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert not caught.value.permanent


def _certificate(tmp_path: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1: the receiver's context, and a client context
    that trusts it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "receiver.test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client


@pytest.mark.anyio
async def test_https_receivers_get_events_over_verified_tls(serve, tmp_path):
    server_context, client_context = _certificate(tmp_path)
    receiver = await serve(Receiver(), server_context)
    transport = WebhookTransport(
        transport=GuardedTransport(allow_private=True, ssl_context=client_context),
        allow_private=True,
    )
    for _ in range(3):
        await send(transport, f"https://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert (receiver.connections, len(receiver.bodies)) == (1, 3)


@pytest.mark.anyio
async def test_an_untrusted_certificate_is_refused_and_retried(serve, tmp_path):
    server_context, _ = _certificate(tmp_path)
    receiver = await serve(Receiver(), server_context)
    transport = WebhookTransport(allow_private=True)  # the system's trust store
    with pytest.raises(DeliveryError) as caught:
        await send(transport, f"https://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert not caught.value.permanent
    assert receiver.bodies == []


@pytest.mark.anyio
async def test_proxies_from_the_environment_are_not_used(serve, monkeypatch):
    """A proxy would resolve and connect for us, past the address check."""
    proxy = await serve(Receiver())
    receiver = await serve(Receiver())
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
    transport = WebhookTransport(allow_private=True)
    await send(transport, f"http://127.0.0.1:{receiver.port}/hook")
    await transport.aclose()
    assert (proxy.connections, len(receiver.bodies)) == (0, 1)


class _OtherLoopsTransport:
    """A stream transport that does not derive from ``asyncio.Transport``, as uvloop's do not."""

    def __init__(self) -> None:
        self.written: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return False


@pytest.mark.anyio
async def test_a_transport_of_another_event_loop_is_used_as_it_is():
    """Under uvloop the connection is handed a ``uvloop.loop.TCPTransport``: refusing it left
    every webhook waiting for its deadline."""
    connection = _Connection()
    transport = _OtherLoopsTransport()
    connection.connection_made(transport)  # type: ignore[arg-type]
    connection.send(b"head")
    connection.send(b"body")
    connection.flush()
    assert transport.written == [b"headbody"]
