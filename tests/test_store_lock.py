"""One daemon per SQLite file: the lock next to the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tender_notifier.errors import StoreError
from tender_notifier.store.lock import lock_sqlite_store


def test_a_second_lock_on_one_sqlite_file_is_refused_naming_the_holder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first = lock_sqlite_store(url)
    assert first is not None
    with pytest.raises(StoreError, match=rf"pid {os.getpid()}.*only one daemon may run"):
        lock_sqlite_store(url)
    first.release()
    again = lock_sqlite_store(url)  # released (or the holder died): free again
    assert again is not None
    again.release()


def test_postgresql_and_memory_stores_take_no_file_lock() -> None:
    assert lock_sqlite_store("postgresql+psycopg://u@127.0.0.1/db") is None
    assert lock_sqlite_store("sqlite:///:memory:") is None
