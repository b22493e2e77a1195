"""``feeds.export_dir``: every public feed written as a file, for nginx or a CDN to serve.

Layout (the URL paths of the daemon, so a web server maps them one to one)::

    EXPORT_DIR/feeds/all.ics              EXPORT_DIR/feeds/en/all.ics
    EXPORT_DIR/feeds/{tender_id}.ics      EXPORT_DIR/feeds/en/{tender_id}.ics

Dutch is the default, as in ``/feeds/{id}.ics``; English is under ``en/`` (the daemon's
``?lang=en``). A file is replaced atomically (written beside it, then renamed) and only when its
bytes change, so a reader never sees half a feed and its mtime is the feed's last change. Feeds of
tenders no longer loaded are removed. Personal feeds are never exported: their URL is the secret.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import structlog

from .calendar import FeedEntry
from .feed_bytes import ALL_FEED_NAMES, FeedBuilder, FeedRequest, current_entries, tender_feed_name
from .i18n import LANGUAGES, Language
from .settings import Settings

log = structlog.get_logger(__name__)

_SUBDIR: dict[str, str] = {"nl": "", "en": "en"}


def planned_files(
    entries: Sequence[FeedEntry], settings: Settings, now: datetime
) -> dict[Path, FeedRequest]:
    """Each exported file's path (relative to the export dir) and the feed it holds."""
    files: dict[Path, FeedRequest] = {}
    current = tuple(current_entries(entries, settings, now))
    for lang in LANGUAGES:
        language: Language = "en" if lang == "en" else "nl"
        folder = Path("feeds") / _SUBDIR[lang]
        files[folder / "all.ics"] = FeedRequest(current, ALL_FEED_NAMES[lang], language)
        for entry in entries:
            request = FeedRequest((entry,), tender_feed_name(entry), language)
            files[folder / f"{entry.tender.id}.ics"] = request
    return files


def _write_atomically(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        # Feeds are public: readable by the web server's user, unlike the store.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FeedExport:
    """Keeps ``directory`` equal to the public feeds; ``sync`` is one cheap step, safe to repeat."""

    def __init__(
        self,
        directory: Path,
        settings: Settings,
        builder: FeedBuilder,
        entries: Callable[[], Sequence[FeedEntry]],
    ) -> None:
        self.directory = directory
        self.settings = settings
        self.builder = builder
        self.entries = entries
        self._keys: dict[Path, object] = {}

    def sync(self, now: datetime) -> int:
        """Write what changed, remove what is gone; returns how many files were written."""
        files = planned_files(self.entries(), self.settings, now)
        written = 0
        for relative, request in files.items():
            key = self.builder.key(request, now)
            target = self.directory / relative
            if self._keys.get(relative) == key and target.exists():
                continue
            body = self.builder.build(request, now)
            try:
                current = target.read_bytes()
            except OSError:
                current = None
            if current != body:
                _write_atomically(target, body)
                written += 1
            self._keys[relative] = key
        for relative in set(self._keys) - set(files):
            (self.directory / relative).unlink(missing_ok=True)
            del self._keys[relative]
        for stale in self._stale_files(set(files)):
            stale.unlink(missing_ok=True)
        if written:
            log.info("feeds_exported", files=written, directory=str(self.directory))
        return written

    def _stale_files(self, wanted: set[Path]) -> list[Path]:
        """Exported feeds of tenders no longer loaded, left by an earlier run."""
        stale: list[Path] = []
        for lang in LANGUAGES:
            folder = self.directory / "feeds" / _SUBDIR[lang]
            if folder.is_dir():
                for path in folder.glob("*.ics"):
                    if path.relative_to(self.directory) not in wanted:
                        stale.append(path)
        return stale


async def keep_exported(
    export: FeedExport, clock: Callable[[], datetime], interval: float = 2.0
) -> None:
    """Sync the export every ``interval`` seconds until cancelled; a failing disk is logged once."""
    failing = False
    while True:
        try:
            await asyncio.to_thread(export.sync, clock())
        except OSError as exc:
            if not failing:
                log.error("feed_export_failed", directory=str(export.directory), error=str(exc))
            failing = True
        else:
            if failing:
                log.info("feed_export_recovered", directory=str(export.directory))
            failing = False
        await asyncio.sleep(interval)
