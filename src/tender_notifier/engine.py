"""The reminder engine: APScheduler wakes it, the ledger tells it what to send.

APScheduler (the stable 3.x line) keeps only in-memory date jobs, one per due moment (not per
supplier), all derived from the tender files and the ledger; they are never the only record of
anything. Each wake-up runs one *step*:

1. write the outcomes of finished sends (held in memory while the store is away);
2. materialise: reminders of the timeline in force due by a few seconds from now and without a
   row that counts get one (see ``materialise``), only when a due moment lies in that window;
3. claim only as many due rows as the free send slots of each channel can take, and start
   sending them; each finished send wakes the loop again;
4. plan the next wake-ups (see ``wakeups``): a due moment's rows are written ``AHEAD`` of it,
   so at the moment itself only claims and sends are left.

While rows are in work their leases are renewed with the instance's heartbeat, so a claim never
outlives its lease however slow the receiver. A daemon that dies stops beating and its rows are
taken over by another within seconds (PostgreSQL), or re-sent at once when it starts again
(SQLite, one daemon per file): with the same Message-ID / webhook-id, so a message in flight at
a hard crash is the only one that can arrive twice.
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

from .change_notices import queue_changes
from .dispatch import CHANNELS, Dispatch, Known, hand_back
from .materialise import Materialiser
from .metrics import Metrics
from .outcomes import STORE_ERRORS, Outcomes, Settled, StoreHealth
from .revisions import Change
from .sending import Sender
from .settings import Settings
from .store import Store
from .store.instances import new_instance_id
from .store.ledger import FAILED, PENDING, Delivery
from .systemd import Notifier
from .timelines import Reload, Timelines
from .wakeups import Wakeups, due_moments

log = structlog.get_logger(__name__)

SHUTDOWN_GRACE = 10.0
PRUNE_INSTANCES_AFTER = timedelta(hours=1)


class _ClaimedUnknown(Exception):
    """Rows were claimed but their subscriptions could not be read (the store went away)."""

    def __init__(self, rows: list[Delivery], error: Exception) -> None:
        super().__init__(str(error))
        self.rows = rows
        self.error = error


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
        self.instance = new_instance_id()
        self.health = StoreHealth(clock)
        self.outcomes = Outcomes(store, self.health)
        self._scheduler: AsyncIOScheduler | None = None
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._loop_task: asyncio.Task[None] | None = None
        self._background: list[asyncio.Task[None]] = []
        self._warming: asyncio.Task[None] | None = None
        self._stop_watching = asyncio.Event()
        delivery = settings.delivery
        self.lease = delivery.lease
        self.dead_after = delivery.heartbeat_timeout
        self.reminders = Materialiser(store, timelines, settings, metrics)
        self._materialise_wanted = True
        self._replan_wanted = True
        self._sweep_wanted = False
        self._wakeups: Wakeups | None = None
        self._rng = random.Random()
        # A channel whose last claim came back short has nothing due: not asked again until a
        # timer, a poke or the heartbeat says there may be (keeps claim + send cheap).
        self._drained = dict.fromkeys(CHANNELS, False)
        self.dispatch = Dispatch(delivery, self._attempt, self._finished, clock)
        self._in_work = self.dispatch.in_work  # claimed by us, outcome not yet written
        self._sending = self.dispatch.sending

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self, initial: Reload | None = None, *, watch: bool = True) -> None:
        """Plan from the tender files and the ledger; ``initial`` is the first load's result,
        whose changes (made while the daemon was down) still deserve change notices."""
        self._loop = asyncio.get_running_loop()
        await asyncio.to_thread(self.store.instances.register, self.instance, self.clock())
        if self.store.dialect == "sqlite":
            # One daemon per SQLite file (the daemon holds its lock): every row left
            # ``sending`` was this store's daemon's, killed mid-send. Send it again now.
            released = await asyncio.to_thread(self.store.ledger.release_all_claims)
            if released:
                log.warning("unfinished_sends_resumed", count=released)
        if initial is not None and initial.changes:
            await asyncio.to_thread(self._queue_changes, initial.changes)
        self._scheduler = AsyncIOScheduler(timezone=UTC, event_loop=self._loop)
        self._scheduler.add_job(
            self._on_timer,
            "interval",
            seconds=self.settings.delivery.poll_interval.total_seconds(),
            id="sweep",
            coalesce=True,
            misfire_grace_time=None,
        )
        self._scheduler.start()
        self._loop_task = asyncio.create_task(self._run(), name="engine")
        self._background.append(asyncio.create_task(self._watchdog(), name="watchdog"))
        self._background.append(asyncio.create_task(self._heartbeat(), name="heartbeat"))
        if watch:
            self._background.append(asyncio.create_task(self._watch(), name="watch-tenders"))
        await self.plan()
        self.scheduled = True
        self.poke()

    def begin_stop(self) -> None:
        """Stop taking new work now (called from the signal handler)."""
        if not self._stopping:
            self.notifier.notify("STOPPING=1")
        self._stopping = True
        self.dispatch.stopping = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
            self._loop.call_soon_threadsafe(self._stop_watching.set)

    async def stop(self) -> None:
        """Stop taking new work; let sends in flight finish within a bounded time, write their
        outcomes, and hand back what was claimed but not sent."""
        self.begin_stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        self._wake.set()
        if self._loop_task is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._loop_task), SHUTDOWN_GRACE)
            self._loop_task.cancel()
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=SHUTDOWN_GRACE)
        for task in self._sending:
            task.cancel()
        for task in self._background:
            task.cancel()
        if self._warming is not None:
            self._warming.cancel()
        if await self._write_outcomes() is None:
            # The store is away at exit: these rows stay ``sending`` and are sent again (with
            # the same ids) by the next daemon to start or take them over.
            log.error("outcomes_not_written", count=len(self.outcomes))
        if self._in_work:  # cancelled mid-send: whether it went out is unknown, so it stays
            log.warning("unfinished_sends_left", count=len(self._in_work))
        with contextlib.suppress(*STORE_ERRORS):
            await asyncio.to_thread(self.store.instances.remove, self.instance)
        await self.sender.close()

    def notify_ready(self) -> None:
        self.notifier.notify("READY=1\nSTATUS=serving feeds and sending reminders")

    def poke(self, replan: bool = True, *, everyone: bool = True) -> None:
        """Ask for a step soon (thread-safe); subscriptions or timelines changed: the next pass
        looks at every reminder, or (``everyone=False``: a sign-up or a change) at those of
        the subscriptions changed since the last look (``Materialiser.changed``)."""
        self._drained = dict.fromkeys(CHANNELS, False)
        if replan:
            if everyone:
                self.reminders.forget()
            else:
                self.reminders.changed()
            self._materialise_wanted = True
            self._replan_wanted = True
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
        finally:
            self.notifier.notify("READY=1")

    # --- the loop ------------------------------------------------------------------------------

    async def _on_timer(self) -> None:
        """The periodic sweep: housekeeping, claims of anything due, and a materialising pass
        only when some due moment came into reach (its cost does not grow with subscribers)."""
        self._drained = dict.fromkeys(CHANNELS, False)
        self._sweep_wanted = True
        self._replan_wanted = True
        self._wake.set()

    async def _on_ahead(self, moment: datetime) -> None:
        """``AHEAD`` before a due moment: write its rows (claimable from ``moment``), and get
        the senders ready (templates compiled, connections open) beside it."""
        self._materialise_wanted = True
        self._wake.set()
        if self._warming is None or self._warming.done():
            self._warming = asyncio.create_task(self._warm_up(), name="warm-up")

    async def _warm_up(self) -> None:
        try:
            await self.sender.warm_up()
        except Exception:  # the sends will meet the same trouble and report it
            log.warning("warm_up_failed", exc_info=True)

    async def _on_due(self, moment: datetime) -> None:
        """A due moment (or a retry's time): claim and send. Its rows were written ahead; only
        if that pass has not run (the store was away) is it done now."""
        self._drained = dict.fromkeys(CHANNELS, False)
        # Plan again after: the next retry waiting in the ledger gets its wake-up (planning
        # reads the distinct offsets and one minimum, not the subscriptions).
        self._replan_wanted = True
        if not self.reminders.covers(moment):
            self._materialise_wanted = True
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
                watch_filter=lambda _, path: path.endswith((".toml", ".xml")),
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

    async def _heartbeat(self) -> None:
        """Beat, renew the leases of rows in work, and notice work left by a dead instance.
        Held outcomes are written first: they free rows whose leases would otherwise run on."""
        interval = self.settings.delivery.heartbeat.total_seconds()
        while True:
            try:
                if len(self.outcomes):
                    await self._write_outcomes()
                if not self.health.down or len(self.outcomes) == 0:
                    now = self.clock()
                    await asyncio.to_thread(
                        self.store.instances.beat, self.instance, now, PRUNE_INSTANCES_AFTER
                    )
                    if self._in_work:
                        await asyncio.to_thread(
                            self.store.ledger.renew,
                            set(self._in_work),
                            self.instance,
                            self.lease,
                            now,
                        )
                    stalled = await asyncio.to_thread(
                        self.store.instances.stalled_work, self.instance, now, self.dead_after
                    )
                    self.health.ok()
                    if stalled and not self._stopping:
                        self._drained = dict.fromkeys(CHANNELS, False)
                        self._wake.set()
            except STORE_ERRORS as exc:
                self.health.failed(exc, "heartbeat")
            except Exception:
                log.exception("heartbeat_failed")
            await asyncio.sleep(interval)

    async def _run(self) -> None:
        try:
            await self._loop_steps()
        finally:
            self.dispatch.hand_back_waiting()

    async def _loop_steps(self) -> None:
        while not self._stopping:
            await self._wake.wait()
            self._wake.clear()
            if self._stopping:
                break
            try:
                await self.step()
            except STORE_ERRORS as exc:
                self.health.failed(exc, "sending due messages")
                self._materialise_wanted = True
                await asyncio.sleep(1)
                self._wake.set()
            except Exception:
                log.exception("engine_step_failed")
                await asyncio.sleep(1)
                self._wake.set()

    async def step(self) -> int:
        """One pass: write outcomes, materialise due reminders, start sending what free slots
        can take, plan the next wake-up. Returns how many rows were claimed."""
        if await self._write_outcomes() is None:
            self._wake_later(1.0)
            return 0
        if self._sweep_wanted:
            self._sweep_wanted = False
            if await asyncio.to_thread(self.reminders.sweep, self.clock()):
                self._materialise_wanted = True
            self.health.ok()
        if self._materialise_wanted:
            self._materialise_wanted = False
            now = self.clock()
            await asyncio.to_thread(self.reminders.run, now)
            self.health.ok()
        claimed = 0
        for channel in CHANNELS:
            free = self.dispatch.free(channel)
            if free <= 0 or self._stopping or self._drained[channel]:
                continue
            try:
                rows, known = await asyncio.to_thread(self._claim, channel, free)
            except _ClaimedUnknown as failed:
                self.dispatch.claimed(channel, failed.rows)
                for d in failed.rows:  # not sent: hand back, written when the store answers
                    self.dispatch.settled(channel, Settled(hand_back(d, self.clock())))
                raise failed.error from None
            self.health.ok()  # only after a call that reached the store
            self._drained[channel] = len(rows) < free
            if rows:
                self._start_sending(channel, rows, known)
                claimed += len(rows)
        if self._replan_wanted:
            self._replan_wanted = False
            await self.plan()
        return claimed

    async def run_until_idle(self) -> int:
        """Step until nothing is due or in flight and every outcome is written (benchmarks and
        tests drive the engine this way, without the scheduler). Returns the rows claimed."""
        self._materialise_wanted = True  # as the timer of a due moment would ask
        self._drained = dict.fromkeys(CHANNELS, False)
        total = 0
        while True:
            claimed = await self.step()
            total += claimed
            if self._sending:  # woken as the loop would be: half a channel's slots free
                await self._wake.wait()
                self._wake.clear()
                continue
            if not claimed and not len(self.outcomes):
                return total

    def _claim(self, channel: str, free: int) -> tuple[list[Delivery], dict[str, Known]]:
        """Claim due rows and look up their subscriptions, in one trip to a worker thread (a
        burst claims often: each hop to a thread and back is a wait the sends feel)."""
        # Just after an outage every other instance's heartbeat looks old: give them a
        # heartbeat timeout to beat and write their held outcomes before judging them dead.
        settled = self.health.settled_for(self.dead_after)
        rows = self.store.ledger.claim(
            self.clock(),
            self.lease,
            free,
            instance=self.instance,
            channel=channel,
            dead_after=self.dead_after if settled else None,
        )
        if not rows:
            return rows, {}
        try:
            known = self.store.subscriptions.get_many({d.subscription_id for d in rows})
        except STORE_ERRORS as exc:
            # Not sent: handed back once the loop has them (written when the store answers).
            raise _ClaimedUnknown(rows, exc) from exc
        return rows, known

    def _start_sending(self, channel: str, rows: list[Delivery], known: dict[str, Known]) -> None:
        self.dispatch.claimed(channel, rows)
        self.dispatch.start(channel, rows, known)

    async def _attempt(self, delivery: Delivery, known: Known | None) -> Settled:
        if self._stopping:
            return Settled(hand_back(delivery, self.clock()))
        try:
            return await self.sender.attempt(delivery, self.metrics, self._rng, known)
        except STORE_ERRORS as exc:  # could not even look the subscription up: not sent
            self.health.failed(exc, "sending")
            return Settled(hand_back(delivery, self.clock()))

    def _finished(self, channel: str, settled: Settled) -> None:
        self.outcomes.add(settled)
        if settled.outcome.status in (FAILED, PENDING):
            self._replan_wanted = True
        if settled.outcome.status == "stale":
            # The timeline may have come back to this version meanwhile: look again.
            self.poke()
        if self.dispatch.wants_claim(channel):
            self._wake.set()

    async def _write_outcomes(self) -> list[int] | None:
        result = await self.outcomes.flush()
        if result is None:
            return None
        written, later, replan = result
        self._in_work.difference_update(written)
        if later:
            self._replan_wanted = True
        if replan:
            self.poke()
        return written

    def _wake_later(self, seconds: float) -> None:
        if self._loop is not None and not self._stopping:
            self._loop.call_later(seconds, self._wake.set)

    def _queue_changes(self, changes: dict[str, list[Change]]) -> None:
        """Open or extend settling change notices (see ``change_notices``)."""
        keys = {tender_id: self.timelines.revision_key(tender_id) for tender_id in changes}
        queue_changes(self.store, changes, keys, self.clock(), self.settings.changes.settle)

    # --- planning ------------------------------------------------------------------------------

    async def plan(self) -> None:
        """Replace the date jobs with those of the coming due moments (see ``wakeups``)."""
        if self._stopping:
            return
        now = self.clock()
        offsets, retry_at = await asyncio.to_thread(self._planning_inputs)
        if self.reminders.plan_offsets(offsets):
            self._materialise_wanted = True
            self._wake.set()
        if self._scheduler is None:  # driven step by step (``run_until_idle``)
            return
        if self._wakeups is None:
            self._wakeups = Wakeups(self._scheduler, materialise=self._on_ahead, due=self._on_due)
        if retry_at is not None and retry_at <= now:
            # Rows due already and not yet claimed (a burst under way): the loop claims them as
            # slots free up. A wake-up "now" would plan again, find them again, and spin.
            self._drained = dict.fromkeys(CHANNELS, False)
            self._wake.set()
            retry_at = None
        moments = due_moments(self.timelines.tenders(), offsets, self.settings.reminders, after=now)
        upcoming = self._wakeups.replace(
            moments, now=now, retry_at=retry_at, missing_until=self.timelines.missing_until()
        )
        self.metrics.next_due.set(upcoming.timestamp() if upcoming else 0)

    def _planning_inputs(self) -> tuple[set[timedelta], datetime | None]:
        return self.store.subscriptions.active_offsets(), self.store.ledger.next_attempt_at()
