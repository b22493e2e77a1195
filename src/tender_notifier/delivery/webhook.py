"""Webhook delivery: one signed JSON POST per event, per Standard Webhooks.

Every request carries ``webhook-id`` (the same on every retry of one reminder, so receivers can
drop duplicates), ``webhook-timestamp`` and ``webhook-signature`` (``v1,<base64 HMAC-SHA256>``
of ``"{id}.{timestamp}.{body}"``). What a status means, and whether to try again:

    2xx            delivered
    3xx            failure, retried: redirects are not followed (they could lead anywhere)
    408            the receiver timed out reading: retried
    410 Gone       ``TargetGone``: permanent; the caller disables the subscription
    429, 503       retried, no sooner than the ``Retry-After`` the receiver asked for
    other 4xx      permanent: the receiver refuses this request and will again
    5xx, timeouts, connection errors    retried
    a non-public target                 ``UnsafeTargetError`` (see ``ssrf``), permanent

httpx and httpcore are imported with the first webhook sent (or URL checked), not when the
daemon starts: 1.5 MiB a daemon without webhook subscribers never needs.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import re
import secrets
from collections.abc import AsyncIterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from standardwebhooks import Webhook

from .. import __version__
from ..compose import serialise
from ..errors import DeliveryError
from .retry import MAX_RETRY_AFTER
from .ssrf import Resolver, check_url, system_resolver

if TYPE_CHECKING:
    import httpcore
    import httpx

    from .connections import OriginConnections
    from .guarded import GuardedTransport

_MAX_WAIT = MAX_RETRY_AFTER.total_seconds()
# RFC 9110 delta-seconds: ASCII digits only (str.isdigit() also takes "²" and "٣").
_DELTA_SECONDS = re.compile(r"[0-9]+")

# What a receiver's answer to an event may hold for its connection to be kept and reused.
DRAIN_LIMIT = 64 * 1024

USER_AGENT = f"tender-notifier/{__version__} (webhooks; +https://www.standardwebhooks.com/)"
_USER_AGENT = USER_AGENT.encode("ascii")


class TargetGone(DeliveryError):
    """The receiver answered 410 Gone: it wants no more events. Disable the subscription."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


def new_secret() -> str:
    """A fresh signing secret: ``whsec_`` and the base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode("ascii")


@functools.lru_cache(maxsize=1024)
def _signer(secret: str) -> Webhook:
    """The library's signer for ``secret``, kept for the next event to the same subscriber
    (it decodes the secret when made)."""
    try:
        return Webhook(secret)
    except Exception as exc:  # empty, not base64, wrong type: the library raises several
        raise DeliveryError(
            f"the subscription's signing secret is not usable: {exc}", permanent=True
        ) from None


def signed_headers(
    secret: str, webhook_id: str, timestamp: datetime, body: bytes
) -> dict[str, str]:
    """The Standard Webhooks headers for ``body``: its id, the timestamp and the signature."""
    # Webhook.sign() replaces the tzinfo with UTC instead of converting: hand it UTC.
    moment = timestamp.astimezone(UTC)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": _signer(secret).sign(webhook_id, moment, body.decode("utf-8")),
    }


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date.

    Whatever the receiver sends, the answer is None or a finite number of seconds between 0 and
    ``MAX_RETRY_AFTER``: a header of twenty nines, a date in the year 9999, a negative or
    non-ASCII number must not overflow the retry bookkeeping.
    """
    if not value:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return min(float(value), _MAX_WAIT)
    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:  # "-0000" dates: RFC 9110 says they are UTC
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    except Exception:  # the email parser raises several kinds on garbage
        return None
    return min(max(seconds, 0.0), _MAX_WAIT)


def _failure(response: httpx.Response, now: datetime) -> DeliveryError:
    status = response.status_code
    said = f"the webhook receiver answered {status} {response.reason_phrase}".rstrip()
    retry_after = parse_retry_after(response.headers.get("retry-after"), now)
    if 300 <= status < 400:
        where = response.headers.get("location", "")
        return DeliveryError(
            f"{said} (a redirect{' to ' + where if where else ''}); redirects are not followed, "
            "so subscribe with the final URL",
            retry_after=retry_after,
        )
    if status == 410:
        return TargetGone(f"{said}: the receiver is gone; the subscription is disabled")
    if status in (408, 429) or status >= 500:
        return DeliveryError(said, retry_after=retry_after)
    if 400 <= status < 500:
        return DeliveryError(f"{said}; not retried: the receiver refuses it", permanent=True)
    return DeliveryError(said, retry_after=retry_after)


