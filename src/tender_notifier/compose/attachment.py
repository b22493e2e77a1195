"""One milestone as an .ics attachment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache

import icalendar

from .. import i18n
from ..calendar import vtimezone
from ..i18n import Language
from ..timeline import Day, Milestone, Moment, Span, Tender
from .phrases import DASH, tender_label

PRODID = "-//tender-notifier//tender-notifier//EN"


def milestone_ics(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language
) -> str:
    """One VEVENT for ``milestone`` (with its VTIMEZONE), as the text of an .ics file.

    DTSTAMP is ``now`` to the minute, so every subscriber of one fan-out shares one built
    attachment (Tender and Milestone are frozen, hashable values).
    """
    stamp = now.astimezone(UTC).replace(second=0, microsecond=0)
    return _milestone_ics(tender, milestone, stamp, language)


@lru_cache(maxsize=256)
def _milestone_ics(tender: Tender, milestone: Milestone, now: datetime, language: Language) -> str:
    zone = tender.timezone
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"{tender.id}/{milestone.id}@tender-notifier")
    event.add("dtstamp", now.astimezone(UTC))
    match milestone.when:
        case Moment(at=at):
            event.add("dtstart", at.astimezone(zone))
        case Span(start=start, end=end):
            event.add("dtstart", start.astimezone(zone))
            event.add("dtend", end.astimezone(zone))
        case Day(day=day):
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))  # exclusive, RFC 5545
    title = i18n.milestone_title(milestone, language)
    event.add("summary", f"{title} {DASH} {tender_label(tender)}")
    lines = [i18n.kind_meaning(milestone.kind, language), milestone.note or "", tender.url or ""]
    event.add("description", "\n\n".join(line for line in lines if line))
    if tender.url:
        event.add("url", tender.url)
    calendar.add_component(event)
    # Only the transitions around the milestone: the default (1970-2038) adds 5 kB of RDATEs.
    around = milestone.begins(zone).date()
    calendar.add_component(
        vtimezone(zone.key, around - timedelta(days=366), around + timedelta(days=366))
    )
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
