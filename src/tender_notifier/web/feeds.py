"""``/feeds/{tender_id}.ics``, ``/feeds/all.ics`` and personal feeds ``/feeds/s/{token}.ics``."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from ..calendar import FeedEntry, build_feed, last_modified
from ..i18n import Language
from .conditional import calendar_response
from .context import AppContext, context

router = APIRouter(tags=["feeds"])


class _FeedCache:
    """A small thread-safe LRU of built feeds."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[object, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: object, body: bytes) -> None:
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)


_cache = _FeedCache()

Lang = Annotated[Language, Query(description="Language of the event texts: nl (default) or en")]


def _render(
    request: Request,
    ctx: AppContext,
    entries: list[FeedEntry],
    name: str | None,
    filename: str,
    lang: Language,
    *,
    private: bool = False,
    **options: object,
) -> Response:
    now = ctx.clock()
    keep = ctx.settings.feeds.keep_cancelled
    # The bytes depend only on the revisions (and on which removed milestones are still shown),
    # so a feed is built once per change, not once per calendar client's poll.
    key = (
        name,
        lang,
        ctx.settings.feeds.refresh_interval,
        ctx.settings.reminders.day_hour,
        tuple(sorted((k, str(v)) for k, v in options.items())),
        tuple(
            (
                e.tender.id,
                e.revision.fingerprint,
                e.revision.modified,
                tuple(r.milestone.id for r in e.revision.cancelled(now, keep)),
            )
            for e in entries
        ),
    )
    body = _cache.get(key)
    if body is None:
        body = build_feed(
            entries,
            name=name,
            language=lang,
            refresh=ctx.settings.feeds.refresh_interval,
            now=now,
            keep_cancelled=keep,
            day_hour=ctx.settings.reminders.day_hour,
            **options,  # type: ignore[arg-type]
        )
        _cache.put(key, body)
    response = calendar_response(request, body, last_modified(entries), filename, private=private)
    ctx.metrics.feed_requests.labels(status=str(response.status_code)).inc()
    return response


@router.head("/feeds/all.ics", include_in_schema=False)
@router.get("/feeds/all.ics", summary="All current tenders")
def all_feed(request: Request, lang: Lang = "nl") -> Response:
    ctx = context(request)
    now = ctx.clock()
    horizon = now - ctx.settings.feeds.keep_past
    entries = [e for e in ctx.timelines.entries() if (e.tender.last_end() or now) >= horizon]
    entries.sort(key=lambda e: e.tender.id)
    name = "Aanbestedingen" if lang == "nl" else "Tenders"
    return _render(request, ctx, entries, name, "all.ics", lang)


@router.head("/feeds/s/{feed_token}.ics", include_in_schema=False)
@router.get("/feeds/s/{feed_token}.ics", summary="A subscriber's personal feed")
def personal_feed(request: Request, feed_token: str, lang: Lang | None = None) -> Response:
    ctx = context(request)
    subscription = ctx.store.subscriptions.by_feed_token(feed_token)
    if subscription is None:
        ctx.metrics.feed_requests.labels(status="404").inc()
        raise HTTPException(404, "unknown feed", headers={"Cache-Control": "no-store"})
    entries = [e for e in ctx.timelines.entries() if subscription.follows(e.tender.id)]
    entries.sort(key=lambda e: e.tender.id)
    language = lang or subscription.language
    return _render(
        request,
        ctx,
        entries,
        None,
        "tenders.ics",
        language,
        private=True,
        alarms=subscription.offsets,
        alarm_all_kinds=True,
    )


@router.head("/feeds/{tender_id}.ics", include_in_schema=False)
@router.get("/feeds/{tender_id}.ics", summary="One tender")
def tender_feed(request: Request, tender_id: str, lang: Lang = "nl") -> Response:
    ctx = context(request)
    entry = ctx.timelines.entry(tender_id)
    if entry is None:
        ctx.metrics.feed_requests.labels(status="404").inc()
        raise HTTPException(404, f"unknown tender {tender_id!r}")
    name = f"{entry.tender.title} ({entry.tender.buyer})"
    return _render(request, ctx, [entry], name, f"{tender_id}.ics", lang)
