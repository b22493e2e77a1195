"""Claimed rows on their way out: send slots per channel, webhook slots per host, and the sends
in flight.

Each channel has ``delivery.concurrency`` send slots; the engine claims no more rows than
``free`` says. A webhook row for a host whose slots are all taken waits in that host's line (see
``host_slots``) and starts as soon as one of the host's sends finishes. Every claimed row ends
as exactly one ``Settled`` handed to ``settle``: sent or not, or handed back untried.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from .host_slots import HostSlots
from .outcomes import Settled
from .settings import DeliverySettings
from .store.ledger import FAILED, Delivery, Outcome
from .subscription_types import Subscription

CHANNELS = ("email", "webhook")
# Claimed webhook rows that may wait in line for a busy host's slots, in channels' widths: a
# burst to one host is sent faster than a claim comes back, so the line must outlast a claim.
LINE_WIDTHS = 8
# A row for a host that is not keeping up goes back to the ledger for this long.
HOST_BUSY_WAIT = timedelta(seconds=1)

Known = tuple[Subscription, str, str]  # a subscription with its link and feed tokens
Attempt = Callable[[Delivery, Known | None], Awaitable[Settled]]


def hand_back(delivery: Delivery, now: datetime, after: timedelta = timedelta(0)) -> Outcome:
    """A claimed row returned unsent: due again (at once), the attempt not counted."""
    return Outcome(delivery.id, FAILED, next_attempt_at=now + after, error=None, uncounted=True)


class Dispatch:
    def __init__(
        self,
        delivery: DeliverySettings,
        attempt: Attempt,
        settle: Callable[[str, Settled], None],
        clock: Callable[[], datetime],
    ) -> None:
        self.concurrency = delivery.concurrency
        self._attempt = attempt
        self._settle = settle
        self._clock = clock
        self.busy = dict.fromkeys(CHANNELS, 0)  # claimed, outcome not settled
        self.in_flight = dict.fromkeys(CHANNELS, 0)  # sends started, not finished
        self.in_work: set[int] = set()  # claimed by us, outcome not yet written
        self.sending: set[asyncio.Task[None]] = set()
        self.stopping = False
        self.budget = {"email": self.concurrency, "webhook": (1 + LINE_WIDTHS) * self.concurrency}
        # The webhook line (see ``free``): a claim never takes more than it can hold.
        self.hosts: HostSlots[tuple[Delivery, Known | None]] = HostSlots(
            delivery.webhook_host_slots, self.budget["webhook"]
        )

    def free(self, channel: str) -> int:
        """How many rows a claim for ``channel`` may take now: its free send slots; for
        webhooks ``LINE_WIDTHS`` channels more, to wait in line for a busy host's slots (so a
        burst to one host keeps all its slots busy between claims)."""
        if channel == "email":
            return self.concurrency - self.in_flight[channel]
        return self.budget[channel] - self.in_flight[channel] - self.hosts.waiting

    def wants_claim(self, channel: str) -> bool:
        """Whether to claim again now: half the channel's budget is free (fewer, larger
        claims), or nothing of it is in work."""
        return self.free(channel) >= self.budget[channel] // 2 or not self.busy[channel]

    def claimed(self, channel: str, rows: list[Delivery]) -> None:
        """Rows just claimed: in work until their outcomes are written."""
        self.busy[channel] += len(rows)
        self.in_work.update(d.id for d in rows)

    def start(self, channel: str, rows: list[Delivery], known: dict[str, Known]) -> None:
        """Start sending claimed rows (``known``: their subscriptions by id)."""
        for delivery in rows:
            found = known.get(delivery.subscription_id)
            host = None
            if channel == "webhook" and found is not None and delivery.kind != "notice":
                host = urlsplit(found[0].target).hostname or ""
                if not self.hosts.take(host):
                    if not self.hosts.wait(host, (delivery, found)):
                        # The host is not keeping up, or the line is full: back to the ledger.
                        back = hand_back(delivery, self._clock(), HOST_BUSY_WAIT)
                        self.settled(channel, Settled(back))
                    continue
            self._launch(channel, host, delivery, found)

    def settled(self, channel: str, settled: Settled) -> None:
        self.busy[channel] -= 1
        self._settle(channel, settled)

    def hand_back_waiting(self) -> None:
        """Rows waiting for a busy host's slot were never tried: back to the ledger."""
        now = self._clock()
        for delivery, _ in self.hosts.drain():
            self.settled("webhook", Settled(hand_back(delivery, now)))

    def _launch(
        self, channel: str, host: str | None, delivery: Delivery, found: Known | None
    ) -> None:
        self.in_flight[channel] += 1
        task = asyncio.create_task(self._send_one(channel, host, delivery, found))
        self.sending.add(task)
        task.add_done_callback(self.sending.discard)

    async def _send_one(
        self, channel: str, host: str | None, delivery: Delivery, found: Known | None
    ) -> None:
        settled: Settled | None = None
        try:
            settled = await self._attempt(delivery, found)
        finally:
            self.in_flight[channel] -= 1
            if host is not None:
                if self.stopping:
                    self.hand_back_waiting()
                following = self.hosts.release(host)
                if following is not None:  # next in line for this host takes the slot
                    self._launch(channel, host, *following)
            if settled is not None:
                self.settled(channel, settled)
            else:  # cancelled mid-send: whether it went out is unknown, so it stays in work
                self.busy[channel] -= 1
