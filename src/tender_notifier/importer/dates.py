"""Finding explicit dates in a piece of announcement text (times of day: ``times``).

Month and weekday names come from Babel's locale data for Dutch, English and French (wide and
abbreviated, "format" and "stand-alone"), plus every prefix of a full month name that names one
month only, so "sept" and "okt." are read and no month table is written by hand.

Why not ``dateparser.search``? It completes what the text leaves out from the wall clock:
``dateparser.parse("morgen")`` and ``dateparser.parse("3 maanden")`` both return a date, and so does
"12.00 uur". A tender file must never hold a date the announcement did not state, so this module
only accepts a day, a month and a year written out; a date without a year comes back with a
``problem`` for ops to settle by hand.

Shapes read (weekday optional everywhere, its name checked against the date):

- ``15 juli 2026``, ``16 mrt 2026``, ``1 okt. 2026``, ``1st of October 2026``;
- ``July 15, 2026``, ``Oct. 1 2026``;
- ``15-07-2026``, ``15/07/2026``, ``15.07.2026`` (day first, as in the Netherlands), and with
  a year of two digits ``15-07-26``, ``15/07/26``, ``15-07-'26``, ``15 juli '26`` (this century);
- without a year, ``di 14-7``, ``Thu 9/9`` (after a weekday only) and ``14/07`` (a two-digit
  month), read as a day only where ``Years`` gives the year;
- ``2026-07-15`` (ISO), with ``T09:00`` if given;
- ``20 en/of 21 juli 2026``: the first day borrows the month and year of the second;
- ``October 26 - 27, 2026``: the first day borrows the year of the second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Literal

from babel import Locale

from .date_hit import DateHit
from .day_month import JOINING, numbers_read_as_a_day
from .ordinal_days import with_ordinal_days
from .years import Years

LANGUAGES = ("nl", "en", "fr")  # French: Belgian and EU notices


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
    """Lower-case month names and abbreviations (Dutch and English) -> month number; not
    "maar" (but), a word before a day as often as a month after one ("niet op 14 maar op 15")."""
    names = _with_prefixes(_babel_names("months"), 3)
    del names["maar"]
    return names


@cache
def weekday_names() -> dict[str, int]:
    """Lower-case weekday names and abbreviations -> ``date.weekday()`` (Monday is 0); "Weds"
    is no prefix of its name, but written as one."""
    return {**_with_prefixes(_babel_names("days"), 3), "weds": 2}


_Trie = dict[str, "_Trie"]


def alternation(names: Iterable[str]) -> str:
    """A regex that matches any of ``names``, longest first, factored on common prefixes ("ma(?:a
    (?:ndag)?|...)"): a search tries a few letters at each place, not every name."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 else body + "?"

    return pattern(trie)


@cache
def month_pattern() -> str:
    """A regex alternation of month names, for other modules that speak of months."""
    return alternation(month_names())


