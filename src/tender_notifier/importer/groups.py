"""Dates that belong together, and their times: one date, alternatives ("20 en/of 21 juli
2026") or a range ("1 sept tot 31 dec"), each with the time written next to it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from .date_hit import DateHit
from .dates import weekday_pattern
from .times import TimeHit

# What may stand between a date and its time: "15 juli 2026, 09:00 uur", "on", "om", "T",
# "5 januari a.s. 12:00u".
_SEPARATORS = r"[\s,;:/|@()\-\u2013\u2014]*"
_CONNECTOR_WORDS = (
    r"om|at|on|op|te|vóór|voor|before|by|uiterlijk|van|from|between|tussen"
    r"|vanaf|tot|until|t/m|tot en met|uur|u|t|hrs|local|lokale|plaatselijke|tijd|tijdstip|time"
    r"|(?:time )?slots?(?: [a-z0-9]{1,2}:?)?|tijdslots?|tijdvakken|tijdvak"
    r"|in de (?:ochtend|middag|avond|voormiddag|namiddag)|'s (?:ochtends|middags|avonds)"
    r"|(?:in the )?(?:morning|afternoon|evening)|aanstaande|en wel|klokslag|klokke|precies|exactly"
    r"|(?:no|not|niet) later (?:than|dan)|at the latest|ten laatste|the"
    # "op donderdag 7 januari 2027, aanvang 10.00 uur"
    r"|aanvang|starting|starts|beginning|begint|start|commencing|commences"
    # French: "le jeudi 21 janvier 2027 à 10h00", "de 9h30 à 12h00", "Date : 15/01/2027
    # Heure locale : 11:00"
    r"|\u00e0|de|d\u00e8s|entre|avant|au plus tard|heure|heure locale"
)


@cache
def _connector() -> re.Pattern[str]:
    """What may stand between a date and its time, a weekday in brackets too: "14 July 2027
    (Wednesday) at 12:00"."""
    return re.compile(
        rf"{_SEPARATORS}(?:(?:{_CONNECTOR_WORDS}|{weekday_pattern()})\b{_SEPARATORS}"
        # "5 januari a.s. 12:00u", the Nordic "13 January 2027 kl. 12.00" (klokken), "om ca.
        # 10u00", "at approx. 2pm"
        rf"|a\.s\.{_SEPARATORS}|kl\.{_SEPARATORS}|(?:ca|approx|appr)\.{_SEPARATORS})*",
        re.IGNORECASE,
    )


# "8 en 9 december", "Tuesday 8 December and on Wednesday 9 December": days of one step
_ALTERNATIVE = re.compile(
    r"^ ?,? ?(?:,|&|en/of|and/or|en|of|and|or|et|ou|et/ou|respectievelijk|resp\.)?"
    r"(?: (?:op|on|le))? ?$",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"respectievelijk|resp\.", re.IGNORECASE)
_RANGE = re.compile(
    r"^ ?(?:-|\u2013|\u2014|t/m|tot en met|tot|to|until|till|through|au) ?$", re.IGNORECASE
)
_AND = re.compile(r"^ ?(?:en|and|et) ?$", re.IGNORECASE)
_SLASH = re.compile(r"^ ?/ ?$")
_BETWEEN = re.compile(r"\b(?:tussen|between)\s{1,3}$", re.IGNORECASE)
MAX_GAP = 30


@dataclass(frozen=True, slots=True)
class Group:
    """Dates that belong together: one date, alternatives ("20 en/of 21 juli") or a range."""

    dates: tuple[DateHit, ...]
    times: tuple[TimeHit | None, ...]
    is_range: bool
    start: int
    end: int
    # "op 14 januari 2027 respectievelijk 2 februari 2027": one date for each of the things
    # named, not alternatives for one
    respective: bool = False


