"""The materialising pass in slices of subscriptions, and a sign-up that materialises only the
subscriptions changed, not every one."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, update

from tender_notifier.materialise import active_slices, materialise
from tender_notifier.metrics import Metrics
from tender_notifier.settings import load_settings
from tender_notifier.store import Store
from tender_notifier.store.schema import deliveries, subscriptions
from tender_notifier.subscription_types import Channel, OptOut, Status
from tender_notifier.timelines import Timelines
from tender_notifier.wakeups import AHEAD
from tests.support.app import Clock
from tests.support.daemon import tender_toml
from tests.test_engine_burst import DEADLINE, DUE, make_engine

AMS = ZoneInfo("Europe/Amsterdam")
OFFERS = datetime(2026, 7, 8, 12, 0, tzinfo=AMS)
QUESTIONS = datetime(2026, 6, 24, 12, 0, tzinfo=AMS)
ANSWERS = datetime(2026, 7, 1, 9, 0, tzinfo=AMS)
# Questions passed and answers published; the offers' two- and one-week reminders missed.
NOW = datetime(2026, 7, 2, 10, 0, tzinfo=AMS)
HORIZON = NOW + timedelta(days=5)  # the offers' two-day reminder lies ahead
DAY = timedelta(days=1)
OFFSETS = [[DAY], [14 * DAY, 7 * DAY, 2 * DAY, DAY], [7 * DAY, 2 * DAY], [3 * DAY, 2 * DAY]]


class Recording:
    """The real store's part, with the sizes of what some calls handled."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.slices: list[int] = []
        self.keys: list[int] = []

    def active_slice(self, *args: Any, **kwargs: Any) -> Any:
        found = self.real.active_slice(*args, **kwargs)
        self.slices.append(len(found))
        return found

    def existing_keys(self, keys: Any) -> Any:
        self.keys.append(len(keys))
        return self.real.existing_keys(keys)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _store_with_subscribers(tmp_path: Path, database_url: str, count: int) -> Any:
    (tmp_path / "tenders").mkdir()
    (tmp_path / "tenders" / "t.toml").write_text(
        tender_toml(
            "t",
            [
                ("questions", "questions_deadline", QUESTIONS),
                ("answers", "answers_published", ANSWERS),
                ("offers", "submission_deadline", OFFERS),
            ],
        )
    )
    config = tmp_path / "notifier.toml"
    config.write_text(f'state_dir = "{tmp_path / "var"}"\n[database]\nurl = "{database_url}"\n')
    settings = load_settings(config)
    store = Store.open(settings.database_url)
    for i in range(count):
        created = store.subscriptions.create(
            channel=Channel.EMAIL,
            target=f"s{i}@bureau.example",
            tenders=["t"],
            offsets=OFFSETS[i % len(OFFSETS)],
            language_code="nl",
            # Some signed up after a reminder was due: that one is never theirs.
            now=datetime(2026, 6, 1, tzinfo=UTC) + (i % 5) * 5 * DAY,
            status=Status.ACTIVE,
        )
        if i % 7 == 3:
            store.subscriptions.opt_out(created.subscription.id, "t", OptOut.SUBMITTED, NOW)
    timelines = Timelines(settings.tenders_dir, store, Clock(NOW))
    timelines.reload()
    return settings, store, timelines


def _rows(store: Store) -> dict[str, tuple[Any, ...]]:
    rows = store.ledger.list(limit=100_000)
    return {r.key: (r.status, r.next_attempt_at, r.last_error, r.due_at) for r in rows}


def test_a_pass_in_slices_writes_exactly_the_rows_of_a_single_pass(
    tmp_path: Path, database_url: str
) -> None:
    settings, store, timelines = _store_with_subscribers(tmp_path, database_url, 23)
    recording = Recording(store.subscriptions)
    store.subscriptions = recording  # type: ignore[assignment]

    def pass_in(size: int) -> dict[str, tuple[Any, ...]]:
        slices = active_slices(store, size)
        materialise(store, timelines, settings, Metrics(), NOW, None, HORIZON, slices)
        return _rows(store)

    def clear(keep_stale: frozenset[str] = frozenset()) -> None:
        with store.engine.begin() as conn:
            conn.execute(delete(deliveries).where(deliveries.c.key.not_in(keep_stale)))
            conn.execute(update(deliveries).values(status="stale"))

    single = pass_in(1000)
    assert recording.slices == [23]
    submitted = {r.id for r in store.subscriptions.active() if r.opt_outs}
    assert len(submitted) == 3
    rows = store.ledger.list(limit=1000)
    assert {r.milestone_id for r in rows if r.subscription_id in submitted} == {"answers"}
    assert "offers" in {r.milestone_id for r in rows}
    statuses = {(status, error) for status, _, error, _ in single.values()}
    assert ("skipped", "coalesced") in statuses
    assert ("skipped", "milestone passed") in statuses
    assert ("pending", None) in statuses
    assert any(at > NOW for status, at, _, _ in single.values() if status == "pending")
    clear()
    recording.slices.clear()
    assert pass_in(4) == single
    assert recording.slices == [4, 4, 4, 4, 4, 3]
    # Stale rows of reminders in force are reopened alike, in whichever slice they are.
    reopened = {k for k, (status, *_) in single.items() if status == "pending"}
    clear(keep_stale=frozenset(sorted(reopened)[:5]))
    assert pass_in(5) == single
    store.close()


