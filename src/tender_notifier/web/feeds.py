"""``/feeds/{tender_id}.ics``, ``/feeds/all.ics`` and personal feeds ``/feeds/s/{token}.ics``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from ..calendar import last_modified
from ..feed_bytes import ALL_FEED_NAMES, FeedRequest, current_entries, tender_feed_name
from ..i18n import Language
from .conditional import calendar_response
from .context import AppContext, context

router = APIRouter(tags=["feeds"])


# Last-Modified of a feed that never had a tender in it.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Lang = Annotated[Language, Query(description="Language of the event texts: nl (default) or en")]


def _render(
    request: Request,
    ctx: AppContext,
    feed: FeedRequest,
    filename: str,
    *,
    private: bool = False,
    modified: datetime | None = None,
) -> Response:
    assert ctx.feed_builder is not None
    now = ctx.clock()
    body = ctx.feed_builder.build(feed, now)
    response = calendar_response(
        request, body, modified or last_modified(feed.entries), filename, now=now, private=private
    )
    ctx.metrics.feed_requests.labels(status=str(response.status_code)).inc()
    return response


@router.head("/feeds/all.ics", include_in_schema=False)
@router.get("/feeds/all.ics", summary="All current tenders")
def all_feed(request: Request, lang: Lang = "nl") -> Response:
    ctx = context(request)
    now = ctx.clock()
    every = ctx.timelines.entries()
    entries = current_entries(every, ctx.settings, now)
    # A tender that fell out changed the feed when it fell out (its end plus keep_past): that
    # moment counts for Last-Modified too, so an empty feed still has one and answers 304s.
    horizon = now - ctx.settings.feeds.keep_past
    fell_out = [
        (end + ctx.settings.feeds.keep_past).astimezone(UTC)
        for e in every
        if (end := e.tender.last_end()) is not None and end < horizon
    ]
    modified = max([*fell_out, *filter(None, [last_modified(entries)])], default=None)
    feed = FeedRequest(tuple(entries), ALL_FEED_NAMES[lang], lang)
    return _render(request, ctx, feed, "all.ics", modified=modified or _EPOCH)


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
    feed = FeedRequest(
        tuple(entries), None, language, alarms=tuple(subscription.offsets), alarm_all_kinds=True
    )
    return _render(request, ctx, feed, "tenders.ics", private=True)


@router.head("/feeds/{tender_id}.ics", include_in_schema=False)
@router.get("/feeds/{tender_id}.ics", summary="One tender")
def tender_feed(request: Request, tender_id: str, lang: Lang = "nl") -> Response:
    ctx = context(request)
    entry = ctx.timelines.entry(tender_id)
    if entry is None:
        ctx.metrics.feed_requests.labels(status="404").inc()
        raise HTTPException(404, f"unknown tender {tender_id!r}")
    feed = FeedRequest((entry,), tender_feed_name(entry), lang)
    return _render(request, ctx, feed, f"{tender_id}.ics")
