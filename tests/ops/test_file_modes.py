"""The daemon's files are private (0600) even when it is started under umask 022, as
``make run`` from a usual shell does: the store, its -wal and -shm files, the store key, the
outbox's emails (they carry subscribers' links) and the pid file."""

from __future__ import annotations

import asyncio
import os
import stat
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from tender_notifier.delivery.outbox import OutboxTransport
from tender_notifier.store import Store
from tests.support.daemon import Daemon, free_port, write_config


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sqlite_store_and_its_wal_and_shm_are_0600(tmp_path: Path, umask_022: None) -> None:
    db = tmp_path / "state" / "tn.db"
    store = Store.open(f"sqlite:///{db}")
    store.secrets.get_or_create("csrf")  # a write, so the -wal and -shm files exist
    try:
        files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
        assert all(f.exists() for f in files)
        assert {str(f): mode(f) for f in files} == {str(f): 0o600 for f in files}
        assert mode(db.parent) == 0o700
    finally:
        store.close()


def test_a_store_left_readable_by_an_older_version_is_made_private(
    tmp_path: Path, umask_022: None
) -> None:
    db = tmp_path / "tn.db"
    Store.open(f"sqlite:///{db}").close()
    db.chmod(0o644)
    Store.open(f"sqlite:///{db}").close()
    assert mode(db) == 0o600


def test_outbox_emails_are_0600_in_a_0700_folder(tmp_path: Path, umask_022: None) -> None:
    message = EmailMessage()
    message["Message-ID"] = "<m1@test.invalid>"
    message["To"] = "inkoop@bureau.example"
    message.set_content("hallo")
    outbox = tmp_path / "outbox"
    asyncio.run(OutboxTransport(outbox).send(message))
    [written] = list(outbox.iterdir())
    assert mode(written) == 0o600
    assert mode(outbox) == 0o700


def test_the_daemon_under_umask_022_leaves_only_private_files(
    tmp_path: Path, umask_022: None
) -> None:
    var = tmp_path / "var"
    config = write_config(tmp_path, port=free_port(), database_url=f"sqlite:///{var / 'tn.db'}")
    with Daemon(config) as daemon:
        response = httpx.post(
            f"{daemon.base_url}/api/v1/subscriptions",
            json={"channel": "email", "address": "inkoop@bureau.example"},
        )
        assert response.status_code == 201, response.text
        deadline = time.monotonic() + 20
        while not list((var / "outbox").glob("*.eml")) and time.monotonic() < deadline:
            time.sleep(0.1)
        files = [
            var / "tn.db",
            var / "tn.db-wal",
            var / "tn.db-shm",
            var / "store.key",
            var / "tender-notifier.pid",
            var / "tn.db.daemon.lock",
            *(var / "outbox").glob("*.eml"),
        ]
        assert len(files) == 7, daemon.lines
        assert {str(f): oct(mode(f)) for f in files} == {str(f): oct(0o600) for f in files}