def test_a_sign_up_materialises_only_the_new_subscription(
    tmp_path: Path, database_url: str
) -> None:
    """With 1,000 subscribers a sign-up reads and plans one subscription, not all of them; it
    still gets its reminders, also at an offset no one had before."""
    engine, store, clock, _ = make_engine(tmp_path, database_url, count=1000)
    reading = Recording(store.subscriptions)
    ledger = Recording(store.ledger)
    store.subscriptions = reading  # type: ignore[assignment]
    store.ledger = ledger  # type: ignore[assignment]

    async def run() -> None:
        await engine.step()  # the start-up pass: every subscriber, a slice at a time
        assert sum(reading.slices) == 1000
        assert len(store.ledger.list("pending")) == 1000
        reading.slices.clear()
        ledger.keys.clear()
        new = store.subscriptions.create(
            channel=Channel.EMAIL,
            target="new@bureau.example",
            tenders=["t"],
            offsets=[DAY, timedelta(hours=2)],
            language_code="nl",
            now=clock.now,
            status=Status.ACTIVE,
        ).subscription
        engine.poke(everyone=False)  # as the web app and the listener call it
        await engine.step()
        await engine.step()  # the new offset, found by planning, looks once more
        assert reading.slices and max(reading.slices) == 1
        assert ledger.keys and max(ledger.keys) == 1
        rows = store.ledger.list(subscription_id=new.id)
        assert [(r.offset_seconds, r.next_attempt_at) for r in rows] == [(86400, DUE)]
        # The two-hour reminder, at an offset new to the daemon, is written ahead of its moment.
        clock.now = DEADLINE - timedelta(hours=2) - AHEAD
        await engine._on_ahead(DEADLINE - timedelta(hours=2))
        engine.reminders.run(clock.now)
        rows = store.ledger.list(subscription_id=new.id)
        assert sorted(r.offset_seconds for r in rows if r.offset_seconds) == [7200, 86400]
        if engine._warming is not None:
            await engine._warming
        await engine.sender.close()

    asyncio.run(run())
    store.close()


def test_a_change_stamped_by_a_clock_behind_and_an_opt_out_taken_back_are_materialised(
    tmp_path: Path,
) -> None:
    """Another daemon or the command line stamps a change with its own clock, minutes behind
    this one's: the look overlaps the last one and still finds it. Taking an opt-out back is a
    change too: the reminders it stopped come back."""
    engine, store, clock, _ = make_engine(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", count=3)
    engine.reminders.run(clock.now)
    skewed = store.subscriptions.create(
        channel=Channel.EMAIL,
        target="late-clock@bureau.example",
        tenders=["t"],
        offsets=[DAY],
        language_code="nl",
        now=clock.now - timedelta(minutes=5),
        status=Status.ACTIVE,
    ).subscription
    opted = store.subscriptions.create(
        channel=Channel.EMAIL,
        target="opted@bureau.example",
        tenders=["t"],
        offsets=[DAY],
        language_code="nl",
        now=clock.now - timedelta(days=1),
        status=Status.ACTIVE,
    ).subscription
    store.subscriptions.opt_out(opted.id, "t", OptOut.NOT_BIDDING, clock.now)
    with store.engine.begin() as conn:  # changed long before the last look
        conn.execute(
            update(subscriptions)
            .where(subscriptions.c.id == opted.id)
            .values(updated_at=clock.now - timedelta(days=1))
        )
    engine.reminders.changed()
    engine.reminders.run(clock.now)
    assert len(store.ledger.list(subscription_id=skewed.id)) == 1
    assert store.ledger.list(subscription_id=opted.id) == []
    store.subscriptions.undo_opt_out(opted.id, "t", clock.now)
    engine.reminders.changed()
    engine.reminders.run(clock.now)
    assert len(store.ledger.list(subscription_id=opted.id)) == 1
    store.close()


def test_timelines_changed_during_a_pass_call_for_another_full_pass(
    tmp_path: Path, database_url: str
) -> None:
    """A reload forgets the watermark while a pass runs in a worker thread: the pass ending
    must not put back a watermark made from the timelines before the change."""
    engine, store, clock, _ = make_engine(tmp_path, database_url, count=10)
    reminders = engine.reminders

    class ForgetMidway(Recording):
        def active_slice(self, *args: Any, **kwargs: Any) -> Any:
            reminders.forget()  # as the loop thread does on a reload, meanwhile
            return super().active_slice(*args, **kwargs)

    store.subscriptions = ForgetMidway(store.subscriptions)  # type: ignore[assignment]
    reminders.run(clock.now)
    assert reminders.watermark is None
    assert reminders.sweep(clock.now)  # the next step passes again

    store.subscriptions = store.subscriptions.real  # type: ignore[attr-defined]
    reminders.run(clock.now)
    assert reminders.watermark is not None
    store.close()
