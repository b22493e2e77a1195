"""The reminder engine: APScheduler wakes it, the ledger tells it what to send.

APScheduler (the stable 3.x line) keeps only in-memory date jobs, one per due moment (not per
supplier), all derived from the tender files and the ledger; they are never the only record of
anything. Each wake-up runs one *step* (see ``engine_step``): write the outcomes of finished
sends, materialise the reminders due by a few seconds from now, claim as many due rows as free
send slots can take and start sending them, and plan the next wake-ups (see ``wakeups``): a due
moment's rows are written ``AHEAD`` of it, so at the moment itself only claims and sends are left.

Beside the loop run the instance's ``heartbeat`` (lease renewal, taking over a dead instance's
work), the systemd watchdog and the watch on ``tenders_dir`` (see ``tenders_watch``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from .change_notices import queue_changes
from .engine_step import Asks, EngineStep
from .heartbeat import Heartbeat
from .materialise import Materialiser
from .metrics import Metrics
from .outcomes import STORE_ERRORS
from .revisions import Change
from .sending import Sender
from .settings import Settings
from .store import Store
from .store.instances import new_instance_id
from .subscription_types import Channel
from .systemd import Notifier
from .tenders_watch import watch_tenders
from .timelines import Reload, Timelines
from .wakeups import Wakeups, due_moments

log = structlog.get_logger(__name__)

SHUTDOWN_GRACE = 10.0


class Engine:
    """Starts and stops the loop and what runs beside it; timers and pokes ask it for steps."""

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
        self._scheduler: AsyncIOScheduler | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._loop_task: asyncio.Task[None] | None = None
        self._background: list[asyncio.Task[None]] = []
        self._warming: asyncio.Task[None] | None = None
        self._channels: frozenset[Channel] = frozenset()  # of the active subscriptions
        self._stop_watching = asyncio.Event()
        self.reminders = Materialiser(store, timelines, settings, metrics)
        self._wakeups: Wakeups | None = None
        self.asks = Asks()
        self.steps = EngineStep(
            settings.delivery,
            store,
            metrics,
            clock,
            self.sender,
            self.reminders,
            self.instance,
            self.asks,
            plan=self.plan,
            poke=self.poke,
            stopping=lambda: self._stopping,
            wake_later=self._wake_later,
        )
        self.health = self.steps.health
        self.outcomes = self.steps.outcomes
        self.dispatch = self.steps.dispatch
        self._sending = self.dispatch.sending
        self.heartbeat = Heartbeat(
            store,
            self.instance,
            settings.delivery,
            clock,
            self.health,
            self.outcomes,
            in_work=self.steps.in_work,
            write_outcomes=self.steps.write_outcomes,
            on_stalled=self._on_stalled,
        )

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
        self._background.append(asyncio.create_task(self.notifier.feed_watchdog(), name="watchdog"))
        self._background.append(asyncio.create_task(self.heartbeat.run(), name="heartbeat"))
        if watch:
            watching = watch_tenders(self.timelines.directory, self._stop_watching, self.reload)
            self._background.append(asyncio.create_task(watching, name="watch-tenders"))
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
            self._loop.call_soon_threadsafe(self.asks.wake.set)
            self._loop.call_soon_threadsafe(self._stop_watching.set)

    async def stop(self) -> None:
        """Stop taking new work; let sends in flight finish within a bounded time, write their
        outcomes, and hand back what was claimed but not sent."""
        self.begin_stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        self.asks.wake.set()
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
        if await self.steps.write_outcomes() is None:
            # The store is away at exit: these rows stay ``sending`` and are sent again (with
            # the same ids) by the next daemon to start or take them over.
            log.error("outcomes_not_written", count=len(self.outcomes))
        if self.steps.in_work:  # cancelled mid-send: whether it went out is unknown, so it stays
            log.warning("unfinished_sends_left", count=len(self.steps.in_work))
        with contextlib.suppress(*STORE_ERRORS):
            await asyncio.to_thread(self.store.instances.remove, self.instance)
        await self.sender.close()

    def notify_ready(self) -> None:
        self.notifier.notify("READY=1\nSTATUS=serving feeds and sending reminders")

    def poke(self, replan: bool = True, *, everyone: bool = True) -> None:
        """Ask for a step soon (thread-safe); subscriptions or timelines changed: the next pass
        looks at every reminder, or (``everyone=False``: a sign-up or a change) at those of
        the subscriptions changed since the last look (``Materialiser.changed``)."""
        self.asks.claim_again()
        if replan:
            if everyone:
                self.reminders.forget()
            else:
                self.reminders.changed()
            self.asks.materialise = True
            self.asks.replan = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.asks.wake.set)

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

    # --- what wakes the loop -------------------------------------------------------------------

    async def _on_timer(self) -> None:
        """The periodic sweep: housekeeping, claims of anything due, and a materialising pass
        only when some due moment came into reach (its cost does not grow with subscribers)."""
        self.asks.claim_again()
        self.asks.sweep = True
        self.asks.replan = True
        self.asks.wake.set()

    async def _on_ahead(self, moment: datetime) -> None:
        """``AHEAD`` before a due moment: write its rows (claimable from ``moment``), and get
        the senders ready (templates compiled, connections open) beside it."""
        self.asks.materialise = True
        self.asks.wake.set()
        if self._warming is None or self._warming.done():
            self._warming = asyncio.create_task(self._warm_up(), name="warm-up")

    async def _warm_up(self) -> None:
        try:
            await self.sender.warm_up(self._channels)
        except Exception:  # the sends will meet the same trouble and report it
            log.warning("warm_up_failed", exc_info=True)

    async def _on_due(self, moment: datetime) -> None:
        """A due moment (or a retry's time): claim and send. Its rows were written ahead; only
        if that pass has not run (the store was away) is it done now."""
        self.asks.claim_again()
        # Plan again after: the next retry waiting in the ledger gets its wake-up (planning
        # reads the distinct offsets and one minimum, not the subscriptions).
        self.asks.replan = True
        if not self.reminders.covers(moment):
            self.asks.materialise = True
        self.asks.wake.set()

    def _on_stalled(self) -> None:
        """The heartbeat found rows a dead instance left: claim them."""
        if not self._stopping:
            self.asks.claim_again()
            self.asks.wake.set()

    def _wake_later(self, seconds: float) -> None:
        if self._loop is not None and not self._stopping:
            self._loop.call_later(seconds, self.asks.wake.set)

    # --- the loop ------------------------------------------------------------------------------

    async def _run(self) -> None:
        try:
            await self._loop_steps()
        finally:
            self.dispatch.hand_back_waiting()

    async def _loop_steps(self) -> None:
        while not self._stopping:
            await self.asks.wake.wait()
            self.asks.wake.clear()
            if self._stopping:
                break
            try:
                await self.step()
            except STORE_ERRORS as exc:
                self.health.failed(exc, "sending due messages")
                self.asks.materialise = True
                await asyncio.sleep(1)
                self.asks.wake.set()
            except Exception:
                log.exception("engine_step_failed")
                await asyncio.sleep(1)
                self.asks.wake.set()

    async def step(self) -> int:
        """One pass (see ``EngineStep.run``). Returns how many rows were claimed."""
        return await self.steps.run()

    async def run_until_idle(self) -> int:
        """Step until nothing is due or in flight and every outcome is written (benchmarks and
        tests drive the engine this way, without the scheduler). Returns the rows claimed."""
        return await self.steps.until_idle()

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
        by_channel, waiting, retry_at = await asyncio.to_thread(self._planning_inputs, now)
        self._channels = frozenset(by_channel)
        offsets = set().union(*by_channel.values())
        if self.reminders.plan_offsets(offsets):
            self.asks.materialise = True
            self.asks.wake.set()
        if self._scheduler is None:  # driven step by step (``run_until_idle``)
            return
        if self._wakeups is None:
            self._wakeups = Wakeups(self._scheduler, materialise=self._on_ahead, due=self._on_due)
        if waiting is not None and waiting <= now:
            # Rows due already and not yet claimed (a burst under way): the loop claims them as
            # slots free up. A wake-up "now" would plan again, find them again, and spin; the
            # wake-up goes to the first retry after them (``retry_at``), which they must not hide.
            self.asks.claim_again()
            self.asks.wake.set()
        moments = due_moments(self.timelines.tenders(), offsets, self.settings.reminders, after=now)
        upcoming = self._wakeups.replace(
            moments, now=now, retry_at=retry_at, missing_until=self.timelines.missing_until()
        )
        self.metrics.next_due.set(upcoming.timestamp() if upcoming else 0)

    def _planning_inputs(
        self, now: datetime
    ) -> tuple[dict[Channel, set[timedelta]], datetime | None, datetime | None]:
        """The offsets of the active subscriptions, the earliest retry waiting in the ledger,
        and the earliest one after ``now``."""
        ledger = self.store.ledger
        offsets = self.store.subscriptions.active_offsets()
        return offsets, ledger.next_attempt_at(), ledger.next_attempt_at(after=now)
