"""Webhook events: plain dicts, documented, with their schema ``version``, in docs/webhooks.md."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from .. import i18n
from ..durations import format_duration
from ..i18n import Language
from ..timeline import Day, Milestone, Tender
from .models import ChangeLike, Links
from .phrases import reminder_subject, time_left

EVENT_VERSION = 1


def _utc(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _tender_data(tender: Tender) -> dict[str, Any]:
    return {
        "id": tender.id,
        "title": tender.title,
        "buyer": tender.buyer,
        "platform": tender.platform,
        "reference": tender.reference,
        "url": tender.url,
    }


def _milestone_data(milestone: Milestone, tender: Tender, lang: Language) -> dict[str, Any]:
    zone = tender.timezone
    data: dict[str, Any] = {
        "id": milestone.id,
        "kind": milestone.kind.value,
        "title": i18n.milestone_title(milestone, lang),
        "all_day": False,
        "starts_at": None,
        "ends_at": None,
        "date": None,
        "note": milestone.note,
    }
    match milestone.when:
        case Day(day=day):
            data.update(all_day=True, date=day.isoformat())
        case _:
            data.update(
                starts_at=milestone.begins(zone).astimezone(zone).isoformat(),
                ends_at=milestone.ends(zone).astimezone(zone).isoformat(),
            )
    return data


def _links_data(links: Links) -> dict[str, str | None]:
    return {
        "submitted": links.submitted_url or None,
        "not_bidding": links.not_bidding_url or None,
        "unsubscribe": links.unsubscribe_url or None,
        "manage": links.manage_url or None,
        "feed": links.feed_url or None,
    }


def _event(kind: str, now: datetime, data: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "version": EVENT_VERSION, "timestamp": _utc(now), "data": data}


def reminder_event(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    links: Links,
    language: Language,
    offset: timedelta,
    day_hour: int = 9,
) -> dict[str, Any]:
    """``milestone.reminder``: one milestone is ``offset`` away."""
    clock = reminder_clock(tender, milestone, now, language, day_hour)
    return reminder_from(tender, milestone, language, offset, clock, links)


def reminder_clock(
    tender: Tender, milestone: Milestone, now: datetime, language: Language, day_hour: int
) -> tuple[str, int, str]:
    """What a reminder event says that follows the clock: its timestamp, the seconds left and
    the subject (the time left in words)."""
    delta = time_left(milestone, tender, now, day_hour)
    subject = reminder_subject(
        tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
    )
    return _utc(now), max(int(delta.total_seconds()), 0), subject


def reminder_from(
    tender: Tender,
    milestone: Milestone,
    language: Language,
    offset: timedelta,
    clock: tuple[str, int, str],
    links: Links,
) -> dict[str, Any]:
    """The reminder event of ``reminder_clock``'s ``clock``."""
    timestamp, seconds, subject = clock
    tender_data, milestone_data, when = _reminder_parts(tender, milestone, language)
    return {
        "type": "milestone.reminder",
        "version": EVENT_VERSION,
        "timestamp": timestamp,
        "data": {
            "tender": dict(tender_data),
            "milestone": dict(milestone_data),
            "offset": format_duration(offset),
            "time_left_seconds": seconds,
            "language": language,
            "text": f"{subject}, {when}.",
            "links": _links_data(links),
        },
    }


@lru_cache(maxsize=256)
def _reminder_parts(
    tender: Tender, milestone: Milestone, language: Language
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """What a reminder event says of its tender and milestone, the same for every subscriber
    of a due moment: worked out once per fan-out (the date in words is most of an event's
    cost). The tender is part of the key, and with it the zone the milestone is written in."""
    return (
        _tender_data(tender),
        _milestone_data(milestone, tender, language),
        i18n.format_when(milestone, language),
    )


def ping_event(*, now: datetime, subscription_id: str, links: Links) -> dict[str, Any]:
    """``ping``: sent when a webhook is registered or tested."""
    return _event("ping", now, {"subscription_id": subscription_id, "links": _links_data(links)})


def change_event(
    *,
    tender: Tender,
    changes: Sequence[ChangeLike],
    now: datetime,
    links: Links,
    language: Language = "nl",
) -> dict[str, Any]:
    """``timeline.changed``: milestones of a tender moved, were added or were removed."""

    def side(m: Milestone | None) -> dict[str, Any] | None:
        return _milestone_data(m, tender, language) if m else None

    return _event(
        "timeline.changed",
        now,
        {
            "tender": _tender_data(tender),
            "changes": [
                {
                    "milestone_id": c.milestone_id,
                    "change": c.kind,
                    "old": side(c.old),
                    "new": side(c.new),
                }
                for c in changes
            ],
            "cancelled": tender.cancelled,
            "reason": tender.change_reason,
            "links": _links_data(links),
        },
    )
