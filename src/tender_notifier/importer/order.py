"""The order every procedure keeps: which step's milestone must begin before which one's ends.
Milestones that lie in an impossible order with others are a wrong reading."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from ..timeline import Kind, Milestone

_PAIRWISE_MAX = 64
# Which kind's milestone must begin before which kind's milestone ends, in every procedure the
# importer reads. Narrower than the usual order (``STAGE``): a restricted procedure sends its
# invitations (shortlist_notice) before tenders are due, a second questions round follows the
# first answers, and the public opening is at the deadline or after it.
_BEFORE: dict[Kind, frozenset[Kind]] = {
    Kind.PARTICIPATION_DEADLINE: frozenset(
        {
            Kind.SHORTLIST_NOTICE,
            Kind.SUBMISSION_DEADLINE,
            Kind.OPENING,
            Kind.INTERVIEWS,
            Kind.AWARD,
            Kind.START,
            Kind.END,
        }
    ),
    Kind.QUESTIONS_DEADLINE: frozenset(
        {Kind.SUBMISSION_DEADLINE, Kind.OPENING, Kind.INTERVIEWS, Kind.AWARD, Kind.START, Kind.END}
    ),
    Kind.ANSWERS_PUBLISHED: frozenset(
        {Kind.SUBMISSION_DEADLINE, Kind.OPENING, Kind.INTERVIEWS, Kind.AWARD, Kind.START, Kind.END}
    ),
    Kind.SUBMISSION_DEADLINE: frozenset({Kind.INTERVIEWS, Kind.AWARD, Kind.START, Kind.END}),
    Kind.OPENING: frozenset({Kind.AWARD, Kind.START, Kind.END}),
    Kind.SHORTLIST_NOTICE: frozenset({Kind.INTERVIEWS, Kind.AWARD, Kind.START, Kind.END}),
    Kind.INTERVIEWS: frozenset({Kind.AWARD, Kind.START, Kind.END}),
    Kind.AWARD: frozenset({Kind.START, Kind.END}),
    Kind.START: frozenset({Kind.END}),
}
# the steps of the tender phase that may follow the presentations of a selection's candidates
_BEFORE_FINAL_TENDERS = frozenset(
    {Kind.SUBMISSION_DEADLINE, Kind.QUESTIONS_DEADLINE, Kind.ANSWERS_PUBLISHED}
)
# a deadline of final tenders, which the negotiations or presentations go before
_FINAL = re.compile(
    r"\b(bafos?|best (and|&) final|final (tenders?|bids?|offers?)|definitieve? (inschrijving"
    r"|offerte|aanbieding)(en)?|finale (inschrijving|offerte|aanbieding)(en)?|beste en"
    r" definitieve)\b",
    re.IGNORECASE,
)
_AFTER: dict[Kind, frozenset[Kind]] = {
    kind: frozenset(early for early, lates in _BEFORE.items() if kind in lates) for kind in Kind
}


def impossible(milestones: list[Milestone], zone: ZoneInfo, *, two_phase: bool = False) -> set[int]:
    """Indexes of milestones that lie in an impossible order with others (a wrong reading).

    The milestone in the most impossible pairs goes first, then the next, until none is left:
    a start misread from "het DAS loopt van 1 januari 2025" is one wrong date, not seven. Of
    an even pair the one that is not a deadline goes (an end before a start rather than the
    start); two deadlines both go. Past
    ``_PAIRWISE_MAX`` milestones (no announcement has that many) every milestone in an
    impossible pair goes, found in one pass.
    """
    if len(milestones) > _PAIRWISE_MAX:
        return _in_impossible_pairs(milestones, zone)
    spans = [(m.begins(zone), m.ends(zone)) for m in milestones]
    # With lots, each its own deadline, the interviews of the first lot may come before the
    # last lot's deadline: interviews need only follow the first submission deadline.
    first_deadline = min(
        (spans[k][0] for k, m in enumerate(milestones) if m.kind is Kind.SUBMISSION_DEADLINE),
        default=None,
    )
    # In a procedure with a selection first (a negotiation, a dialogue), the candidates may
    # present before their final tenders (a BAFO) are due, and ask their questions after: a
    # procedure the text names so, or one with requests to participate
    two_phase = two_phase or any(m.kind is Kind.PARTICIPATION_DEADLINE for m in milestones)
    pairs = {
        (a, b)
        for a, early in enumerate(milestones)
        for b, late in enumerate(milestones)
        if late.kind in _BEFORE.get(early.kind, ())
        and spans[a][0] >= spans[b][1]
        and not (
            late.kind is Kind.INTERVIEWS
            and (
                (early.kind is Kind.SUBMISSION_DEADLINE and spans[a][0] != first_deadline)
                or (two_phase and early.kind in _BEFORE_FINAL_TENDERS)
                or (early.kind is Kind.SUBMISSION_DEADLINE and _FINAL.search(early.note or ""))
            )
        )
        and not _of_other_lots(early, late)
    }
    dropped: set[int] = set()
    while pairs:
        counts = Counter(k for pair in pairs for k in pair)
        most = max(counts.values())
        worst = [k for k, n in counts.items() if n == most]
        # an end just before a start is the end of the contract the new one follows
        others = sorted(
            (k for k in worst if not milestones[k].kind.is_deadline),
            key=lambda k: milestones[k].kind is not Kind.END,
        )
        # of two deadlines, the one whose moment is read as another step too is the misreading
        twice = [
            k
            for k in worst
            if any(
                m.when == milestones[k].when for m in milestones if m.kind is not milestones[k].kind
            )
        ]
        chosen = others[:1] or twice or worst
        dropped.update(chosen)
        pairs = {(a, b) for a, b in pairs if a not in dropped and b not in dropped}
    return dropped


# "Perceel 1, Voornemen tot gunning: ...", "Lots 2 and 3, Tender deadline: ...": a row of a
# table with a column of dates per lot
_LOT_NOTE = re.compile(r"^(?:perceel|percelen|lots?|kavels?|deelopdracht)\b[^,:;]{1,20},", re.I)


def _of_other_lots(one: Milestone, other: Milestone) -> bool:
    """Whether the two come from the columns of different lots: each lot keeps its own order
    (the award of lot 1 may come before the presentations of lot 2)."""
    first, second = (_LOT_NOTE.match(m.note or "") for m in (one, other))
    if first is None or second is None:
        return False
    return first.group(0).lower() != second.group(0).lower()


def _in_impossible_pairs(milestones: list[Milestone], zone: ZoneInfo) -> set[int]:
    """Indexes of milestones in an impossible pair; per kind the earliest end and the latest
    beginning (of deadlines, and of all) decide, so this is one pass, not one per pair."""
    first_end: dict[tuple[Kind, bool], datetime] = {}
    last_begin: dict[tuple[Kind, bool], datetime] = {}
    for m in milestones:
        for only_deadlines in {False, m.kind.is_deadline}:
            key = (m.kind, only_deadlines)
            first_end[key] = min(first_end.get(key, m.ends(zone)), m.ends(zone))
            last_begin[key] = max(last_begin.get(key, m.begins(zone)), m.begins(zone))
    dropped: set[int] = set()
    for k, m in enumerate(milestones):
        rivals = m.kind.is_deadline  # a deadline goes only when its rival is a deadline too
        begins, ends = m.begins(zone), m.ends(zone)
        later = (first_end.get((kind, rivals)) for kind in _BEFORE.get(m.kind, ()))
        earlier = (last_begin.get((kind, rivals)) for kind in _AFTER[m.kind])
        if any(end is not None and end <= begins for end in later) or any(
            begin is not None and begin >= ends for begin in earlier
        ):
            dropped.add(k)
    return dropped
