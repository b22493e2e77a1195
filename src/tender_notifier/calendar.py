"""Building iCalendar feeds (RFC 5545) from tenders and their revisions. Pure: no I/O, no clock.

The same inputs always give the same bytes: DTSTAMP and LAST-MODIFIED come from the revision, not
from the moment of the request, so HTTP caches and calendar clients see a stable feed until the
timeline really changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from . import __version__
from .controls import first_control, one_line
from .durations import format_duration
from .i18n import Language, format_when, kind_meaning, milestone_title, word
from .planner import counts_down
from .revisions import MilestoneRevision, TenderRevision
from .timeline import Day, Kind, Milestone, Moment, Span, Tender

if TYPE_CHECKING:
    from icalendar import Alarm, Event

# icalendar (and ``vtimezone``, which uses it) is imported where a calendar is built: the
# daemon loads it with the first feed or attachment, not at start-up.

PRODID = f"-//tender-notifier//tender-notifier {__version__}//NL"
UID_DOMAIN = "tender-notifier"
# Deadlines get alarms at these offsets unless the subscriber chose their own.
DEFAULT_ALARMS = (timedelta(days=1), timedelta(hours=2))
_CALENDAR_NAME = {"nl": "Aanbestedingen", "en": "Tenders"}
# A feed with no tender still carries one component (RFC 5545's grammar wants at least one):
# the VTIMEZONE of the zone tender files use unless they say otherwise.
DEFAULT_ZONE = "Europe/Amsterdam"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A tender and the revision that dates its events."""

    tender: Tender
    revision: TenderRevision


def event_uid(tender_id: str, milestone_id: str) -> str:
    """A UID that never changes for a tender and milestone id."""
    return f"{milestone_id}.{tender_id}@{UID_DOMAIN}"


def build_feed(
    entries: Sequence[FeedEntry],
    *,
    name: str | None = None,
    language: Language = "nl",
    refresh: timedelta = timedelta(hours=1),
    now: datetime,
    keep_cancelled: timedelta = timedelta(days=30),
    alarms: Sequence[timedelta] | None = None,
    alarm_all_kinds: bool = False,
    day_hour: int = 9,
) -> bytes:
    """The feed of ``entries``, as bytes.

    ``now`` only decides which removed milestones are still shown as cancelled. ``alarms`` are
    offsets before each deadline (default one day and two hours); with ``alarm_all_kinds`` every
    milestone gets them, as in a subscriber's personal feed.
    """
    from icalendar import Calendar

    from .vtimezone import vtimezone

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = one_line(name or _CALENDAR_NAME[language])
    cal.add("x-wr-calname", title)
    cal.add("name", title)
    if len(entries) == 1:
        cal.add("x-wr-timezone", entries[0].tender.timezone.key)
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", format_duration(refresh))
    offsets = tuple(alarms) if alarms is not None else DEFAULT_ALARMS
    for entry in entries:
        for revision in entry.revision.active():
            milestone = revision.milestone
            chosen: Sequence[timedelta] = ()
            if milestone.kind.is_deadline:
                chosen = offsets
            elif alarm_all_kinds:
                # As the reminders: countdowns for the interviews, one alarm on the day (at
                # day_hour for a whole day) for the dates the buyer keeps.
                chosen = offsets if counts_down(milestone) else (timedelta(0),)
            cal.add_component(_event(entry.tender, revision, language, chosen, day_hour))
        for revision in entry.revision.cancelled(now, keep_cancelled):
            cal.add_component(_event(entry.tender, revision, language, (), day_hour, True))
    first, last = _span_of(entries)
    for key in sorted({e.tender.timezone.key for e in entries}) or [DEFAULT_ZONE]:
        cal.add_component(vtimezone(key, first, last))
    body: bytes = cal.to_ical()
    return body


def events_ics(
    tender: Tender,
    revisions: Sequence[MilestoneRevision],
    *,
    language: Language,
    day_hour: int = 9,
    cancelled: Sequence[MilestoneRevision] = (),
) -> bytes:
    """Some events of a tender as their own calendar (METHOD:PUBLISH), for an email attachment.

    Each event is the feed's event: the same UID, SEQUENCE, DTSTAMP and text, so a calendar that
    has both the feed and the attachment keeps one event, and takes the newer.
    """
    from icalendar import Calendar

    from .vtimezone import vtimezone

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for revision in revisions:
        cal.add_component(_event(tender, revision, language, (), day_hour))
    for revision in cancelled:
        cal.add_component(_event(tender, revision, language, (), day_hour, True))
    zone = tender.timezone
    days = [
        d
        for r in (*revisions, *cancelled)
        for d in (r.milestone.begins(zone, time(0)).date(), r.milestone.ends(zone).date())
    ]
    first, last = _years_around(days)
    cal.add_component(vtimezone(zone.key, first, last))
    body: bytes = cal.to_ical()
    return body


