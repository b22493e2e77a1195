"""From a group of dates and what it is for to finds: one per day (two for a period of the
assignment, its start and end), each with its time; what cannot be one is listed."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, tzinfo

from ..timeline import Kind
from .date_hit import DateHit
from .draft import Found, Unplaced
from .events import STANDSTILL_PERIOD
from .groups import Group
from .hints import ASSIGNMENT, PROCEDURE_PERIOD
from .learned import reconsidered
from .lot_times import lot_times
from .meanings import Background
from .rules import named_step
from .segment import Segment
from .times import TimeHit, in_zone

# Kinds that may occur more than once: interview slots, information sessions.
MANY = (Kind.INTERVIEWS, Kind.OTHER)

OLD_DATE = "the old date of one that was moved; not used"
_WEEK = 7  # the longest span of days an event of the procedure is read as


# Why the dates of a sentence that is no step are listed, where it says more than "background"
_NOT_A_STEP = {
    Background.WEEK: "the week of this day, not the day; add it by hand",
    Background.PAST: "before the announcement was published, so not a step ahead; not used",
    Background.RELATIVE: "a term counted from this date, not a step on it; add it by hand",
    Background.INFORMATION_REQUEST: (
        "a step of a request for information, not of a tender; add it by hand"
    ),
    Background.ASKED: "a question asks about this date; not used",
}


def speaks_of_assignment(words: str) -> bool:
    """Whether ``words`` speak of the assignment, not of a period of the procedure."""
    return bool(ASSIGNMENT.search(words)) and not PROCEDURE_PERIOD.search(words)


def read_group(
    segment: Segment,
    group: Group,
    meaning: Kind | Background | None,
    context: str,
    found: list[Found],
    unplaced: list[Unplaced],
    *,
    weighed: bool = True,
    zone: tzinfo | None = None,
) -> None:
    """Read the dates of ``group`` as ``meaning`` says, into ``found`` or ``unplaced``.
    ``weighed``: the learned reader may drop or change a step the rules read; not where the
    rules read the step from the structure of the text (a clause of a date-first item, one
    moment that is two steps), which the model, seeing the date's sentence only, cannot.
    ``zone``: the zone the text says its times are in, for the times of each lot."""

    def skip(hit: DateHit, reason: str) -> None:
        unplaced.append(Unplaced(segment.line_at(hit.start), hit.text, reason, segment.text))

    meaning = reconsidered(segment, group, meaning, overrule=weighed)
    usable = [(d, t) for d, t in zip(group.dates, group.times, strict=True) if d.day is not None]
    for hit in group.dates:
        if hit.problem is not None:
            what = f" ({meaning.value.replace('_', ' ')}?)" if isinstance(meaning, Kind) else ""
            skip(hit, f"{hit.problem}{what}; not used")
    if not usable:
        return
    if meaning is None and group.is_range and speaks_of_assignment(context):
        meaning = Kind.START  # "Uitvoering werkzaamheden: van 7 september tot 18 december"
    if meaning is None:
        for hit, _ in usable:
            skip(hit, "could not tell what this date is for")
        return
    if meaning is Background.REPLACED:
        # "Deadline aanbieding was: dinsdag 8 december 2026"; of two old dates, the step each
        # one's own words name ("the clarification deadline was ... and the tender return date
        # was 12 noon on ...")
        step = named_step(context) or named_step(segment.text)
        for hit, _ in usable:
            reason = OLD_DATE
            old = (hit.day, step) if hit.day is not None and isinstance(step, Kind) else None
            unplaced.append(
                Unplaced(segment.line_at(hit.start), hit.text, reason, segment.text, old)
            )
        return
    if isinstance(meaning, Background):
        reason = _NOT_A_STEP.get(meaning, "background, not a step of the procedure; not used")
        for hit, _ in usable:
            skip(hit, reason)
        return
    for hit, _ in usable:
        if hit.problem is None and hit.guessed_year:
            skip(hit, f"no year given; read as {hit.day:%Y}, check it")
        if hit.other_weekday is not None:
            skip(hit, f"{hit.other_weekday} does not fall on {hit.day}; the date is used, check it")
    picks: list[tuple[Kind, DateHit, TimeHit | None]]
    until = None  # the last day of a span of days
    if group.is_range and len(usable) == 2:
        (first, first_time), (last, last_time) = usable
        if _within_a_day(usable):
            # "09:30 on 12 January to 12:30 on 12 January": one span of that day
            assert first_time is not None and last_time is not None
            picks = [(meaning, first, replace(first_time, finish=last_time.begin))]
        elif meaning.is_deadline:
            picks = [(meaning, last, last_time)]
        elif meaning in (Kind.START, Kind.END) or (
            meaning not in MANY and ASSIGNMENT.search(context)
        ):
            # not "de gesprekken vinden plaats in de periode van 10 tot 16 november": a period
            # of interviews is not the assignment's
            picks = [(Kind.START, first, None), (Kind.END, last, None)]
        elif meaning is Kind.OTHER and STANDSTILL_PERIOD.search(context):
            # "Standstill period: 1 June 2027 – 11 June 2027": the step is its end
            picks = [(meaning, last, last_time)]
        elif meaning in MANY and _from_time_to_time(usable):
            # "tussen maandag 08/02/2027 9u00 en vrijdag 12/02/2027 17u00": one span of days
            assert first_time is not None and last_time is not None and last.day is not None
            picks = [(meaning, first, replace(first_time, finish=last_time.begin))]
            until = last.day
        elif meaning in MANY and first.day and last.day and (last.day - first.day).days == 1:
            # "presentations: 28-29 April 2027": each day, as "28 and 29 April" would be; a
            # longer period ("23 - 25 June") is more than its first and last day
            picks = [(meaning, first, None), (meaning, last, last_time)]
        else:
            for hit, _ in usable:
                skip(hit, f"a range of days for {meaning.value}; add it by hand")
            return
    elif len(usable) > 1 and meaning not in MANY and not group.respective:
        for hit, _ in usable:
            skip(hit, f"one of several dates for {meaning.value}; pick one by hand")
        return
    else:
        picks = [(meaning, hit, t) for hit, t in usable]
        if len(usable) == 1 and (per_lot := lot_times(segment.text)):
            # "perceel 1 om 10u00, perceel 2 om 10u45 ... op 26 januari 2027": each lot's step,
            # in the zone the text writes its times in ("UK time")
            picks = [(meaning, usable[0][0], t) for t in in_zone(per_lot, zone)]
    for kind, hit, t in picks:
        assert hit.day is not None
        if kind in (Kind.START, Kind.END) and t is not None and t.finish is None:
            # "contract_start: 2027-06-01T00:00:00+01:00", "end: 2031-05-31T23:59:59": the day
            t = None if t.begin in _WHOLE_DAY[kind] else t
        begin, finish = (t.begin, t.finish) if t is not None else (None, None)
        if kind.is_deadline and finish is not None:
            begin, finish = finish, None  # "inschrijven tussen 09:00 en 12:00": due at 12:00
        found.append(
            Found(
                kind,
                hit.day,
                begin,
                finish,
                segment.text,
                segment.line_at(hit.start),
                not segment.is_field,
                t.zone if t is not None else None,
                until=until,
            )
        )


# the clock times that say a start or an end is the whole day, as data feeds write it
_WHOLE_DAY = {
    Kind.START: (time(0, 0),),
    Kind.END: (time(23, 59), time(23, 59, 59)),
}


def _times_apart(usable: list[tuple[DateHit, TimeHit | None]]) -> int | None:
    """How many days a range goes on from a time on its first day to a later time on its last,
    both single times in one zone; None when it is not such a range."""
    (first, begin), (last, end) = usable
    if (
        begin is None
        or end is None
        or begin.finish is not None
        or end.finish is not None
        or begin.zone != end.zone
        or first.day is None
        or last.day is None
    ):
        return None
    days = (last.day - first.day).days
    return days if days or begin.begin < end.begin else None


def _within_a_day(usable: list[tuple[DateHit, TimeHit | None]]) -> bool:
    """Whether a range goes from a time on one day to a later time that same day."""
    return _times_apart(usable) == 0


def _from_time_to_time(usable: list[tuple[DateHit, TimeHit | None]]) -> bool:
    """Whether a range goes from a time on one day to a time on a later one, in one zone."""
    days = _times_apart(usable)
    return days is not None and 0 < days <= _WEEK
