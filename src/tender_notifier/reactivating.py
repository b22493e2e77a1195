"""Switching a disabled webhook back on, for its owner: only after a new signed ping succeeds.

A webhook is disabled after a 410 or after failing for days; the owner's email says it can be
switched back on. ``PATCH /api/v1/subscriptions/{id}`` with ``{"status": "active"}`` and the
button on ``/manage/{token}`` both come here: the ping goes out now, and only a 2xx answer makes
the subscription active again, so a receiver that is still gone stays off.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import structlog

from . import compose
from .delivery.webhook import WebhookTransport
from .errors import DeliveryError, UnsafeTargetError
from .message_links import Links
from .planner import message_id
from .settings import Settings
from .store import Store
from .subscription_types import Channel, Status, Subscription

log = structlog.get_logger(__name__)


class NotReactivated(Exception):
    """Why the subscription stays as it is; ``message`` is for the subscription's owner."""

    def __init__(self, message: str, *, ping_failed: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.ping_failed = ping_failed


def reactivate(
    settings: Settings,
    store: Store,
    sub_id: str,
    now: datetime,
    *,
    transport: WebhookTransport | None = None,
) -> Subscription:
    """Ping the disabled webhook ``sub_id`` and make it active when the ping is accepted.

    Raises ``NotReactivated`` when it is no disabled webhook or the receiver did not accept the
    ping. Runs the ping on its own event loop: callers are request threads, not the daemon's loop.
    """
    known = store.subscriptions.get_many([sub_id]).get(sub_id)
    if known is None:
        raise NotReactivated("no such subscription")
    sub, link_token, feed_token = known
    if sub.channel is not Channel.WEBHOOK:
        raise NotReactivated("only a webhook can be switched back on; this is an email sign-up")
    if sub.status is Status.ACTIVE:
        return sub
    if sub.status is not Status.DISABLED:
        raise NotReactivated(
            f"this webhook is {sub.status.value}, not disabled: only a disabled webhook can be "
            "switched back on"
        )
    links = Links(settings.base_url).for_subscription(link_token, feed_token, None)
    event = compose.ping_event(now=now, subscription_id=sub.id, links=links)
    webhook_id = "msg_" + message_id(f"{sub.id}|reactivate|{now.isoformat()}").split("@", 1)[0]
    try:
        asyncio.run(_ping(settings, sub, webhook_id, event, now, transport))
    except (DeliveryError, UnsafeTargetError) as exc:
        log.info("webhook_reactivation_refused", subscription_id=sub.id, error=str(exc))
        raise NotReactivated(
            f"the webhook stays disabled: the signed test ping was not accepted ({exc})",
            ping_failed=True,
        ) from None
    store.subscriptions.set_status(sub.id, Status.ACTIVE, now)
    log.info("webhook_reactivated", subscription_id=sub.id)
    active = store.subscriptions.get_many([sub.id])[sub.id][0]
    return active


async def _ping(
    settings: Settings,
    sub: Subscription,
    webhook_id: str,
    event: dict[str, object],
    now: datetime,
    transport: WebhookTransport | None,
) -> None:
    webhook = transport or WebhookTransport(
        allow_private=settings.delivery.allow_private_targets,
        timeout=settings.delivery.webhook_timeout,
    )
    try:
        await webhook.send(
            url=sub.target, secret=sub.secret or "", webhook_id=webhook_id, event=event, now=now
        )
    finally:
        if transport is None:
            await webhook.aclose()
