"""The eForms notices in ``tenders_dir``: the notices of one procedure make one tender.

A procedure's notices share BT-04 (``cbc:ContractFolderID``). Each change notice repeats the whole
notice, so the newest (by BT-05 issue date and time, then version) states the dates; if it
cancels the procedure, the tender is cancelled.

A notice that cannot be read (a half-written copy, a bad edit) may be the newest of its
procedure, so the others cannot say what is in force: the procedure is *held*, and the daemon
keeps the version it had, as it does for a tender file that no longer validates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import Problem, TimelineError
from ..timeline import Tender
from .mapping import tender_id, to_tender
from .notice import Notice
from .parse import parse_notice, read_bytes, sniff_procedure_id

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class NoticeLoad:
    tenders: tuple[Tender, ...]
    problems: tuple[Problem, ...]
    files: Mapping[str, Path]  # tender id -> the newest notice of its procedure
    held: frozenset[str] = frozenset()  # tender ids with an unreadable notice


def newest(notices: Iterable[Notice]) -> Notice:
    """The notice that states a procedure's dates: the last issued."""
    return max(
        notices,
        key=lambda n: (n.issued or _EPOCH, _version(n.version), str(n.path or "")),
    )


def load_notices(paths: Iterable[Path]) -> NoticeLoad:
    """One tender per procedure from the notice files ``paths``; bad files become problems."""
    problems: list[Problem] = []
    procedures: dict[str, list[Notice]] = {}
    held: set[str] = set()
    for path in paths:
        data = b""
        try:
            data = read_bytes(path)
            notice = parse_notice(data, path)
        except TimelineError as exc:
            problems.extend(exc.problems)
            sniffed = sniff_procedure_id(data)
            if sniffed is not None and (held_id := tender_id(sniffed)) is not None:
                held.add(held_id)
            continue
        key = tender_id(notice.procedure_id) or ""
        procedures.setdefault(key, []).append(notice)
    tenders: list[Tender] = []
    files: dict[str, Path] = {}
    for key, notices in procedures.items():
        if key in held:
            continue
        latest = newest(notices)
        try:
            tender = to_tender(latest).tender
        except TimelineError as exc:
            problems.extend(exc.problems)
            continue
        tenders.append(tender)
        if latest.path is not None:
            files[tender.id] = latest.path
    return NoticeLoad(tuple(tenders), tuple(problems), files, frozenset(held))


def _version(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
