"""Writing a draft tender as a tender file (TOML, like ``config/tenders/``) or as JSON.

``tomllib`` only reads, and the file is small and flat, so it is written here by hand: local times
without an offset (``at = 2026-07-09T09:00:00``), read back in the tender's ``timezone``.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..timeline import Day, Milestone, Moment, Span, Tender
from .characters import normalise


def to_toml(tender: Tender, *, source: str | None = None) -> str:
    """The tender as a tender file that ``parse_tender`` reads back to the same tender."""
    out: list[str] = []
    if source:
        out.append(f"# Imported from {_one_line(source)} by `tender-notifier import`.")
    out.append("# Check every date against the announcement before publishing this file.")
    for key, value in _header(tender).items():
        if value is not None:
            out.append(f"{key} = {_string(value)}")
    for milestone in tender.milestones:
        out.append("")
        out.append("[[milestones]]")
        out.append(f"id = {_string(milestone.id)}")
        out.append(f"kind = {_string(milestone.kind.value)}")
        for key, value in _when(milestone).items():
            out.append(f"{key} = {value}")
        if milestone.note:
            out.append(f"note = {_string(milestone.note)}")
    return "\n".join(out) + "\n"


def to_json(tender: Tender) -> str:
    """The same facts as ``to_toml``, as a JSON object."""
    data: dict[str, object] = {k: v for k, v in _header(tender).items() if v is not None}
    data["milestones"] = [
        {
            "id": m.id,
            "kind": m.kind.value,
            **_when(m),
            **({"note": m.note} if m.note else {}),
        }
        for m in tender.milestones
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _header(tender: Tender) -> dict[str, str | None]:
    return {
        "id": tender.id,
        "title": tender.title,
        "buyer": tender.buyer,
        "platform": tender.platform,
        "reference": tender.reference,
        "url": tender.url,
        "timezone": tender.timezone.key,
    }


def _when(milestone: Milestone) -> dict[str, str]:
    match milestone.when:
        case Moment(at=at):
            return {"at": _local(at)}
        case Day(day=day):
            return {"date": day.isoformat()}
        case Span(start=start, end=end):
            return {"start": _local(start), "end": _local(end)}
    raise AssertionError(milestone.when)  # pragma: no cover


def _local(value: datetime) -> str:
    return value.replace(tzinfo=None).isoformat(timespec="seconds")


def _one_line(text: str) -> str:
    return " ".join(normalise(text).split())


def _string(value: str) -> str:
    """A TOML basic string on one line: quotes and backslashes escaped; control characters are
    never written, not even escaped (the text was normalised; this is the last guard)."""
    out = ['"']
    for ch in normalise(value):
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch in "\t\n":
            out.append(" ")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
