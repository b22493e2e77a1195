"""Webhook delivery: signed per Standard Webhooks, and every answer classified as delivered,
retryable or permanent. Unit tests use httpx.MockTransport; the end-to-end ones a real HTTP
receiver on 127.0.0.1 that checks signatures with the reference verifier."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import httpx
import pytest
from standardwebhooks import Webhook

from tender_notifier.delivery.retry import MAX_RETRY_AFTER
from tender_notifier.delivery.webhook import (
    USER_AGENT,
    TargetGone,
    WebhookTransport,
    new_secret,
    parse_retry_after,
)
from tender_notifier.errors import DeliveryError, UnsafeTargetError

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef01234567").decode()
EVENT = {
    "type": "ping",
    "version": 1,
    "timestamp": "2026-07-14T07:00:00Z",
    "data": {"subscription_id": "s-1", "text": "Nog 1 dag \u2013 \u00e9\u00e9n"},
}
FIXED_NOW = datetime(2026, 7, 14, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


# --- unit tests, with httpx.MockTransport -------------------------------------------------------


def mock(status: int, headers: dict[str, str] | None = None, seen: list | None = None):
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, headers=headers or {})

    return WebhookTransport(transport=httpx.MockTransport(handler), allow_private=False)


async def send(transport: WebhookTransport, now: datetime = FIXED_NOW) -> None:
    await transport.send(
        url="https://hooks.example.com/tn", secret=SECRET, webhook_id="msg_r1", event=EVENT, now=now
    )


@pytest.mark.anyio
async def test_request_is_signed_json_with_the_given_id_and_timestamp():
    seen: list[httpx.Request] = []
    await send(mock(200, seen=seen))
    (request,) = seen
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert request.headers["webhook-id"] == "msg_r1"
    # 09:00 in Amsterdam is 07:00 UTC: the timestamp is the instant, not the wall clock.
    assert request.headers["webhook-timestamp"] == str(int(FIXED_NOW.timestamp()))
    assert int(request.headers["webhook-timestamp"]) == int(
        datetime(2026, 7, 14, 7, 0, tzinfo=UTC).timestamp()
    )
    expected = Webhook(SECRET).sign("msg_r1", FIXED_NOW.astimezone(UTC), request.content.decode())
    assert request.headers["webhook-signature"] == expected
    assert json.loads(request.content) == EVENT


@pytest.mark.anyio
@pytest.mark.parametrize("status", [200, 201, 202, 204])
async def test_any_2xx_is_delivered(status):
    await send(mock(status))


@pytest.mark.anyio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 422])
async def test_other_4xx_are_permanent(status):
    with pytest.raises(DeliveryError) as caught:
        await send(mock(status))
    assert caught.value.permanent
    assert not isinstance(caught.value, TargetGone)
    assert str(status) in str(caught.value)


@pytest.mark.anyio
async def test_410_gone_asks_the_caller_to_disable_the_subscription():
    with pytest.raises(TargetGone) as caught:
        await send(mock(410))
    assert caught.value.permanent


@pytest.mark.anyio
@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
async def test_5xx_and_408_are_retried(status):
    with pytest.raises(DeliveryError) as caught:
        await send(mock(status))
    assert not caught.value.permanent


@pytest.mark.anyio
async def test_429_carries_retry_after_in_seconds():
    with pytest.raises(DeliveryError) as caught:
        await send(mock(429, {"Retry-After": "120"}))
    assert (caught.value.permanent, caught.value.retry_after) == (False, 120.0)


@pytest.mark.anyio
async def test_503_carries_retry_after_given_as_an_http_date():
    later = "Tue, 14 Jul 2026 07:05:00 GMT"  # five minutes after FIXED_NOW
    with pytest.raises(DeliveryError) as caught:
        await send(mock(503, {"Retry-After": later}))
    assert caught.value.retry_after == 300.0


@pytest.mark.anyio
async def test_redirect_is_a_retryable_failure_and_not_followed():
    seen: list[httpx.Request] = []
    with pytest.raises(DeliveryError, match="redirect to https://elsewhere") as caught:
        await send(mock(302, {"Location": "https://elsewhere.example/"}, seen=seen))
    assert not caught.value.permanent
    assert len(seen) == 1


@pytest.mark.anyio
async def test_private_url_is_refused_before_any_request():
    seen: list[httpx.Request] = []
    transport = mock(200, seen=seen)
    with pytest.raises(UnsafeTargetError):
        await transport.send(
            url="http://169.254.169.254/", secret=SECRET, webhook_id="m", event=EVENT, now=FIXED_NOW
        )
    assert seen == []


@pytest.mark.anyio
async def test_unusable_secret_is_permanent():
    with pytest.raises(DeliveryError) as caught:
        await mock(200).send(
            url="https://hooks.example.com/", secret="", webhook_id="m", event=EVENT, now=FIXED_NOW
        )
    assert caught.value.permanent


@pytest.mark.anyio
async def test_connection_errors_are_retried():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    transport = WebhookTransport(transport=httpx.MockTransport(refuse), allow_private=False)
    with pytest.raises(DeliveryError) as caught:
        await send(transport)
    assert not caught.value.permanent


def test_new_secret_is_whsec_and_24_random_bytes():
    secret = new_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 24
    assert new_secret() != secret
    Webhook(secret)  # the reference library accepts it


def test_retry_after_parsing():
    assert parse_retry_after("30", FIXED_NOW) == 30.0
    assert parse_retry_after("Tue, 14 Jul 2026 06:00:00 GMT", FIXED_NOW) == 0.0  # in the past
    assert parse_retry_after("soon", FIXED_NOW) is None
    assert parse_retry_after(None, FIXED_NOW) is None


@pytest.mark.parametrize(
    "header",
    [
        "99999999999999999999",
        "9" * 400,
        "-5",
        "NaN",
        "inf",
        "1e400",
        "\u00b2",  # superscript two: str.isdigit() says yes, float() says no
        "\u0663",  # Arabic-Indic three
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Fri, 31 Dec 99999 23:59:59 GMT",
        "Mon, 99 Foo 2026 99:99:99 +9999",
        "Tue, 14 Jul 2026 07:00:00 +99999999999999",
        "\x00\x01garbage\r\n",
        "1" * 10_000,
    ],
)
def test_hostile_retry_after_is_none_or_a_bounded_wait(header):
    seconds = parse_retry_after(header, FIXED_NOW)
    assert seconds is None or 0.0 <= seconds <= MAX_RETRY_AFTER.total_seconds()


# --- end to end, against a real receiver on 127.0.0.1 -------------------------------------------


class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.received: list[tuple[str, dict[str, str], bytes]] = []
        self.release = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        self.server.received.append((self.path, dict(self.headers), body))
        if self.path == "/ok":
            try:
                Webhook(SECRET).verify(body, dict(self.headers))  # the reference verifier
            except Exception:
                self.answer(401)
                return
            self.answer(200)
        elif self.path == "/moved":
            self.answer(302, Location=f"{self.server.base}/ok")
        elif self.path == "/gone":
            self.answer(410)
        elif self.path == "/busy":
            self.answer(429, **{"Retry-After": "90"})
        elif self.path == "/broken":
            self.answer(500)
        elif self.path == "/hang":
            self.server.release.wait(10)  # never answers while the test waits
            self.answer(200)

    def answer(self, status: int, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


async def deliver(receiver: Receiver, path: str, timeout: float = 5.0) -> None:
    transport = WebhookTransport(allow_private=True, timeout=timeout)
    try:
        await transport.send(
            url=receiver.base + path,
            secret=SECRET,
            webhook_id="msg_e2e",
            event=EVENT,
            now=datetime.now(UTC),
        )
    finally:
        await transport.aclose()


@pytest.mark.anyio
async def test_real_receiver_verifies_the_signature_and_accepts(receiver):
    await deliver(receiver, "/ok")
    ((_, headers, body),) = receiver.received
    assert json.loads(body) == EVENT
    assert headers["webhook-id"] == "msg_e2e"


@pytest.mark.anyio
async def test_real_receiver_rejecting_a_wrong_secret_is_permanent(receiver):
    transport = WebhookTransport(allow_private=True)
    with pytest.raises(DeliveryError) as caught:
        await transport.send(
            url=receiver.base + "/ok",
            secret=new_secret(),
            webhook_id="m",
            event=EVENT,
            now=datetime.now(UTC),
        )
    await transport.aclose()
    assert caught.value.permanent


@pytest.mark.anyio
async def test_real_redirect_is_not_followed(receiver):
    with pytest.raises(DeliveryError) as caught:
        await deliver(receiver, "/moved")
    assert not caught.value.permanent
    assert [path for path, _, _ in receiver.received] == ["/moved"]


@pytest.mark.anyio
async def test_real_410_is_target_gone(receiver):
    with pytest.raises(TargetGone):
        await deliver(receiver, "/gone")


@pytest.mark.anyio
async def test_real_429_passes_retry_after_on(receiver):
    with pytest.raises(DeliveryError) as caught:
        await deliver(receiver, "/busy")
    assert (caught.value.permanent, caught.value.retry_after) == (False, 90.0)


@pytest.mark.anyio
async def test_real_500_is_retried(receiver):
    with pytest.raises(DeliveryError) as caught:
        await deliver(receiver, "/broken")
    assert not caught.value.permanent


@pytest.mark.anyio
async def test_receiver_that_does_not_answer_times_out_and_is_retried(receiver):
    started = datetime.now(UTC)
    with pytest.raises(DeliveryError, match=r"did not answer|timed out") as caught:
        await deliver(receiver, "/hang", timeout=0.3)
    assert not caught.value.permanent
    assert datetime.now(UTC) - started < timedelta(seconds=3)


@pytest.mark.anyio
async def test_nothing_listening_is_retried(receiver):
    port = receiver.server_address[1]
    receiver.shutdown()
    receiver.server_close()
    transport = WebhookTransport(allow_private=True, timeout=2)
    with pytest.raises(DeliveryError) as caught:
        await transport.send(
            url=f"http://127.0.0.1:{port}/ok",
            secret=SECRET,
            webhook_id="m",
            event=EVENT,
            now=datetime.now(UTC),
        )
    await transport.aclose()
    assert not caught.value.permanent


@pytest.mark.anyio
async def test_loopback_receiver_is_refused_unless_private_targets_are_allowed(receiver):
    transport = WebhookTransport(allow_private=False)
    with pytest.raises(UnsafeTargetError):
        await transport.send(
            url=receiver.base + "/ok",
            secret=SECRET,
            webhook_id="m",
            event=EVENT,
            now=datetime.now(UTC),
        )
    await transport.aclose()
    assert receiver.received == []


@pytest.mark.anyio
async def test_name_resolving_to_loopback_is_refused_at_connect_time(receiver):
    """The URL check passes (a name, not resolved); the connection-time guard refuses."""

    async def rebinding(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    transport = WebhookTransport(allow_private=False, resolver=rebinding)
    url = f"http://hooks.example.com:{receiver.server_address[1]}/ok"
    with pytest.raises(UnsafeTargetError):
        await transport.send(
            url=url, secret=SECRET, webhook_id="m", event=EVENT, now=datetime.now(UTC)
        )
    await transport.aclose()
    assert receiver.received == []


@pytest.mark.anyio
async def test_name_resolving_to_loopback_connects_when_private_targets_are_allowed(receiver):
    async def lan(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    transport = WebhookTransport(allow_private=True, resolver=lan)
    url = f"http://receiver.lan:{receiver.server_address[1]}/ok"
    await transport.send(url=url, secret=SECRET, webhook_id="m", event=EVENT, now=datetime.now(UTC))
    await transport.aclose()
    ((_, headers, _),) = receiver.received
    assert headers["Host"] == f"receiver.lan:{receiver.server_address[1]}"


@pytest.mark.anyio
async def test_the_guarded_pool_gets_the_very_request_httpx_would_send():
    """Requests skip ``httpx.Request``: the bytes on the wire are still httpx's, header order
    and spelling included."""
    wire: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        wire.append(head + await reader.readexactly(length))
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook/1?k=v"
    direct = WebhookTransport(allow_private=True)
    through_httpx = WebhookTransport(transport=httpx.AsyncHTTPTransport(), allow_private=True)
    for transport in (direct, through_httpx):
        await transport.send(url=url, secret=SECRET, webhook_id="msg_1", event=EVENT, now=FIXED_NOW)
        await transport.aclose()
    server.close()
    await server.wait_closed()
    assert len(wire) == 2
    assert wire[0] == wire[1]
    assert wire[0].startswith(b"POST /hook/1?k=v HTTP/1.1\r\nHost: 127.0.0.1:")


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example.com/tn",
        "https://hooks.example.com",
        "https://hooks.example.com/",
        "https://hooks.example.com?x=1",
        "http://hooks.example.com:80/a/b",
        "https://hooks.example.com:8443/a//b/?x=1&y=a,b+c:d@e/f",
        "https://Hooks.Example.COM/Path/With~Tilde_and-dash.json",
        "https://[2001:db8::1]:8080/hook/1",
        "https://hooks.example.com/./a/../b",
        "https://hooks.example.com/.well-known/hook",
        "https://hooks.example.com/a%2Fb?q=%41",
        "https://hooks.example.com/caf\u00e9?na\u00efve=1",
        "https://hooks.example.com/a b",
        "https://hooks.example.com/a|b?c={d}",
        "https://hooks.example.com/a#frag",
        "https://hooks.example.com/a?b?c",
        "HTTPS://hooks.example.com/a",
        "https://user@hooks.example.com/a",
        "https://hooks.example.com:99999/a",
        "https://127.0.0.1/a",
        "https://10.0.0.1/a/b",
        "ftp://hooks.example.com/a",
    ],
)
def test_a_url_is_checked_and_parsed_as_httpx_would_whatever_its_path(url):
    """Paths httpx sends as written are parsed per origin; the verdict and the request's URL
    and Host header are the same as for the whole URL checked and parsed by httpx."""
    from tender_notifier.delivery.webhook import _parsed, _target

    for allow_private in (False, True):
        try:
            whole = _parsed(url, allow_private)
        except UnsafeTargetError as refused:
            with pytest.raises(UnsafeTargetError) as also:
                _target(url, allow_private)
            assert str(also.value) == str(refused)
            continue
        fast = _target(url, allow_private)
        assert (fast.url, fast.host) == (whole.url, whole.host)


@pytest.mark.anyio
async def test_a_refusal_over_the_guarded_pool_says_its_status_and_retry_after():
    """The pool's own response, not httpx's, is classified the same way."""

    async def busy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\nContent-Length: 4\r\n\r\nslow"
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(busy, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport = WebhookTransport(allow_private=True)
    with pytest.raises(DeliveryError) as refused:
        await transport.send(
            url=f"http://127.0.0.1:{port}/hook",
            secret=SECRET,
            webhook_id="m",
            event=EVENT,
            now=FIXED_NOW,
        )
    await transport.aclose()
    server.close()
    await server.wait_closed()
    assert "429 Too Many Requests" in str(refused.value)
    assert refused.value.retry_after == 120
    assert not refused.value.permanent
