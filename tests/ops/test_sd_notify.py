"""The real daemon speaks sd_notify to a socket the test holds, as systemd's would be."""

from __future__ import annotations

import itertools
import shutil
import signal
import socket
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_TENDER
from tests.ops.conftest import NotifySocket
from tests.support.daemon import Daemon, free_port, write_config

pytestmark = pytest.mark.e2e


def make_daemon(tmp_path: Path, notify: NotifySocket, watchdog_usec: int = 400_000) -> Daemon:
    config = write_config(
        tmp_path, port=free_port(), database_url=f"sqlite:///{tmp_path / 'tn.db'}"
    )
    shutil.copy(SEED_TENDER, tmp_path / "tenders" / SEED_TENDER.name)
    return Daemon(config, env={"NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": str(watchdog_usec)})


def test_ready_comes_once_the_port_listens_then_watchdog_pings_then_stopping(
    tmp_path: Path, notify_socket: NotifySocket
) -> None:
    daemon = make_daemon(tmp_path, notify_socket)
    with daemon:
        notify_socket.wait_for("READY=1")
        # READY=1 is a promise that the port listens: connect right after it arrived.
        with socket.create_connection(("127.0.0.1", daemon.port), timeout=1):
            pass
        # WATCHDOG_USEC=0.4 s: pings at half of it, so several within a second.
        notify_socket.wait_for("WATCHDOG=1", count=4, timeout=3)
        assert daemon.stop() == 0
    lines = notify_socket.lines()
    assert "STOPPING=1" in lines
    assert lines.index("READY=1") < lines.index("STOPPING=1")
    assert "RELOADING=1" not in lines
    assert any(line.startswith("STATUS=") for line in lines)


def test_watchdog_pings_keep_pace_with_watchdog_usec(
    tmp_path: Path, notify_socket: NotifySocket
) -> None:
    with make_daemon(tmp_path, notify_socket):
        notify_socket.wait_for("READY=1")
        time.sleep(2.0)
        with notify_socket.lock:
            pings = [at for at, text in notify_socket.messages if "WATCHDOG=1" in text]
    gaps = [b - a for a, b in itertools.pairwise(pings)]
    assert len(gaps) >= 6
    # systemd kills a service whose pings are further apart than WatchdogSec (0.4 s here).
    assert max(gaps) < 0.4, gaps


def test_sighup_reports_reloading_then_ready(tmp_path: Path, notify_socket: NotifySocket) -> None:
    with make_daemon(tmp_path, notify_socket) as daemon:
        notify_socket.wait_for("READY=1")
        daemon.signal(signal.SIGHUP)
        lines = notify_socket.wait_for("READY=1", count=2)
        assert lines.index("RELOADING=1") < len(lines) - 1 - lines[::-1].index("READY=1")
        assert any(line.startswith("MONOTONIC_USEC=") for line in lines)
        assert daemon.process is not None and daemon.process.poll() is None


def test_reload_command_signals_the_daemon_through_its_pid_file(
    tmp_path: Path, notify_socket: NotifySocket
) -> None:
    with make_daemon(tmp_path, notify_socket) as daemon:
        notify_socket.wait_for("READY=1")
        result = daemon.cli("reload")
        assert result.returncode == 0, result.stderr
        notify_socket.wait_for("RELOADING=1")
        notify_socket.wait_for("READY=1", count=2)
        assert sum('"event": "tenders_loaded"' in line for line in daemon.lines) == 2


def test_without_notify_socket_the_daemon_runs_as_before(tmp_path: Path) -> None:
    config = write_config(
        tmp_path, port=free_port(), database_url=f"sqlite:///{tmp_path / 'tn.db'}"
    )
    daemon = Daemon(config)
    daemon.env.pop("NOTIFY_SOCKET", None)
    daemon.env["WATCHDOG_USEC"] = "400000"
    with daemon:
        pass
    assert daemon.process is not None and daemon.process.returncode == 0
