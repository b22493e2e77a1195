"""One step of the engine's loop, and what asks for the next.

A step (``EngineStep.run``):

1. writes the outcomes of finished sends (held in memory while the store is away);
2. when asked, sweeps (housekeeping) and materialises: reminders of the timeline in force due by
   a few seconds from now and without a row that counts get one (see ``materialise``);
3. claims only as many due rows as the free send slots of each channel can take, and starts
   sending them (see ``dispatch``); each finished send wakes the loop again;
4. when asked, plans the next wake-ups (the engine's ``plan``).

Timers, pokes, the heartbeat and finished sends say in ``Asks`` what the next step should do,
and wake the loop.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import datetime

from .dispatch import CHANNELS, Dispatch, Known, hand_back
from .materialise import Materialiser
from .metrics import Metrics
from .outcomes import STORE_ERRORS, Outcomes, Settled, StoreHealth
from .sending import Sender
from .settings import DeliverySettings
from .store import Store
from .store.ledger import FAILED, PENDING, Delivery


class Asks:
    """What the next step is asked to do, and the event that wakes the loop to do it."""

    def __init__(self) -> None:
        self.wake = asyncio.Event()
        self.materialise = True
        self.replan = True
        self.sweep = False
        # A channel whose last claim came back short has nothing due: not asked again until a
        # timer, a poke or the heartbeat says there may be (keeps claim + send cheap).
        self.drained = dict.fromkeys(CHANNELS, False)

    def claim_again(self) -> None:
        """Every channel may have rows due: claim on each at the next step."""
        self.drained = dict.fromkeys(CHANNELS, False)


class _ClaimedUnknown(Exception):
    """Rows were claimed but their subscriptions could not be read (the store went away)."""

    def __init__(self, rows: list[Delivery], error: Exception) -> None:
        super().__init__(str(error))
        self.rows = rows
        self.error = error


class EngineStep:
    """The steps of one instance's loop. ``plan`` and ``poke`` are the engine's; ``stopping``
    says whether the engine stops taking new work; ``wake_later`` wakes the loop after a
    number of seconds."""

    def __init__(
        self,
        delivery: DeliverySettings,
        store: Store,
        metrics: Metrics,
        clock: Callable[[], datetime],
        sender: Sender,
        reminders: Materialiser,
        instance: str,
        asks: Asks,
        *,
        plan: Callable[[], Awaitable[None]],
        poke: Callable[[], None],
        stopping: Callable[[], bool],
        wake_later: Callable[[float], None],
    ) -> None:
        self.store = store
        self.metrics = metrics
        self.clock = clock
        self.sender = sender
        self.reminders = reminders
        self.instance = instance
        self.asks = asks
        self._plan = plan
        self._poke = poke
        self._stopping = stopping
        self._wake_later = wake_later
        self.health = StoreHealth(clock)
        self.outcomes = Outcomes(store, self.health)
        self.lease = delivery.lease
        self.dead_after = delivery.heartbeat_timeout
        self._rng = random.Random()
        self.dispatch = Dispatch(delivery, self._attempt, self._finished, clock)
        self.in_work = self.dispatch.in_work  # claimed by us, outcome not yet written

    async def run(self) -> int:
        """One pass: write outcomes, materialise due reminders, start sending what free slots
        can take, plan the next wake-up. Returns how many rows were claimed."""
        asks = self.asks
        if await self.write_outcomes() is None:
            self._wake_later(1.0)
            return 0
        if asks.sweep:
            asks.sweep = False
            if await asyncio.to_thread(self.reminders.sweep, self.clock()):
                asks.materialise = True
            self.health.ok()
        if asks.materialise:
            asks.materialise = False
            now = self.clock()
            await asyncio.to_thread(self.reminders.run, now)
            self.health.ok()
        claimed = 0
        for channel in CHANNELS:
            free = self.dispatch.free(channel)
            if free <= 0 or self._stopping() or asks.drained[channel]:
                continue
            try:
                rows, known = await asyncio.to_thread(self._claim, channel, free)
            except _ClaimedUnknown as failed:
                self.dispatch.claimed(channel, failed.rows)
                for d in failed.rows:  # not sent: hand back, written when the store answers
                    self.dispatch.settled(channel, Settled(hand_back(d, self.clock())))
                raise failed.error from None
            self.health.ok()  # only after a call that reached the store
            asks.drained[channel] = len(rows) < free
            if rows:
                self._start_sending(channel, rows, known)
                claimed += len(rows)
        if asks.replan:
            asks.replan = False
            await self._plan()
        return claimed

    async def until_idle(self) -> int:
        """Step until nothing is due or in flight and every outcome is written (benchmarks and
        tests drive the engine this way, without the scheduler). Returns the rows claimed."""
        self.asks.materialise = True  # as the timer of a due moment would ask
        self.asks.claim_again()
        total = 0
        while True:
            claimed = await self.run()
            total += claimed
            if self.dispatch.sending:  # woken as the loop would be: half a channel's slots free
                await self.asks.wake.wait()
                self.asks.wake.clear()
                continue
            if not claimed and not len(self.outcomes):
                return total

    async def write_outcomes(self) -> list[int] | None:
        """Write the held outcomes; None while the store is away (they stay held)."""
        result = await self.outcomes.flush()
        if result is None:
            return None
        written, later, replan = result
        self.in_work.difference_update(written)
        if later:
            self.asks.replan = True
        if replan:
            self._poke()
        return written

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
        if self._stopping():
            return Settled(hand_back(delivery, self.clock()))
        try:
            return await self.sender.attempt(delivery, self.metrics, self._rng, known)
        except STORE_ERRORS as exc:  # could not even look the subscription up: not sent
            self.health.failed(exc, "sending")
            return Settled(hand_back(delivery, self.clock()))

    def _finished(self, channel: str, settled: Settled) -> None:
        self.outcomes.add(settled)
        if settled.outcome.status in (FAILED, PENDING):
            self.asks.replan = True
        if settled.outcome.status == "stale":
            # The timeline may have come back to this version meanwhile: look again.
            self._poke()
        if self.dispatch.wants_claim(channel):
            self.asks.wake.set()
