"""The real daemon process serves the seed tender's feed over HTTP."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import httpx
import pytest
import vobject

from tests.conftest import SEED_TENDER
from tests.support.daemon import Daemon, free_port, write_config

pytestmark = pytest.mark.e2e


@pytest.fixture
def daemon(tmp_path: Path) -> Daemon:
    port = free_port()
    config = write_config(tmp_path, port=port, database_url=f"sqlite:///{tmp_path / 'tn.db'}")
    shutil.copy(SEED_TENDER, tmp_path / "tenders" / SEED_TENDER.name)
    return Daemon(config)


def test_daemon_serves_the_seed_feed_and_exits_cleanly_on_sigterm(daemon: Daemon) -> None:
    with daemon:
        response = httpx.get(f"{daemon.base_url}/feeds/flextender-30988.ics")
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/calendar; charset=utf-8"
        calendar = vobject.readOne(response.text)
        starts = sorted(str(e.dtstart.value) for e in calendar.vevent_list)
        assert "2026-07-15 09:00:00+02:00" in starts
        assert httpx.get(f"{daemon.base_url}/healthz").status_code == 200
        again = httpx.get(
            f"{daemon.base_url}/feeds/flextender-30988.ics",
            headers={"If-None-Match": response.headers["etag"]},
        )
        assert again.status_code == 304
        assert daemon.stop() == 0
    assert any('"daemon_stopped"' in line for line in daemon.lines)


def test_daemon_exits_cleanly_on_sigint(daemon: Daemon) -> None:
    with daemon:
        daemon.signal(signal.SIGINT)
        assert daemon.process is not None
        assert daemon.process.wait(20) == 0


def test_feed_bytes_survive_a_restart(daemon: Daemon) -> None:
    """DTSTAMP and LAST-MODIFIED come from the stored revision, not from the request or start."""
    with daemon:
        first = httpx.get(f"{daemon.base_url}/feeds/flextender-30988.ics")
    with daemon:
        second = httpx.get(f"{daemon.base_url}/feeds/flextender-30988.ics")
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]
    assert first.headers["last-modified"] == second.headers["last-modified"]
