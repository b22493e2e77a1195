"""Every feed and attachment, read by three independent parsers: ical.js (Thunderbird's), vobject
and icalendar. They must agree on the UIDs, the SEQUENCEs and the UTC times, across both clock
changes of 2026, also when they cannot look the zone up and must use the file's VTIMEZONE."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject

from tender_notifier import compose
from tender_notifier.calendar import FeedEntry, build_feed, event_uid
from tender_notifier.revisions import revise
from tender_notifier.tender_file import parse_tender
from tests.conftest import ROOT, missing

INTEROP = ROOT / "tests" / "interop"
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)

# Deadlines on either side of both clock changes of 2026 (29 March, 25 October), all 09:00 local.
DST_TENDER = """
id = "dst"
title = "Klokwissel"
buyer = "Gemeente Test"
timezone = "Europe/Amsterdam"

[[milestones]]
id = "before-spring"
kind = "participation_deadline"
at = 2026-03-27T09:00:00

[[milestones]]
id = "after-spring"
kind = "questions_deadline"
at = 2026-03-30T09:00:00

[[milestones]]
id = "answers"
kind = "answers_published"
date = 2026-03-31

[[milestones]]
id = "before-autumn"
kind = "submission_deadline"
at = 2026-10-23T09:00:00

[[milestones]]
id = "after-autumn"
kind = "opening"
at = 2026-10-26T09:00:00

[[milestones]]
id = "talk-1"
kind = "interviews"
start = 2026-10-27T09:30:00
end = 2026-10-27T15:30:00

