"""One daemon per SQLite file, enforced by an exclusive lock next to it.

Two daemons on one SQLite file would both claim the same rows (SQLite has no ``SKIP LOCKED`` and
its leases run on each process's clock), so the second is refused with a clear error. The lock is
an ``flock`` on ``<database>.daemon.lock``: the kernel drops it when the process dies, so a crash
never leaves a stale lock behind. Commands (``subscriptions add`` ...) do not take it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

from ..errors import StoreError


class DaemonLock:
    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle

    def release(self) -> None:
        if not self._handle.closed:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()


def lock_sqlite_store(url: str) -> DaemonLock | None:
    """Take the daemon lock of a SQLite store; None for other stores (or in-memory SQLite).

    Raises ``StoreError`` naming the other daemon's pid when the lock is held.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(f"{parsed.database}.daemon.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Private like the store beside it (it holds only a pid, but the folder's files are all 0600).
    handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600), "a+")
    os.fchmod(handle.fileno(), 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise StoreError(
            f"another tender-notifier daemon (pid {holder}) already uses the SQLite store "
            f"{parsed.database}; only one daemon may run per SQLite file (use PostgreSQL to "
            "run several)"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return DaemonLock(path, handle)
