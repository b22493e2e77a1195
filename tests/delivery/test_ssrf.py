"""Webhook targets must be public: every spelling of a private address is refused, at sign-up
and again when the connection is opened (so DNS rebinding cannot slip through)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import httpcore
import httpx
import pytest

from tender_notifier.delivery.guarded import GuardedBackend, GuardedTransport
from tender_notifier.delivery.ssrf import check_url, check_url_async
from tender_notifier.errors import UnsafeTargetError

PRIVATE_TARGETS = [
    "http://127.0.0.1/",
    "http://127.0.0.1.:8080/hook",
    "http://2130706433/",  # decimal
    "http://0x7f000001/",  # hex
    "http://0177.0.0.1/",  # octal
    "http://017700000001/",  # octal, one part
    "http://127.1/",  # short
    "http://0x7f.1/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
    "http://[::ffff:7f00:1]/",
    "https://[::ffff:10.0.0.1]:443/",
    "http://[::7f00:1]/",  # IPv4-compatible (deprecated)
    "http://[64:ff9b::7f00:1]/",  # NAT64 carrying 127.0.0.1
    "http://[64:ff9b::a00:1]/",  # NAT64 carrying 10.0.0.1
    "http://[64:ff9b:1::a00:1]/",  # local-use NAT64
    "http://[2002:7f00:1::]/",  # 6to4 carrying 127.0.0.1
    "http://[2002:c0a8:101::1]/",  # 6to4 carrying 192.168.1.1
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://100.64.0.1/",  # shared address space
    "http://198.18.0.1/",  # benchmarking
    "http://192.0.0.9/",
    "http://192.0.2.1/",
    "http://224.0.0.1/",  # multicast
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[fec0::1]/",
    "http://[ff02::1]/",
    "http://[2001:db8::1]/",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://api.localhost:8000/",
]

MALFORMED_TARGETS = [
    "ftp://example.com/",
    "file:///etc/passwd",
    "gopher://example.com/",
    "http://user:secret@example.com/",
    "https://user@example.com/",
    "http://example.com\\@127.0.0.1/",  # httpx reads the host as 127.0.0.1
    "http://example.com @127.0.0.1/",
    "http://08.0.0.1/",  # numeric but no valid address: resolvers disagree
    "http://1.2.3.256/",
    "http://1.2.3.4.5/",
    "http://%31%32%37.0.0.1/",
    "http://-bad-.example/",
    "http://example.com:99999/",
    "not a url",
]

PUBLIC_LITERALS = [
    "https://93.184.215.14/hook",
    "http://8.8.8.8:8080/",
    "https://[2606:4700::1111]/hook",
    "https://[64:ff9b::808:808]/",  # NAT64 carrying a public address
    "https://[::ffff:8.8.8.8]/",
]


@pytest.mark.parametrize("url", PRIVATE_TARGETS)
def test_private_targets_are_refused_without_resolving(url):
    with pytest.raises(UnsafeTargetError) as caught:
        check_url(url, allow_private=False, resolve=False)
    assert caught.value.field == "url"


@pytest.mark.parametrize("url", MALFORMED_TARGETS)
def test_wrong_schemes_userinfo_and_odd_hosts_are_refused_even_when_private_is_allowed(url):
    with pytest.raises(UnsafeTargetError):
        check_url(url, allow_private=True, resolve=False)


@pytest.mark.parametrize("url", PUBLIC_LITERALS)
def test_public_literals_are_accepted_without_resolving(url):
    check_url(url, allow_private=False)  # resolve=True, but literals need no lookup


def test_a_host_name_is_accepted_without_resolving_when_asked():
    check_url("https://hooks.example.com/x", allow_private=False, resolve=False)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/",
        "http://localhost/",
        "http://[::1]/",
        "http://2130706433/",
        "http://10.1.2.3/",
    ],
)
def test_allow_private_accepts_private_targets(url):
    check_url(url, allow_private=True)


def test_localhost_is_refused_by_name_and_by_resolution():
    with pytest.raises(UnsafeTargetError, match="not a public"):
        check_url("http://localhost:9000/", allow_private=False)


def resolver_answering(*answers: Sequence[str]):
    """A resolver that gives the answers in turn, like a rebinding DNS server."""
    queue = list(answers)
    asked: list[tuple[str, int]] = []

    async def resolve(host: str, port: int) -> Sequence[str]:
        asked.append((host, port))
        return queue.pop(0)

    resolve.asked = asked  # type: ignore[attr-defined]
    return resolve


@pytest.mark.anyio
async def test_name_resolving_to_any_private_address_is_refused():
    resolve = resolver_answering(["93.184.215.14", "10.0.0.7"])
    with pytest.raises(UnsafeTargetError, match=r"10\.0\.0\.7"):
        await check_url_async("https://hooks.example.com/x", allow_private=False, resolver=resolve)
    assert resolve.asked == [("hooks.example.com", 443)]


@pytest.mark.anyio
async def test_name_that_does_not_resolve_is_refused_at_sign_up():
    async def fail(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    with pytest.raises(UnsafeTargetError, match="does not resolve"):
        await check_url_async("https://nowhere.example/", allow_private=False, resolver=fail)


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Stands in for the network: records where it was asked to connect, answers 200."""

    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connected.append((host, port))
        return httpcore.AsyncMockStream(
            [b"HTTP/1.1 200 OK\r\n", b"Content-Length: 2\r\n", b"\r\n", b"ok"]
        )