def group_dates(text: str, dates: list[DateHit], times: list[TimeHit]) -> list[Group]:
    """The dates of ``text`` in groups, each date with the time written next to it (if any)."""
    bound: dict[int, TimeHit] = {}
    used: set[int] = set()
    starts = [t.start for t in times]  # in text order, like the dates: bisect, never scan all
    for i, hit in enumerate(dates):
        limit = min(dates[i + 1].start if i + 1 < len(dates) else len(text), hit.end + MAX_GAP + 1)
        for k in range(bisect_left(starts, hit.end), bisect_left(starts, limit)):
            if (
                k not in used
                and _joins(text, hit.end, times[k].start)
                and not _out_of_brackets(text, dates, i, times[k])
            ):
                until = dates[i + 1].start if i + 1 < len(dates) else len(text)
                bound[i] = _slots(text, times, k, until, used)
                used.add(k)
                break
    members: list[list[int]] = []
    ranges: list[bool] = []
    respective: set[int] = set()  # the groups whose dates are one for each thing named
    for i, hit in enumerate(dates):
        if members:
            last = members[-1][-1]
            gap_start = bound[last].end if last in bound else dates[last].end
            near = hit.start - gap_start <= MAX_GAP
            gap = text[gap_start : hit.start] if near else ""
            first = dates[members[-1][0]].start
            between = _BETWEEN.search(text, max(0, first - 12), first) is not None
            if near and not ranges[-1] and _ALTERNATIVE.match(gap) and last not in bound:
                members[-1].append(i)
                if _RESPECTIVELY.search(gap):
                    respective.add(len(members) - 1)
                # "tussen 19 en 23 juli", "between 19 and 23 July": a range, not two days
                if len(members[-1]) == 2 and between:
                    ranges[-1] = True
                continue
            # "tussen maandag 08/02/2027 9u00 en vrijdag 12/02/2027 17u00": one to the other
            to_the_other = last in bound and between and _AND.match(gap)
            # "2027-01-12T09:30:00Z / 2027-01-12T12:30:00Z": an interval, as ISO 8601 writes it
            interval = (
                _SLASH.match(gap)
                and last in bound
                and i in bound
                and dates[last].day == hit.day
                and bound[last].begin < bound[i].begin  # not one moment in two languages
            )
            if near and len(members[-1]) == 1 and (_RANGE.match(gap) or to_the_other or interval):
                members[-1].append(i)
                ranges[-1] = True
                continue
        members.append([i])
        ranges.append(False)
    groups: list[Group] = []
    for n, (indices, is_range) in enumerate(zip(members, ranges, strict=True)):
        if is_range and len(indices) == 2:
            dates[indices[0]] = _year_of_the_end(dates[indices[0]], dates[indices[1]])
        own = [bound.get(i) for i in indices]
        if not is_range and own[-1] is not None and all(t is None for t in own[:-1]):
            own = [own[-1]] * len(own)  # "20 en/of 21 juli 2026 van 09:30 tot 15:30 uur"
        start = dates[indices[0]].start
        if all(t is None for t in own) and not is_range:
            # "Op 10 mei 2027 sluit de reactietermijn om 09:00 uur": later in the date's clause
            later = _in_clause(text, dates[indices[-1]].end, times, starts, used)
            if later is None:
                following = dates[indices[-1] + 1].start if indices[-1] + 1 < len(dates) else None
                later = _each_or_bracketed(text, dates[indices[-1]].end, times, starts, used)
                if later is not None and following is not None and following < times[later].end:
                    later = None
            if later is not None:
                own = [times[later]] * len(own)
                used.add(later)
        if all(t is None for t in own):
            earlier = groups[-1].end if groups else 0
            # "before 12 noon on 1 October 2026"; the ranges searched never overlap
            for k in range(bisect_left(starts, earlier), bisect_right(starts, start)):
                t = times[k]
                if (
                    k not in used
                    and t.end <= start
                    and _joins(text, t.end, start)
                    and not _NEW_CLAUSE.search(text, t.end, start)
                ):
                    t = _slots_before(text, times, k, earlier, used)
                    own, start = [t] * len(own), t.start
                    used.add(k)
                    break
        end = max([dates[i].end for i in indices] + [t.end for t in own if t is not None])
        hits = tuple(dates[i] for i in indices)
        groups.append(Group(hits, tuple(own), is_range, start, end, n in respective))
    return groups


