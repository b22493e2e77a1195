"""The feeds, read back by calendar parsers other than the one that wrote them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import ics
import pytest
import vobject

from tender_notifier.calendar import FeedEntry, build_feed, event_uid
from tender_notifier.revisions import revise
from tender_notifier.tender_file import load_tender_file, parse_tender
from tests.conftest import SEED_TENDER

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def seed_feed(now: datetime = NOW, **options: object) -> bytes:
    tender = load_tender_file(SEED_TENDER)
    revision, _ = revise(None, tender, now)
    return build_feed([FeedEntry(tender, revision)], now=now, **options)  # type: ignore[arg-type]


def events_by_uid(feed: bytes) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(feed.decode())
    return {e.uid.value: e for e in calendar.vevent_list}


def test_vobject_reads_the_seed_facts_in_utc() -> None:
    events = events_by_uid(seed_feed())
    uid = lambda m: event_uid("flextender-30988", m)  # noqa: E731
    assert events[uid("questions-deadline")].dtstart.value.astimezone(UTC) == datetime(
        2026, 7, 9, 7, 0, tzinfo=UTC
    )
    assert events[uid("submission-deadline")].dtstart.value.astimezone(UTC) == datetime(
        2026, 7, 15, 7, 0, tzinfo=UTC
    )
    for mid, day in (("interview-1", 20), ("interview-2", 21)):
        event = events[uid(mid)]
        assert event.dtstart.value.astimezone(UTC) == datetime(2026, 7, day, 7, 30, tzinfo=UTC)
        assert event.dtend.value.astimezone(UTC) == datetime(2026, 7, day, 13, 30, tzinfo=UTC)
    answers = events[uid("answers-published")]
    assert answers.dtstart.value == date(2026, 7, 13)
    assert answers.dtend.value == date(2026, 7, 14)  # exclusive end of a whole day
    assert events[uid("start")].dtstart.value == date(2026, 8, 4)
    assert events[uid("shortlist-notice")].dtstart.value == date(2026, 7, 16)


def test_ics_py_reads_the_same_instants() -> None:
    calendar = ics.Calendar(seed_feed().decode())
    begins = sorted(e.begin.to("UTC").isoformat() for e in calendar.events if not e.all_day)
    assert begins == [
        "2026-07-09T07:00:00+00:00",
        "2026-07-15T07:00:00+00:00",
        "2026-07-20T07:30:00+00:00",
        "2026-07-21T07:30:00+00:00",
    ]
    assert sum(1 for e in calendar.events if e.all_day) == 3


def test_calendar_properties_clients_need() -> None:
    text = seed_feed().decode()
    for line in (
        "VERSION:2.0",
        "PRODID:-//tender-notifier//",
        "X-WR-CALNAME:",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Amsterdam",
    ):
        assert line in text
    assert "\r\n" in text  # RFC 5545 line endings


def test_every_tzid_used_has_a_vtimezone() -> None:
    text = seed_feed().decode().replace("\r\n ", "")
    used = set(re.findall(r"^[A-Z-]+;TZID=([^:;]+)[:;]", text, re.MULTILINE))
    defined = set(re.findall(r"^TZID:(.+?)\r?$", text, re.MULTILINE))
    assert used == defined == {"Europe/Amsterdam"}


def test_summary_is_dutch_and_names_the_tender_and_english_on_request() -> None:
    events = events_by_uid(seed_feed())
    summary = events[event_uid("flextender-30988", "submission-deadline")].summary.value
    assert summary == "Uiterste inschrijfdatum – Administratief Medewerker Sociaal Domein (30988)"
    english = events_by_uid(seed_feed(language="en"))
    assert english[event_uid("flextender-30988", "submission-deadline")].summary.value.startswith(
        "Submission deadline – "
    )
    description = events[event_uid("flextender-30988", "submission-deadline")].description.value
    assert "Referentie: 30988" in description
    assert "woensdag 15 juli 2026 09:00" in description


def test_deadlines_carry_alarms_and_other_milestones_do_not() -> None:
    events = events_by_uid(seed_feed())
    deadline = events[event_uid("flextender-30988", "submission-deadline")]
    triggers = sorted(a.trigger.value for a in deadline.valarm_list)
    assert triggers == [timedelta(days=-1), timedelta(hours=-2)]
    assert not hasattr(events[event_uid("flextender-30988", "start")], "valarm")


def test_same_timeline_gives_the_same_bytes_whatever_the_request_time() -> None:
    tender = load_tender_file(SEED_TENDER)
    revision, _ = revise(None, tender, NOW)
    entries = [FeedEntry(tender, revision)]
    later = build_feed(entries, now=NOW + timedelta(days=3))
    assert build_feed(entries, now=NOW) == later
    assert b"DTSTAMP:20260601T120000Z" in later
    assert b"LAST-MODIFIED:20260601T120000Z" in later


def test_a_moved_milestone_bumps_its_sequence_and_last_modified_only() -> None:
    tender = load_tender_file(SEED_TENDER)
    first, _ = revise(None, tender, NOW)
    moved_text = SEED_TENDER.read_text().replace(
        "at = 2026-07-15T09:00:00", "at = 2026-07-15T12:00:00"
    )
    moved = parse_tender(moved_text)
    later = NOW + timedelta(days=1)
    second, changes = revise(first, moved, later)
    assert [(c.milestone_id, c.kind) for c in changes] == [("submission-deadline", "moved")]
    events = events_by_uid(build_feed([FeedEntry(moved, second)], now=later))
    bumped = events[event_uid("flextender-30988", "submission-deadline")]
    assert bumped.sequence.value == "1"
    assert bumped.last_modified.value == later
    untouched = events[event_uid("flextender-30988", "questions-deadline")]
    assert untouched.sequence.value == "0"


def test_a_removed_milestone_stays_as_cancelled_for_a_while() -> None:
    tender = load_tender_file(SEED_TENDER)
    first, _ = revise(None, tender, NOW)
    fewer = parse_tender(SEED_TENDER.read_text().split('[[milestones]]\nid = "start"')[0])
    later = NOW + timedelta(hours=1)
    second, changes = revise(first, fewer, later)
    assert [(c.milestone_id, c.kind) for c in changes] == [("start", "removed")]
    events = events_by_uid(build_feed([FeedEntry(fewer, second)], now=later))
    gone = events[event_uid("flextender-30988", "start")]
    assert gone.status.value == "CANCELLED"
    assert gone.sequence.value == "1"
    much_later = later + timedelta(days=31)
    assert event_uid("flextender-30988", "start") not in events_by_uid(
        build_feed([FeedEntry(fewer, second)], now=much_later)
    )


@pytest.mark.parametrize("reader", ["vobject", "ics"])
def test_times_across_the_autumn_clock_change_keep_their_wall_clock(reader: str) -> None:
    """One deadline in summer time, one in winter time: each stays 09:00 in Amsterdam."""
    tender = parse_tender(
        'id = "dst"\ntitle = "DST"\nbuyer = "B"\n'
        '[[milestones]]\nid = "q"\nkind = "questions_deadline"\nat = 2026-10-23T09:00:00\n'
        '[[milestones]]\nid = "s"\nkind = "submission_deadline"\nat = 2026-10-27T09:00:00\n'
    )
    revision, _ = revise(None, tender, NOW)
    feed = build_feed([FeedEntry(tender, revision)], now=NOW).decode()
    if reader == "vobject":
        starts = {
            e.uid.value.split(".")[0]: e.dtstart.value.astimezone(UTC)
            for e in vobject.readOne(feed).vevent_list
        }
    else:
        starts = {
            e.uid.split(".")[0]: e.begin.to("UTC").datetime for e in ics.Calendar(feed).events
        }
    assert starts["q"].replace(tzinfo=UTC) == datetime(2026, 10, 23, 7, 0, tzinfo=UTC)
    assert starts["s"].replace(tzinfo=UTC) == datetime(2026, 10, 27, 8, 0, tzinfo=UTC)
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert starts["s"].astimezone(amsterdam).hour == 9
