"""From a notice's facts to a ``Tender``: ids, the buyer's zone, and one milestone per moment.

Pure: no clock, no I/O. A milestone's id is derived from a lot and its kind
(``lot-0001-submission_deadline``), so the same milestone keeps its id, and its calendar UID,
across the notices of a procedure. Lots that share a moment share one milestone, named after the
first of them and listing them all in its note; a lot with its own moment gets its own milestone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from ..errors import Problem, TimelineError
from ..timeline import Day, Kind, Milestone, Moment, Tender, When
from .countries import zone_of
from .notice import Lot, Notice, Stamp

FALLBACK_ZONE = "UTC"
MAX_TITLED_LOTS = 5  # beyond this a milestone's note names its lots by id only
_ID_CHARS = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Mapped:
    """The tender a notice gives, and what ops should know about how it was made."""

    tender: Tender
    warnings: tuple[str, ...]


def tender_id(procedure_id: str) -> str | None:
    """BT-04 in lower case, made a valid tender id (letters, digits, '.', '_', '-')."""
    value = _ID_CHARS.sub("-", procedure_id.strip().lower()).strip("-._")
    return value[:100].rstrip("-._") or None


def to_tender(notice: Notice) -> Mapped:
    """The tender of one notice; ``TimelineError`` names the element when one is missing."""
    problems: list[Problem] = []
    warnings: list[str] = []
    ident = tender_id(notice.procedure_id)
    if ident is None:
        problems.append(Problem(notice.path, "cbc:ContractFolderID", "no usable procedure id"))
    title = notice.title or next((lot.title for lot in notice.lots if lot.title), None)
    if title is None:
        problems.append(
            Problem(notice.path, "cac:ProcurementProject/cbc:Name", "missing (BT-21, the title)")
        )
    if notice.buyer is None:
        problems.append(
            Problem(
                notice.path,
                "efac:Organization/efac:Company/cac:PartyName/cbc:Name",
                "no name for the buyer organisation (BT-500 of the party in cac:ContractingParty)",
            )
        )
    zone = zone_of(notice.buyer_country)
    if zone is None:
        zone = ZoneInfo(FALLBACK_ZONE)
        warnings.append(
            f"buyer country {notice.buyer_country or '(none)'} has no time zone here; "
            f"times are shown in {FALLBACK_ZONE}"
        )
    if problems or ident is None or title is None or notice.buyer is None:
        raise TimelineError(problems)
    return Mapped(
        Tender(
            id=ident,
            title=title,
            buyer=notice.buyer,
            reference=notice.reference,
            url=notice.url,
            timezone=zone,
            milestones=milestones(notice.lots, zone),
            cancelled=notice.cancels,
            change_reason=notice.reason if notice.changed else None,
        ),
        tuple(warnings),
    )


def milestones(lots: tuple[Lot, ...], zone: ZoneInfo) -> tuple[Milestone, ...]:
    """One milestone per (kind, moment), naming the lots that share it."""
    groups: dict[tuple[Kind, When], list[Lot]] = {}
    for lot in lots:
        for item in lot.dates:
            sharing = groups.setdefault((item.kind, when(item.stamp, zone)), [])
            if lot not in sharing:
                sharing.append(lot)
    several = len(lots) > 1
    used: set[str] = set()
    out: list[Milestone] = []
    for (kind, moment), sharing in groups.items():
        # At most 60 + 1 + 22 characters (+ a suffix): within a tender file's 100 for an id.
        base = f"{(tender_id(sharing[0].id) or 'lot')[:60]}-{kind.value}"
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        note = _lots_note(sharing) if several else None
        out.append(Milestone(id=ident, kind=kind, when=moment, note=note))
    out.sort(key=lambda m: (m.begins(zone), m.ends(zone), m.id))
    return tuple(out)


def when(stamp: Stamp, zone: ZoneInfo) -> When:
    """A date without a time is a whole day; a time is read at the notice's offset, shown in
    the buyer's zone (a time without an offset is read in that zone)."""
    if stamp.clock is None:
        return Day(stamp.day)
    if stamp.offset is None:
        return Moment(datetime.combine(stamp.day, stamp.clock, tzinfo=zone))
    at = datetime.combine(stamp.day, stamp.clock, tzinfo=timezone(stamp.offset))
    return Moment(at.astimezone(zone))


def _lots_note(lots: list[Lot]) -> str:
    """'LOT-0001: title; LOT-0002: title', or only the ids when many lots share a moment."""
    if len(lots) > MAX_TITLED_LOTS:
        return ", ".join(lot.id for lot in lots)
    return "; ".join(f"{lot.id}: {lot.title}" if lot.title else lot.id for lot in lots)
