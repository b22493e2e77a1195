"""A line that holds only a date (and its time) over the indented line that says what it is for,
read as one item::

      Friday 18th December 2026, 17:00
          Latest time for receipt of clarification questions (via eTenders messaging only).

is read as "Friday 18th December 2026, 17:00 Latest time for receipt of clarification
questions (via eTenders messaging only).", a date-first item like "15.01.2027  Sluiting vragen".
"""

from __future__ import annotations

import re

from .dates import find_dates
from .segment import Segment
from .times import find_times

_LETTER = re.compile(r"[^\W\d_]")
# what may stand beside a date and its time on a line of its own: "Thursday 14th January 2027
# at noon", "dinsdag 19 januari 2027 van 10:00 tot 12:00 uur"
_BESIDE = re.compile(
    r"\b(at|on|from|to|until|and|om|op|van|tot|en|uur|u|hrs|local|time|tijd|CET|GMT|UK)\b",
    re.IGNORECASE,
)


def with_dates_above(pieces: list[Segment], lines: list[str]) -> list[Segment]:
    """``pieces`` with each line of only a date joined to the more indented line under it."""
    out: list[Segment] = []
    k = 0
    while k < len(pieces):
        date_line = pieces[k]
        below = pieces[k + 1] if k + 1 < len(pieces) else None
        if below is not None and _over(date_line, below, lines):
            joined = f"{date_line.text} {below.text}"
            start = len(date_line.text) + 1
            joins = (date_line.joins or ((0, date_line.line),)) + tuple(
                (start + offset, line) for offset, line in below.joins or ((0, below.line),)
            )
            out.append(Segment(joined, date_line.line, joins=joins))
            k += 2
            continue
        out.append(date_line)
        k += 1
    return out


def _over(date_line: Segment, below: Segment, lines: list[str]) -> bool:
    """Whether ``date_line`` ends on a line of only a date ("KEY DATES" / "" / "Wednesday 9th
    December 2026, 11:00 - 12:00") and ``below`` is the indented words of its item."""
    if (
        date_line.in_table
        or below.in_table
        or below.is_field
        or below.line != date_line.last_line + 1
        or not _LETTER.search(below.text)
        or find_dates(below.text)
    ):
        return False
    tail = date_line.text[date_line.joins[-1][0] if date_line.joins else 0 :]
    dates = find_dates(tail)
    if not dates:
        return False
    spans = sorted(
        [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in find_times(tail, dates)]
    )
    rest, last = [], 0
    for start, end in spans:
        rest.append(tail[last:start])
        last = end
    rest.append(tail[last:])
    if _LETTER.search(_BESIDE.sub(" ", " ".join(rest))):
        return False
    return _indent(lines, below.line) > _indent(lines, date_line.last_line)


def _indent(lines: list[str], number: int) -> int:
    """How far line ``number`` (counted from 1) is indented."""
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    return len(line) - len(line.lstrip())
