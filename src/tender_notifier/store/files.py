"""Files only the daemon's user may read, whatever the umask it was started under.

``make run`` or a shell runs with umask 022, which would leave the store, its key and the
outbox readable by every local user. Files are therefore created with an explicit mode (the
umask can only take bits away, and 0600 has none it would take) and existing ones are tightened.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE = 0o600
PRIVATE_DIR = 0o700


def create_private(path: Path, data: bytes) -> None:
    """Write a new file ``path`` with mode 0600; ``FileExistsError`` if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` (new or replaced in place) with mode 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
        os.write(fd, data)
    finally:
        os.close(fd)


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and its parents) if missing; a directory made here is 0700.

    An existing directory keeps its mode: it may be shared on purpose (``/tmp``, a home).
    """
    if directory.is_dir():
        return
    directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    with contextlib.suppress(OSError):
        directory.chmod(PRIVATE_DIR)


def tighten(path: Path) -> None:
    """Make an existing file 0600 if it is readable by others (files of older versions).

    Best effort: a user who does not own the file (``check`` run by someone else) leaves it.
    """
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            path.chmod(PRIVATE)