@cache
def weekday_pattern() -> str:
    """A regex alternation of weekday names."""
    return alternation(weekday_names())


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
          | (?P<sd>[0-3]?\d)(?P<ssep>[-/])(?P<sm>[01]?\d)(?P=ssep)['\u2019]?(?P<sy>[2-4]\d)
            (?![\d]|[-/.,]\d)
          | (?P<dd>[0-3]\d)\.(?P<dm>[01]\d)\.(?P<dy>[2-4]\d)
            (?![\d]|[-/.,]\d)
          | (?P<d>[0-3]?\d)(?:ste|de|er|e|st|nd|rd|th)?\.?\s{{1,3}}(?:of\s{{1,3}})?
            (?P<m>{months}){_NOT_LETTER}\.?(?:,?\s{{0,3}}(?:(?P<y>{year})|'(?P<ys>[2-4]\d)(?!\d)))?
          | (?P<m2>{months}){_NOT_LETTER}\.?\s{{1,3}}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
            (?:,?\s{{1,3}}(?P<y2>{year}))?
          | (?P<d3>[0-3]?\d)(?P<sep3>[-/])(?P<m3>{months}){_NOT_LETTER}\.?(?P=sep3)(?P<y3>{year})
          | (?P<iy2>{_YEAR})/(?P<im2>[01]?\d)/(?P<id2>[0-3]?\d)(?!\d)
          | (?P<d4>[0-3]?\d)(?P<sep4>[-/])(?P<m4>[01]?\d)(?![\d/.-]\d|\d)
            (?!\s{{1,3}}(?:{months}){_NOT_LETTER})  # "9-10 juli 2026": two days of July
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
        r"(?:,|&|-|\u2013|\u2014|en/of|and/or|en|of|and|or|t/m|tot en met|tot|to|until|till"
        # "niet op 14 maar op 15 januari", "not on Tuesday 19th but on Wednesday 20 January"
        r"|maar(?:\sop)?|but(?:\son)?)"
        r"\s{0,3}$",
        re.IGNORECASE,
    )


_LETTER = re.compile(r"[^\W\d_]")
_LOT_NUMBERS = re.compile(
    r"\b(?:lots?|percelen|perceel|kavels?|deelopdrachten|deelopdracht)\s{1,3}"
    r"(?:\d{1,2}\s{0,3}(?:,|&|en|and|t/m|to|-|\u2013)\s{0,3}){0,5}$",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(?:maar|but)\b", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:niet|not)\s{1,3}(?:(?:op|on)\s{1,3})?$", re.IGNORECASE)
# The longest text the leading-day pattern can match: a weekday name, a day, a word between.
_LEADING_DAY_REACH = 64


def find_dates(text: str, years: Years | None = None) -> list[DateHit]:
    """Every date in ``text``, in order, including ones that cannot be used (with a problem).

    With ``years``, a date written without a year gets the one ``years`` gives it, marked
    ``guessed_year`` for ops to check.
    """
    hits: list[DateHit] = []
    for match in _date_regex().finditer(text):
        if hits and match.start() < hits[-1].end:
            continue  # the second day of "October 26 - 27, 2026", already read
        if match.group("d4") and not numbers_read_as_a_day(match):
            continue
        if _the_verb_may(match):
            continue  # "Tenderers for Lot 1 may withdraw it"
        hit = _date_hit(match, years)
        leading: list[DateHit] = []
        if match.group("m") and hit.day is not None:
            floor = hits[-1].end if hits else 0
            leading = _leading_days(text, floor, match.start(), hit.day, hit.guessed_year)
        elif match.group("ny") and hit.day is not None:
            # "09-03 en 10-03-2027": the day before it, written alike without a year, in its year
            if hits and (first := _in_year_of(hits[-1], hit, text)) is not None:
                hits[-1] = first
            # "10 of 11-11-2026", not "versie 1, 03-03-2026": joined by a word only
            floor = hits[-1].end if hits else 0
            # "15-19/02/2027": a range of days, by a dash another than the date's own
            dash = match.group("sep") != "-"
            leading = _leading_days(
                text, floor, match.start(), hit.day, False, words_only=True, dash=dash
            )
        trailing = _TRAILING_DAY.match(text, match.end()) if _yearless_month_first(match) else None
        bare = None
        if trailing is None and _yearless_month_first(match) and hit.guessed_year:
            bare = _TRAILING_BARE_DAY.match(text, match.end())
        if bare is not None and hit.day is not None:
            # "Interviews: August 26-27": the second day in the year read for the first
            start = bare.start("d")
            numbers = (int(bare.group("d")), hit.day.month, hit.day.year)
            leading.append(hit)
            second = _checked(start, bare.end(), text[start : bare.end()], numbers, None)
            hit = replace(second, guessed_year=True) if second.day else second
        second_day = _ISO_SECOND_DAY.match(text, match.end()) if match.group("iy") else None
        if second_day is not None and hit.day is not None:
            # "2026-09-15/16": the second day in the month and year of the first
            start = second_day.start("d")
            numbers = (int(second_day.group("d")), hit.day.month, hit.day.year)
            leading.append(hit)
            hit = _checked(start, second_day.end(), text[start : second_day.end()], numbers, None)
        if trailing is not None:
            month = month_names()[match.group("m2").lower()]
            year = int(trailing.group("y"))
            hit = _checked(
                match.start(),
                match.end(),
                match.group(0),
                (int(match.group("d2")), month, year),
                match.group("wd"),
            )
            start = trailing.start("d")
            numbers = (int(trailing.group("d")), month, year)
            leading.append(hit)
            hit = _checked(start, trailing.end(), text[start : trailing.end()], numbers, None)
        hits.extend(leading)
        hits.append(hit)
    return with_ordinal_days(text, hits, years, weekday_names())


# The second day of "October 26 - 27, 2026" or "Oct. 26 and 27, 2026", which gives both the year.
_TRAILING_DAY = re.compile(
    r"\s{0,3}(?:-|\u2013|\u2014|to|until|through|and|&|or)\s{0,3}"
    rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d),?\s{{1,3}}(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)


# ...or of "2026-09-15/16"
_ISO_SECOND_DAY = re.compile(r"/(?P<d>[0-3]\d)(?![\d/:.-])")


# ...or of "August 26-27" without a year, when the year is read from the announcement; not the
# "17" of "September 13 to 17:00"
_TRAILING_BARE_DAY = re.compile(
    r"\s{0,3}(?:-|\u2013|\u2014|and|&|or)\s{0,3}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d|\d)"
    r"(?!\s{0,3}(?:uur|u|h|hrs|am|pm|a\.m|p\.m)\b)",
    re.IGNORECASE,
)


def _in_year_of(previous: DateHit, hit: DateHit, text: str) -> DateHit | None:
    """``previous`` ("09-03"), day and month without a year, in the year of ``hit``
    ("10-03-2027") when only a word like "en" or "t/m" stands between them."""
    numbers = _DAY_MONTH.search(previous.text)
    if numbers is None or hit.day is None or not (previous.day is None or previous.guessed_year):
        return None
    if not _PAIRING.fullmatch(text, previous.end, hit.start):
        return None
    day, month = int(numbers.group(1)), int(numbers.group(2))
    # "ma 1-2 t/m 31-01-2028": a first day later in the year than the second is of the year before
    year = hit.day.year - ((month, day) > (hit.day.month, hit.day.day))
    return _checked(previous.start, previous.end, previous.text, (day, month, year), None)


_DAY_MONTH = re.compile(r"([0-3]?\d)[-/]([01]?\d)$")
_PAIRING = re.compile(rf"\s{{0,3}}{JOINING}\s{{0,3}}", re.IGNORECASE)


def _yearless_month_first(match: re.Match[str]) -> bool:
    return match.group("m2") is not None and match.group("y2") is None


def _the_verb_may(match: re.Match[str]) -> bool:
    """Whether the month of a date without a year is the verb "may", written in lower case."""
    g = match.group
    month = g("m") if g("m") else g("m2")
    year = g("y") if g("m") else g("y2")
    return month == "may" and not year and not g("wd")


def _date_hit(match: re.Match[str], years: Years | None) -> DateHit:
    g = match.group
    if g("iy"):
        numbers: tuple[int, int, int | None] = (int(g("id")), int(g("im")), int(g("iy")))
    elif g("ny"):
        numbers = (int(g("nd")), int(g("nm")), int(g("ny")))
    elif g("sy"):
        numbers = (int(g("sd")), int(g("sm")), 2000 + int(g("sy")))
    elif g("dy"):  # "26.01.27": two digits each, as the UK and Germany write it
        numbers = (int(g("dd")), int(g("dm")), 2000 + int(g("dy")))
    elif g("ys"):
        numbers = (int(g("d")), month_names()[g("m").lower()], 2000 + int(g("ys")))
    elif g("y3"):
        numbers = (int(g("d3")), month_names()[g("m3").lower()], int(g("y3")))
    elif g("iy2"):
        numbers = (int(g("id2")), int(g("im2")), int(g("iy2")))
    elif g("d4"):
        numbers = (int(g("d4")), int(g("m4")), None)
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
    strict = bool(g("d4"))
    hit = _checked(match.start(), match.end(), match.group(0), numbers, g("wd"), strict=strict)
    return replace(hit, guessed_year=guessed) if guessed else hit


def _checked(
    start: int,
    end: int,
    text: str,
    numbers: tuple[int, int, int | None],
    weekday: str | None,
    *,
    strict: bool = False,
) -> DateHit:
    """The date of ``numbers``, or why there is none. A weekday that does not fall on it is
    reported with it: dates are written with more care than their weekdays, which are often
    left over from an earlier version of the text. ``strict`` refuses the date instead, for
    numbers that are a date only because a weekday stands before them ("di 9-3")."""
    day_number, month, year = numbers
    if year is None:
        return DateHit(start, end, text, None, "no year given")
    try:
        day = date(year, month, day_number)
    except ValueError:
        return DateHit(start, end, text, None, "not a real date")
    if weekday and weekday_names()[weekday.lower()] != day.weekday():
        if strict:
            return DateHit(start, end, text, None, f"{weekday} does not fall on that date")
        return DateHit(start, end, text, day, other_weekday=weekday)
    return DateHit(start, end, text, day)


def _leading_days(
    text: str,
    floor: int,
    start: int,
    day: date,
    guessed_year: bool,
    *,
    words_only: bool = False,
    dash: bool = False,
) -> list[DateHit]:
    """Bare days before a full date ("3, 4 en 5 juni 2026"), each taking its month and year;
    ``words_only`` takes only days joined by a word ("10 of 11-11-2026") or, with ``dash``, by a
    dash ("15-19/02/2027")."""
    found: list[DateHit] = []
    while True:
        # The match must end at ``start``, so it begins at most _LEADING_DAY_REACH before it:
        # searching only that window keeps "1, 1, 1, ... 1 juli 2026" linear.
        match = _leading_day_regex().search(text, max(floor, start - _LEADING_DAY_REACH), start)
        if match is None or _LOT_NUMBERS.search(text, max(0, match.start() - 40), match.start()):
            break  # "Lots 1 and 2 – 7 August 2026", "Lot 3 – 14 August 2026": lots, not days
        reach = max(0, match.start() - 12)
        if _BUT.search(match.group(0)) and not _NOT_BEFORE.search(text, reach, match.start()):
            break  # "niet op 14 maar op 15 januari", not "Capacity is 30 but on 14 January"
        first = match.start()
        end = match.end("head")
        joint = text[end:start]
        # "15-19/02/2027": a dash with no spaces, the first day before the second
        ranged = dash and joint in ("-", "\u2013") and int(match.group("d")) < day.day
        if words_only and not _LETTER.search(joint) and not ranged:
            break
        numbers = (int(match.group("d")), day.month, day.year)
        hit = _checked(first, end, text[first:end], numbers, match.group("wd"))
        found.insert(0, replace(hit, guessed_year=guessed_year) if hit.day else hit)
        start = first
    return found
