"""From announcement text to a draft tender: the milestones found, and what could not be placed.

The one rule above all: never invent a date. A milestone is made only from a date written with
day, month and year, in a sentence whose words say what the date is for (``rules``). Everything
else that looks like a date or a deadline (no year, "z.s.m.", "binnen 2 weken", a date whose
weekday does not match, a date of unclear meaning) is returned as ``Unplaced`` with its line,
for ops to settle by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from itertools import combinations
from zoneinfo import ZoneInfo

from ..controls import drop_controls
from ..tender_file import STAGE
from ..timeline import Day, Kind, Milestone, Moment, Span, Tender, When
from . import facts
from .dates import DateHit, TimeHit, find_dates, find_times
from .rules import ASSIGNMENT, TIME_LABEL, VAGUE, Background, classify, kind_of
from .text import Segment, segments

# What may stand between a date and its time: "15 juli 2026, 09:00 uur", "on", "om", "T".
_CONNECTOR = re.compile(
    r"^[\s,;()\-\u2013\u2014]*(?:(?:om|at|on|op|te|vóór|voor|before|by|uiterlijk|van|from|between|tussen"
    r"|tot|until|uur|u|t|hrs)\b[\s,;()\-\u2013\u2014]*)*$",
    re.IGNORECASE,
)
_ALTERNATIVE = re.compile(r"^\s*,?\s*(?:,|&|en/of|and/or|en|of|and|or)?\s*$", re.IGNORECASE)
_RANGE = re.compile(
    r"^\s*(?:-|\u2013|\u2014|t/m|tot en met|tot|to|until|till|through)\s*$", re.IGNORECASE
)
_MAX_GAP = 30
_MAX_FOLLOW_ON = 12  # a date this close after another, with no words of its own, shares its meaning

# Kinds that may occur more than once: interview slots, information sessions.
_MANY = (Kind.INTERVIEWS, Kind.OTHER)
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
}


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Something that looks like a date or deadline but did not become a milestone."""

    line: int
    found: str
    reason: str
    sentence: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.found!r}: {self.reason}. In: {self.sentence}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """The tender read from an announcement, and the things ops must check by hand."""

    tender: Tender
    unplaced: tuple[Unplaced, ...]

    @property
    def has_submission_deadline(self) -> bool:
        return any(m.kind is Kind.SUBMISSION_DEADLINE for m in self.tender.milestones)


@dataclass(frozen=True, slots=True)
class _Found:
    """A milestone in the making: a day, maybe a time or span of times, and its sentence."""

    kind: Kind
    day: date
    begin: time | None
    finish: time | None
    note: str
    line: int
    prose: bool

    @property
    def precision(self) -> int:
        return 0 if self.begin is None else 1 if self.finish is None else 2


def extract(text: str, *, zone: ZoneInfo, tender_id: str | None = None) -> Draft:
    """Read an announcement: its title, buyer, platform, reference and timeline."""
    text = drop_controls(text)  # tender files refuse them; an announcement may carry any
    pieces = segments(text)
    found: list[_Found] = []
    unplaced: list[Unplaced] = []
    for segment in pieces:
        _read_segment(segment, found, unplaced)
    merged = _merge(found, unplaced)
    milestones = _ordered(_milestones(merged, zone, unplaced), zone, unplaced)
    title = facts.title(text, pieces)
    buyer = facts.buyer(pieces)
    if buyer is None:
        unplaced.append(Unplaced(1, "buyer", "no buyer found; fill in `buyer` by hand", title))
    platform = facts.platform(text, pieces)
    reference = facts.reference(pieces)
    tender = Tender(
        id=tender_id or facts.tender_id(platform, reference, title),
        title=title,
        buyer=buyer or facts.UNKNOWN_BUYER,
        platform=platform,
        reference=reference,
        timezone=zone,
        milestones=milestones,
    )
    return Draft(tender=tender, unplaced=tuple(sorted(unplaced, key=lambda u: u.line)))