@pytest.mark.anyio
async def test_dns_rebinding_is_refused_when_connecting():
    """Public when the URL is checked, 127.0.0.1 when the webhook is sent: refused."""
    resolve = resolver_answering(["93.184.215.14"], ["127.0.0.1"])
    url = "http://rebind.example/hook"
    await check_url_async(url, allow_private=False, resolver=resolve)
    network = RecordingBackend()
    transport = GuardedTransport(allow_private=False, resolver=resolve, backend=network)
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(UnsafeTargetError, match=r"127\.0\.0\.1"):
            await client.post(url, content=b"{}")
    assert network.connected == []


@pytest.mark.anyio
async def test_connects_to_the_address_it_checked_and_keeps_the_name_in_the_request():
    resolve = resolver_answering(["93.184.215.14"])
    network = RecordingBackend()
    transport = GuardedTransport(allow_private=False, resolver=resolve, backend=network)
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.post("http://hooks.example.com:8080/x", content=b"{}")
    assert response.status_code == 200
    assert network.connected == [("93.184.215.14", 8080)]
    assert response.request.headers["host"] == "hooks.example.com:8080"


@pytest.mark.anyio
async def test_literal_private_address_is_refused_when_connecting():
    network = RecordingBackend()
    backend = GuardedBackend(allow_private=False, backend=network)
    with pytest.raises(UnsafeTargetError):
        await backend.connect_tcp("0x7f000001", 80)
    with pytest.raises(UnsafeTargetError):
        await backend.connect_tcp("localhost", 80)
    assert network.connected == []


@pytest.mark.anyio
async def test_private_answer_is_used_when_private_targets_are_allowed():
    resolve = resolver_answering(["127.0.0.1"])
    network = RecordingBackend()
    backend = GuardedBackend(allow_private=True, resolver=resolve, backend=network)
    await backend.connect_tcp("receiver.lan", 9000)
    assert network.connected == [("127.0.0.1", 9000)]


@pytest.mark.anyio
async def test_unresolvable_name_at_send_time_is_a_retryable_connect_error():
    async def fail(host: str, port: int) -> Sequence[str]:
        raise OSError("Temporary failure in name resolution")

    transport = GuardedTransport(allow_private=False, resolver=fail, backend=RecordingBackend())
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(httpx.ConnectError, match="cannot resolve"):
            await client.post("http://hooks.example.com/", content=b"{}")


class TlsRecordingStream(httpcore.AsyncMockStream):
    def __init__(self, buffer: list[bytes], seen: list[str | None]) -> None:
        super().__init__(buffer)
        self.seen = seen

    async def start_tls(self, ssl_context, server_hostname=None, timeout=None):  # type: ignore[no-untyped-def]
        self.seen.append(server_hostname)
        return self


class TlsRecordingBackend(RecordingBackend):
    def __init__(self) -> None:
        super().__init__()
        self.server_names: list[str | None] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        self.connected.append((host, port))
        answer = [b"HTTP/1.1 204 No Content\r\n", b"\r\n"]
        return TlsRecordingStream(answer, self.server_names)


@pytest.mark.anyio
async def test_tls_checks_the_certificate_against_the_host_name_not_the_ip():
    network = TlsRecordingBackend()
    resolve = resolver_answering(["93.184.215.14"])
    transport = GuardedTransport(allow_private=False, resolver=resolve, backend=network)
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.post("https://hooks.example.com/x", content=b"{}")
    assert response.status_code == 204
    assert network.connected == [("93.184.215.14", 443)]
    assert network.server_names == ["hooks.example.com"]
