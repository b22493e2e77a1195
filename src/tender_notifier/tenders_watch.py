"""Watching ``tenders_dir``: a tender file saved by an editor or a deploy is reloaded at once.

Kept apart from ``timelines`` so that only the daemon loads the file watcher.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import structlog
import watchfiles

log = structlog.get_logger(__name__)


async def watch_tenders(
    directory: Path, stop: asyncio.Event, reload: Callable[[], Awaitable[None]]
) -> None:
    """Call ``reload`` when a tender file (.toml, .xml) in ``directory`` changes, until ``stop``
    is set."""
    try:
        async for changes in watchfiles.awatch(
            directory,
            stop_event=stop,
            debounce=300,
            step=50,
            watch_filter=lambda _, path: path.endswith((".toml", ".xml")),
        ):
            log.info("tenders_dir_changed", files=sorted({Path(p).name for _, p in changes}))
            await reload()
    except FileNotFoundError:
        log.warning("tenders_dir_not_watched", directory=str(directory))