# What stands between the slots of one day: "09:30 - 12:30 and 13:30 - 16:30", "09:00 - 09:45
# |   10:00 - 10:45", "slot A 09h30-10h30   slot B 11h00-12h00"
_SLOT_GAP = re.compile(
    r"\s{0,6}(?:[,;|/&]|and|en|et)?\s{0,6}"
    r"(?:(?:(?:time\s)?slot|tijdslot|sessie|session|blok|block|ronde|round)"
    r"\s{0,2}[a-z0-9]{0,2}\s{0,2}:?)?"
    r"\s{0,6}(?:(?:van|from|de)\s{1,3})?",
    re.IGNORECASE,
)


def _slots(text: str, times: list[TimeHit], k: int, limit: int, used: set[int]) -> TimeHit:
    """The time at ``k``, or, when spans of time follow it one after another before ``limit``
    (the slots of one day), one span from its start to the last one's end."""
    first = last = times[k]
    while (
        k + 1 < len(times) and times[k + 1].start < limit and _next_slot(text, last, times[k + 1])
    ):
        k += 1
        last = times[k]
        used.add(k)
    return _over(text, first, last)


def _slots_before(text: str, times: list[TimeHit], k: int, earlier: int, used: set[int]) -> TimeHit:
    """The time at ``k``, or with the slots of the same day just before it (from ``earlier``
    on: "slot A 09h30-10h30 slot B 11h00-12h00: Tue 09.03.27"), one span over them all."""
    first = last = times[k]
    while (
        k > 0
        and k - 1 not in used
        and times[k - 1].start >= earlier
        and _next_slot(text, times[k - 1], first)
    ):
        k -= 1
        first = times[k]
        used.add(k)
    return _over(text, first, last)


def _next_slot(text: str, slot: TimeHit, following: TimeHit) -> bool:
    """Whether the span ``following`` is the next slot of the day after the span ``slot``."""
    return (
        slot.finish is not None
        and following.finish is not None
        and following.begin >= slot.finish
        and bool(_SLOT_GAP.fullmatch(text, slot.end, following.start))
    )


def _over(text: str, first: TimeHit, last: TimeHit) -> TimeHit:
    """One span from the start of ``first`` to the end of ``last``."""
    if first is last:
        return first
    return replace(first, end=last.end, text=text[first.start : last.end], finish=last.finish)


def _year_of_the_end(first: DateHit, last: DateHit) -> DateHit:
    """The first day of "tussen 01/02 en 31/12/2027" in the year of the last, when its own year
    was guessed and lay elsewhere: a range runs forward within its last day's year."""
    if not first.guessed_year or last.guessed_year or first.day is None or last.day is None:
        return first
    try:
        day = first.day.replace(year=last.day.year)
    except ValueError:
        return first
    return replace(first, day=day) if day <= last.day and day != first.day else first


