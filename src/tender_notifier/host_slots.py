"""Webhook send slots per host, and the claimed rows waiting in line for one.

At most ``per_host`` webhook sends go to one host at a time, so a hanging receiver holds up no
one else. A claimed row for a host whose slots are all taken waits here, in memory, still
leased to this instance (the heartbeat renews the lease of every row in work), and is sent as
soon as one of that host's sends finishes: a burst to one host runs at the host's full width
instead of handing rows back to the ledger to be claimed again later.

A host only gets a line while it shows it keeps up: one of its sends finished within the last
``SLOW`` seconds. Rows for a host that has not (a receiver hanging until the timeout, or one not
yet heard from) go back to the ledger for a little while, so a dead receiver cannot fill the
channel's claims and hold up everyone else's reminders. The line of all hosts together is
bounded too.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
SLOW = 2.0  # seconds without a finished send: the host is not keeping up


class HostSlots(Generic[T]):
    def __init__(
        self, per_host: int, max_waiting: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_host = per_host
        self.max_waiting = max_waiting
        self._clock = clock
        self._done: dict[str, float] = {}  # when a send to the host last finished
        self._load: dict[str, int] = {}
        self._waiting: dict[str, deque[T]] = {}
        self.waiting = 0  # rows in line, all hosts

    def take(self, host: str) -> bool:
        """Take a slot of ``host`` if one is free."""
        load = self._load.get(host, 0)
        if load >= self.per_host:
            return False
        self._load[host] = load + 1
        return True

    def wait(self, host: str, item: T) -> bool:
        """Put ``item`` in line for ``host``; False when the line is full or the host is not
        keeping up (see the module's doc)."""
        if self.waiting >= self.max_waiting:
            return False
        done = self._done.get(host)
        if done is None or self._clock() - done > SLOW:
            return False
        self._waiting.setdefault(host, deque()).append(item)
        self.waiting += 1
        return True

    def release(self, host: str) -> T | None:
        """A send to ``host`` finished. Returns the next row in line for it, which keeps the
        freed slot, or None (the slot is free)."""
        line = self._waiting.get(host)
        self._done[host] = self._clock()
        if line:
            self.waiting -= 1
            item = line.popleft()
            if not line:
                del self._waiting[host]
            return item
        self._load[host] -= 1
        if not self._load[host]:
            del self._load[host]
            if len(self._done) > 1000:  # forget hosts not heard from lately
                now = self._clock()
                self._done = {h: t for h, t in self._done.items() if now - t <= SLOW}
        return None

    def drain(self) -> list[T]:
        """Every row in line, taken out of it (the engine is stopping)."""
        items = [item for line in self._waiting.values() for item in line]
        self._waiting.clear()
        self.waiting = 0
        return items