# --- one segment -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    """Dates that belong together: one date, alternatives ("20 en/of 21 juli") or a range."""

    dates: tuple[DateHit, ...]
    times: tuple[TimeHit | None, ...]
    is_range: bool
    start: int
    end: int


def _read_segment(segment: Segment, found: list[_Found], unplaced: list[Unplaced]) -> None:
    text = segment.text
    dates = find_dates(text)
    times = find_times(text, dates)
    if not dates:
        _read_times_only(segment, times, found, unplaced)
    groups = _groups(text, dates, times)
    previous: Kind | Background | None = None
    for index, group in enumerate(groups):
        before = text[groups[index - 1].end if index else 0 : group.start]
        after = text[group.end : groups[index + 1].start if index + 1 < len(groups) else len(text)]
        meaning = classify(before, after)
        if meaning is None and index and len(before.strip()) <= _MAX_FOLLOW_ON:
            meaning = previous  # "... on 18 June 2026 between 10:00 and 15:00 and on 19 June ..."
        _read_group(segment, group, meaning, before + " " + after, found, unplaced)
        previous = meaning
    _read_vague(segment, dates, unplaced)


def _groups(text: str, dates: list[DateHit], times: list[TimeHit]) -> list[_Group]:
    bound: dict[int, TimeHit] = {}
    used: set[int] = set()
    for i, hit in enumerate(dates):
        limit = dates[i + 1].start if i + 1 < len(dates) else len(text)
        for k, t in enumerate(times):
            if k not in used and hit.end <= t.start < limit and _joins(text[hit.end : t.start]):
                bound[i] = t
                used.add(k)
                break
    members: list[list[int]] = []
    ranges: list[bool] = []
    for i, hit in enumerate(dates):
        if members:
            last = members[-1][-1]
            gap = text[(bound[last].end if last in bound else dates[last].end) : hit.start]
            if not ranges[-1] and _ALTERNATIVE.match(gap) and last not in bound:
                members[-1].append(i)
                continue
            if len(members[-1]) == 1 and _RANGE.match(gap):
                members[-1].append(i)
                ranges[-1] = True
                continue
        members.append([i])
        ranges.append(False)
    groups: list[_Group] = []
    for indices, is_range in zip(members, ranges, strict=True):
        own = [bound.get(i) for i in indices]
        if not is_range and own[-1] is not None and all(t is None for t in own[:-1]):
            own = [own[-1]] * len(own)  # "20 en/of 21 juli 2026 van 09:30 tot 15:30 uur"
        start = dates[indices[0]].start
        if all(t is None for t in own):
            earlier = groups[-1].end if groups else 0
            for k, t in enumerate(times):
                # "before 12 noon on 1 October 2026"
                if k not in used and earlier <= t.start <= t.end <= start:
                    if not _joins(text[t.end : start]):
                        continue
                    own, start = [t] * len(own), t.start
                    used.add(k)
                    break
        end = max([dates[i].end for i in indices] + [t.end for t in own if t is not None])
        groups.append(_Group(tuple(dates[i] for i in indices), tuple(own), is_range, start, end))
    return groups


