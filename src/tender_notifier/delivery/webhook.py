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
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import json
import re
import secrets
from collections.abc import Generator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from standardwebhooks import Webhook

from .. import __version__
from ..errors import DeliveryError
from .retry import MAX_RETRY_AFTER
from .ssrf import GuardedTransport, Resolver, check_url, system_resolver

_MAX_WAIT = MAX_RETRY_AFTER.total_seconds()
# RFC 9110 delta-seconds: ASCII digits only (str.isdigit() also takes "²" and "٣").
_DELTA_SECONDS = re.compile(r"[0-9]+")

# What a receiver's answer to an event may hold for its connection to be kept and reused.
DRAIN_LIMIT = 64 * 1024

USER_AGENT = f"tender-notifier/{__version__} (webhooks; +https://www.standardwebhooks.com/)"


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


class StandardWebhooksAuth(httpx.Auth):
    """Signs a request's body the Standard Webhooks way, as an httpx auth flow."""

    requires_request_body = True

    def __init__(self, secret: str, webhook_id: str, timestamp: datetime) -> None:
        self._signer = _signer(secret)
        self._id = webhook_id
        # Webhook.sign() replaces the tzinfo with UTC instead of converting: hand it UTC.
        self._timestamp = timestamp.astimezone(UTC)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        body = request.content.decode("utf-8")
        request.headers["webhook-id"] = self._id
        request.headers["webhook-timestamp"] = str(int(self._timestamp.timestamp()))
        request.headers["webhook-signature"] = self._signer.sign(self._id, self._timestamp, body)
        yield request


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
    read = 0
    with contextlib.suppress(httpx.StreamConsumed):  # an answer already read (test transports)
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > DRAIN_LIMIT:
                break


class WebhookTransport:
    """Sends webhook events. Pass ``client`` in tests; by default connections are guarded
    against non-public targets at connect time (``ssrf.GuardedTransport``)."""

    def __init__(
        self,
        *,
        client: httpx.AsyncClient | None = None,
        allow_private: bool,
        timeout: float = 15.0,
        resolver: Resolver = system_resolver,
    ) -> None:
        self._allow_private = allow_private
        self._timeout = timeout
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(
            transport=GuardedTransport(allow_private=allow_private, resolver=resolver),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
        )

    async def send(
        self, *, url: str, secret: str, webhook_id: str, event: dict[str, Any], now: datetime
    ) -> None:
        """POST ``event`` to ``url``, signed with ``secret``; return when the receiver took it.

        Raises ``DeliveryError`` (``permanent`` says whether to try again; ``TargetGone`` for
        410) or ``UnsafeTargetError`` for a target that is not a public address.
        """
        check_url(url, allow_private=self._allow_private, resolve=False)
        body = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        auth = StandardWebhooksAuth(secret, webhook_id, now)
        headers = {"content-type": "application/json", "user-agent": USER_AGENT}
        try:
            # One deadline for the whole exchange: per-read timeouts alone would let a
            # receiver that drips a byte at a time hold a worker for ever.
            async with (
                asyncio.timeout(self._timeout),
                self._client.stream(
                    "POST",
                    url,
                    content=body,
                    headers=headers,
                    auth=auth,
                    follow_redirects=False,
                ) as response,
            ):
                if response.is_success:
                    await _drain(response)
                    return
                raise _failure(response, now)
        except TimeoutError:
            raise DeliveryError(
                f"the webhook receiver did not answer within {self._timeout:g} s"
            ) from None
        except httpx.TimeoutException as exc:
            raise DeliveryError(
                f"the webhook receiver timed out: {exc or type(exc).__name__}"
            ) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise DeliveryError(f"the webhook URL cannot be used: {exc}", permanent=True) from None
        except httpx.TransportError as exc:
            raise DeliveryError(
                f"the webhook receiver could not be reached: {exc or type(exc).__name__}"
            ) from None

    async def aclose(self) -> None:
        """Close the connections of the client this transport made (not of one passed in)."""
        if self._owns_client:
            await self._client.aclose()
