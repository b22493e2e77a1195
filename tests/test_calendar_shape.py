"""What calendar servers and clients are strict about: instants, zones, alternatives, no events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from tender_notifier.calendar import FeedEntry, build_feed, event_uid
from tender_notifier.revisions import revise
from tender_notifier.tender_file import load_tender_file, parse_tender
from tender_notifier.vtimezone import parse_posix, vtimezone
from tests.conftest import SEED_TENDER
from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def seed_events() -> dict[str, icalendar.Event]:
    tender = load_tender_file(SEED_TENDER)
    revision, _ = revise(None, tender, NOW)
    feed = icalendar.Calendar.from_ical(build_feed([FeedEntry(tender, revision)], now=NOW))
    return {str(e["UID"]).split(".")[0]: e for e in feed.walk("VEVENT")}


def test_instants_have_no_dtend() -> None:
    events = seed_events()
    for mid in ("questions-deadline", "submission-deadline"):
        assert "DTEND" not in events[mid]
        assert "DURATION" not in events[mid]
    assert "DTEND" in events["interview-1"]
    assert "DTEND" in events["answers-published"]  # a whole day: exclusive end


def test_interview_alternatives_are_tentative_and_do_not_block_the_day() -> None:
    events = seed_events()
    for mid in ("interview-1", "interview-2"):  # "20 en/of 21 juli"
        assert str(events[mid]["STATUS"]) == "TENTATIVE"
        assert str(events[mid]["TRANSP"]) == "TRANSPARENT"
    one = parse_tender(
        'id = "one"\ntitle = "T"\nbuyer = "B"\n[[milestones]]\nid = "i"\nkind = "interviews"\n'
        "start = 2026-07-20T09:30:00\nend = 2026-07-20T15:30:00\n"
    )
    revision, _ = revise(None, one, NOW)
    (event,) = icalendar.Calendar.from_ical(build_feed([FeedEntry(one, revision)], now=NOW)).walk(
        "VEVENT"
    )
    assert str(event["UID"]) == event_uid("one", "i")
    assert (str(event["STATUS"]), str(event["TRANSP"])) == ("CONFIRMED", "OPAQUE")


def test_vtimezone_states_the_current_rules_as_rrules() -> None:
    tender = load_tender_file(SEED_TENDER)
    revision, _ = revise(None, tender, NOW)
    text = build_feed([FeedEntry(tender, revision)], now=NOW).decode()
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RDATE" not in zone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in zone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in zone
    assert zone.count("BEGIN:DAYLIGHT") == 1 and zone.count("BEGIN:STANDARD") == 1


@pytest.mark.parametrize(
    "key", ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Europe/Dublin"]
)
def test_rrule_zones_give_the_offsets_zoneinfo_gives(key: str) -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    written = vtimezone(key, date(2025, 1, 1), date(2027, 12, 31))
    assert "RRULE" in written.to_ical().decode()
    tz = written.to_tz(lookup_tzid=False)
    real = ZoneInfo(key)
    day = datetime(2025, 1, 1, tzinfo=UTC)
    while day.year < 2028:
        # Each day at noon; every 10 minutes of a day on which the offset changes.
        changes = (
            day.astimezone(real).utcoffset()
            != (day + timedelta(days=1)).astimezone(real).utcoffset()
        )
        step = timedelta(minutes=10) if changes else timedelta(hours=12)
        at = day
        while at < day + timedelta(days=1):
            assert at.astimezone(tz).utcoffset() == at.astimezone(real).utcoffset(), at
            at += step
        day += timedelta(days=1)


def test_zones_without_a_yearly_rule_fall_back_to_listed_changes() -> None:
    from datetime import date

    assert parse_posix("<-04>4<-03>,M9.1.6/24,M4.1.6/24") is None  # Santiago: 24:00
    text = vtimezone("America/Santiago", date(2025, 1, 1), date(2027, 12, 31)).to_ical()
    assert b"RDATE" in text or b"RRULE" not in text


@pytest.fixture
def empty_app(tmp_path: Path) -> App:
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW)
    for path in app.tenders_dir.glob("*.toml"):
        path.unlink()
    app.ctx.timelines.reload()
    app.clock.now += timedelta(minutes=11)  # past tenders.missing_grace: the tender is gone
    app.ctx.timelines.reload()
    return app


def test_all_ics_without_tenders_is_valid_and_conditional(empty_app: App) -> None:
    response = empty_app.client.get("/feeds/all.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.subcomponents, "RFC 5545 wants at least one component"
    assert not calendar.walk("VEVENT")
    modified = response.headers["last-modified"]
    again = empty_app.client.get("/feeds/all.ics", headers={"If-Modified-Since": modified})
    assert again.status_code == 304
    etag = response.headers["etag"]
    assert (
        empty_app.client.get("/feeds/all.ics", headers={"If-None-Match": etag}).status_code == 304
    )


def test_all_ics_whose_tenders_are_all_past_dates_itself_from_when_the_last_fell_out(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW)
    app.clock.now = datetime(2026, 12, 1, tzinfo=UTC)  # the seed ended 4 August
    response = app.client.get("/feeds/all.ics")
    assert b"BEGIN:VEVENT" not in response.content
    assert b"BEGIN:VTIMEZONE" in response.content
    # The seed's last day ends 5 Aug 00:00 Amsterdam; 30 days (keep_past) later it fell out.
    assert response.headers["last-modified"] == "Thu, 03 Sep 2026 22:00:00 GMT"


def test_personal_feed_alarms_follow_the_reminders() -> None:
    tender = load_tender_file(SEED_TENDER)
    revision, _ = revise(None, tender, NOW)
    offsets = (timedelta(days=1), timedelta(hours=2))
    feed = build_feed(
        [FeedEntry(tender, revision)], now=NOW, alarms=offsets, alarm_all_kinds=True, day_hour=9
    )
    events = {
        str(e["UID"]).split(".")[0]: e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")
    }

    def triggers(mid: str) -> list[timedelta]:
        return sorted(a.decoded("TRIGGER") for a in events[mid].walk("VALARM"))

    assert triggers("start") == [timedelta(hours=9)]  # "today" at 09:00 on the day
    assert triggers("answers-published") == [timedelta(hours=9)]
    assert triggers("interview-1") == [-timedelta(days=1), -timedelta(hours=2)]
    assert triggers("submission-deadline") == [-timedelta(days=1), -timedelta(hours=2)]
