"""Dialect-specific INSERT ... ON CONFLICT, the one place the store speaks two dialects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table


def _insert(conn: Connection, table: Table) -> Any:
    # Imported here: the dialect module of the database in use is loaded already (the engine
    # loaded it), the other one, 2 MiB for PostgreSQL's, is never loaded.
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def upsert(conn: Connection, table: Table, values: dict[str, Any], keys: Sequence[str]) -> Any:
    statement = _insert(conn, table).values(**values)
    updates = {k: v for k, v in values.items() if k not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=updates)


def insert_ignore(conn: Connection, table: Table, keys: Sequence[str]) -> Any:
    """An INSERT that silently skips rows whose ``keys`` already exist."""
    return _insert(conn, table).on_conflict_do_nothing(index_elements=list(keys))
