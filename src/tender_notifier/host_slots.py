"""Webhook send slots per host, and the claimed rows waiting in line for one.

At most ``per_host`` webhook sends go to one host at a time, so a hanging receiver holds up no
one else. A claimed row for a host whose slots are all taken waits here, in memory, still
leased to this instance (the heartbeat renews the lease of every row in work), and is sent as
soon as one of that host's sends finishes: a burst to one host runs at the host's full width
instead of handing rows back to the ledger to be claimed again later. The line is bounded:
what does not fit goes back to the ledger.
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class HostSlots(Generic[T]):
    def __init__(self, per_host: int, max_waiting: int) -> None:
        self.per_host = per_host
        self.max_waiting = max_waiting
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
        """Put ``item`` in line for ``host``; False when the line is full."""
        if self.waiting >= self.max_waiting:
            return False
        self._waiting.setdefault(host, deque()).append(item)
        self.waiting += 1
        return True

    def release(self, host: str) -> T | None:
        """A send to ``host`` finished. Returns the next row in line for it, which keeps the
        freed slot, or None (the slot is free)."""
        line = self._waiting.get(host)
        if line:
            self.waiting -= 1
            item = line.popleft()
            if not line:
                del self._waiting[host]
            return item
        self._load[host] -= 1
        if not self._load[host]:
            del self._load[host]
        return None

    def drain(self) -> list[T]:
        """Every row in line, taken out of it (the engine is stopping)."""
        items = [item for line in self._waiting.values() for item in line]
        self._waiting.clear()
        self.waiting = 0
        return items
