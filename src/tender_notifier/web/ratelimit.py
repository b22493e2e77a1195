"""A sliding-window rate limit per client address, for sign-ups."""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta


class RateLimiter:
    def __init__(self, limit: int, window: timedelta) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str, now: datetime) -> float | None:
        """Count one request; None when allowed, else the seconds to wait (Retry-After)."""
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max((hits[0] + self.window - now).total_seconds(), 1.0)
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle clients, keep memory bounded
                for key in [k for k, v in self._hits.items() if not v]:
                    del self._hits[key]
            return None
