"""Finding explicit dates and times in a piece of announcement text.

Month and weekday names come from Babel's locale data for Dutch and English (wide and abbreviated,
"format" and "stand-alone"), plus every prefix of a full month name that names one month only, so
"sept" and "okt." are read and no month table is written by hand.

Why not ``dateparser.search``? It completes what the text leaves out from the wall clock:
``dateparser.parse("morgen")`` and ``dateparser.parse("3 maanden")`` both return a date, and so does
"12.00 uur". A tender file must never hold a date the announcement did not state, so this module
only accepts a day, a month and a year written out; a date without a year comes back with a
``problem`` for ops to settle by hand.

Shapes read (weekday optional everywhere, its name checked against the date):

- ``15 juli 2026``, ``16 mrt 2026``, ``1 okt. 2026``, ``1st of October 2026``;
- ``July 15, 2026``, ``Oct. 1 2026``;
- ``15-07-2026``, ``15/07/2026``, ``15.07.2026`` (day first, as in the Netherlands);
- ``2026-07-15`` (ISO), with ``T09:00`` if given;
- ``20 en/of 21 juli 2026``: the first day borrows the month and year of the second;
- times: ``09:00``, ``09:00 uur``, ``12.00 uur``, ``9.00u``, ``12:00pm``, ``12 noon``, ``om 9 uur``,
  and spans ``van 09:30 uur tot 15:30 uur``, ``09:30-15:30``, ``between 10:00 and 12:00``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from functools import cache
from typing import Literal

from babel import Locale

LANGUAGES = ("nl", "en")


def _babel_names(table: Literal["months", "days"]) -> dict[str, int]:
    names: dict[str, int] = {}
    for code in LANGUAGES:
        locale = Locale.parse(code)
        data = locale.months if table == "months" else locale.days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in data[context][width].items():
                    names[name.lower().rstrip(".")] = int(number)
    return names


def _with_prefixes(names: dict[str, int], shortest: int) -> dict[str, int]:
    """Add every prefix of a name (``shortest`` letters or more) that points to one value only."""
    owners: dict[str, set[int]] = {}
    for name, number in names.items():
        for end in range(shortest, len(name)):
            owners.setdefault(name[:end], set()).add(number)
    extra = {p: next(iter(n)) for p, n in owners.items() if len(n) == 1 and p not in names}
    return {**extra, **names}


@cache
def month_names() -> dict[str, int]:
    """Lower-case month names and abbreviations (Dutch and English) -> month number."""
    return _with_prefixes(_babel_names("months"), 3)


@cache
def weekday_names() -> dict[str, int]:
    """Lower-case weekday names and abbreviations -> ``date.weekday()`` (Monday is 0)."""
    return _with_prefixes(_babel_names("days"), 3)


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def month_pattern() -> str:
    """A regex alternation of month names, for other modules that speak of months."""
    return _alternation(month_names())


@cache
def weekday_pattern() -> str:
    """A regex alternation of weekday names."""
    return _alternation(weekday_names())


_NOT_LETTER = r"(?![^\W\d_])"
_YEAR = r"(?:19|20)\d\d"
_START = r"(?<![\w.,:/])"  # "20-22 juli": a day may follow a dash


@cache
def _date_regex() -> re.Pattern[str]:
    months = month_pattern()
    weekday = rf"(?:(?P<wd>{weekday_pattern()}){_NOT_LETTER}\.?,?\s{{1,3}})?"
    year = rf"{_YEAR}(?!\d)"
    return re.compile(
        rf"""
        {_START}{weekday}
        (?:
            (?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)
          | (?P<nd>[0-3]?\d)(?P<sep>[-/.])(?P<nm>[01]?\d)(?P=sep)(?P<ny>{year})
          | (?P<d>[0-3]?\d)(?:ste|de|e|st|nd|rd|th)?\.?\s{{1,3}}(?:of\s{{1,3}})?
            (?P<m>{months}){_NOT_LETTER}\.?(?:,?\s{{0,3}}(?P<y>{year}))?
          | (?P<m2>{months}){_NOT_LETTER}\.?\s{{1,3}}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
            (?:,?\s{{1,3}}(?P<y2>{year}))?
          | (?P<d3>[0-3]?\d)(?P<sep3>[-/])(?P<m3>{months}){_NOT_LETTER}\.?(?P=sep3)(?P<y3>{year})
          | (?P<iy2>{_YEAR})/(?P<im2>[01]?\d)/(?P<id2>[0-3]?\d)(?!\d)
        )
        """,
        re.IGNORECASE | re.VERBOSE,
    )


@cache
def _leading_day_regex() -> re.Pattern[str]:
    """The bare first day of "20 en/of 21 juli 2026" or "20-22 juli 2026", just before the date."""
    weekday = rf"(?:(?P<wd>{weekday_pattern()}){_NOT_LETTER}\.?,?\s{{1,3}})?"
    return re.compile(
        rf"{_START}(?P<head>{weekday}(?P<d>[0-3]?\d)(?:ste|de|e|st|nd|rd|th)?)\s{{0,3}}"
        r"(?:,|&|-|\u2013|\u2014|en/of|and/or|en|of|and|or|t/m|tot en met|tot|to|until|till)"
        r"\s{0,3}$",
        re.IGNORECASE,
    )


_TIME = re.compile(
    r"""
    (?:(?<=\dT)|(?<=\d[-\u2013])|(?<![\w.,:/-]))
    (?:
        (?P<h>[01]?\d|2[0-3])(?P<sep>[:.h])(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d]|[.:]\d)
        (?:\s{0,3}(?P<ap>[ap]\.?m\.?)(?![^\W\d_])|\s{0,3}(?P<noon>noon)\b)?
        (?P<suffix>\s{0,3}(?:uur|u\.|u|h|hrs|hours|hour)(?![^\W\d_]))?
      | (?P<h2>1[0-2]|0?\d)\s{0,3}(?P<ap2>[ap]\.?m\.?)(?![^\W\d_])
      | (?:(?P<h3>12)\s{0,3})?(?P<noon3>noon)(?![^\W\d_])
      | (?:(?<=\bom\s)|(?<=\btot\s)|(?<=\bvoor\s)|(?<=\bv\u00f3\u00f3r\s)|(?<=\buiterlijk\s))
        (?P<h4>[01]?\d|2[0-3])\s{0,3}(?:uur|u)(?![^\W\d_])
    )
    (?:\s{0,3}\(?(?:CET|CEST|MET|MEST|Dutch\stime|Nederlandse\stijd|local\stime|lokale\stijd
        |Amsterdam\stime|Central\sEuropean\s(?:Summer\s)?Time)\)?(?![^\W\d_]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_TIME_SPAN_GAP = re.compile(
    r"^\s{0,3}(?:tot(?:\s{1,3}en\s{1,3}met)?|t/m|to|until|till|and|en|-|\u2013|\u2014)\s{0,3}$",
    re.IGNORECASE,
)
_TIME_SPAN_GAP_MAX = 20
# The longest text the leading-day pattern can match: a weekday name, a day, a word between.
_LEADING_DAY_REACH = 64


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date written in the text. ``day`` is None when it cannot be used; ``problem`` says why."""

    start: int
    end: int
    text: str
    day: date | None
    problem: str | None = None
    guessed_year: bool = False  # the text gave no year; ``Years`` did


@dataclass(frozen=True, slots=True)
class TimeHit:
    """A time of day, or a span of two (``finish``). ``weak`` times ("12.00" without "uur") only
    count next to a date."""

    start: int
    end: int
    text: str
    begin: time
    finish: time | None = None
    weak: bool = False
    meridiem: str = ""  # "am" or "pm" when written


@dataclass(frozen=True, slots=True)
class Years:
    """The year of a date written without one ("t/m 22 december", "op 12 en 13 januari").

    Announcements leave the year out when it is obvious to a reader: the first such day on or
    after the day the announcement was published; without a publication date, the year that
    puts the day nearest to the dates the announcement does write out (within half a year).
    A weekday, when given, must fall on the day. Without either the year stays unknown.
    """

    published: date | None
    written: tuple[date, ...]  # sorted

    @classmethod
    def around(cls, published: date | None, written: list[date]) -> Years | None:
        if published is None and not written:
            return None
        ordered = sorted(written)
        middle = ordered[len(ordered) // 2] if ordered else published
        assert middle is not None
        # a founding year or an old contract mentioned in passing is no anchor
        near = tuple(d for d in ordered if abs((middle - d).days) <= _ANCHOR_SPREAD)
        return cls(published, near)

    def year_for(self, month: int, day: int, weekday: int | None = None) -> int | None:
        if self.published is not None:
            since = self.published - timedelta(days=_BEFORE_PUBLISHED)
            candidates = [_day(year, month, day) for year in (since.year, since.year + 1)]
            after = [c for c in candidates if c is not None and c >= since]
            return _fitting(after[:1], weekday)
        middle = self.written[len(self.written) // 2]
        best: tuple[int, date] | None = None
        for year in (middle.year - 1, middle.year, middle.year + 1):
            candidate = _day(year, month, day)
            if candidate is None or (weekday is not None and candidate.weekday() != weekday):
                continue
            distance = self._distance(candidate)
            if distance <= _NEAREST_MAX and (best is None or distance < best[0]):
                best = (distance, candidate)
        return best[1].year if best else None

    def _distance(self, day: date) -> int:
        k = bisect_left(self.written, day)
        return min(
            abs((self.written[i] - day).days) for i in (k - 1, k) if 0 <= i < len(self.written)
        )


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _fitting(days: list[date], weekday: int | None) -> int | None:
    fit = [d for d in days if weekday is None or d.weekday() == weekday]
    return fit[0].year if fit else None


_BEFORE_PUBLISHED = 7  # days: a date just before publication is still in its year
_ANCHOR_SPREAD = 730  # days from the middle written date beyond which a date is no anchor
_NEAREST_MAX = 183  # days: farther from every written date, the year is not obvious


def find_dates(text: str, years: Years | None = None) -> list[DateHit]:
    """Every date in ``text``, in order, including ones that cannot be used (with a problem).

    With ``years``, a date written without a year gets the one ``years`` gives it, marked
    ``guessed_year`` for ops to check.
    """
    hits: list[DateHit] = []
    for match in _date_regex().finditer(text):
        hit = _date_hit(match, years)
        leading: list[DateHit] = []
        if match.group("m") and hit.day is not None:
            floor = hits[-1].end if hits else 0
            leading = _leading_days(text, floor, match.start(), hit.day, hit.guessed_year)
        hits.extend(leading)
        hits.append(hit)
    return hits


def _date_hit(match: re.Match[str], years: Years | None) -> DateHit:
    g = match.group
    if g("iy"):
        numbers: tuple[int, int, int | None] = (int(g("id")), int(g("im")), int(g("iy")))
    elif g("ny"):
        numbers = (int(g("nd")), int(g("nm")), int(g("ny")))
    elif g("y3"):
        numbers = (int(g("d3")), month_names()[g("m3").lower()], int(g("y3")))
    elif g("iy2"):
        numbers = (int(g("id2")), int(g("im2")), int(g("iy2")))
    elif g("m"):
        numbers = (int(g("d")), month_names()[g("m").lower()], int(g("y")) if g("y") else None)
    else:
        numbers = (int(g("d2")), month_names()[g("m2").lower()], int(g("y2")) if g("y2") else None)
    guessed = False
    if numbers[2] is None and years is not None:
        weekday = weekday_names()[g("wd").lower()] if g("wd") else None
        year = years.year_for(numbers[1], numbers[0], weekday)
        if year is not None:
            numbers, guessed = (numbers[0], numbers[1], year), True
    hit = _checked(match.start(), match.end(), match.group(0), numbers, g("wd"))
    return replace(hit, guessed_year=guessed) if guessed else hit


def _checked(
    start: int, end: int, text: str, numbers: tuple[int, int, int | None], weekday: str | None
) -> DateHit:
    day_number, month, year = numbers
    if year is None:
        return DateHit(start, end, text, None, "no year given")
    try:
        day = date(year, month, day_number)
    except ValueError:
        return DateHit(start, end, text, None, "not a real date")
    if weekday and weekday_names()[weekday.lower()] != day.weekday():
        return DateHit(start, end, text, None, f"{weekday} does not fall on that date")
    return DateHit(start, end, text, day)


def _leading_days(
    text: str, floor: int, start: int, day: date, guessed_year: bool
) -> list[DateHit]:
    """Bare days before a full date ("3, 4 en 5 juni 2026"), each taking its month and year."""
    found: list[DateHit] = []
    while True:
        # The match must end at ``start``, so it begins at most _LEADING_DAY_REACH before it:
        # searching only that window keeps "1, 1, 1, ... 1 juli 2026" linear.
        match = _leading_day_regex().search(text, max(floor, start - _LEADING_DAY_REACH), start)
        if match is None:
            break
        first = match.start()
        end = match.end("head")
        numbers = (int(match.group("d")), day.month, day.year)
        hit = _checked(first, end, text[first:end], numbers, match.group("wd"))
        found.insert(0, replace(hit, guessed_year=guessed_year) if hit.day else hit)
        start = first
    return found


def find_times(text: str, dates: list[DateHit]) -> list[TimeHit]:
    """Every time of day in ``text`` outside the dates, with adjacent pairs joined into spans."""
    singles: list[TimeHit] = []
    k = 0  # dates and times both come in text order: one pass over each
    for match in _TIME.finditer(text):
        while k < len(dates) and dates[k].end <= match.start():
            k += 1
        if k < len(dates) and dates[k].start < match.end():
            continue
        hit = _time_hit(match)
        if hit is not None:
            singles.append(hit)
    spans: list[TimeHit] = []
    for hit in singles:
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.finish is None
            and hit.start - last.end <= _TIME_SPAN_GAP_MAX
            and _TIME_SPAN_GAP.match(text[last.end : hit.start])
        ):
            begin = last.begin
            if hit.meridiem == "pm" and not last.meridiem and begin.hour + 12 <= hit.begin.hour:
                begin = begin.replace(hour=begin.hour + 12)  # "1:00 to 3:00 pm"
            spans[-1] = TimeHit(
                last.start,
                hit.end,
                text[last.start : hit.end],
                begin,
                hit.begin,
                weak=last.weak and hit.weak,
            )
        else:
            spans.append(hit)
    return spans


def _time_hit(match: re.Match[str]) -> TimeHit | None:
    g = match.group
    minute = 0
    if g("h") is not None:
        hour, minute = int(g("h")), int(g("mi"))
        meridiem = (g("ap") or "").lower().replace(".", "")
        if g("noon") and (hour, minute) != (12, 0):
            return None
        weak = g("sep") == "." and not (g("suffix") or meridiem or g("noon"))
    elif g("h2") is not None:
        hour, meridiem, weak = int(g("h2")), g("ap2").lower().replace(".", ""), False
    elif g("noon3") is not None:
        hour, meridiem, weak = 12, "", False
    else:
        hour, meridiem, weak = int(g("h4")), "", False
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    text = g(0).rstrip()
    end = match.start() + len(text)
    return TimeHit(match.start(), end, text, time(hour, minute), weak=weak, meridiem=meridiem)
