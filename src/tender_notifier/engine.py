"""The reminder engine: APScheduler wakes it, the ledger tells it what to send.

APScheduler (the stable 3.x line) keeps only in-memory date jobs, one per due moment (not per
supplier), all derived from the tender files and the ledger; they are never the only record of
anything. Each wake-up runs one *step*:

1. materialise: reminders now due and not yet in the ledger get a row there (missed ones are
   coalesced to the latest per milestone; ones whose milestone has passed are recorded as skipped);
2. claim due rows under a lease, send them concurrently, record the outcome;
3. plan the next wake-ups.

A crash between claim and outcome leaves a ``sending`` row whose lease runs out, and the message is
repeated with the same Message-ID / webhook-id: never lost, at worst repeated once.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import structlog
import watchfiles
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from .metrics import Metrics
from .planner import decide, reminders_for, wake_times
from .revisions import Change
from .sending import Sender
from .settings import Settings
from .store import Store
from .store.ledger import PENDING, SKIPPED, Delivery
from .subscription_types import Subscription
from .systemd import Notifier
from .timelines import Reload, Timelines

log = structlog.get_logger(__name__)

MAX_WAKE_JOBS = 500
SWEEP_SECONDS = 30
SHUTDOWN_GRACE = 10.0


class Engine:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        timelines: Timelines,
        metrics: Metrics,
        clock: Callable[[], datetime],
        sender: Sender | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.timelines = timelines
        self.metrics = metrics
        self.clock = clock
        self.sender = sender or Sender(settings, store, timelines, clock)
        self.notifier = Notifier.from_environment()
        self.scheduled = False
        self._scheduler: AsyncIOScheduler | None = None
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._loop_task: asyncio.Task[None] | None = None
        self._watchdog_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self._stop_watching = asyncio.Event()
        # A claimed row whose sender died is taken over after its lease: longer than any send.
        self.lease = timedelta(
            seconds=2 * max(settings.smtp.timeout, settings.delivery.webhook_timeout) + 5
        )
        self._watermark: datetime | None = None  # reminders due up to here are materialised
        self._rng = random.Random()
        self._semaphore = asyncio.Semaphore(settings.delivery.concurrency)

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self, initial: Reload | None = None, *, watch: bool = True) -> None:
        """Plan from the tender files and the ledger; ``initial`` is the first load's result,
        whose changes (made while the daemon was down) still deserve change notices."""
        self._loop = asyncio.get_running_loop()
        if initial is not None and initial.changes:
            await asyncio.to_thread(self._queue_changes, initial.changes)
        self._scheduler = AsyncIOScheduler(timezone=UTC, event_loop=self._loop)
        self._scheduler.add_job(
            self._on_timer,
            "interval",
            seconds=SWEEP_SECONDS,
            id="sweep",
            coalesce=True,
            misfire_grace_time=None,
        )
        self._scheduler.start()
        self._loop_task = asyncio.create_task(self._run(), name="engine")
        self._watchdog_task = asyncio.create_task(self._watchdog(), name="watchdog")
        if watch:
            self._watch_task = asyncio.create_task(self._watch(), name="watch-tenders")
        await self.plan()
        self.scheduled = True
        self.poke()

    def begin_stop(self) -> None:
        """Stop taking new work now (called from the signal handler)."""
        if not self._stopping:
            self.notifier.notify("STOPPING=1")
        self._stopping = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
            self._loop.call_soon_threadsafe(self._stop_watching.set)

    async def stop(self) -> None:
        """Stop taking new work; let sends in flight finish within a bounded time."""
        self.begin_stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        self._wake.set()
        if self._loop_task is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._loop_task), SHUTDOWN_GRACE)
            self._loop_task.cancel()
        for task in (self._watchdog_task, self._watch_task):
            if task is not None:
                task.cancel()
        await self.sender.close()

    def notify_ready(self) -> None:
        self.notifier.notify("READY=1\nSTATUS=serving feeds and sending reminders")

    def poke(self, replan: bool = True) -> None:
        """Ask for a step soon (thread-safe); subscriptions or timelines changed."""
        if replan:
            self._watermark = None
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def reload(self) -> None:
        """Re-read the tender files (SIGHUP, ``tender-notifier reload``, a file change)."""
        self.notifier.notify("RELOADING=1")
        try:
            result = await asyncio.to_thread(self.timelines.reload)
            self.metrics.reloads.labels(outcome="problems" if result.problems else "ok").inc()
            if result.changes:
                await asyncio.to_thread(self._queue_changes, result.changes)
            self.poke()
            await self.plan()
        finally:
            self.notifier.notify("READY=1")

    # --- the loop ------------------------------------------------------------------------------

    async def _on_timer(self) -> None:
        self._wake.set()

    async def _watch(self) -> None:
        """Reload when a file in ``tenders_dir`` changes (an editor saving, a deploy)."""
        directory = self.timelines.directory
        try:
            async for changes in watchfiles.awatch(
                directory,
                stop_event=self._stop_watching,
                debounce=300,
                step=50,
                watch_filter=lambda _, path: path.endswith(".toml"),
            ):
                log.info("tenders_dir_changed", files=sorted({Path(p).name for _, p in changes}))
                await self.reload()
        except FileNotFoundError:
            log.warning("tenders_dir_not_watched", directory=str(directory))

    async def _watchdog(self) -> None:
        interval = self.notifier.watchdog_interval()
        if interval is None:
            return
        while True:
            self.notifier.notify("WATCHDOG=1")
            await asyncio.sleep(interval / 2)

    async def _run(self) -> None:
        while not self._stopping:
            await self._wake.wait()
            self._wake.clear()
            if self._stopping:
                break
            try:
                await self.step()
            except Exception:
                log.exception("engine_step_failed")
                await asyncio.sleep(1)

    async def step(self) -> int:
        """One pass: materialise due reminders, send what is due, plan the next wake-up."""
        now = self.clock()
        await asyncio.to_thread(self._materialise, now)
        sent = 0
        while not self._stopping:
            claimed = await asyncio.to_thread(
                self.store.ledger.claim,
                self.clock(),
                self.lease,
                self.settings.delivery.concurrency * 5,
            )
            if not claimed:
                break
            known = await asyncio.to_thread(
                self.store.subscriptions.get_many, {d.subscription_id for d in claimed}
            )
            await asyncio.gather(*(self._guarded(d, known.get(d.subscription_id)) for d in claimed))
            sent += len(claimed)
        await self.plan()
        return sent

    async def _guarded(
        self, delivery: Delivery, known: tuple[Subscription, str, str] | None
    ) -> None:
        async with self._semaphore:
            if self._stopping:
                await asyncio.to_thread(self.store.ledger.hand_back, delivery.id, self.clock())
                return
            await self.sender.deliver(delivery, self.metrics, self._rng, known)

    def _materialise(self, now: datetime) -> None:
        expired = self.store.subscriptions.expire_pending(
            now - self.settings.reminders.confirm_within
        )
        if expired:
            log.info("signups_expired", count=expired)
        self.store.signups.prune_mail_slots(now)
        subscriptions = self.store.subscriptions.active()
        day_hour = self.settings.reminders.day_hour
        watermark = self._watermark
        candidates = [
            r
            for tender in self.timelines.tenders()
            for sub in subscriptions
            for r in reminders_for(tender, sub, day_hour=day_hour)
            if r.due <= now and (watermark is None or r.due > watermark)
        ]
        self._watermark = now
        if not candidates:
            return
        existing = self.store.ledger.existing_keys([r.key for r in candidates])
        decision = decide([r for r in candidates if r.key not in existing], now)
        rows = [_row(r, PENDING, now) for r in decision.send]
        for reminder, reason in decision.skip:
            rows.append({**_row(reminder, SKIPPED, now), "last_error": reason})
            log.info(
                "reminder_skipped",
                reason=reason,
                tender_id=reminder.tender_id,
                milestone_id=reminder.milestone_id,
                subscription_id=reminder.subscription_id,
                due=reminder.due.isoformat(),
            )
            self.metrics.deliveries.labels(channel="any", outcome="skipped").inc()
        self.store.ledger.add(rows, now)

    def _queue_changes(self, changes: dict[str, list[Change]]) -> None:
        """Change notices for subscribers, and no more reminders for old times."""
        from sqlalchemy import and_

        from .revisions import milestone_to_dict
        from .store.schema import deliveries

        now = self.clock()
        for tender_id, changed in changes.items():
            for change in changed:
                if change.kind in ("moved", "removed"):
                    dropped = self.store.ledger.skip_open(
                        and_(
                            deliveries.c.tender_id == tender_id,
                            deliveries.c.milestone_id == change.milestone_id,
                            deliveries.c.kind == "reminder",
                        ),
                        "milestone changed",
                    )
                    if dropped:
                        log.info(
                            "reminders_dropped",
                            tender_id=tender_id,
                            milestone_id=change.milestone_id,
                            count=dropped,
                        )
            payload = {
                "changes": [
                    {
                        "milestone_id": c.milestone_id,
                        "kind": c.kind,
                        "old": milestone_to_dict(c.old) if c.old else None,
                        "new": milestone_to_dict(c.new) if c.new else None,
                    }
                    for c in changed
                ]
            }
            # Keyed on the new revision: daemons sharing a store that both notice the change
            # queue one notice per subscriber, not one each.
            stamp = self.timelines.revision_key(tender_id) or now.isoformat()
            rows = [
                {
                    "key": f"{sub.id}|{tender_id}|change|{stamp}",
                    "kind": "change",
                    "subscription_id": sub.id,
                    "tender_id": tender_id,
                    "due_at": now,
                    "payload": payload,
                }
                for sub in self.store.subscriptions.active()
                if sub.wants_changes(tender_id)
            ]
            self.store.ledger.add(rows, now)
            log.info(
                "timeline_changed", tender_id=tender_id, changes=len(changed), notices=len(rows)
            )

    # --- planning ------------------------------------------------------------------------------

    async def plan(self) -> None:
        """Replace the date jobs with one per coming due moment (the nearest few hundred)."""
        if self._scheduler is None or self._stopping:
            return
        now = self.clock()
        offsets, retry_at = await asyncio.to_thread(self._planning_inputs)
        moments = wake_times(
            self.timelines.tenders(), offsets, day_hour=self.settings.reminders.day_hour, after=now
        )[:MAX_WAKE_JOBS]
        if retry_at is not None:
            moments.append(max(retry_at, now))
        wanted = {f"wake-{m.timestamp():.3f}": m for m in moments}
        for job in self._scheduler.get_jobs():
            if job.id.startswith("wake-") and job.id not in wanted:
                job.remove()
        existing = {job.id for job in self._scheduler.get_jobs()}
        for job_id, moment in wanted.items():
            if job_id not in existing:
                self._scheduler.add_job(
                    self._on_timer,
                    DateTrigger(run_date=moment),
                    id=job_id,
                    misfire_grace_time=None,
                )
        upcoming = min(wanted.values(), default=None)
        self.metrics.next_due.set(upcoming.timestamp() if upcoming else 0)

    def _planning_inputs(self) -> tuple[set[timedelta], datetime | None]:
        offsets: set[timedelta] = set()
        for sub in self.store.subscriptions.active():
            offsets.update(sub.offsets)
        return offsets, self.store.ledger.next_attempt_at()


def _row(reminder: object, status: str, now: datetime) -> dict[str, object]:
    r = reminder
    return {
        "key": r.key,  # type: ignore[attr-defined]
        "kind": "reminder",
        "subscription_id": r.subscription_id,  # type: ignore[attr-defined]
        "tender_id": r.tender_id,  # type: ignore[attr-defined]
        "milestone_id": r.milestone_id,  # type: ignore[attr-defined]
        "milestone_at": r.milestone_at,  # type: ignore[attr-defined]
        "offset_seconds": int(r.offset.total_seconds()),  # type: ignore[attr-defined]
        "due_at": r.due,  # type: ignore[attr-defined]
        "status": status,
        "next_attempt_at": now,
    }
