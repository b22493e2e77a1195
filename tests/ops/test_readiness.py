"""/healthz says the process is up; /readyz says 503 as soon as the store is gone."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import missing
from tests.support.daemon import Daemon, free_port, tender_toml, write_config

pytestmark = pytest.mark.e2e


@pytest.fixture
def own_postgres_database() -> Iterator[tuple[str, str]]:
    """A database this test may drop: (its SQLAlchemy URL, the admin URL for psycopg)."""
    base = os.environ.get("TN_TEST_POSTGRES_URL")
    if not base:
        missing("TN_TEST_POSTGRES_URL is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"tn_ready_{uuid.uuid4().hex[:10]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False), admin
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def daemon_on(tmp_path: Path, database_url: str) -> Daemon:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=database_url,
        tenders={"empty": tender_toml("empty", [])},
    )
    return Daemon(config)


def wait_for_status(url: str, status: int, timeout: float = 10.0) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while True:
        response = httpx.get(url, timeout=5)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.1)


def test_readyz_turns_503_when_the_postgresql_database_is_dropped(
    tmp_path: Path, own_postgres_database: tuple[str, str]
) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url, admin = own_postgres_database
    with daemon_on(tmp_path, url) as daemon:
        ready = httpx.get(f"{daemon.base_url}/readyz")
        assert ready.status_code == 200
        assert ready.json() == {
            "status": "ready",
            "checks": {"store": True, "tenders": True, "schedule": True},
            "smtp": "outbox",
        }
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)')
        response = wait_for_status(f"{daemon.base_url}/readyz", 503)
        assert response.status_code == 503
        assert response.json()["checks"] == {"store": False, "tenders": True, "schedule": True}
        # The process itself is fine: liveness stays green, so systemd does not restart it.
        assert httpx.get(f"{daemon.base_url}/healthz").status_code == 200
        # Metrics still answer without the store.
        assert httpx.get(f"{daemon.base_url}/metrics").status_code == 200
        assert any('"event": "not_ready"' in line for line in daemon.lines)


def test_readyz_turns_503_when_the_sqlite_file_is_gone(tmp_path: Path) -> None:
    db = tmp_path / "store" / "tn.db"
    with daemon_on(tmp_path, f"sqlite:///{db}") as daemon:
        assert httpx.get(f"{daemon.base_url}/readyz").status_code == 200
        # A wiped state directory: the open connection would go on writing into nothing.
        (tmp_path / "store").rename(tmp_path / "store.moved")
        response = wait_for_status(f"{daemon.base_url}/readyz", 503)
        assert response.status_code == 503
        assert response.json()["checks"]["store"] is False
        assert httpx.get(f"{daemon.base_url}/healthz").status_code == 200
        (tmp_path / "store.moved").rename(tmp_path / "store")
        assert wait_for_status(f"{daemon.base_url}/readyz", 200).status_code == 200


def test_healthz_and_readyz_answer_head_requests(tmp_path: Path) -> None:
    with daemon_on(tmp_path, f"sqlite:///{tmp_path / 'tn.db'}") as daemon:
        assert httpx.head(f"{daemon.base_url}/healthz").status_code == 200
        assert httpx.head(f"{daemon.base_url}/readyz").status_code == 200
