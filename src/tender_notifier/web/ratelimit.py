"""A sliding-window rate limit per client address, for sign-ups.

Each client keeps at most ``limit`` hit times (a hit over the limit is refused, not recorded).
Clients sit in an ordered dict by their last hit, so the ones idle for a whole window are at the
front and are dropped as each hit passes by: a hit costs O(1) amortised, and memory holds only the
clients seen within one window (``max_clients`` at most; beyond that the longest idle go first).

IPv6 clients are counted per /64, the block one subscriber line usually gets, so that walking
through the addresses of one's own block does not reset the count.
"""

from __future__ import annotations

import ipaddress
import threading
from collections import OrderedDict, deque
from datetime import datetime, timedelta


def client_key(host: str) -> str:
    """What one client is: an IPv4 address, or the /64 network of an IPv6 address."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class RateLimiter:
    def __init__(self, limit: int, window: timedelta, max_clients: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self._hits: OrderedDict[str, deque[datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many clients are remembered."""
        return len(self._hits)

    def hit(self, client: str, now: datetime) -> float | None:
        """Count one request; None when allowed, else the seconds to wait (Retry-After)."""
        key = client_key(client)
        with self._lock:
            self._forget_idle(now)
            hits = self._hits.pop(key, None) or deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._hits[key] = hits  # now the most recently seen
            if len(hits) >= self.limit:
                return max((hits[0] + self.window - now).total_seconds(), 1.0)
            hits.append(now)
            return None

    def _forget_idle(self, now: datetime) -> None:
        # The front is the client seen longest ago; stop at the first one still inside the window.
        while self._hits:
            key, hits = next(iter(self._hits.items()))
            last = hits[-1] if hits else None
            if last is not None and last > now - self.window and len(self._hits) < self.max_clients:
                break
            del self._hits[key]
