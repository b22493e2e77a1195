"""A day written with its weekday and without its month: "Weds 9th", "vrijdag de 11e"."""

from __future__ import annotations

import bisect
import re

from .date_hit import DateHit
from .years import Years

# full names or English abbreviations, not "ma", "di", "mar", which are words of their own
_ORDINAL_DAY = re.compile(
    r"(?<![\w.,:/])(?P<wd>(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?=\.?\s)"
    r"|[a-z]{2,6}(?:dag|day|di))\.?,?\s{1,3}(?:(?:the|de)\s{1,3})?"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|ste|de|e|er)(?![\w/-])",
    re.IGNORECASE,
)


def with_ordinal_days(
    text: str, hits: list[DateHit], years: Years | None, weekdays: dict[str, int]
) -> list[DateHit]:
    """``hits`` and, in order among them, the days of ``text`` written as a weekday and the day
    of its month: the month is the one in which that day next falls on that weekday
    (``Years.day_on``), marked as guessed for ops to check."""
    starts = [hit.start for hit in hits]
    found = []
    for match in _ORDINAL_DAY.finditer(text):
        weekday = weekdays.get(match.group("wd").lower())
        # a date already read there ("Friday 11th December 2026") is read as written
        k = bisect.bisect_left(starts, match.end())
        if weekday is None or (k and hits[k - 1].end > match.start()):
            continue
        day = years.day_on(int(match.group("d")), weekday) if years is not None else None
        problem = None if day is not None else "no month given"
        found.append(DateHit(match.start(), match.end(), match.group(0), day, problem, True))
    return sorted(hits + found, key=lambda hit: hit.start) if found else hits
