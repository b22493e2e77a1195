"""Reloading tender files: the last good version stays, and daemons sharing a store agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tender_notifier.calendar import build_feed
from tender_notifier.store import Store
from tender_notifier.timelines import Timelines
from tests.support.app import Clock
from tests.support.daemon import tender_toml

NOW = datetime(2026, 6, 1, tzinfo=UTC)
DEADLINE = datetime(2026, 7, 15, 9, 0)


def write(directory: Path, deadline: datetime) -> None:
    (directory / "t.toml").write_text(
        tender_toml("t", [("offers", "submission_deadline", deadline)])
    )


def test_two_daemons_on_one_store_agree_on_revisions_and_notice_a_change_once(
    tmp_path: Path, store: Store
) -> None:
    write(tmp_path, DEADLINE)
    clock_a, clock_b = Clock(NOW), Clock(NOW + timedelta(seconds=3))
    a = Timelines(tmp_path, store, clock_a)
    b = Timelines(tmp_path, Store(store.engine), clock_b)
    a.reload()
    b.reload()
    assert build_feed(a.entries(), now=NOW) == build_feed(b.entries(), now=NOW)

    write(tmp_path, DEADLINE + timedelta(days=1))
    clock_a.now += timedelta(hours=1)
    clock_b.now += timedelta(hours=1)
    first = a.reload()
    second = b.reload()
    assert [c.kind for c in first.changes["t"]] == ["moved"]
    assert second.changes == {}
    assert build_feed(a.entries(), now=NOW) == build_feed(b.entries(), now=NOW)
    assert a.revision_key("t") == b.revision_key("t")


def test_a_bad_edit_keeps_the_last_good_version(tmp_path: Path, store: Store) -> None:
    write(tmp_path, DEADLINE)
    timelines = Timelines(tmp_path, store, Clock(NOW))
    timelines.reload()
    (tmp_path / "t.toml").write_text('id = "t"\ntitle = \n')
    result = timelines.reload()
    assert result.problems
    tender = timelines.get("t")
    assert tender is not None and tender.milestones[0].id == "offers"


def test_a_removed_file_removes_its_tender_after_the_grace(tmp_path: Path, store: Store) -> None:
    write(tmp_path, DEADLINE)
    clock = Clock(NOW)
    timelines = Timelines(tmp_path, store, clock, missing_grace=timedelta(minutes=10))
    timelines.reload()
    (tmp_path / "t.toml").unlink()
    assert timelines.reload().removed == ()  # a save by rename, a deploy: held
    assert timelines.get("t") is not None
    clock.now = NOW + timedelta(minutes=10)
    assert timelines.reload().removed == ("t",)
    assert timelines.get("t") is None


def test_a_file_back_within_the_grace_keeps_its_tender(tmp_path: Path, store: Store) -> None:
    write(tmp_path, DEADLINE)
    clock = Clock(NOW)
    timelines = Timelines(tmp_path, store, clock, missing_grace=timedelta(minutes=10))
    timelines.reload()
    (tmp_path / "t.toml").unlink()
    timelines.reload()
    clock.now = NOW + timedelta(minutes=9)
    assert timelines.drop_missing(clock.now) == []
    write(tmp_path, DEADLINE)
    assert not timelines.reload().changes
    clock.now = NOW + timedelta(hours=1)
    assert timelines.drop_missing(clock.now) == []
    assert timelines.get("t") is not None


def test_a_tender_gone_past_the_grace_is_dropped_without_a_reload(
    tmp_path: Path, store: Store
) -> None:
    write(tmp_path, DEADLINE)
    timelines = Timelines(tmp_path, store, Clock(NOW), missing_grace=timedelta(minutes=10))
    timelines.reload()
    (tmp_path / "t.toml").unlink()
    timelines.reload()
    assert timelines.missing_until() == NOW + timedelta(minutes=10)
    assert timelines.drop_missing(NOW + timedelta(minutes=10)) == ["t"]
    assert timelines.get("t") is None
