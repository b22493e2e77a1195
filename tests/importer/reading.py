"""What the importer reads in a short text, for tests that read like the behaviour they guard:
``timeline("Sluiting: 14 januari 2027 om 12:00 uur")`` and the moments and periods to compare it
with, in the tender's zone unless another is given."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract
from tender_notifier.timeline import Kind, Moment, Span, When

from .corpus import ZONE

# what an announcement opens with: its title and its buyer, so the text under test is the rest
HEAD = "Titel\nOpdrachtgever: Gemeente X\n"


def timeline(text: str) -> list[tuple[Kind, When]]:
    """The kind and time of each milestone read in ``text``, in the draft's order."""
    draft = extract(HEAD + text, zone=ZONE)
    return [(m.kind, m.when) for m in draft.tender.milestones]


def timeline_on(text: str, today: date) -> list[tuple[Kind, When]]:
    """The kind and time of each milestone read in ``text`` on ``today``."""
    draft = extract(HEAD + text, zone=ZONE, today=today)
    return [(m.kind, m.when) for m in draft.tender.milestones]


def at(day: str, clock: str, zone: ZoneInfo = ZONE) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), zone))


def span(day: str, start: str, end: str, zone: ZoneInfo = ZONE) -> Span:
    first = date.fromisoformat(day)
    return Span(
        datetime.combine(first, time.fromisoformat(start), zone),
        datetime.combine(first, time.fromisoformat(end), zone),
    )
