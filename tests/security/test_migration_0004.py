"""Migration 0004 on a store that already holds data: nothing but duplicate pending sign-ups
is removed (SQLite's table rebuilds would cascade into the ledger; this revision does none)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from tender_notifier.store import Store
from tender_notifier.store.engine import MIGRATIONS

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _at_0002(url: str) -> None:
    engine = create_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    engine.dispose()


def _sub(conn: object, sub_id: str, target: str, status: str, created: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO subscriptions (id, channel, target, target_hash, tenders, offsets,"
            " language, status, manage_token_hash, link_token, feed_token, created_at,"
            " updated_at) VALUES (:id, 'email', :target, 'h', '[\"*\"]', '[86400]', 'nl',"
            " :status, :m, :l, :f, :c, :c)"
        ),
        {
            "id": sub_id,
            "target": target,
            "status": status,
            "m": "m" + sub_id,
            "l": "l" + sub_id,
            "f": "f" + sub_id,
            "c": created,
        },
    )
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO deliveries (key, kind, subscription_id, due_at, status, attempts,"
            " created_at) VALUES (:k, 'reminder', :id, :c, 'sent', 1, :c)"
        ),
        {"k": "k" + sub_id, "id": sub_id, "c": created},
    )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrade_keeps_the_ledger_and_one_pending_sign_up_per_address(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    _at_0002(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        _sub(conn, "active", "a@b.example", "active", "2026-05-01 10:00:00")
        _sub(conn, "old", "p@b.example", "pending", "2026-05-30 10:00:00")
        _sub(conn, "new", "P@b.example", "pending", "2026-05-31 10:00:00")
        _sub(conn, "other", "q@b.example", "pending", "2026-05-31 10:00:00")
    engine.dispose()
    store = Store.open(url)
    try:
        ids = {s.id for s in store.subscriptions.list()}
        assert ids == {"active", "new", "other"}
        kept = {d.subscription_id for d in store.ledger.list()}
        assert kept == {"active", "new", "other"}
    finally:
        store.close()
