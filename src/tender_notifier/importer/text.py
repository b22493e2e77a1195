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
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from itertools import chain, pairwise

from .characters import lines
from .dates import find_dates, month_pattern, weekday_pattern
from .dates_above import items_over_two_lines
from .rows import is_log, names_columns, row_segments
from .segment import Segment
from .sentence_ends import sentence_ends
from .stamps import stamp_length
from .wrapped import carried_on, cells_under, is_prose, opens_row

# A line longer than this is not prose anyone wrote: it is cut into pieces of at most this length
# (at a space where there is one), so the work per piece has a ceiling whatever the input.
MAX_SEGMENT = 2000
# Splitting on "|" alone (not "\s*|\s*") keeps the split linear on long runs of spaces; the
# cells are stripped afterwards anyway.
# Dotted leaders ("Clarification deadline ....... Fri 18 Sep 2026") part cells like a tab.
_CELL_SPLIT = re.compile(r"\t+|\|| {3,}| ?\.{4,} ?| ?\u2026{2,} ?")
_BULLET = re.compile(r"^(?:[-*•·]|\d+[.)])\s")
# a full stop after an abbreviation that a number follows ends no clause: "... 13.01.2027 kl." /
# "12:00", "om ca." / "14.00 uur", "zie art." / "3.2"
_ENDS_CLAUSE = re.compile(
    r"(?<!\bkl(?=\.))(?<!\bca(?=\.))(?<!\bnr(?=\.))(?<!\bno(?=\.))(?<!\bart(?=\.))"
    r"(?<!\bapprox(?=\.))[.!?;:]$",
    re.IGNORECASE,
)
# "Perceel 1: 14 januari", not "It takes place on 14/01/2027 at 09:00, ..."
_FIELD = re.compile(r"^(?P<label>[^:.!?]{2,40}):(?!(?<=\d:)\d\d)\s{0,3}\S")
# a field whose value opens with a number: "now: 25/01/2027", "Deadline: 14 January"
_DATED_FIELD = re.compile(r"^[^\W\d_][^:.!?\d]{0,30}:\s{0,3}\d")
_LETTER = re.compile(r"[^\W\d_]")
_RULE_CELL = re.compile(r"^[-=:+ ]+$")