def is_alternative(tender: Tender, milestone: Milestone) -> bool:
    """Interviews on one of several days ("20 and/or 21 July"): which one is not known yet."""
    if milestone.kind is not Kind.INTERVIEWS:
        return False
    return sum(1 for m in tender.milestones if m.kind is Kind.INTERVIEWS) > 1


def _event(
    tender: Tender,
    revision: MilestoneRevision,
    language: Language,
    alarms: Sequence[timedelta],
    day_hour: int,
    cancelled: bool = False,
) -> Event:
    milestone = revision.milestone
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(tender.id, milestone.id))
    event.add("dtstamp", revision.modified.astimezone(UTC))
    event.add("last-modified", revision.modified.astimezone(UTC))
    event.add("sequence", revision.sequence)
    event.add("summary", summary(tender, milestone, language))
    event.add("description", description(tender, milestone, language))
    if url := clean_url(tender.url):
        event.add("url", url)
    event.add("categories", [milestone.kind.value])
    # An alternative ("20 and/or 21 July") neither blocks the day nor claims to be certain,
    # until the tender file keeps only the day the supplier was told.
    tentative = is_alternative(tender, milestone)
    match milestone.when:
        case Moment(at=at):
            event.add(
                "dtstart", at
            )  # an instant: no DTEND (RFC 5545 3.8.2.2 forbids DTEND = DTSTART)
            event.add("transp", "TRANSPARENT")
        case Day(day=day):
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        case Span(start=start, end=end):
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("transp", "TRANSPARENT" if tentative else "OPAQUE")
    status = "TENTATIVE" if tentative else "CONFIRMED"
    event.add("status", "CANCELLED" if cancelled else status)
    for offset in alarms:
        event.add_component(_alarm(tender, milestone, offset, language, day_hour))
    return event


def _alarm(
    tender: Tender, milestone: Milestone, offset: timedelta, language: Language, day_hour: int
) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary(tender, milestone, language))
    if isinstance(milestone.when, Day):
        # Relative to the all-day event's start (midnight) plus the reminder hour of that day.
        alarm.add("trigger", timedelta(hours=day_hour) - offset)
    else:
        alarm.add("trigger", -offset)
    return alarm


def summary(tender: Tender, milestone: Milestone, language: Language) -> str:
    """'Uiterste inschrijfdatum – Administratief Medewerker Sociaal Domein (30988)'."""
    ref = f" ({tender.reference})" if tender.reference else ""
    # One line whatever the texts hold: the loader refuses control characters, and this keeps
    # tenders from any other source from breaking the feed (a bare CR starts a new property).
    return one_line(f"{milestone_title(milestone, language)} – {tender.title}{ref}")


def description(tender: Tender, milestone: Milestone, language: Language) -> str:
    lines = [kind_meaning(milestone.kind, language), format_when(milestone, language), ""]
    lines.append(f"{tender.title}")
    lines.append(f"{word('buyer', language)}: {tender.buyer}")
    if tender.platform:
        lines.append(f"{word('platform', language)}: {tender.platform}")
    if tender.reference:
        lines.append(f"{word('reference', language)}: {tender.reference}")
    if tender.url:
        lines.append(f"{word('link', language)}: {tender.url}")
    if milestone.note:
        lines.extend(["", milestone.note])
    return "\n".join(one_line(line) for line in lines)


def clean_url(url: str | None) -> str | None:
    """``url`` if it can stand in a URL property: no control characters, no spaces."""
    if not url or first_control(url) is not None or " " in url:
        return None
    return url


def _span_of(entries: Sequence[FeedEntry]) -> tuple[date, date]:
    """The dates the feed's events cover, so VTIMEZONEs hold exactly the transitions needed."""
    days: list[date] = []
    for entry in entries:
        zone = entry.tender.timezone
        for r in entry.revision.milestones:
            days.append(r.milestone.begins(zone, time(0)).date())
            days.append(r.milestone.ends(zone).date())
    return _years_around(days)


def _years_around(days: Sequence[date]) -> tuple[date, date]:
    """Whole years on either side of ``days``: the range a VTIMEZONE is checked (or listed) for."""
    if not days:
        return date(2000, 1, 1), date(2000, 1, 2)
    return date(min(days).year - 1, 1, 1), date(max(days).year + 1, 12, 31)


def last_modified(entries: Sequence[FeedEntry]) -> datetime | None:
    """When the newest change in the feed happened (the HTTP Last-Modified)."""
    return max((e.revision.modified for e in entries), default=None)
