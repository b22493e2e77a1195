"""What changed in a timeline, and since when: the memory behind SEQUENCE and LAST-MODIFIED.

``revise(previous, tender, now)`` compares a freshly read tender with the revision the store
kept and returns the new revision plus the list of changes. It is pure: the store persists
revisions, the daemon decides what to do about changes. Because the timestamps come from here and
not from the request, the same timeline always gives the same feed bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from .timeline import Day, Kind, Milestone, Moment, Span, Tender

ChangeKind = Literal["moved", "added", "removed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One milestone that moved, appeared or disappeared between two versions of a timeline."""

    milestone_id: str
    kind: ChangeKind
    old: Milestone | None
    new: Milestone | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MilestoneRevision:
    """The calendar state of one milestone: its SEQUENCE, LAST-MODIFIED, and removal."""

    milestone: Milestone
    fingerprint: str
    sequence: int
    modified: datetime
    removed_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TenderRevision:
    tender_id: str
    fingerprint: str
    modified: datetime
    milestones: tuple[MilestoneRevision, ...]

    def active(self) -> tuple[MilestoneRevision, ...]:
        return tuple(r for r in self.milestones if r.removed_at is None)

    def cancelled(self, now: datetime, keep: timedelta) -> tuple[MilestoneRevision, ...]:
        """Removed milestones still shown as STATUS:CANCELLED so clients drop them."""
        return tuple(
            r for r in self.milestones if r.removed_at is not None and r.removed_at + keep > now
        )


def _event_fingerprint(tender: Tender, milestone: Milestone) -> str:
    # Tender facts are part of every event's text (SUMMARY names the tender), so they count too.
    facts = replace(tender, milestones=(milestone,))
    return facts.fingerprint()


def revise(
    previous: TenderRevision | None, tender: Tender, now: datetime
) -> tuple[TenderRevision, list[Change]]:
    """The revision of ``tender`` at ``now`` given the one kept before, and what changed."""
    old = {r.milestone.id: r for r in previous.milestones} if previous else {}
    changes: list[Change] = []
    revisions: list[MilestoneRevision] = []
    # A cancelled procedure keeps no milestone: each becomes STATUS:CANCELLED with SEQUENCE up.
    live = () if tender.cancelled else tender.milestones
    for milestone in live:
        fingerprint = _event_fingerprint(tender, milestone)
        before = old.pop(milestone.id, None)
        if before is None or before.removed_at is not None:
            sequence = before.sequence + 1 if before else 0
            revisions.append(
                MilestoneRevision(
                    milestone=milestone, fingerprint=fingerprint, sequence=sequence, modified=now
                )
            )
            if previous is not None:
                changes.append(Change(milestone.id, "added", None, milestone))
        elif before.fingerprint != fingerprint:
            revisions.append(
                MilestoneRevision(
                    milestone=milestone,
                    fingerprint=fingerprint,
                    sequence=before.sequence + 1,
                    modified=now,
                )
            )
            if before.milestone.when != milestone.when:
                changes.append(Change(milestone.id, "moved", before.milestone, milestone))
        else:
            revisions.append(before)
    for gone in old.values():
        if gone.removed_at is None:
            revisions.append(
                replace(gone, sequence=gone.sequence + 1, modified=now, removed_at=now)
            )
            changes.append(Change(gone.milestone.id, "removed", gone.milestone, None))
        else:
            revisions.append(gone)
    fingerprint = tender.fingerprint()
    if previous is not None and previous.fingerprint == fingerprint:
        return previous, []
    modified = max((r.modified for r in revisions), default=now)
    revision = TenderRevision(
        tender_id=tender.id, fingerprint=fingerprint, modified=modified, milestones=tuple(revisions)
    )
    return revision, changes


# --- serialisation, for the store -------------------------------------------------------------


def milestone_to_dict(m: Milestone) -> dict[str, Any]:
    data: dict[str, Any] = {"id": m.id, "kind": m.kind.value, "title": m.title, "note": m.note}
    match m.when:
        case Moment(at=at):
            data["at"] = at.isoformat()
        case Day(day=day):
            data["date"] = day.isoformat()
        case Span(start=start, end=end):
            data["start"], data["end"] = start.isoformat(), end.isoformat()
    return data


def milestone_from_dict(data: dict[str, Any], zone: ZoneInfo) -> Milestone:
    when: Moment | Day | Span
    if "at" in data:
        when = Moment(datetime.fromisoformat(data["at"]).astimezone(zone))
    elif "date" in data:
        when = Day(date.fromisoformat(data["date"]))
    else:
        when = Span(
            datetime.fromisoformat(data["start"]).astimezone(zone),
            datetime.fromisoformat(data["end"]).astimezone(zone),
        )
    return Milestone(
        id=data["id"], kind=Kind(data["kind"]), when=when, title=data["title"], note=data["note"]
    )


def revision_to_dict(revision: TenderRevision) -> dict[str, Any]:
    return {
        "tender_id": revision.tender_id,
        "fingerprint": revision.fingerprint,
        "modified": revision.modified.isoformat(),
        "milestones": [
            {
                "milestone": milestone_to_dict(r.milestone),
                "fingerprint": r.fingerprint,
                "sequence": r.sequence,
                "modified": r.modified.isoformat(),
                "removed_at": r.removed_at.isoformat() if r.removed_at else None,
            }
            for r in revision.milestones
        ],
    }


def revision_from_dict(data: dict[str, Any], zone: ZoneInfo) -> TenderRevision:
    return TenderRevision(
        tender_id=data["tender_id"],
        fingerprint=data["fingerprint"],
        modified=datetime.fromisoformat(data["modified"]),
        milestones=tuple(
            MilestoneRevision(
                milestone=milestone_from_dict(r["milestone"], zone),
                fingerprint=r["fingerprint"],
                sequence=r["sequence"],
                modified=datetime.fromisoformat(r["modified"]),
                removed_at=datetime.fromisoformat(r["removed_at"]) if r["removed_at"] else None,
            )
            for r in data["milestones"]
        ),
    )
