"""Bodies over 64 KiB are refused with 413 before they are read, with or without a length."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest

from tender_notifier.web.bodylimit import MAX_BODY, BodyLimit
from tests.support.daemon import Daemon

pytestmark = pytest.mark.e2e


def _status(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(head.split(b" ", 2)[1]), rest


def _connect(daemon: Daemon) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=10)
    return sock


def test_a_declared_gigabyte_is_refused_before_reading(daemon: Daemon) -> None:
    with _connect(daemon) as sock:
        sock.sendall(
            b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{"
        )
        status, body = _status(sock)
    assert status == 413
    assert json.loads(body) == {
        "detail": "request body larger than 64 KiB",
        "errors": {},
    }


def test_a_chunked_body_is_cut_off_once_past_the_limit(daemon: Daemon) -> None:
    chunk = b"[" + b" " * 16382 + b"]"
    with _connect(daemon) as sock:
        sock.sendall(
            b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        sent = 0
        sock.settimeout(0.2)
        status = None
        # The server answers once it has seen a little over 64 KiB; we never send the end.
        while sent < 100 * MAX_BODY:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                break
            sent += len(chunk)
            try:
                peek = sock.recv(1, socket.MSG_PEEK)
            except TimeoutError:
                continue
            if peek:
                break
        sock.settimeout(10)
        status, _ = _status(sock)
    assert status == 413
    assert sent < 2 * MAX_BODY


def test_a_body_under_the_limit_is_read(daemon: Daemon) -> None:
    body = json.dumps({"channel": "email", "address": "x" * 60_000}).encode()
    with _connect(daemon) as sock:
        sock.sendall(
            b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        status, _ = _status(sock)
    assert status == 422


def test_the_app_is_not_called_past_the_limit_on_a_stream() -> None:
    """In-process: a body that streams forever stops being read just past the limit."""
    reads = 0

    async def endless() -> dict[str, object]:
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": b"x" * 1024, "more_body": True}

    async def app(scope: object, receive: object, send: object) -> None:
        while (await receive())["type"] == "http.request":  # type: ignore[operator]
            pass
        raise RuntimeError("client went away")

    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/api/v1/subscriptions", "headers": []}
    asyncio.run(BodyLimit(app)(scope, endless, send))  # type: ignore[arg-type]
    assert reads == 65
    assert sent[0]["status"] == 413