def _joins(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and bool(_CONNECTOR.match(gap))


def _read_group(
    segment: Segment,
    group: _Group,
    meaning: Kind | Background | None,
    context: str,
    found: list[_Found],
    unplaced: list[Unplaced],
) -> None:
    def skip(hit: DateHit, reason: str) -> None:
        unplaced.append(Unplaced(segment.line_at(hit.start), hit.text, reason, segment.text))

    usable = [(d, t) for d, t in zip(group.dates, group.times, strict=True) if d.day is not None]
    for hit in group.dates:
        if hit.problem is not None:
            what = f" ({meaning.value.replace('_', ' ')}?)" if isinstance(meaning, Kind) else ""
            skip(hit, f"{hit.problem}{what}; not used")
    if not usable:
        return
    if meaning is None and group.is_range and ASSIGNMENT.search(context):
        meaning = Kind.START  # "Uitvoering werkzaamheden: van 7 september tot 18 december"
    if meaning is None:
        for hit, _ in usable:
            skip(hit, "could not tell what this date is for")
        return
    if isinstance(meaning, Background):
        for hit, _ in usable:
            skip(hit, "background, not a step of the procedure; not used")
        return
    picks: list[tuple[Kind, DateHit, TimeHit | None]]
    if group.is_range and len(usable) == 2:
        (first, _), (last, last_time) = usable
        if meaning.is_deadline:
            picks = [(meaning, last, last_time)]
        elif meaning in (Kind.START, Kind.END) or ASSIGNMENT.search(context):
            picks = [(Kind.START, first, None), (Kind.END, last, None)]
        else:
            for hit, _ in usable:
                skip(hit, f"a range of days for {meaning.value}; add it by hand")
            return
    elif len(usable) > 1 and meaning not in _MANY:
        for hit, _ in usable:
            skip(hit, f"one of several dates for {meaning.value}; pick one by hand")
        return
    else:
        picks = [(meaning, hit, t) for hit, t in usable]
    for kind, hit, t in picks:
        assert hit.day is not None
        begin, finish = (t.begin, t.finish) if t is not None else (None, None)
        if kind.is_deadline and finish is not None:
            begin, finish = finish, None  # "inschrijven tussen 09:00 en 12:00": due at 12:00
        found.append(
            _Found(
                kind,
                hit.day,
                begin,
                finish,
                segment.text,
                segment.line_at(hit.start),
                not segment.is_field,
            )
        )


def _read_times_only(
    segment: Segment, times: list[TimeHit], found: list[_Found], unplaced: list[Unplaced]
) -> None:
    """A time with no date: "Eindtijd 09:00 uur" completes the date in the field just above."""
    strong = [t for t in times if not t.weak]
    if not strong:
        return
    label = segment.text.split(":", 1)[0] if segment.is_field else ""
    if len(strong) == 1 and label and TIME_LABEL.search(label):
        wanted = kind_of(label)
        for index in range(len(found) - 1, -1, -1):
            target = found[index]
            if segment.line - target.line > 3:
                break
            if target.prose or target.begin is not None:
                continue
            if isinstance(wanted, Kind) and wanted is not target.kind:
                continue
            t = strong[0]
            begin, finish = (
                (t.finish, None)
                if target.kind.is_deadline and t.finish
                else (
                    t.begin,
                    t.finish,
                )
            )
            note = f"{target.note}; {segment.text}"
            found[index] = replace(target, begin=begin, finish=finish, note=note)
            return
    if isinstance(kind_of(segment.text), Kind):
        for t in strong:
            reason = "a time without a date; not used"
            unplaced.append(Unplaced(segment.line_at(t.start), t.text, reason, segment.text))


def _read_vague(segment: Segment, dates: list[DateHit], unplaced: list[Unplaced]) -> None:
    """ "Start z.s.m.", "sluit morgen", "binnen 2 weken": a deadline without a date, for ops."""
    meaning = kind_of(segment.text)
    if not isinstance(meaning, Kind):
        return
    for match in VAGUE.finditer(segment.text):
        if any(d.start < match.end() and match.start() < d.end for d in dates):
            continue
        reason = f"not a date ({meaning.value.replace('_', ' ')}?); add it by hand if it is one"
        line = segment.line_at(match.start())
        unplaced.append(Unplaced(line, match.group(0), reason, segment.text))


# --- the whole timeline ------------------------------------------------------------------------


def _merge(found: list[_Found], unplaced: list[Unplaced]) -> list[_Found]:
    """One milestone per fact: the table row and the sentence that say the same thing merge."""
    kept: list[_Found] = []
    for item in found:
        same = [
            k for k, other in enumerate(kept) if other.kind is item.kind and other.day == item.day
        ]
        merged = False
        for k in same:
            other = kept[k]
            if item.precision == 0 or other.precision == 0 or _same_times(item, other):
                kept[k] = _better(other, item)
                merged = True
                break
        if merged:
            continue
        rivals = [o for o in kept if o.kind is item.kind]
        if rivals and item.kind not in _MANY:
            first = rivals[0]
            reason = (
                f"another {item.kind.value.replace('_', ' ')} than the one on line {first.line}; "
                "both are in the file, delete the wrong one"
            )
            unplaced.append(Unplaced(item.line, item.day.isoformat(), reason, item.note))
        kept.append(item)
    return kept


def _same_times(a: _Found, b: _Found) -> bool:
    return (a.begin, a.finish) == (b.begin, b.finish)


def _better(a: _Found, b: _Found) -> _Found:
    """The more precise of two finds of one fact; a sentence's note over a table row's."""
    if a.precision != b.precision:
        return a if a.precision > b.precision else b
    if a.prose != b.prose:
        return a if a.prose else b
    return a


def _milestones(
    found: Iterable[_Found], zone: ZoneInfo, unplaced: list[Unplaced]
) -> list[tuple[Milestone, int]]:
    """Milestones in ``zone``, each with the line it came from."""
    out: list[tuple[Milestone, int]] = []
    for item in found:
        when = _when(item, zone)
        if isinstance(when, str):
            unplaced.append(Unplaced(item.line, item.day.isoformat(), when, item.note))
            continue
        out.append((Milestone(id="", kind=item.kind, when=when, note=item.note), item.line))
    return out


def _when(item: _Found, zone: ZoneInfo) -> When | str:
    """The milestone's time in ``zone``, or why it cannot be one."""
    if item.begin is None:
        return Day(item.day)
    start = _local(item.day, item.begin, zone)
    if start is None:
        return f"{item.begin:%H:%M} does not exist on that day in {zone.key}; not used"
    if item.finish is None:
        return Moment(start)
    end = _local(item.day, item.finish, zone)
    if end is None:
        return f"{item.finish:%H:%M} does not exist on that day in {zone.key}; not used"
    if end <= start:
        return f"ends ({item.finish:%H:%M}) before it starts ({item.begin:%H:%M}); not used"
    return Span(start, end)


def _local(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    local = datetime.combine(day, at, tzinfo=zone)
    # A wall-clock time skipped when clocks move forward does not survive the round trip.
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local


def _ordered(
    lined: list[tuple[Milestone, int]], zone: ZoneInfo, unplaced: list[Unplaced]
) -> tuple[Milestone, ...]:
    """Drop milestones whose order is impossible (a wrong reading), then sort and name them."""
    milestones = [m for m, _ in lined]
    dropped: set[int] = set()
    staged = [(k, m) for k, m in enumerate(milestones) if m.kind in STAGE]
    for (ka, a), (kb, b) in combinations(staged, 2):
        (ke, early), (kl, late) = (
            ((ka, a), (kb, b))
            if STAGE[a.kind] <= STAGE[b.kind]
            else (
                (kb, b),
                (ka, a),
            )
        )
        if STAGE[early.kind] == STAGE[late.kind] or early.begins(zone) < late.ends(zone):
            continue
        losers = [k for k, m in ((ke, early), (kl, late)) if not m.kind.is_deadline] or [ke, kl]
        dropped.update(losers)
    for k in sorted(dropped):
        m = milestones[k]
        reason = f"{m.kind.value} cannot lie there in the order of the procedure; not used"
        day = m.begins(zone).date().isoformat()
        unplaced.append(Unplaced(lined[k][1], day, reason, m.note or ""))
    kept = [m for k, m in enumerate(milestones) if k not in dropped]
    kept.sort(key=lambda m: (m.begins(zone), m.ends(zone), STAGE.get(m.kind, 99)))
    counts: dict[Kind, int] = {}
    named: list[Milestone] = []
    for m in kept:
        counts[m.kind] = counts.get(m.kind, 0) + 1
        base = _IDS[m.kind]
        if m.kind in _MANY:
            name = f"{base}-{counts[m.kind]}"
        else:
            name = base if counts[m.kind] == 1 else f"{base}-{counts[m.kind]}"
        named.append(replace(m, id=name))
    return tuple(named)
