"""Notices in tenders_dir: one tender per procedure, the newest states the dates, cancel cancels."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tender_notifier.calendar import build_feed, event_uid
from tender_notifier.cli import main as cli_main
from tender_notifier.planner import reminders_for, wake_times
from tender_notifier.store import Store
from tender_notifier.tender_file import load_directory
from tender_notifier.timelines import Timelines
from tests.eforms.conftest import NOTICES
from tests.support.app import Clock
from tests.support.daemon import tender_toml

NOW = datetime(2020, 3, 1, tzinfo=UTC)
OPEN_ID = "31f258b6-5eb2-4875-8997-affa3cdce27c"
MINIMAL_ID = "4805c409-5939-4be9-8abd-837f7a5fee23"


def put(directory: Path, *names: str) -> None:
    for name in names:
        shutil.copy(NOTICES / name, directory / name)


def test_the_notices_of_one_procedure_make_one_tender_dated_by_the_newest(tmp_path: Path) -> None:
    put(tmp_path, "change-cn_24_open_dates.xml", "cn_24_open.xml")  # names sort the change first
    result = load_directory(tmp_path)
    assert result.problems == ()
    [tender] = result.tenders
    assert tender.id == OPEN_ID
    deadline = tender.milestone("lot-0000-submission_deadline")
    assert deadline.begins(tender.timezone).date().isoformat() == "2020-06-12"
    assert tender.change_reason is not None and "Covid-19" in tender.change_reason
    assert result.files[OPEN_ID].name == "change-cn_24_open_dates.xml"


def test_notices_and_tender_files_side_by_side(tmp_path: Path) -> None:
    put(tmp_path, "cn_24_open.xml", "cn_24_minimal.xml")
    (tmp_path / "t.toml").write_text(
        tender_toml("t", [("offers", "submission_deadline", datetime(2026, 7, 15, 9))])
    )
    result = load_directory(tmp_path)
    assert sorted(t.id for t in result.tenders) == sorted(["t", OPEN_ID, MINIMAL_ID])


def test_a_tender_file_and_a_notice_with_one_id_is_a_problem(tmp_path: Path) -> None:
    put(tmp_path, "cn_24_open.xml")
    (tmp_path / "a.toml").write_text(
        tender_toml(OPEN_ID, [("offers", "submission_deadline", datetime(2026, 7, 15, 9))])
    )
    result = load_directory(tmp_path)
    [problem] = result.problems
    assert "cn_24_open.xml" in str(problem) and "also used by" in str(problem)


def test_check_names_the_file_and_element_of_a_bad_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    bad = (
        (NOTICES / "cn_24_open.xml")
        .read_text()
        .replace("<cbc:EndTime>12:00:00", "<cbc:EndTime>noon")
    )
    (tenders / "bad.xml").write_text(bad)
    config = tmp_path / "notifier.toml"
    config.write_text(
        f'tenders_dir = "{tenders}"\nstate_dir = "{tmp_path / "state"}"\n'
        f'public_url = "http://127.0.0.1:8080"\n[smtp]\nsender = "n@example.org"\n'
    )
    assert cli_main(["--config", str(config), "check"]) == 1
    err = capsys.readouterr().err
    assert "bad.xml" in err and "BT-131" in err and "cbc:EndTime" in err and "noon" in err


def test_a_moved_deadline_keeps_uids_and_raises_sequence(tmp_path: Path, store: Store) -> None:
    put(tmp_path, "cn_24_open.xml")
    clock = Clock(NOW)
    timelines = Timelines(tmp_path, store, clock)
    timelines.reload()
    before = build_feed(timelines.entries(), now=clock.now).decode().replace("\r\n ", "")
    uid = event_uid(OPEN_ID, "lot-0000-submission_deadline")
    assert uid in before

    put(tmp_path, "change-cn_24_open_dates.xml")
    clock.now += timedelta(hours=1)
    result = timelines.reload()
    moved = {c.milestone_id: c for c in result.changes[OPEN_ID]}
    assert set(moved) == {"lot-0000-submission_deadline", "lot-0000-opening"}
    assert all(c.kind == "moved" for c in moved.values())
    after = build_feed(timelines.entries(), now=clock.now).decode().replace("\r\n ", "")
    assert uid in after
    assert "SEQUENCE:1" in after and "SEQUENCE:0" in after  # the start date did not move


def test_a_cancelling_change_notice_cancels_every_event_and_every_reminder(
    tmp_path: Path, store: Store
) -> None:
    put(tmp_path, "cn_24_minimal.xml")
    clock = Clock(datetime(2020, 1, 1, tzinfo=UTC))
    timelines = Timelines(tmp_path, store, clock)
    timelines.reload()
    put(tmp_path, "change-cn_24_void.xml")
    clock.now += timedelta(days=1)
    result = timelines.reload()
    assert sorted(c.kind for c in result.changes[MINIMAL_ID]) == ["removed", "removed"]
    tender = timelines.get(MINIMAL_ID)
    assert tender is not None and tender.cancelled
    assert tender.change_reason == "We cancel because..."
    feed = build_feed(timelines.entries(), now=clock.now).decode().replace("\r\n ", "")
    assert feed.count("STATUS:CANCELLED") == 2 and "STATUS:CONFIRMED" not in feed
    assert "SEQUENCE:1" in feed
    assert wake_times([tender], [timedelta(days=1)], day_hour=9, after=clock.now) == []
    assert tender.upcoming(clock.now) == ()  # not listed among the open tenders
    from tests.test_planner import subscription  # a subscriber following everything

    assert list(reminders_for(tender, subscription(), day_hour=9)) == []


def test_a_participation_deadline_gets_reminders_like_a_submission_deadline(
    tmp_path: Path,
) -> None:
    from tests.test_planner import subscription

    put(tmp_path, "pin-cfc_24.xml", "cn_24_minimal.xml")
    tenders = {t.id: t for t in load_directory(tmp_path).tenders}
    sub = subscription(created_at=datetime(2019, 1, 1, tzinfo=UTC))
    pin = tenders["cab6f088-c4b5-463a-b57b-39cb1130755d"]
    cn = tenders[MINIMAL_ID]
    [participation] = [m for m in pin.milestones if m.kind.value == "participation_deadline"]
    [submission] = [m for m in cn.milestones if m.kind.value == "submission_deadline"]
    offsets = {
        r.offset for r in reminders_for(pin, sub, day_hour=9) if r.milestone_id == participation.id
    }
    assert offsets == {
        r.offset for r in reminders_for(cn, sub, day_hour=9) if r.milestone_id == submission.id
    }
    assert offsets == set(sub.offsets)
    assert participation.kind.is_deadline  # and an alarm in the feeds


def test_the_timeline_command_says_a_tender_was_cancelled(tmp_path: Path) -> None:
    from tender_notifier.commands.timeline import render

    put(tmp_path, "cn_24_minimal.xml", "change-cn_24_void.xml")
    [tender] = load_directory(tmp_path).tenders
    text = render(tender, NOW, "en")
    assert "Cancelled by the buyer: We cancel because..." in text


def test_an_unreadable_notice_holds_its_procedure(tmp_path: Path) -> None:
    put(tmp_path, "cn_24_open.xml")
    text = (NOTICES / "change-cn_24_open_dates.xml").read_text()
    (tmp_path / "change.xml").write_text(text[: len(text) // 2])  # a half-written copy
    result = load_directory(tmp_path)
    assert result.tenders == () and result.held == {OPEN_ID}
    [problem] = result.problems
    assert "change.xml" in str(problem) and "not well-formed XML" in str(problem)


def test_a_notice_broken_in_place_or_half_copied_keeps_the_last_good_version(
    tmp_path: Path, store: Store
) -> None:
    put(tmp_path, "cn_24_open.xml", "change-cn_24_open_dates.xml", "cn_24_minimal.xml")
    clock = Clock(NOW)
    timelines = Timelines(tmp_path, store, clock)
    timelines.reload()
    before = {t.id: t for t in timelines.tenders()}

    # The newest notice of one procedure is broken in place; a new notice of another is cut short.
    changed = tmp_path / "change-cn_24_open_dates.xml"
    changed.write_text(changed.read_text()[:9000])
    void = (NOTICES / "change-cn_24_void.xml").read_text()
    (tmp_path / "void.xml").write_text(void[: void.index("</cac:ProcurementProject>")])
    clock.now += timedelta(hours=1)
    result = timelines.reload()
    assert result.changes == {}
    assert {t.id: t for t in timelines.tenders()} == before
    assert len(result.problems) == 2
