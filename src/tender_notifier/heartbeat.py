"""The instance's heartbeat: it beats, renews the leases of the rows it has in work, and notices
work left by a dead instance.

While rows are in work their leases are renewed with each beat, so a claim never outlives its
lease however slow the receiver. A daemon that dies stops beating and its rows are taken over by
another within seconds (PostgreSQL), or re-sent at once when it starts again (SQLite, one daemon
per file): with the same Message-ID / webhook-id, so a message in flight at a hard crash is the
only one that can arrive twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import structlog

from .outcomes import STORE_ERRORS, Outcomes, StoreHealth
from .settings import DeliverySettings
from .store import Store

log = structlog.get_logger(__name__)

PRUNE_INSTANCES_AFTER = timedelta(hours=1)


class Heartbeat:
    """Beats every ``delivery.heartbeat`` for ``instance``, renewing the leases of ``in_work``
    (the rows claimed by it whose outcome is not yet written, a set kept up by its owner)."""

    def __init__(
        self,
        store: Store,
        instance: str,
        delivery: DeliverySettings,
        clock: Callable[[], datetime],
        health: StoreHealth,
        outcomes: Outcomes,
        *,
        in_work: set[int],
        write_outcomes: Callable[[], Awaitable[object]],
        on_stalled: Callable[[], None],
    ) -> None:
        self.store = store
        self.instance = instance
        self.delivery = delivery
        self.clock = clock
        self.health = health
        self.outcomes = outcomes
        self.in_work = in_work
        self.write_outcomes = write_outcomes
        self.on_stalled = on_stalled  # a dead instance left work: claim again

    async def run(self) -> None:
        """Beat until cancelled. Held outcomes are written first: they free rows whose leases
        would otherwise run on."""
        interval = self.delivery.heartbeat.total_seconds()
        while True:
            try:
                if len(self.outcomes):
                    await self.write_outcomes()
                if not self.health.down or len(self.outcomes) == 0:
                    now = self.clock()
                    await asyncio.to_thread(
                        self.store.instances.beat, self.instance, now, PRUNE_INSTANCES_AFTER
                    )
                    if self.in_work:
                        await asyncio.to_thread(
                            self.store.ledger.renew,
                            set(self.in_work),
                            self.instance,
                            self.delivery.lease,
                            now,
                        )
                    stalled = await asyncio.to_thread(
                        self.store.instances.stalled_work,
                        self.instance,
                        now,
                        self.delivery.heartbeat_timeout,
                    )
                    self.health.ok()
                    if stalled:
                        self.on_stalled()
            except STORE_ERRORS as exc:
                self.health.failed(exc, "heartbeat")
            except Exception:
                log.exception("heartbeat_failed")
            await asyncio.sleep(interval)
