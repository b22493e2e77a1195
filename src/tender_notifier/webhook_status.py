"""What sends do to a webhook subscription's status: its first ping that gets through makes it
active; failing sends mark it failing, and one failing for ``delivery.disable_after`` (or
answered 410 Gone) is switched off, its confirmed owner told by email.

These are the effects a ``Settled`` carries: each is called with the store when the outcome is
written (see ``outcomes``), not when the send finishes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import structlog

from .store import Store
from .subscription_types import Status, Subscription

log = structlog.get_logger(__name__)


def activated(sub: Subscription, now: datetime, store: Store) -> None:
    """The ping of a pending webhook got through: it is active from ``now``."""
    store.subscriptions.set_status(sub.id, Status.ACTIVE, now)
    log.info("webhook_activated", subscription_id=sub.id)


def failing(
    sub: Subscription,
    error: str,
    now: datetime,
    store: Store,
    *,
    disable_after: timedelta,
    clock: Callable[[], datetime],
) -> None:
    """A send to an active webhook failed at ``now``: mark it failing, and switch it off once it
    has been failing for ``disable_after``."""
    since = store.subscriptions.mark_failing(sub.id, now)
    if now - since >= disable_after:
        disable(
            sub,
            f"failing since {since.isoformat()}: {error}",
            store,
            clock=clock,
            cause="failing",
            since=since,
        )


def disable(
    sub: Subscription,
    reason: str,
    store: Store,
    *,
    clock: Callable[[], datetime],
    cause: str,
    status_code: int | None = None,
    since: datetime | None = None,
) -> None:
    """Switch a webhook off; ``reason`` (which may hold the receiver's words) is kept for ops,
    its confirmed owner is told ``cause`` and a status code only."""
    now = clock()
    store.subscriptions.set_status(sub.id, Status.DISABLED, now, reason)
    log.warning("webhook_disabled", subscription_id=sub.id, reason=reason)
    owner = store.signups.confirmed_owner(sub.id)
    if owner:
        store.ledger.add(
            [
                {
                    "key": f"{sub.id}|notice|disabled|{now.isoformat()}",
                    "kind": "notice",
                    "subscription_id": sub.id,
                    "due_at": now,
                    "payload": {
                        "to": owner,
                        "cause": cause,
                        "status_code": status_code,
                        "since": (since or now).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                        "language": sub.language,
                    },
                }
            ],
            now,
        )
