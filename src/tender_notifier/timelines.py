"""The tenders in force: read from ``tenders_dir``, dated by the revisions in the store.

Reloading never makes things worse: a file that no longer validates is reported and the last
good version of its tender stays in force. A file that disappears (a save by rename, a deploy)
keeps its tender in force for ``missing_grace``; only a tender still gone after that is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import structlog

from .calendar import FeedEntry
from .errors import Problem
from .revisions import Change, TenderRevision, revise
from .store import Store
from .tender_file import load_directory
from .timeline import Tender

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Reload:
    """What one (re)load did."""

    changes: dict[str, list[Change]] = field(default_factory=dict)  # tender id -> changes
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


class Timelines:
    """Thread-safe holder of the current tenders and their revisions."""

    def __init__(
        self,
        directory: Path,
        store: Store,
        clock: Callable[[], datetime],
        missing_grace: timedelta = timedelta(minutes=10),
    ) -> None:
        self.directory = directory
        self.store = store
        self.clock = clock
        self.missing_grace = missing_grace
        self._missing: dict[str, datetime] = {}  # tender id -> since when its file is gone
        self._lock = threading.Lock()
        self._tenders: dict[str, Tender] = {}
        self._revisions: dict[str, TenderRevision] = {}
        self._files: dict[Path, str] = {}
        self.loaded = False

    def reload(self) -> Reload:
        now = self.clock()
        result = load_directory(self.directory)
        with self._lock:
            tenders = {t.id: t for t in result.tenders}
            files = {path: tender_id for tender_id, path in result.files.items()}
            bad_paths = {p.path for p in result.problems if p.path is not None}
            for path in bad_paths:
                kept = self._files.get(path)
                if kept is not None and kept in self._tenders and kept not in tenders:
                    tenders[kept] = self._tenders[kept]
                    files[path] = kept
                    log.error(
                        "tender_file_rejected",
                        file=str(path),
                        tender_id=kept,
                        kept="last good version",
                    )
            for held in result.held:
                if held in self._tenders and held not in tenders:
                    tenders[held] = self._tenders[held]
                    files.update({p: t for p, t in self._files.items() if t == held})
                    log.error("tender_file_rejected", tender_id=held, kept="last good version")
            for problem in result.problems:
                log.error("tender_file_invalid", problem=str(problem))
            missing = {i: self._missing.get(i, now) for i in self._tenders if i not in tenders}
            for tender_id, since in missing.items():
                if now - since < self.missing_grace:
                    tenders[tender_id] = self._tenders[tender_id]
                    if tender_id not in self._missing:
                        log.warning(
                            "tender_file_missing",
                            tender_id=tender_id,
                            kept_until=(since + self.missing_grace).isoformat(),
                        )
            self._missing = {i: s for i, s in missing.items() if i in tenders}
            changes: dict[str, list[Change]] = {}
            revisions: dict[str, TenderRevision] = {}
            for tender in tenders.values():
                # The store, not this process's memory, is the reference: daemons sharing one
                # PostgreSQL then agree on each event's SEQUENCE and LAST-MODIFIED (and so on
                # the feed bytes), and only the first to see a change records it.
                previous = self.store.revisions.get(tender.id, tender.timezone)
                revision, changed = revise(previous, tender, now)
                if revision is not previous:
                    self.store.revisions.put(revision, now)
                if changed:
                    changes[tender.id] = changed
                revisions[tender.id] = revision
            added = tuple(sorted(set(tenders) - set(self._tenders))) if self.loaded else ()
            removed = tuple(sorted(set(self._tenders) - set(tenders)))
            self._tenders, self._revisions, self._files = tenders, revisions, files
            self.loaded = True
        log.info(
            "tenders_loaded",
            tenders=len(tenders),
            changed=sorted(changes),
            added=list(added),
            removed=list(removed),
            problems=len(result.problems),
        )
        return Reload(changes, added, removed, result.problems)

    def drop_missing(self, now: datetime) -> list[str]:
        """Drop tenders whose file has been gone for ``missing_grace``; returns their ids."""
        with self._lock:
            gone = [i for i, since in self._missing.items() if now - since >= self.missing_grace]
            for tender_id in gone:
                del self._missing[tender_id]
                self._tenders.pop(tender_id, None)
                self._revisions.pop(tender_id, None)
                self._files = {p: i for p, i in self._files.items() if i != tender_id}
        for tender_id in gone:
            log.warning("tender_dropped", tender_id=tender_id, reason="file gone")
        return gone

    def missing_until(self) -> datetime | None:
        """When the first tender held after its file went is dropped, if any is held."""
        with self._lock:
            first = min(self._missing.values(), default=None)
        return None if first is None else first + self.missing_grace

    def changed_at(self, tender_id: str) -> datetime | None:
        """When the tender's timeline last changed (the store's revision, shared by daemons)."""
        with self._lock:
            revision = self._revisions.get(tender_id)
            return revision.modified if revision else None

    def tenders(self) -> list[Tender]:
        with self._lock:
            return sorted(self._tenders.values(), key=lambda t: t.id)

    def get(self, tender_id: str) -> Tender | None:
        with self._lock:
            return self._tenders.get(tender_id)

    def entry(self, tender_id: str) -> FeedEntry | None:
        with self._lock:
            tender = self._tenders.get(tender_id)
            return FeedEntry(tender, self._revisions[tender_id]) if tender else None

    def revision_key(self, tender_id: str) -> str | None:
        """Names the tender's current revision (content and when it was made)."""
        with self._lock:
            revision = self._revisions.get(tender_id)
            if revision is None:
                return None
            return f"{revision.fingerprint}@{revision.modified.isoformat()}"

    def entries(self) -> list[FeedEntry]:
        with self._lock:
            return [FeedEntry(t, self._revisions[t.id]) for t in self._tenders.values()]
