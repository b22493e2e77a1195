"""Feed bytes, built once per change and shared by the HTTP routes and the static export.

A feed's bytes depend only on the revisions of its tenders and on which removed milestones are
still shown, so a feed is built once per change, not once per calendar client's poll. The same
builder serves ``/feeds/...`` and writes ``feeds.export_dir``, so both hold the same bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .calendar import FeedEntry, build_feed
from .i18n import Language
from .settings import Settings

ALL_FEED_NAMES: dict[str, str] = {"nl": "Aanbestedingen", "en": "Tenders"}


def current_entries(
    entries: Sequence[FeedEntry], settings: Settings, now: datetime
) -> list[FeedEntry]:
    """What ``all.ics`` holds: tenders whose last date is within ``feeds.keep_past``, by id."""
    horizon = now - settings.feeds.keep_past
    kept = [e for e in entries if (e.tender.last_end() or now) >= horizon]
    return sorted(kept, key=lambda e: e.tender.id)


def tender_feed_name(entry: FeedEntry) -> str:
    return f"{entry.tender.title} ({entry.tender.buyer})"


@dataclass(frozen=True)
class FeedRequest:
    """Which feed: its entries, calendar name, language and alarm options."""

    entries: tuple[FeedEntry, ...]
    name: str | None
    language: Language
    alarms: tuple[timedelta, ...] | None = None
    alarm_all_kinds: bool = False


class FeedBuilder:
    """A small thread-safe LRU of built feeds, keyed on what the bytes depend on."""

    def __init__(self, settings: Settings, size: int = 256) -> None:
        self.settings = settings
        self.size = size
        self._items: OrderedDict[object, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def key(self, request: FeedRequest, now: datetime) -> object:
        keep = self.settings.feeds.keep_cancelled
        return (
            request.name,
            request.language,
            self.settings.feeds.refresh_interval,
            self.settings.reminders.day_hour,
            request.alarms,
            request.alarm_all_kinds,
            tuple(
                (
                    e.tender.id,
                    e.revision.fingerprint,
                    e.revision.modified,
                    tuple(r.milestone.id for r in e.revision.cancelled(now, keep)),
                )
                for e in request.entries
            ),
        )

    def build(self, request: FeedRequest, now: datetime) -> bytes:
        key = self.key(request, now)
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = build_feed(
            request.entries,
            name=request.name,
            language=request.language,
            refresh=self.settings.feeds.refresh_interval,
            now=now,
            keep_cancelled=self.settings.feeds.keep_cancelled,
            day_hour=self.settings.reminders.day_hour,
            alarms=request.alarms,
            alarm_all_kinds=request.alarm_all_kinds,
        )
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body