# "... om 09:00 uur, op 14 mei 2027": a time ends its clause; the next one's date is not its
_NEW_CLAUSE = re.compile(r"[,;]\s{0,3}(?:en |and )?(?:op|on|per)\b", re.IGNORECASE)
# The words between a date and a time later in its clause: no clause break, no other date
# (and a comma before the time: "uiterlijk maandag 1 maart 2027 binnen zijn, om tien uur")
_CLAUSE_GAP = re.compile(
    # (an aside in brackets: "een rondleiding langs de parkeergarages (schouw), van 9.00 tot")
    r"(?:[^.;,:\n|\t()\d]|\([^().;:\d\n]{1,30}\)){1,60}(,\s{1,3}(om|at|van|from|tussen"
    r"|between)\s{1,3})?",
    re.IGNORECASE,
)
# "Vragen tot 1 maart 2027 en de informatiebijeenkomst is om 10:00 uur": another subject
_CONJUNCTION = re.compile(
    r"\b(?:en|and|maar|but|terwijl|while|whereas|waarna|daarna|then|plus|ook|also)\b", re.IGNORECASE
)
# "on Tuesday 19th January 2027, meeting at the Largs office at 10am": where and when to meet
_MEETING_GAP = re.compile(
    r",\s{1,3}(?:meeting|gathering|arriving|starting|beginning|commencing|verzamelen|aanvang)\b"
    r"[^.;,:\n|\t()\d]{0,60}",
    re.IGNORECASE,
)
# "on Wednesday 6 January 2027 at our Civic Offices, Station Road, between 09:30 and 13:00": a
# place whose address has commas
_PLACE_GAP = re.compile(r"\s{1,3}(?:at|in|bij|te|op)\s[^.;:\n|\t()\d]{1,80}", re.IGNORECASE)
_TIME_INTRO = re.compile(r"\b(?:om|at|van|from|tussen|between)\s{1,3}$", re.IGNORECASE)
# "... naar dinsdag 24 maart 2026 en vinden plaats tussen": the same subject goes on
_SAME_SUBJECT_GOES_ON = re.compile(
    r"\s{0,3}(?:en|and)\s{1,3}(?:(?:vinden|vindt|vind)\s{1,3}plaats|(?:will\s{1,3})?(?:take|takes)"
    r"\s{1,3}place|(?:will\s{1,3})?(?:run|runs))\s{1,3}(?:om|at|van|from|tussen|between)\s{1,3}$",
    re.IGNORECASE,
)


def _in_clause(
    text: str, end: int, times: list[TimeHit], starts: list[int], used: set[int]
) -> int | None:
    """The time that stands later in the clause of the date ending at ``end``, if one does."""
    k = bisect_left(starts, end)
    if k == len(times) or k in used or times[k].weak:
        return None
    gap_end = times[k].start
    if (
        (
            _CLAUSE_GAP.fullmatch(text, end, gap_end)
            or _MEETING_GAP.fullmatch(text, end, gap_end)
            or _PLACE_GAP.fullmatch(text, end, gap_end)
        )
        and _TIME_INTRO.search(text, end, gap_end)
        and (
            not _CONJUNCTION.search(text, end, gap_end)
            or _SAME_SUBJECT_GOES_ON.match(text, end, gap_end)
        )
    ):
        return k
    return None


