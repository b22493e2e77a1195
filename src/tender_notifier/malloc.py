"""Telling the C allocator (glibc's malloc) how many arenas the daemon may use.

glibc gives each thread that allocates its own arena, up to eight per core, and keeps what was
freed in each for reuse. The daemon's store calls run in asyncio's worker threads: every one
of them would grow an arena of its own that stays resident while the daemon idles. Two arenas
are plenty for a loop thread and a few short store calls (the value ``MALLOC_ARENA_MAX=2``
would set); an operator's own ``MALLOC_ARENA_MAX`` wins.

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