[[milestones]]
id = "talk-2"
kind = "interviews"
start = 2026-10-28T09:30:00
end = 2026-10-28T15:30:00
"""

EXPECTED = {
    "before-spring": ("2026-03-27T08:00:00Z", None),
    "after-spring": ("2026-03-30T07:00:00Z", None),
    "answers": ("2026-03-31", "2026-04-01"),
    "before-autumn": ("2026-10-23T07:00:00Z", None),
    "after-autumn": ("2026-10-26T08:00:00Z", None),
    "talk-1": ("2026-10-27T08:30:00Z", "2026-10-27T14:30:00Z"),
    "talk-2": ("2026-10-28T08:30:00Z", "2026-10-28T14:30:00Z"),
}
UNKNOWN_ZONE = "Testland/Nergens"  # a TZID no parser knows: only the VTIMEZONE can tell


def documents() -> dict[str, bytes]:
    """The public, all and personal feeds, each reminder's and a change's attachment.

    "after-autumn" was first announced at 10:00 and then moved to 09:00: SEQUENCE 1 everywhere.
    """
    first = parse_tender(DST_TENDER.replace("2026-10-26T09:00:00", "2026-10-26T10:00:00"))
    tender = parse_tender(DST_TENDER)
    before, _ = revise(None, first, NOW)
    revision, changes = revise(before, tender, NOW + timedelta(hours=1))
    assert [c.milestone_id for c in changes] == ["after-autumn"]
    entry = FeedEntry(tender, revision)
    docs = {
        "feed": build_feed([entry], now=NOW),
        "all": build_feed([entry], name="Aanbestedingen", now=NOW),
        "personal": build_feed([entry], now=NOW, alarms=(timedelta(days=1),), alarm_all_kinds=True),
    }
    links = compose.Links(manage_url="https://tn.example/m", unsubscribe_url="https://tn.example/u")
    for kept in revision.milestones:
        message = compose.reminder_email(
            tender=tender,
            milestone=kept.milestone,
            now=NOW,
            language="nl",
            sender="tn@tn.example",
            to="jan@example.nl",
            message_id="m@tn.example",
            links=links,
            revision=kept,
        )
        (part,) = message.iter_attachments()
        docs[f"reminder-{kept.milestone.id}"] = part.get_content().encode()
    change = compose.change_email(
        tender=tender,
        changes=changes,
        now=NOW,
        language="nl",
        sender="tn@tn.example",
        to="jan@example.nl",
        message_id="c@tn.example",
        links=links,
        revision=revision,
    )
    (part,) = change.iter_attachments()
    docs["change"] = part.get_content().encode()
    return docs


def _icaljs(paths: list[Path]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        missing("node is not installed (ical.js runs on it)")
    assert (INTEROP / "node_modules" / "ical.js").is_dir(), (
        "ical.js is not installed: run `npm ci` in tests/interop (make test does)"
    )
    done = subprocess.run(
        [str(node), str(INTEROP / "read_ics.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert isinstance(value, date)
    return value.isoformat()


def _when(t: dict[str, str] | None, where: str) -> str | None:
    if t is None:
        return None
    assert "floating" not in t, f"ical.js could not place {where}"
    return t.get("utc") or t["date"]


def read_icaljs(docs: dict[str, bytes], tmp_path: Path) -> dict[str, dict[str, tuple]]:
    paths = []
    for name, body in docs.items():
        path = tmp_path / f"{name}.ics"
        path.write_bytes(body)
        paths.append(path)
    seen: dict[str, dict[str, tuple]] = {}
    for name, parsed in zip(docs, _icaljs(paths), strict=True):
        assert parsed["name"] == "vcalendar"
        events = {}
        for e in parsed["events"]:
            where = f"{e['uid']} in {name}"
            events[e["uid"]] = (
                e["sequence"],
                _when(e["start"], where),
                _when(e["end"], where),
                e["status"],
            )
        seen[name] = events
    return seen


def read_vobject(docs: dict[str, bytes]) -> dict[str, dict[str, tuple]]:
    seen = {}
    for name, body in docs.items():
        calendar = vobject.readOne(body.decode())
        seen[name] = {
            e.uid.value: (
                int(e.sequence.value),
                _text(e.dtstart.value),
                _text(e.dtend.value) if hasattr(e, "dtend") else None,
                e.status.value,
            )
            for e in calendar.vevent_list
        }
    return seen


def read_icalendar(docs: dict[str, bytes]) -> dict[str, dict[str, tuple]]:
    seen = {}
    for name, body in docs.items():
        calendar = icalendar.Calendar.from_ical(body)
        seen[name] = {
            str(e["UID"]): (
                int(e["SEQUENCE"]),
                _text(e.decoded("DTSTART")),
                _text(e.decoded("DTEND")) if "DTEND" in e else None,
                str(e["STATUS"]),
            )
            for e in calendar.walk("VEVENT")
        }
    return seen


def _unknown_zone(docs: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v.replace(b"Europe/Amsterdam", UNKNOWN_ZONE.encode()) for k, v in docs.items()}


def _check(seen: dict[str, dict[str, tuple]]) -> None:
    uid = {m: event_uid("dst", m) for m in EXPECTED}
    for name, events in seen.items():
        for mid, (start, end) in EXPECTED.items():
            if name.startswith("reminder-") and name != f"reminder-{mid}":
                continue
            if name == "change" and mid != "after-autumn":
                continue
            assert uid[mid] in events, f"{name} has no {uid[mid]}: {sorted(events)}"
            sequence, got_start, got_end, status = events[uid[mid]]
            assert (got_start, got_end) == (start, end), f"{name} {mid}"
            assert sequence == (1 if mid == "after-autumn" else 0), f"{name} {mid}"
            assert status == ("TENTATIVE" if mid.startswith("talk") else "CONFIRMED")
    feed = seen["feed"]
    for name, events in seen.items():
        for key, value in events.items():
            assert feed[key] == value, f"{name}: {key} differs from the feed"


@pytest.mark.parametrize("zone", ["known", "unknown"])
def test_icaljs_reads_every_feed_and_attachment_alike(zone: str, tmp_path: Path) -> None:
    docs = documents() if zone == "known" else _unknown_zone(documents())
    _check(read_icaljs(docs, tmp_path))


@pytest.mark.parametrize("zone", ["known", "unknown"])
def test_vobject_reads_every_feed_and_attachment_alike(zone: str) -> None:
    docs = documents() if zone == "known" else _unknown_zone(documents())
    _check(read_vobject(docs))


@pytest.mark.parametrize("zone", ["known", "unknown"])
def test_icalendar_reads_every_feed_and_attachment_alike(zone: str) -> None:
    docs = documents() if zone == "known" else _unknown_zone(documents())
    _check(read_icalendar(docs))


def test_an_empty_feed_is_a_calendar_every_parser_accepts(tmp_path: Path) -> None:
    body = build_feed([], now=NOW)
    assert b"BEGIN:VTIMEZONE" in body  # RFC 5545: at least one component
    assert icalendar.Calendar.from_ical(body).walk("VTIMEZONE")
    assert vobject.readOne(body.decode()).name == "VCALENDAR"
    (parsed,) = _icaljs([_write(tmp_path, body)])
    assert parsed["components"] == ["vtimezone"]
    assert parsed["events"] == []


def _write(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "empty.ics"
    path.write_bytes(body)
    return path
