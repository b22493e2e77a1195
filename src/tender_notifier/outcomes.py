"""Outcomes waiting to be written, and noticing when the store is away.

A message that was sent stays sent even if the store cannot be told at that moment. Outcomes are
kept here and written in batches; when the store is unreachable they stay in memory and are
written as soon as it answers again, before anything else (the claims they belong to are still
leased to this instance, and renewed once the store is back). An outage is logged once when it
starts and once when it ends, not once per failed call.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy.exc import SQLAlchemyError

from .store import Store
from .store.ledger import FAILED, PENDING, Outcome

log = structlog.get_logger(__name__)

STORE_ERRORS = (SQLAlchemyError, OSError)


@dataclass(frozen=True, slots=True)
class Settled:
    """One send's outcome for the ledger, plus what it means for the subscription (run after
    the outcome is written; both are safe to write twice)."""

    outcome: Outcome
    effect: Callable[[Store], None] | None = None
    # True when the effect may change which reminders are owed (a webhook activated by its
    # ping): the engine plans again once it is written.
    replan: bool = False
    # A webhook subscription a delivery just worked for: no longer failing (written for the
    # whole batch in one statement, not one transaction per message).
    worked: str | None = None


def write_settled(store: Store, batch: list[Settled]) -> None:
    """Write outcomes in one transaction, then their effects on subscriptions."""
    store.ledger.record([s.outcome for s in batch])
    worked = {s.worked for s in batch if s.worked is not None}
    if worked:
        store.subscriptions.mark_working(worked)
    for settled in batch:
        if settled.effect is not None:
            settled.effect(store)


class StoreHealth:
    """Logs ``store_unavailable`` once when calls start failing and ``store_available`` when
    one succeeds again."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.down_since: datetime | None = None
        self.back_at: datetime | None = None  # when the last outage ended

    def failed(self, exc: BaseException, doing: str) -> None:
        if self.down_since is None:
            self.down_since = self.clock()
            log.error("store_unavailable", doing=doing, error=str(exc).splitlines()[0][:300])

    def ok(self) -> None:
        if self.down_since is not None:
            seconds = (self.clock() - self.down_since).total_seconds()
            self.down_since = None
            self.back_at = self.clock()
            log.warning("store_available", down_seconds=round(seconds, 1))

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def settled_for(self, period: timedelta) -> bool:
        """Whether the store has been reachable for at least ``period``."""
        if self.down_since is not None:
            return False
        return self.back_at is None or self.clock() - self.back_at >= period


class Outcomes:
    """Outcomes of sends not yet written to the store."""

    def __init__(self, store: Store, health: StoreHealth) -> None:
        self.store = store
        self.health = health
        self._held: list[Settled] = []
        self._lock = asyncio.Lock()

    def add(self, settled: Settled) -> None:
        self._held.append(settled)

    def __len__(self) -> int:
        return len(self._held)

    async def flush(self) -> tuple[list[int], bool, bool] | None:
        """Write what is held. Returns the ids written, whether any of them asks for a later
        attempt (plan a wake-up) and whether any changed a subscription (materialise and plan
        again), or None when the store is away."""
        async with self._lock:
            batch, self._held = self._held, []
            if not batch:
                return [], False, False
            try:
                await asyncio.to_thread(write_settled, self.store, batch)
            except STORE_ERRORS as exc:
                self._held = batch + self._held
                self.health.failed(exc, "recording outcomes")
                return None
            self.health.ok()
            later = any(s.outcome.status in (FAILED, PENDING) for s in batch)
            replan = any(s.replan for s in batch)
            return [s.outcome.delivery_id for s in batch], later, replan
