"""``feeds.export_dir``: the public feeds as files, the same bytes as over HTTP, kept current."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tender_notifier.feed_export import FeedExport
from tests.support.app import App, make_app
from tests.support.daemon import Daemon, free_port, tender_toml, write_config

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SEED = "flextender-30988"


@pytest.fixture
def app(tmp_path: Path) -> App:
    return make_app(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW)


def export_of(app: App, directory: Path) -> FeedExport:
    assert app.ctx.feed_builder is not None
    return FeedExport(directory, app.ctx.settings, app.ctx.feed_builder, app.ctx.timelines.entries)


def test_every_public_feed_is_written_with_the_bytes_served_over_http(
    app: App, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    assert export_of(app, out).sync(NOW) == 4
    for path, url in [
        (f"feeds/{SEED}.ics", f"/feeds/{SEED}.ics"),
        (f"feeds/en/{SEED}.ics", f"/feeds/{SEED}.ics?lang=en"),
        ("feeds/all.ics", "/feeds/all.ics"),
        ("feeds/en/all.ics", "/feeds/all.ics?lang=en"),
    ]:
        assert (out / path).read_bytes() == app.client.get(url).content, path
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == sorted(
        ["all.ics", "all.ics", f"{SEED}.ics", f"{SEED}.ics"]
    )  # no temporary files left behind
    assert (out / "feeds" / "all.ics").stat().st_mode & 0o777 == 0o644


def test_nothing_is_rewritten_while_nothing_changes(app: App, tmp_path: Path) -> None:
    export = export_of(app, tmp_path / "export")
    export.sync(NOW)
    before = (tmp_path / "export" / "feeds" / "all.ics").stat().st_mtime_ns
    assert export.sync(NOW + timedelta(minutes=1)) == 0
    assert export_of(app, tmp_path / "export").sync(NOW) == 0  # a new process: same bytes
    assert (tmp_path / "export" / "feeds" / "all.ics").stat().st_mtime_ns == before


def test_a_changed_timeline_replaces_its_files_and_a_removed_tender_loses_them(
    app: App, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export = export_of(app, out)
    soon = datetime(2026, 7, 1, 9, 0)
    (app.tenders_dir / "extra.toml").write_text(
        tender_toml("extra", [("offer", "submission_deadline", soon)])
    )
    app.ctx.timelines.reload()
    export.sync(NOW)
    old = (out / "feeds" / "extra.ics").read_bytes()
    (app.tenders_dir / "extra.toml").write_text(
        tender_toml("extra", [("offer", "submission_deadline", soon + timedelta(days=1))])
    )
    app.clock.now = NOW + timedelta(minutes=5)
    app.ctx.timelines.reload()
    assert export.sync(app.clock.now) == 4  # the tender's two files and both all.ics
    new = (out / "feeds" / "extra.ics").read_bytes()
    assert new != old and b"SEQUENCE:1" in new
    assert new == app.client.get("/feeds/extra.ics").content

    (app.tenders_dir / "extra.toml").unlink()
    app.ctx.timelines.reload()
    app.clock.now += timedelta(minutes=11)  # past tenders.missing_grace: the tender is gone
    app.ctx.timelines.reload()
    export.sync(app.clock.now)
    assert not (out / "feeds" / "extra.ics").exists()
    assert not (out / "feeds" / "en" / "extra.ics").exists()


def test_feeds_of_tenders_gone_while_the_daemon_was_down_are_removed(
    app: App, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    (out / "feeds" / "en").mkdir(parents=True)
    (out / "feeds" / "gone.ics").write_bytes(b"old")
    (out / "feeds" / "en" / "gone.ics").write_bytes(b"old")
    export_of(app, out).sync(NOW)
    assert not (out / "feeds" / "gone.ics").exists()
    assert not (out / "feeds" / "en" / "gone.ics").exists()


@pytest.mark.e2e
def test_the_daemon_keeps_the_export_current_after_an_edit(tmp_path: Path) -> None:
    port = free_port()
    soon = datetime.now(UTC).astimezone().replace(tzinfo=None) + timedelta(days=3)
    out = tmp_path / "export"
    config = write_config(
        tmp_path,
        port=port,
        database_url=f"sqlite:///{tmp_path / 'store.db'}",
        tenders={"t": tender_toml("t", [("offer", "submission_deadline", soon)])},
        extra=f'[feeds]\nexport_dir = "{out}"\n',
    )
    with Daemon(config) as daemon:
        target = out / "feeds" / "t.ics"
        _wait_for(lambda: target.exists())
        assert target.read_bytes() == httpx.get(f"{daemon.base_url}/feeds/t.ics").content
        (tmp_path / "tenders" / "t.toml").write_text(
            tender_toml("t", [("offer", "submission_deadline", soon + timedelta(hours=1))])
        )
        _wait_for(lambda: b"SEQUENCE:1" in target.read_bytes())
        assert target.read_bytes() == httpx.get(f"{daemon.base_url}/feeds/t.ics").content


def _wait_for(condition: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")