def excerpt(text: str, limit: int) -> str:
    """``text`` if it is at most ``limit`` characters, else its start (at a space) and "…"."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit - 1].rstrip() + "…"


def segments(text: str) -> list[Segment]:
    """The announcement as sentences and fields, in reading order."""
    out: list[Segment] = []
    header: list[str] = []  # the head row of the table being read
    head = ""  # that row as written, for the columns of a table aligned with spaces
    label = ""  # the first cell of the table's last row
    log: list[str] = []  # the head row of a log: its rows are entries after prose breaks it
    for unit, joins, is_row in _logical_lines(items_over_two_lines(lines(text))):
        if cut := stamp_length(unit):
            # "[26-11-2026 08:52] Femke Jansen: ...": when the message was sent, then the message
            out.append(Segment(unit[:cut].strip(), joins[0][1], stamp=True))
            unit, is_row = unit[cut:], False
            joins = tuple((max(0, offset - cut), line) for offset, line in joins)
        if is_row:
            cells = _cells(unit)
            if header and len(cells) < len(header):
                cells = cells_under(head, unit) or cells
            if _NO_LABEL.match(unit) and label and len(cells) == 1 and _starts_with_date(cells[0]):
                cells = [label, *cells]  # "|   | di 23 juni 2026, 13.00 uur |": the row above's
            label = cells[0] if cells else ""
            dated = any(ch.isdigit() for ch in unit) and any(find_dates(c) for c in cells)
            dated = dated and not (not header and names_columns(cells))
            pieces: Iterator[Segment]
            # a numbered row without a date ("2 | Informatiebijeenkomst | - | vervallen") is
            # a row of the table, not the head of another
            numbered = bool(header) and bool(cells) and cells[0].isdigit()
            if not dated and not numbered and not all(_RULE_CELL.match(cell) for cell in cells):
                header, head = cells, unit  # not "|-----|-----|" under a markdown table's head
                log = cells if is_log(cells) else log
            prose = [c for c in cells if is_prose(c)] if "|" in unit else []
            if prose:
                # "| 14 | 18/03/2027 | Given the Easter holidays, will ... | Yes. The closing
                # date has been extended. ...": the sentences of its prose; the short cells
                # number it and date when it was asked
                pieces = chain(*(_cell_sentences(c, joins) for c in prose))
            else:
                pieces = row_segments(header or log, cells, joins[0][1], dated)
                if len(joins) > 1:
                    # a row carried on over lines ends on its last line: no blank line follows
                    pieces = (_ending_on(piece, joins[-1][1]) for piece in pieces)
        elif rule_line(unit):
            continue  # "--------+--------" under a head row: the table goes on
        else:
            header, label = [], ""
            pieces = _sentences(unit, joins)
        for piece in pieces:
            out.extend(_cut(piece))
    return out


def rule_line(line: str) -> bool:
    """Whether ``line`` only rules off a table ("--------+--------")."""
    return "-" in line and bool(_RULE.match(line))


_RULE = re.compile(r"^[-=:+ |]+$")


def _cells(row: str) -> list[str]:
    cells = [" ".join(c.split()) for c in _CELL_SPLIT.split(row.strip(" |"))]
    return [c for c in cells if c]


# A row of a markdown table with an empty first cell and a date: another date of the row above
_NO_LABEL = re.compile(r"^\s{0,3}\|\s*\|[^|]*\S")


def _is_row(line: str) -> bool:
    if _NO_LABEL.match(line) and _starts_with_date(line.strip(" |")):
        return True
    if "\t" not in line and "|" not in line and "   " not in line and "...." not in line:
        return False
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


def _join_separator(
    current: str, following: str, blank_lines: int, continued: bool = False, width: int = 0
) -> str | None:
    """How to join ``following`` to ``current``, or None when they are separate pieces.

    ``continued`` says ``current`` went on with the sentence of the line above it: then it opens
    with a date only where the sentence wrapped ("...kun je tot donderdag" / "15 januari 12:00
    stellen ...; de antwoorden worden uiterlijk vrijdag" / "16 januari gedeeld ..."), and is no
    item of a list of dates.
    """
    last = current
    if stamp_length(following) or 0 < stamp_length(current) == len(current):
        return None  # the next message of a chat, or the message under its sender and time
    if _is_label(last) and _value_start().match(following) and blank_lines <= 1:
        return " " if last.endswith(":") else ": "
    # "...will be held at the" / "OPW offices, ...": a line that ends on an article, a
    # preposition or a conjunction goes on whatever the next line opens with
    starts_low = (
        following[0].islower()
        or following[0].isdigit()
        or following.startswith("(")  # "... 13 May 2027" / "(10:00 to 16:00 each day)."
        or (last.endswith(",") and not _FIELD.match(following))  # "... on Tuesday," / "March 2,"
        or bool(_OPEN_END.search(last))
        or _wrapped(last, following, width)
        or _date_broken(last, following)
    )
    if (
        blank_lines == 0
        and starts_low
        and not _ENDS_CLAUSE.search(last)
        and not _BULLET.match(following)
        # "  previously: 11/01/2027 17:00" / "  now: 25/01/2027 17:00": fields of their own
        and not (not continued and _two_dated_fields(last, following))
        and not (not continued and _starts_with_date(last) and _starts_with_date(following))
    ):
        return " "
    return None


def _two_dated_fields(last: str, following: str) -> bool:
    """Whether both lines are fields whose values are dates ("previously: 11/01/2027 17:00" /
    "now: 25/01/2027 17:00"), not a date over its time ("Datum: 12-01-2027" / "uur: 10:00")."""
    lines = (last, following)
    return all(_DATED_FIELD.match(x) and any(h.day for h in find_dates(x)) for x in lines)


_OPEN_END = re.compile(
    r"\s(the|a|an|of|on|at|by|to|for|from|via|with|and|or|until|before|after|de|het|een|van|op"
    r"|om|tot|voor|aan|met|en|uiterlijk|vóór|per)$",
    re.IGNORECASE,
)


@cache
def _broken_date() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The end of a line and the start of the next between which a date is broken: "no later
    than 5pm on Monday 14th" / "December 2026", "... on Monday" / "14 December"."""
    end = re.compile(rf"(\b\d{{1,2}}(st|nd|rd|th)?|\b({weekday_pattern()}),?)$", re.IGNORECASE)
    start = re.compile(rf"^({month_pattern()})\b|^\d{{1,2}}(st|nd|rd|th)?\s", re.IGNORECASE)
    return end, start


def _date_broken(last: str, following: str) -> bool:
    end, start = _broken_date()
    return bool(end.search(last)) and bool(start.match(following)) and _prose(last)


def _wrap_width(raw: list[str]) -> int:
    """The width the text was wrapped at, if it was: its longest line that surely goes on (the
    next line opens in lower case), or 0."""
    width = 0
    for line, following in pairwise(raw):
        text, after = " ".join(line.split()), following.strip()
        if (
            after[:1].islower()
            and _prose(text)
            and not _ENDS_CLAUSE.search(text)
            and not _is_row(line)
        ):
            width = max(width, len(text))
    return width


_PROSE_WORDS = 5  # a line of fewer words is a label, a heading or a name, not wrapped prose


def _prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS


def _wrapped(line: str, following: str, width: int) -> bool:
    """Whether ``line`` was wrapped at the width of its page: the next line's first word would
    not have fitted on it ("...in respect of the Suitability Assessment" / "Questionnaire (SAQ)
    should be submitted ..."), and both lines are prose: no field, label, item or date."""
    word = following.split(" ", 1)[0]
    return (
        width > 0
        and _prose(line)
        and len(line) + 1 + len(word) > width
        and " " in following
        and not following.endswith(":")
        and not _FIELD.match(line)
        and not _FIELD.match(following)
        and not _BULLET.match(following)
        and not _starts_with_date(following)
    )


_BROKEN_WORD = re.compile(r"[^\W\d_]{2}-$")


def _starts_with_date(line: str) -> bool:
    """Whether ``line`` opens with a date: "7 juli 2027 – vragen" under "1 juli 2027 – publicatie"
    is the next item of a list, not the rest of a sentence."""
    hits = find_dates(line[:40])
    return bool(hits) and hits[0].start == 0


def _logical_lines(
    raw: list[str],
) -> Iterator[tuple[str, tuple[tuple[int, int], ...], bool]]:
    """Lines with wrapped sentences and label/value pairs joined; table rows stay as they are."""
    i, count = 0, len(raw)
    width = _wrap_width(raw)
    title = next((n for n, r in enumerate(raw) if r.strip()), 0)
    while i < count:
        line = " ".join(raw[i].split()) if "\t" not in raw[i] else raw[i].strip()
        if not line:
            i += 1
            continue
        if i + 1 < count and opens_row(raw[i], raw[i + 1]):
            # "Dialoogronde 2 (individuele sessies, incl." / "demonstratie prototype) .......
            # 13 en 14 april 2027": a label wrapped onto the row of its value
            yield f"{line} {raw[i + 1].strip()}", ((0, i + 1), (len(line) + 1, i + 2)), True
            i += 2
            continue
        if _is_row(raw[i]):
            whole = carried_on(raw, i)
            if whole is None:
                yield raw[i].strip(), ((0, i + 1),), True
                i += 1
                continue
            # a row whose cells wrap over the lines below it: one row of whole cells, with
            # its lines, first and last (which line a date stood on is not kept)
            row, end = whole
            yield row, ((0, i + 1), (len(row), end)), True
            i = end
            continue
        parts, size, joins, last_line, j = [line], len(line), [(0, i + 1)], line, i + 1
        continued = False
        while True:
            k = j
            while k < count and not raw[k].strip():
                k += 1
            if k >= count or _is_row(raw[k]):
                break
            following = " ".join(raw[k].split())
            # the title, on the first line, is no wrapped prose: the buyer's name may follow
            wrap = width if j - 1 > title else 0
            separator = _join_separator(last_line, following, k - j, continued, wrap)
            if separator is None:
                break
            continued = separator == " "
            if separator == " " and _BROKEN_WORD.search(last_line) and following[0].islower():
                # "dinsdag 10 novem-" / "ber 2026": a word broken over two lines
                parts[-1], separator, size = parts[-1][:-1], "", size - 1
            joins.append((size + len(separator), k + 1))
            parts += (separator, following)
            size += len(separator) + len(following)
            last_line, j = following, k + 1
        yield "".join(parts), tuple(joins), False
        i = j


def _ending_on(piece: Segment, line: int) -> Segment:
    """``piece``, read as ending on ``line``."""
    return replace(piece, joins=((0, piece.line), (len(piece.text), line)))


def _cell_sentences(cell: str, joins: tuple[tuple[int, int], ...]) -> Iterator[Segment]:
    """The sentences of a cell of prose wrapped over the lines ``joins`` gives."""
    first, last = joins[0][1], joins[-1][1]
    for sentence in _sentences(cell, ((0, first), (len(cell), last))):
        yield replace(sentence, in_cell=True)


def _sentences(unit: str, joins: tuple[tuple[int, int], ...]) -> Iterator[Segment]:
    start = 0
    for end, following in sentence_ends(unit):
        yield _segment(unit, start, end, joins)
        start = following
    if start < len(unit):
        yield _segment(unit, start, len(unit), joins)


def _segment(unit: str, start: int, end: int, joins: tuple[tuple[int, int], ...]) -> Segment:
    piece = unit[start:end]
    text = piece.strip()
    lead = start + (len(piece) - len(piece.lstrip()))
    # joins are ordered by offset: the sentence's first line is the last join at or before its
    # start, and its own joins are those inside it (found by bisection, not by a scan per sentence)
    first_own = bisect_right(joins, lead, key=lambda join: join[0])
    past_own = bisect_right(joins, lead + len(text) - 1, key=lambda join: join[0])
    first = joins[first_own - 1][1] if first_own else joins[0][1]
    own = tuple((offset - lead, number) for offset, number in joins[first_own:past_own])
    return Segment(text, first, is_field=bool(_FIELD.match(text)), joins=own)


def _cut(segment: Segment) -> Iterator[Segment]:
    """A segment longer than ``MAX_SEGMENT`` as pieces of at most that length, cut at spaces."""
    text = segment.text
    if len(text) <= MAX_SEGMENT:
        yield segment
        return
    start, joins = 0, ((0, segment.line), *segment.joins)
    while start < len(text):
        end = min(start + MAX_SEGMENT, len(text))
        if end < len(text):
            space = text.rfind(" ", start + MAX_SEGMENT // 2, end)
            end = space if space > 0 else end
        piece = text[start:end].strip()
        if piece:
            lead = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            yield replace(_segment(text, lead, lead + len(piece), joins), in_table=segment.in_table)
        start = end