# "dinsdag 19/01 en woensdag 20/01, telkens van 9u tot 12u", "on Tuesday 16th February via
# Teams, with slots between 10am and 1pm": the time of each of the days, or of its sessions
_EACH = re.compile(
    # over a line wrap too: "op maandag 22 of dinsdag 23 februari 2027,\n  steeds tussen"
    # and past a length: "in 45-minute slots between"
    r"(?:[^.;\n\d]|\n(?=[ \t]{0,12}(?-i:[a-z]))|\d{1,3}[- ]?(?:minutes?|minuten|min|hours?|uur)\b)"
    r"{0,80}?\b(?:telkens|steeds|elke dag|iedere dag"
    r"|beide dagen|each day|on each day|both days|both|beide|slots?|sessions?|tijdslot(en)?"
    r"|sessies?|on both days)\W{0,3}(?:(?:van|from|tussen|between|om|at)\s{1,3})?$",
    re.IGNORECASE,
)
# "between 09:30 and 12:30 each day": the words after the time say it is each day's
_EACH_AFTER = re.compile(
    # "(10:00 start at the Civic Centre main reception on both days)"
    r"\s{0,3},?\s{0,3}(?:[^.;,\n()\d]{0,60}?\s)?(?:on\s)?(?:each day"
    r"|each of (?:the|these|those) days|both days|elke dag|iedere dag|beide dagen|telkens)\b",
    re.IGNORECASE,
)
# the day the words before a time point back to: "... 2027; wij vragen u de middag van die dag,"
_THAT_DAY_BEFORE = re.compile(
    r"[^.\n\d]{0,80}\b(van|op|on|of)\s(die|diezelfde|that|the same)\s(dag|day)\b"
    r"[^.;\n\d]{0,20}?(\b(van|from|tussen|between|om|at)\s{1,3})?",
    re.IGNORECASE,
)
# a time that says it is on the day named before it: "at five o'clock that afternoon", "om
# 12.00 uur die dag"
_THAT_DAY_AFTER = re.compile(
    r"\s{1,3}(on\s)?(that|the same|die|diezelfde|dezelfde)\s(day|morning|afternoon|evening|dag"
    r"|ochtend|middag|avond)\b",
    re.IGNORECASE,
)
_NO_DATE_IN_SENTENCE = re.compile(r"[^.\n\d]{0,160}")
_NO_OTHER_DATE = re.compile(r"[^.;\n\d]{0,80}")
# "15.12.2026 : inschrijvers A en B (9u00-12u30)", "10 February 2027 (Wythenshawe, 10:00am -
# 1:00pm)": a time in brackets that close the date's clause
_BRACKET_OPEN = re.compile(r"^[^.;\n\d()]{0,40}\((?:[^()\d.;\n]{1,30},\s{0,3})?$")
_BRACKET_CLOSE = re.compile(r"\s{0,3}\)")


def _each_or_bracketed(
    text: str, end: int, times: list[TimeHit], starts: list[int], used: set[int]
) -> int | None:
    """The time later in the sentence of the date ending at ``end`` that says it is the time of
    each of its days, or stands alone in brackets that close its clause."""
    k = bisect_left(starts, end)
    if k == len(times) or k in used:
        return None
    t = times[k]
    # "... until Wednesday 9th December ...; their portal closes at five o'clock that afternoon"
    if _THAT_DAY_AFTER.match(text, t.end) and _NO_DATE_IN_SENTENCE.fullmatch(text, end, t.start):
        return k
    if t.start - end > 100:
        return None
    if _EACH.match(text, end, t.start):
        return k
    if _NO_OTHER_DATE.fullmatch(text, end, t.start) and _EACH_AFTER.match(text, t.end):
        return k  # "..., morning sessions only, between 09:30 and 12:30 each day"
    if _BRACKET_OPEN.match(text[end : t.start]) and _BRACKET_CLOSE.match(text, t.end):
        return k
    if _THAT_DAY_BEFORE.fullmatch(text, end, t.start):
        return k  # "op donderdag 28 januari 2027; wij vragen u de middag van die dag, van 13.00"
    return None


_BRACKET_REACH = 80


def _out_of_brackets(text: str, dates: list[DateHit], i: int, t: TimeHit) -> bool:
    """Whether time ``t`` stands past the bracket date ``i`` is in, before the next date: "(was
    12:00, Mon 14 December 2026) 12:00, Fri 15 January 2027", the old date's own time before it
    and the new one's after the bracket (not "uiterlijk morgen (di 19/1) vóór 17:00 uur")."""
    date = dates[i]
    if ")" not in text[date.end : t.start] or i + 1 == len(dates):
        return False
    if not _joins(text, t.end, dates[i + 1].start):
        return False
    # on the date's line, up to a bounded reach back (a segment's text is one long line)
    head = text[max(text.rfind("\n", 0, date.start) + 1, date.start - _BRACKET_REACH) : date.start]
    return head.count("(") > head.count(")")


def _joins(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, between a date and a time, only connects them."""
    return end - start <= MAX_GAP and bool(_connector().fullmatch(text, start, end))