async def _drain(response: httpx.Response) -> None:
    """Read what little a receiver answers, so its connection can carry the next request (one
    left unread is closed); a long answer is not read to its end: the connection goes."""
    import httpx

    read = 0
    with contextlib.suppress(httpx.StreamConsumed):  # an answer already read (test transports)
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > DRAIN_LIMIT:
                break


# A URL whose path and query httpx would send as they are written: no percent signs, spaces,
# dot segments, fragment or anything else httpx encodes or normalises. Its verdict and parse
# are those of its origin, kept per origin (a burst's ten thousand hooks on one host all
# differ in their paths).
_PLAIN_URL = re.compile(
    r"(https?://[^/?#@\\\s]+)"  # the origin
    r"((?:/(?!\.)[A-Za-z0-9._~=&+,:@-]*)*(?:\?[A-Za-z0-9._~=&+,:@/-]*)?)"  # path and query
)


@dataclass(frozen=True, slots=True)
class _Target:
    """A webhook URL as a request needs it, parsed once."""

    url: httpcore.URL
    host: bytes  # the Host header: host and port as the URL has them


def _target(url: str, allow_private: bool) -> _Target:
    """``url`` checked (``check_url`` without DNS: each connection is checked when it is
    opened, see ``guarded.GuardedBackend``) and parsed as httpx parses it."""
    import httpcore

    plain = _PLAIN_URL.fullmatch(url)
    if plain is None:
        return _parsed(url, allow_private)
    origin = _parsed(plain.group(1) + "/", allow_private)
    path = plain.group(2) or "/"
    if path.startswith("?"):
        path = "/" + path
    return _Target(
        httpcore.URL(
            scheme=origin.url.scheme,
            host=origin.url.host,
            port=origin.url.port,
            target=path.encode("ascii"),
        ),
        origin.host,
    )


@functools.lru_cache(maxsize=1024)
def _parsed(url: str, allow_private: bool) -> _Target:
    import httpcore
    import httpx

    check_url(url, allow_private=allow_private, resolve=False)
    parsed = httpx.URL(url)
    return _Target(
        httpcore.URL(
            scheme=parsed.raw_scheme, host=parsed.raw_host, port=parsed.port, target=parsed.raw_path
        ),
        parsed.netloc,
    )


def _as_delivery_error(exc: Exception) -> DeliveryError | None:
    """An httpx or httpcore error as the failure it means (httpcore's mapped as httpx maps
    them: requests skip httpx, see ``WebhookTransport``), or None for any other error."""
    import httpcore
    import httpx

    if isinstance(exc, httpx.TimeoutException | httpcore.TimeoutException):
        return DeliveryError(f"the webhook receiver timed out: {exc or type(exc).__name__}")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL | httpcore.UnsupportedProtocol):
        return DeliveryError(f"the webhook URL cannot be used: {exc}", permanent=True)
    if isinstance(
        exc,
        httpx.TransportError
        | httpcore.NetworkError
        | httpcore.ProtocolError
        | httpcore.ProxyError
        | httpcore.PoolTimeout,
    ):
        return DeliveryError(
            f"the webhook receiver could not be reached: {exc or type(exc).__name__}"
        )
    return None


async def _drain_stream(stream: AsyncIterable[bytes]) -> None:
    """``_drain`` for an httpcore response."""
    read = 0
    async for chunk in stream:
        read += len(chunk)
        if read > DRAIN_LIMIT:
            break


