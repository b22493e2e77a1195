"""From finds to the timeline: one milestone per fact, in the tender's zone, in a possible order,
sorted and named."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from ..tender_file import STAGE
from ..timeline import Day, Kind, Milestone, Moment, Span, When
from .draft import Found, Unplaced
from .finds import MANY
from .lot_times import lot_times
from .order import impossible
from .text import excerpt

_NEW_UNDER_OLD = 2  # lines between an old date and its new text under it
_MAX_NOTE = 500  # a milestone's note quotes its sentence, up to this many characters
_IDS = {
    Kind.QUESTIONS_DEADLINE: "questions-deadline",
    Kind.ANSWERS_PUBLISHED: "answers-published",
    Kind.SUBMISSION_DEADLINE: "submission-deadline",
    Kind.SHORTLIST_NOTICE: "shortlist-notice",
    Kind.INTERVIEWS: "interview",
    Kind.AWARD: "award",
    Kind.START: "start",
    Kind.END: "end",
    Kind.OTHER: "other",
    Kind.PARTICIPATION_DEADLINE: "participation-deadline",
    Kind.OPENING: "opening",
}


def milestones(
    found: list[Found],
    zone: ZoneInfo,
    unplaced: list[Unplaced],
    *,
    per_lot: bool = False,
    two_phase: bool = False,
) -> tuple[Milestone, ...]:
    """The timeline made of ``found``; what cannot be part of it goes to ``unplaced``.

    ``per_lot`` says the text moves the dates of some lots only: the old dates stay those of
    the other lots ("The timetable for Lots 1 and 2 is not changed"). ``two_phase`` says the
    text names a procedure of two phases (a negotiation, a dialogue), whose presentations may
    go before the final tenders."""
    kept = found if per_lot else _moved(_not_old(found, unplaced), unplaced)
    merged = _merge(_same_instants(kept, zone), unplaced)
    return _ordered(_in_zone(merged, zone, unplaced), zone, unplaced, two_phase)


def _not_old(found: list[Found], unplaced: list[Unplaced]) -> list[Found]:
    """Without the days the text calls the old date of a moved step ("Deadline aanbieding was:
    8 december", "(instead of 11 January 2027)"), wherever else they stand: the timetable of
    the first mail, quoted under the one that moves it."""
    old = {u.old: u.line for u in unplaced if u.old is not None}
    kept: list[Found] = []
    for item in found:
        line = old.get((item.day, item.kind), item.line)
        # not the new text just under the old ("Staat: ... om 12.30 uur" / "Dit moet zijn: ...
        # op 14 januari 2027 om 12.15 uur"), which may keep the day at another time
        if line != item.line and not 0 < item.line - line <= _NEW_UNDER_OLD:
            reason = "a day the text calls the old date of a moved step; not used"
            unplaced.append(Unplaced(item.line, item.day.isoformat(), reason, item.note))
            continue
        kept.append(item)
    return kept


def _moves_all(move: Found, found: list[Found]) -> bool:
    """Whether ``move`` replaces every earlier date of its step."""
    if move.kind not in MANY:
        return True
    same = [f for f in found if f.kind is move.kind]
    # two days, however often each is written ("verplaatst naar vrijdag 18 december", then
    # "gesprekken: vr 18 dec" in the summary under it); other steps are many different things
    days = len(same) if move.kind is Kind.OTHER else len({f.day for f in same})
    return days == 2 and sum(f.line == move.line for f in same) == 1


def _moved(found: list[Found], unplaced: list[Unplaced]) -> list[Found]:
    """Without the dates a later line that changes the planning replaces: of each step done
    once, what comes before its last move (on another line) goes; of a step that may be held
    on several days, the one day before a move to one other day ("Selectiegesprekken | 21
    december 2026" / "... zijn de selectiegesprekken verplaatst naar dinsdag 22 december")."""
    last_move = {f.kind: k for k, f in enumerate(found) if f.moves and _moves_all(f, found)}
    kept: list[Found] = []
    for k, item in enumerate(found):
        move = last_move.get(item.kind)
        later = found[move] if move is not None else item
        if k < (move or 0) and item.line != later.line and item.day != later.day:
            reason = f"replaced by {later.day.isoformat()} on line {later.line}; not used"
            unplaced.append(Unplaced(item.line, item.day.isoformat(), reason, item.note))
            continue
        kept.append(item)
    return kept


def _merge(found: list[Found], unplaced: list[Unplaced]) -> list[Found]:
    """One milestone per fact: the table row and the sentence that say the same thing merge.

    A find merges into the first kept find of its kind and day that has its times, or no time
    (a day without a time is the same fact as that day at a time). Lookups go through dicts, so
    thousands of finds cost no more than thousands of lookups.
    """
    kept: list[Found] = []
    # (kind, day) -> {(begin, finish) -> index of the first kept find with those times}
    by_times: dict[tuple[Kind, date], dict[tuple[time | None, time | None], int]] = {}
    first_of_day: dict[tuple[Kind, date], int] = {}
    first_of_kind: dict[Kind, int] = {}
    # (kind, day) -> {start -> index of the first kept find that spans from it}: "at 10:00" is
    # the start of "10:00 - 13:00" that day
    spans: dict[tuple[Kind, date], dict[time | None, int]] = {}
    for item in found:
        key = (item.kind, item.day)
        times = by_times.setdefault(key, {})
        if item.precision == 0:
            candidates = [first_of_day[key]] if key in first_of_day else []
        else:
            # a span after the moment it starts at, a moment after the span it starts
            at_start = times.get((item.begin, None)) if item.finish is not None else None
            spanning = spans.get(key, {}).get(item.begin) if item.finish is None else None
            same = (times.get((None, None)), times.get(_times(item)), at_start, spanning)
            candidates = [k for k in same if k is not None]
        if candidates:
            k = min(candidates)
            before, kept[k] = _times(kept[k]), _better(kept[k], item)
            if _times(kept[k]) != before:  # a day got its time, or a moment its span
                del times[before]
                times[_times(kept[k])] = k
            if kept[k].begin is not None and kept[k].finish is not None:
                spans.setdefault(key, {}).setdefault(kept[k].begin, k)
            continue
        if item.begin is not None and item.finish is not None:
            spans.setdefault(key, {}).setdefault(item.begin, len(kept))
        first = first_of_kind.setdefault(item.kind, len(kept))
        if first != len(kept) and item.kind not in MANY and not _per_lot(kept[first], item):
            reason = (
                f"another {item.kind.value.replace('_', ' ')} than the one on line "
                f"{kept[first].line}; both are in the file, delete the wrong one"
            )
            unplaced.append(Unplaced(item.line, item.day.isoformat(), reason, item.note))
        times.setdefault(_times(item), len(kept))
        first_of_day.setdefault(key, len(kept))
        kept.append(item)
    return kept


def _per_lot(first: Found, item: Found) -> bool:
    """Whether ``item`` is the same step as ``first`` at another lot's time of its day: the
    sentence gives each lot its own time ("perceel 1 om 10u00, perceel 2 om 10u45"), so neither
    is wrong."""
    return first.day == item.day and first.note == item.note and bool(lot_times(item.note))


def _same_instants(found: list[Found], zone: ZoneInfo) -> list[Found]:
    """``found``, with a time written in another zone put in ``zone`` where the same step is
    written at that moment in the tender's own ("22/09/2027 13:00 (Brussels time)" beside "12
    noon (Irish time)"), so that the two merge; the same clock time written with and without a
    zone merges as it is."""
    moved = [_in_tender_zone(item, zone) for item in found]
    instants: Counter[tuple[Kind, date, time | None, time | None]] = Counter(
        (m.kind, m.day, m.begin, m.finish) for m in moved if m.begin is not None
    )
    return [
        after if instants[(after.kind, after.day, after.begin, after.finish)] > 1 else before
        for before, after in zip(found, moved, strict=True)
    ]


def _in_tender_zone(item: Found, zone: ZoneInfo) -> Found:
    """``item`` at the same instant in ``zone`` when it was written in another ("12 noon (Irish
    time)"), so that it merges with the same moment written in the tender's zone."""
    if item.zone is None or item.begin is None or item.until is not None:
        return item
    start = datetime.combine(item.day, item.begin, tzinfo=item.zone).astimezone(zone)
    finish = None
    if item.finish is not None:
        end = datetime.combine(item.day, item.finish, tzinfo=item.zone).astimezone(zone)
        if end <= start or end.date() != start.date():
            return item  # left to _when, which says why it cannot be one
        finish = end.time()
    return replace(item, day=start.date(), begin=start.time(), finish=finish, zone=None)


def _times(item: Found) -> tuple[time | None, time | None]:
    return (item.begin, item.finish)


def _better(a: Found, b: Found) -> Found:
    """The more precise of two finds of one fact; a sentence's note over a table row's."""
    if a.precision != b.precision:
        return a if a.precision > b.precision else b
    if a.prose != b.prose:
        return a if a.prose else b
    return a


def _in_zone(
    found: list[Found], zone: ZoneInfo, unplaced: list[Unplaced]
) -> list[tuple[Milestone, int]]:
    """Milestones in ``zone``, each with the line it came from."""
    out: list[tuple[Milestone, int]] = []
    for item in found:
        when = _when(item, zone)
        if isinstance(when, str):
            unplaced.append(Unplaced(item.line, item.day.isoformat(), when, item.note))
            continue
        note = excerpt(item.note, _MAX_NOTE)
        out.append((Milestone(id="", kind=item.kind, when=when, note=note), item.line))
    return out


def _when(item: Found, zone: ZoneInfo) -> When | str:
    """The milestone's time in ``zone``, or why it cannot be one."""
    if item.begin is None:
        return Day(item.day)
    if item.zone is not None:
        return _from_elsewhere(item, item.zone, zone)
    start = _local(item.day, item.begin, zone)
    if start is None:
        return f"{item.begin:%H:%M} does not exist on that day in {zone.key}; not used"
    if item.finish is None:
        return Moment(start)
    end = _local(item.until or item.day, item.finish, zone)
    if end is None:
        return f"{item.finish:%H:%M} does not exist on that day in {zone.key}; not used"
    if end <= start:
        return f"ends ({item.finish:%H:%M}) before it starts ({item.begin:%H:%M}); not used"
    return Span(start, end)


def _from_elsewhere(item: Found, written: tzinfo, zone: ZoneInfo) -> When | str:
    """A time written in another zone ("12:00 UK time"), as the same instant in ``zone``."""
    assert item.begin is not None
    start = datetime.combine(item.day, item.begin, tzinfo=written).astimezone(zone)
    if item.finish is None:
        return Moment(start)
    end = datetime.combine(item.until or item.day, item.finish, tzinfo=written).astimezone(zone)
    if end <= start:
        return f"ends ({item.finish:%H:%M}) before it starts ({item.begin:%H:%M}); not used"
    return Span(start, end)


def _local(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    local = datetime.combine(day, at, tzinfo=zone)
    # A wall-clock time skipped when clocks move forward does not survive the round trip.
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local


_READ_TWICE = "the participation deadline's moment, read a second time as a tender's; not used"


def _read_twice(milestones: list[Milestone]) -> set[int]:
    """Indexes of submission deadlines at the very moment of a participation deadline: one
    deadline read twice, as a portal's "Tender Submission Deadline" field over the first stage
    of a restricted procedure ("Candidates must upload the SAQ no later than 12:00 on 15th
    January 2027"). No procedure asks for its tenders when the requests to take part close."""
    selection = {m.when for m in milestones if m.kind is Kind.PARTICIPATION_DEADLINE}
    return {
        k
        for k, m in enumerate(milestones)
        if m.kind is Kind.SUBMISSION_DEADLINE and isinstance(m.when, Moment) and m.when in selection
    }


def _ordered(
    lined: list[tuple[Milestone, int]], zone: ZoneInfo, unplaced: list[Unplaced], two_phase: bool
) -> tuple[Milestone, ...]:
    """Drop milestones whose order is impossible (a wrong reading), then sort and name them."""
    milestones = [m for m, _ in lined]
    twice = _read_twice(milestones)
    rest = [k for k in range(len(milestones)) if k not in twice]
    dropped = twice | {
        rest[j] for j in impossible([milestones[k] for k in rest], zone, two_phase=two_phase)
    }
    for k in sorted(dropped):
        m = milestones[k]
        reason = (
            _READ_TWICE
            if k in twice
            else f"{m.kind.value} cannot lie there in the order of the procedure; not used"
        )
        day = m.begins(zone).date().isoformat()
        unplaced.append(Unplaced(lined[k][1], day, reason, m.note or ""))
    kept = [m for k, m in enumerate(milestones) if k not in dropped]
    kept.sort(key=lambda m: (m.begins(zone), m.ends(zone), STAGE.get(m.kind, 99)))
    counts: dict[Kind, int] = {}
    named: list[Milestone] = []
    for m in kept:
        counts[m.kind] = counts.get(m.kind, 0) + 1
        base = _IDS[m.kind]
        if m.kind in MANY:
            name = f"{base}-{counts[m.kind]}"
        else:
            name = base if counts[m.kind] == 1 else f"{base}-{counts[m.kind]}"
        named.append(replace(m, id=name))
    # the loader's order, so the file reads back as written
    named.sort(key=lambda m: (m.begins(zone), m.ends(zone), m.id))
    return tuple(named)
