"""Shared fixtures: stores on SQLite and PostgreSQL, the seed tender, a fixed NOW; no daemon a
test started outlives the test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tender_notifier.store import Store
from tests.support.daemon import daemons_shut_down_at_exit
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

ROOT = Path(__file__).resolve().parent.parent
SEED_TENDER = ROOT / "config" / "tenders" / "flextender-30988.toml"
# The test suite's variables start with TN_TEST_, a prefix the program reserves and ignores:
# `check` and `serve` refuse any other TN_ variable that is no setting, and the daemons the
# tests start inherit this environment. TN_REQUIRE_ALL is the old name of TN_TEST_REQUIRE_ALL,
# taken over (and removed, so no daemon sees it) as long as a CI script still sets it.
if "TN_REQUIRE_ALL" in os.environ:
    os.environ.setdefault("TN_TEST_REQUIRE_ALL", os.environ.pop("TN_REQUIRE_ALL"))
REQUIRE_ALL = os.environ.get("TN_TEST_REQUIRE_ALL") == "1"


def missing(reason: str) -> None:
    """Skip locally, fail in CI (TN_TEST_REQUIRE_ALL=1): CI must run every test."""
    if REQUIRE_ALL:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def no_daemon_outlives_its_test() -> Iterator[None]:
    """A test that fails before it stops its daemon would leave it running: on PostgreSQL it
    would go on claiming the work of the tests after it, whose database it shares, and turn one
    failure into many. Whatever daemon the test started and did not stop ends here."""
    with daemons_shut_down_at_exit():
        yield


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of this test run's own on the PostgreSQL server in TN_TEST_POSTGRES_URL."""
    base = os.environ.get("TN_TEST_POSTGRES_URL")
    if not base:
        missing("TN_TEST_POSTGRES_URL is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"tn_test_{uuid.uuid4().hex[:10]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _clean_postgres(url: str) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    with engine.begin() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        if tables:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def shared_postgres_url(postgres_url: str) -> str:
    """The PostgreSQL database, emptied, for daemons of one test to share: a daemon of an earlier
    test sealed the store with its own key, so its tables go before the store is set up again."""
    _clean_postgres(postgres_url)
    Store.open(postgres_url).close()
    _clean_postgres(postgres_url)
    return postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs once on a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url: str = request.getfixturevalue("postgres_url")
    _clean_postgres(url)  # the last test's store key check too, before this process's key
    Store.open(url).close()
    _clean_postgres(url)
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.open(database_url)
    yield s
    s.close()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server on loopback that keeps what it receives."""
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A real webhook receiver on loopback."""
    r = Receiver().start()
    yield r
    r.stop()
