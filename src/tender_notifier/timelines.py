"""The tenders in force: read from ``tenders_dir``, dated by the revisions in the store.

Reloading never makes things worse: a file that no longer validates is reported and the last
good version of its tender stays in force.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
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

    def __init__(self, directory: Path, store: Store, clock: Callable[[], datetime]) -> None:
        self.directory = directory
        self.store = store
        self.clock = clock
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
