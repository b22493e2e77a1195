"""Retries waiting in the ledger each get a wake-up, even behind rows that are due already and
not yet claimed (a burst, or sends still in flight when the loop plans again)."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from tests.test_engine_burst import DUE, make_engine


def test_a_retry_due_later_gets_its_wake_up_while_earlier_rows_wait_for_their_claim(
    tmp_path: Path, database_url: str
) -> None:
    engine, store, clock, _ = make_engine(tmp_path, database_url, count=3)
    engine.reminders.run(clock.now)
    first, second, third = store.ledger.claim(DUE, timedelta(minutes=1), 100)
    store.ledger.mark_failed(first.id, "connection refused", DUE + timedelta(seconds=5))
    store.ledger.mark_failed(second.id, "connection refused", DUE + timedelta(seconds=5))
    later = DUE + timedelta(seconds=5, milliseconds=300)
    store.ledger.mark_failed(third.id, "connection refused", later)
    clock.now = DUE + timedelta(seconds=5, milliseconds=100)  # the first two due, not claimed

    async def plan() -> None:
        engine._scheduler = AsyncIOScheduler(timezone=UTC, event_loop=asyncio.get_running_loop())
        await engine.plan()

    asyncio.run(plan())
    assert engine.metrics.registry.get_sample_value("tn_next_due_timestamp_seconds") == (
        later.timestamp()
    )
    store.close()
