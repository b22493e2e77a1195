"""Announcement text cut into the pieces the importer reads: sentences and label/value fields.

Announcements are pasted from web pages, so one fact may arrive in several shapes:

- a sentence of prose: "Vragen kunnen ingediend worden tot donderdag 9 juli 2026, 09:00 uur.";
- a table row with tab-separated cells: "Einde inschrijfdatum<TAB>woensdag 15 juli 2026";
- a label on one line and its value on the next ("Sluitingsdatum" / "15-09-2026 12:00 uur");
- a sentence wrapped over several lines.

Every piece becomes a ``Segment`` that remembers the line it came from, for messages to ops.
The text itself is kept as written (notes quote it); only odd spaces are normalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .dates import month_pattern, weekday_pattern

# Non-breaking and thin spaces become plain spaces; zero-width characters disappear.
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_CELL_SPLIT = re.compile(r"\t+|\s*\|\s*| {3,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý\"'\u201c\u2018(])")
_BULLET = re.compile(r"^(?:[-*•·]|\d+[.)])\s")
_ENDS_CLAUSE = re.compile(r"[.!?;:]$")
_FIELD = re.compile(r"^(?P<label>[^:.!?]{2,40}):\s*\S")


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence of prose or one "label: value" field, and where in the announcement it stood."""

    text: str
    line: int
    is_field: bool = False
    # (offset in ``text``, line number) for every source line that was joined into ``text``
    joins: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The announcement line that holds ``offset`` of this segment's text."""
        line = self.line
        for start, number in self.joins:
            if start > offset:
                break
            line = number
        return line


def normalise(text: str) -> str:
    """Unify line ends and odd spaces; keep everything else as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)


def lines(text: str) -> list[str]:
    return normalise(text).split("\n")


def first_line(text: str) -> str | None:
    """The first non-empty line, which is the title on every platform we know of."""
    for line in lines(text):
        if line.strip():
            return " ".join(line.split())
    return None


def segments(text: str) -> list[Segment]:
    """The announcement as sentences and fields, in reading order."""
    out: list[Segment] = []
    for unit, joins, is_row in _logical_lines(lines(text)):
        if is_row:
            out.extend(_row_fields(unit, joins[0][1]))
        else:
            out.extend(_sentences(unit, joins))
    return out


def _is_row(line: str) -> bool:
    return len([c for c in _CELL_SPLIT.split(line.strip(" |")) if c.strip()]) >= 2


@cache
def _value_start() -> re.Pattern[str]:
    """A label's value often starts with a digit, a weekday or month name, or "z.s.m."."""
    names = f"{weekday_pattern()}|{month_pattern()}"
    words = "tot|t/m|uiterlijk|vóór|voor|op|per|vanaf|van|until|by|before|from|on"
    return re.compile(
        rf"^(?:\d|z\.?s\.?m|asap|per direct|(?:{words}|{names})(?![^\W\d_]))", re.IGNORECASE
    )


def _is_label(line: str) -> bool:
    """A short line without a sentence end: a heading or the label of a value below it."""
    return (
        len(line) <= 40
        and len(line.split()) <= 4
        and not _ENDS_CLAUSE.search(line.rstrip(":"))
        and not any(ch.isdigit() for ch in line)
        and not _BULLET.match(line)
    )


def _join_separator(current: str, following: str, blank_lines: int) -> str | None:
    """How to join ``following`` to ``current``, or None when they are separate pieces."""
    last = current.split("\n")[-1]
    if _is_label(last) and _value_start().match(following) and blank_lines <= 1:
        return " " if last.endswith(":") else ": "
    starts_low = following[0].islower() or following[0].isdigit()
    if (
        blank_lines == 0
        and starts_low
        and not _ENDS_CLAUSE.search(last)
        and not _BULLET.match(following)
    ):
        return " "
    return None


def _logical_lines(
    raw: list[str],
) -> Iterator[tuple[str, tuple[tuple[int, int], ...], bool]]:
    """Lines with wrapped sentences and label/value pairs joined; table rows stay as they are."""
    i, count = 0, len(raw)
    while i < count:
        line = " ".join(raw[i].split()) if "\t" not in raw[i] else raw[i].strip()
        if not line:
            i += 1
            continue
        if _is_row(raw[i]):
            yield raw[i].strip(), ((0, i + 1),), True
            i += 1
            continue
        text, joins, last_line, j = line, [(0, i + 1)], line, i + 1
        while True:
            k = j
            while k < count and not raw[k].strip():
                k += 1
            if k >= count or _is_row(raw[k]):
                break
            following = " ".join(raw[k].split())
            separator = _join_separator(last_line, following, k - j)
            if separator is None:
                break
            joins.append((len(text) + len(separator), k + 1))
            text += separator + following
            last_line, j = following, k + 1
        yield text, tuple(joins), False
        i = j


def _row_fields(row: str, line: int) -> Iterator[Segment]:
    """A table row "label<TAB>value<TAB>label<TAB>value" as one field per pair of cells."""
    cells = [" ".join(c.split()) for c in _CELL_SPLIT.split(row.strip(" |"))]
    cells = [c for c in cells if c]
    labels = cells[::2]
    if len(cells) % 2 or any(ch.isdigit() for label in labels for ch in label):
        # "label<TAB>date<TAB>time": one label, the rest is its value
        yield Segment(f"{cells[0].rstrip(':')}: {' '.join(cells[1:])}", line, is_field=True)
        return
    for k in range(0, len(cells), 2):
        pair = cells[k : k + 2]
        if len(pair) == 2:
            label = pair[0].rstrip(":")
            yield Segment(f"{label}: {pair[1]}", line, is_field=True)
        else:
            yield Segment(pair[0], line, is_field=bool(_FIELD.match(pair[0])))


def _sentences(unit: str, joins: tuple[tuple[int, int], ...]) -> Iterator[Segment]:
    start = 0
    for match in _SENTENCE_END.finditer(unit):
        yield _segment(unit, start, match.start(), joins)
        start = match.end()
    if start < len(unit):
        yield _segment(unit, start, len(unit), joins)


def _segment(unit: str, start: int, end: int, joins: tuple[tuple[int, int], ...]) -> Segment:
    text = unit[start:end].strip()
    lead = start + (len(unit[start:end]) - len(unit[start:end].lstrip()))
    shifted = tuple((max(offset - lead, 0), number) for offset, number in joins)
    first = shifted[0][1]
    for offset, number in shifted:
        if offset <= 0:
            first = number
    own = tuple((o, n) for o, n in shifted if 0 < o < len(text))
    return Segment(text, first, is_field=bool(_FIELD.match(text)), joins=own)
