"""What the HTTP handlers share: settings, store, timelines, clock, metrics, and a few hooks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from fastapi import Request

from ..feed_bytes import FeedBuilder
from ..metrics import Metrics
from ..settings import Settings
from ..store import Store
from ..timelines import Timelines
from .ratelimit import RateLimiter


def _nothing() -> None:
    return None


@dataclass
class AppContext:
    settings: Settings
    store: Store
    timelines: Timelines
    clock: Callable[[], datetime]
    metrics: Metrics = field(default_factory=Metrics)
    # Called when subscriptions change, so the scheduler can plan anew.
    on_subscriptions_changed: Callable[[], None] = _nothing
    # Called to send confirmation emails / pings right away.
    on_outbox_work: Callable[[], None] = _nothing
    # True once the schedule is loaded (for /readyz).
    schedule_loaded: Callable[[], bool] = lambda: True
    rate_limiter: RateLimiter | None = None
    feed_builder: FeedBuilder | None = None

    def __post_init__(self) -> None:
        if self.rate_limiter is None:
            self.rate_limiter = RateLimiter(
                self.settings.signup.rate_limit, self.settings.signup.rate_window
            )
        if self.feed_builder is None:
            self.feed_builder = FeedBuilder(self.settings)


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx
