"""Telling the C allocator (glibc's malloc) how many arenas the daemon may use, and when to
hand back what it holds free.

glibc gives each thread that allocates its own arena, up to eight per core, and keeps what was
freed in each for reuse. The daemon's store calls run in asyncio's worker threads: every one
of them would grow an arena of its own that stays resident while the daemon idles. Two arenas
are plenty for a loop thread and a few short store calls (the value ``MALLOC_ARENA_MAX=2``
would set); an operator's own ``MALLOC_ARENA_MAX`` wins.

What is freed in the middle of an arena stays resident too: glibc returns only the free top of
the main heap by itself, and only once more than its trim threshold is free there (a threshold
that grows as large blocks come and go). A pass over every subscription (at start-up, after a
sign-up) frees tens of MiB at 100,000 subscribers; ``release`` (``malloc_trim``) hands the
free pages back, in well under a millisecond.

On a C library other than glibc (musl, macOS) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache

M_ARENA_MAX = -8  # from glibc's malloc.h
ARENAS = 2


@cache
def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.gnu_get_libc_version  # noqa: B018  (only glibc has it)
    except (OSError, AttributeError):
        return None
    return libc


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap malloc's arenas (call before threads start). Returns whether the cap was set."""
    libc = _glibc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


def release() -> bool:
    """Return the free memory malloc holds to the system. Returns whether any was returned."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.malloc_trim(0))