class WebhookTransport:
    """Sends webhook events. Pass an httpx ``transport`` in tests; by default connections are
    guarded against non-public targets at connect time (``guarded.GuardedTransport``, made with
    the first webhook sent) and kept open for the next event to the same host.

    Requests go to the guarded transport's connection pool directly, not through an
    ``httpx.AsyncClient`` nor ``httpx.Request``: the client's cookies, redirects, auth flows
    and proxy mounts are all things a webhook must not use, and in a burst their bookkeeping,
    and parsing each request's URL twice, cost as much as the request itself. The request is
    the one httpx would make (the same headers in the same order).
    """

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        allow_private: bool,
        timeout: float = 15.0,
        resolver: Resolver = system_resolver,
    ) -> None:
        self._allow_private = allow_private
        self._timeout = timeout
        self._resolver = resolver
        # httpx.Timeout(timeout).as_dict(), without importing httpx.
        self._timeouts = dict.fromkeys(("connect", "read", "write", "pool"), timeout)
        self._owns_transport = transport is None
        # The guarded transport, made on the first webhook sent (or by ``warm_up``) unless one
        # is passed in; its pool and SSL context are built then too.
        self._guarded: GuardedTransport | None = None
        self._other: httpx.AsyncBaseTransport | None = None  # any other transport (tests)
        if transport is not None:
            from .guarded import GuardedTransport

            if isinstance(transport, GuardedTransport):
                self._guarded = transport
            else:
                self._other = transport

    def _guarded_transport(self) -> GuardedTransport:
        if self._guarded is None:
            from .guarded import GuardedTransport

            self._guarded = GuardedTransport(
                allow_private=self._allow_private, resolver=self._resolver
            )
        return self._guarded

    async def send(
        self,
        *,
        url: str,
        secret: str,
        webhook_id: str,
        event: dict[str, Any] | bytes,
        now: datetime,
    ) -> None:
        """POST ``event`` (or its body, serialised already) to ``url``, signed with ``secret``;
        return when the receiver took it.

        Raises ``DeliveryError`` (``permanent`` says whether to try again; ``TargetGone`` for
        410) or ``UnsafeTargetError`` for a target that is not a public address.
        """
        target = _target(url, self._allow_private)
        body = event if isinstance(event, bytes) else serialise(event)
        signed = signed_headers(secret, webhook_id, now, body)
        headers = [
            (b"Host", target.host),
            (b"content-type", b"application/json"),
            (b"user-agent", _USER_AGENT),
            (b"webhook-id", signed["webhook-id"].encode("ascii")),
            (b"webhook-timestamp", signed["webhook-timestamp"].encode("ascii")),
            (b"webhook-signature", signed["webhook-signature"].encode("ascii")),
            (b"Content-Length", str(len(body)).encode("ascii")),
        ]
        try:
            # One deadline for the whole exchange: per-read timeouts alone would let a
            # receiver that drips a byte at a time hold a worker for ever.
            async with asyncio.timeout(self._timeout):
                if self._other is None:
                    pool = self._guarded_transport().pool
                    await self._post(pool, target, headers, body, now)
                else:
                    await self._post_httpx(self._other, url, headers, body, now)
        except TimeoutError:
            raise DeliveryError(
                f"the webhook receiver did not answer within {self._timeout:g} s"
            ) from None
        except Exception as exc:
            failure = _as_delivery_error(exc)
            if failure is None:
                raise
            raise failure from None

    async def _post(
        self,
        pool: OriginConnections,
        target: _Target,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        now: datetime,
    ) -> None:
        import httpcore

        request = httpcore.Request(
            b"POST",
            target.url,
            headers=headers,
            content=body,
            extensions={"timeout": self._timeouts},
        )
        response = await pool.handle_async_request(request)
        try:
            if 200 <= response.status < 300:
                assert isinstance(response.stream, AsyncIterable)
                await _drain_stream(response.stream)
                return
            import httpx

            raise _failure(
                httpx.Response(
                    response.status, headers=response.headers, extensions=response.extensions
                ),
                now,
            )
        finally:
            await response.aclose()

    async def _post_httpx(
        self,
        transport: httpx.AsyncBaseTransport,
        url: str,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        now: datetime,
    ) -> None:
        """The same request through any httpx transport (tests hand in a MockTransport)."""
        import httpx

        request = httpx.Request(
            "POST", url, content=body, headers=headers, extensions={"timeout": self._timeouts}
        )
        response = await transport.handle_async_request(request)
        try:
            if response.is_success:
                await _drain(response)
                return
            raise _failure(response, now)
        finally:
            await response.aclose()

    def warm_up(self) -> None:
        """Ahead of a due moment: import httpx and build the guarded pool and its SSL context
        (made on first use), so the moment's first webhook does not wait for them."""
        if self._other is None:
            self._guarded_transport().pool  # noqa: B018 (built on first access)

    async def aclose(self) -> None:
        """Close the connections of the transport this sender made (not of one passed in)."""
        if self._owns_transport and self._guarded is not None:
            await self._guarded.aclose()
