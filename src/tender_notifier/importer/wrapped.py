"""Rows of a table whose cells wrap over several lines, as a log of questions and answers is
laid out: each cell read whole, and a cell of prose read as the sentences it holds.

    14  | 18/03/2027    | Given the Easter holidays, will   | Yes. The closing date has been
        |               | the Authority consider extending  | extended. Tenders must now be
        |               | the closing date of 12 noon on    | received via the eTenders
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dates import find_dates, month_pattern, weekday_pattern
from .rows import times_only

_LETTERS = re.compile(r"[^\W\d_]")
_OPEN_VALUE = re.compile(
    rf"(\b(on|op|at|om|by|the)|,|\b({weekday_pattern()}))\W{{0,2}}$", re.IGNORECASE
)
# a line of a date-first table that opens on a month, a week or a quarter: "maart 2027
# gunning (indicatief)" under "09.02.2027   11u00 – opening" is the next item, not the rest
_ROUGH_DATE = re.compile(
    rf"^((begin|medio|half|eind|einde|early|mid|late|end of)\s{{1,3}})?({month_pattern()})"
    r"\s{1,3}\d{4}\b|^(week|wk)\.?\s{0,2}\d{1,2}\b|^Q[1-4]\b",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[.?!](\s|$)")
_PROSE_CELL = 60  # characters: a cell this long that wraps is prose, not a label or a value
_PROSE_WORDS = 8


def pipe_cells(line: str, outer: bool) -> list[str]:
    """The cells of a row of a table ruled with bars, empty ones included; ``outer`` says the
    table has bars at its edges too ("| a | b |", not "a | b")."""
    # without outer bars, "    |     | the Authority": the first cell is the blank before the bar
    text = line.strip().removeprefix("|").removesuffix("|") if outer else line.rstrip()
    return [" ".join(cell.split()) for cell in text.split("|")]


def _outer(row: str) -> bool:
    return row.lstrip().startswith("|")


def goes_on(row: str, line: str) -> bool:
    """Whether ``line`` carries on the cells of ``row``: as many cells, the first one empty and
    another one empty too, or no date in any (a row of its own has its first cell; "|   | di 23
    juni 2026 |", another date of the row above, has no other empty cell)."""
    if "|" not in row or "|" not in line or "\t" in line:
        return False
    outer = _outer(row)
    cells, above = pipe_cells(line, outer), pipe_cells(row, outer)
    if (
        len(cells) == len(above) >= 2
        and _label_goes_on(above[0], cells[0])
        # or its time: "| Deadline for receipt of clarification | 6 January 2027, |"
        and (not all(cells) or all(_value_open(cell) or cell.endswith(",") for cell in above[1:]))
    ):
        # "| Latest date for receipt of | 15:00 on 13 January 2027 |" / "| clarification
        # requests | |": the label wrapped, in lower case or in brackets, with a cell left
        # empty or each value above cut off before its date ("12:00 noon on Wednesday" /
        # "3 February 2027"; not "| week 13 | Voornemen tot gunning |")
        return True
    if (
        len(cells) == len(above) >= 2
        and not cells[0]
        and any(cells)
        and not find_dates(line)
        and all(cell.endswith(",") for cell in above[1:] if cell)
    ):
        return True  # "| Webinar | 9 December 2026, |" / "|  | 14:00 - 15:00 |": its time
    return (
        len(cells) == len(above) >= 3
        and not cells[0]
        # "|   | 09:00 – 12:30 | 13:00 – 17:00 |": the hours of the dates above
        and (any(not cell for cell in cells[1:]) or not find_dates(line))
        and any(cells)
    )


_ENDS_OPEN = re.compile(
    rf"(\b(on|op|at|om|by|the|en|and|of|or|tot|to|t/m|met|uiterlijk)|,|[-\u2013]"
    rf"|\b({weekday_pattern()}))\W{{0,2}}$",
    re.IGNORECASE,
)


def _dates_go_on(
    above: list[tuple[int, str]], cells: list[tuple[int, str]], columns: list[int | None]
) -> bool:
    """Whether the line's dates and times all carry on a value the row above leaves open
    ("maandag 22 en" / "dinsdag 23 februari 2027"), and it has one."""
    dated = [
        k
        for (_, text), k in zip(cells, columns, strict=True)
        if find_dates(text) or (k and times_only(text))
    ]
    return bool(dated) and all(
        k is not None and k > 0 and bool(_ENDS_OPEN.search(above[k][1])) for k in dated
    )


def _value_open(cell: str) -> bool:
    """Whether a value ends where its date is still to come: "12:00 noon (Irish time) on
    Wednesday", "15:00 on"."""
    return bool(_OPEN_VALUE.search(cell)) and not find_dates(cell)


def _label_goes_on(label: str, cell: str, *, open_end: bool = False) -> bool:
    """Whether ``cell`` carries on the first cell ``label`` of the row above: in lower case or
    in brackets, or (``open_end``) closing the label's bracket or after a last word that leaves
    it open ("Assessment summaries issued and")."""
    goes = cell[:1].islower() or cell[:1] == "("
    if open_end:
        goes = goes or (_open_bracket(label) and ")" in cell) or _leaves_open(label)
    return (
        goes
        and bool(_LETTERS.search(label))
        and not label.endswith((".", ":", ";"))
        and not find_dates(cell)
    )


def merged(rows: list[str]) -> list[str]:
    """The cells of a row and the lines that carry it on, each cell read whole."""
    outer = _outer(rows[0])
    return _merged_cells([pipe_cells(row, outer) for row in rows])


def _merged_cells(rows: list[list[str]]) -> list[str]:
    """Each column of ``rows`` (a row and the lines that carry its cells on) as one cell."""
    columns: list[list[str]] = [[] for _ in rows[0]]
    for row in rows:
        for k, cell in enumerate(row):
            if cell:
                columns[k].append(cell)
    return [_joined(parts) for parts in columns]


def _joined(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and part[:1].islower():
            text = text[:-1] + part  # "verzen-" / "ding": a word broken over two lines
        else:
            text = f"{text} {part}" if text else part
    return text


# A cell of a table aligned with spaces: words one or two spaces apart
_ALIGNED_CELL = re.compile(r"\S+(?: {1,2}\S+)*")
_ALIGN_SLACK = 2  # characters a wrapped cell may start off its column


def _aligned_cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(line)]


def cells_under(head: str, row: str) -> list[str] | None:
    """The cells of ``row`` cut where the columns of the head row ``head`` start, in a table
    aligned with spaces whose row runs two cells together ("clarification deadline  12 March
    2027, 17:00" under "Stage ... Original"); None when the row does not fit that head."""
    if "\t" in head + row or "|" in head + row:
        return None
    starts = [start for start, _ in _aligned_cells(head)]
    cuts = [0]
    for start in starts[1:]:
        if start < len(row) and row[start - 2 : start] == "  " and row[start] != " ":
            cuts.append(start)
    if len(cuts) != len(starts):
        return None
    cells = [row[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(row)], strict=True)]
    return [" ".join(c.split()) for c in cells] if all(cells) else None


def _column(starts: list[int], start: int) -> int | None:
    """The column of ``starts`` a cell starting at ``start`` stands in, if it stands in one."""
    for k, column_start in enumerate(starts):
        if abs(column_start - start) <= _ALIGN_SLACK:
            return k
    return None


# "Aanmelden voor de schouw (via de" / "berichtenmodule)": a label that cannot end there
_UNFINISHED = re.compile(
    r"\b(de|het|een|van|voor|bij|en|of|op|met|via|naar|om|aan|door|te|the|a|an|for|to|and|or"
    # "Uiterste moment indienen verzoek tot" over "deelneming" (not "Reageren tot")
    r"|in|on|at|by|with|(verzoek|verzoeken|aanvraag|aanvragen) tot)$",
    re.IGNORECASE,
)


def _open_bracket(text: str) -> bool:
    """Whether ``text`` opens a bracket it does not close."""
    return text.count("(") > text.count(")")


def _unfinished(label: str) -> bool:
    """Whether ``label`` breaks off in its words: a bracket left open, a word that leads on."""
    return _open_bracket(label) or bool(_UNFINISHED.search(label))


def goes_on_aligned(row: str, line: str) -> bool:
    """Whether ``line`` carries on cells of the row above it, in a table aligned with spaces:

        Schouw (facultatief)       dinsdag 15 december 2026,      woensdag 13 januari 2027,
                                   9:00 - 12:00 uur               13:00 - 15:30 uur

    every cell of ``line`` starts where a cell of ``row`` starts, and none under the first
    cell, unless it holds the rest of a word broken at the end of that cell ("Ka-" /
    "nalweg 1, Eefde)") or the rest of a label on a line without a date ("Deadline for
    requests for additional" / "information from tenderers")."""
    if "\t" in row + line or "|" in row + line or "...." in row:
        return False
    above, cells = _aligned_cells(row), _aligned_cells(line)
    if len(above) < 2 or not cells or len(cells) > len(above):
        return False
    starts = [start for start, _ in above]
    columns = [_column(starts, start) for start, _ in cells]
    # a label goes on under its own cell, not beside a value under the date above
    # ("tender_deadline   2027-02-15T12:00:00Z" / "opening   immediately after the deadline")
    # ("Latest date for receipt of clarification   Tuesday 5 January 2027" / "requests (Stage
    # 1)   at 12:00 noon": the date's time goes on under it, and so does the label)
    under_dates = any(
        k is not None and k > 0 and find_dates(above[k][1]) and not times_only(text)
        for (_, text), k in zip(cells, columns, strict=True)
    )
    for (start, text), column in zip(cells, columns, strict=True):
        if start < starts[1] - _ALIGN_SLACK:
            # a date-first table's next row: "vr 18-12-2026   09.00   Gesprekken" under "wo
            # 16-12-2026   -   Uitnodiging" (the weekday in lower case is no wrapped label)
            if find_dates(above[0][1]) and (_ROUGH_DATE.match(text) or find_dates(text)):
                return False
            broken = above[0][1].endswith("-") and text[:1].islower()
            label, lower = above[0][1], text[:1].islower()
            label_goes_on = (
                ((lower or text.startswith("(")) and not find_dates(line) and not under_dates)
                # "Uitslag schriftelijke   uiterlijk vrijdag" / "proef   29 januari 2027": the
                # label and the date broken after the weekday go on together
                or ((lower or text.startswith("(")) and _dates_go_on(above, cells, columns))
                or (lower and _unfinished(label))
                or (_open_bracket(label) and ")" in text)
                # "Return of Procurement Specific" / "  Questionnaire (PSQ)": a hanging indent
                or (above[0][0] < start and len(cells) == 1 and not find_dates(line))
            )
            if not (broken or label_goes_on):
                return False
        elif column is None and not (
            # "uiterlijk woensdag 23" / "december 2026      -": the value goes on under its
            # cell, and a column the row above left empty gets its value
            start > above[-1][0] + len(above[-1][1]) + 1 and any(k is not None for k in columns)
        ):
            return False
    return True


def merged_aligned(rows: list[str]) -> list[str]:
    """The cells of a row aligned with spaces and of the lines that carry it on, each whole."""
    above = _aligned_cells(rows[0])
    starts = [start for start, _ in above]
    columns: list[list[str]] = [[text] for _, text in above]
    for line in rows[1:]:
        for start, text in _aligned_cells(line):
            k = 0 if start < starts[1] - _ALIGN_SLACK else _column(starts, start)
            columns[k or 0].append(text)
    return [_joined(parts) for parts in columns]


# "Interviews ........ dinsdag 15 juni en woensdag 16 juni 2027," over "          telkens
# tussen 09:00 en 17:00 uur": a value after a dotted leader, wrapped under itself
_LEADER = re.compile(r"\.{4,}\s*(?=\S)")
_DOTTED = re.compile(r"\.{4,}")
_TIME_ALONE = re.compile(r"^\d{1,2}[:.]\d\d(\s?[-\u2013]\s?\d{1,2}[:.]\d\d)?\s{0,3}(uur|u|h)?\.?$")


def goes_on_dotted(row: str, line: str) -> bool:
    """Whether ``line`` carries on the value of a row whose label is led to it by dots: it
    starts where that value starts, and leads to no value of its own."""
    leader = _LEADER.search(row)
    if leader is None or not line.strip() or _LEADER.search(line) or "\t" in line:
        return False
    start = len(line) - len(line.lstrip(" "))
    if abs(start - leader.end()) <= _ALIGN_SLACK:
        return True
    # "... 11 januari 2027," / "12:00 uur": the time of a value cut off after its comma
    return row.rstrip().endswith(",") and bool(_TIME_ALONE.match(line.strip()))


def merged_dotted(rows: list[str]) -> list[str]:
    """The row with the lines that carry its value on, as one line."""
    return [" ".join(r.strip() for r in rows)]


def carried_on(lines: list[str], first: int) -> tuple[str, int] | None:
    """The row ``lines[first]`` with the lines below it that carry its cells on, as one row of
    whole cells, and the index of the line after them; None when the next line does not carry
    it on. Rows ruled with bars ("|    | the Authority consider ...") and rows aligned with
    spaces ("Latest time ... for receipt of tenders     12 noon (Irish time), Wednesday" /
    "                                                    22nd September 2027") alike."""
    row = lines[first]
    kinds: tuple[tuple[Callable[[str, str], bool], Callable[[list[str]], list[str]], str], ...] = (
        ((goes_on_tabbed, merged_tabbed, "\t"),)
        if "\t" in row
        else (
            (goes_on, merged, " | "),
            (goes_on_aligned, merged_aligned, "   "),
            (goes_on_dotted, merged_dotted, ""),
        )
    )
    for goes, merge, separator in kinds:
        end = first + 1
        while end < len(lines) and goes(row, lines[end]):
            end += 1
        if end > first + 1:
            return separator.join(merge(lines[first:end])), end
    return None


def goes_on_tabbed(row: str, line: str) -> bool:
    """Whether ``line`` carries on cells of the row above it, in a table parted by tabs:

        Bidder briefing session (MS Teams –<TAB>Wednesday 16th December 2026,
        register via portal messaging)<TAB>10:00 – 11:00
        Deadline for clarification questions<TAB>12:00 noon, Monday 4th January
        <TAB>2027

    as many cells or fewer, the first empty or the rest of the label above (in lower case,
    closing its bracket, or after a last word that leaves it open), and the values above still
    without their date unless a cell is left empty."""
    if not line.strip():
        return False
    above = [c.strip() for c in row.split("\t")]
    cells = [c.strip() for c in line.split("\t")]
    if len(above) < 2 or len(cells) > len(above):
        return False
    values = [c for c in above[1:] if c]
    if not cells[0]:
        # "<TAB>2027" under "... Monday 4th January", not "<TAB>perceel 3<TAB>di 09-03-2027"
        return any(cells) and (not find_dates(line) or _all_open(values))
    # (not "2.4.1<TAB>Attendance at the session is not mandatory": no label, and prose)
    return (
        _label_goes_on(above[0], cells[0], open_end=True)
        and len(cells[0]) <= _PROSE_CELL
        and (len(cells) == 1 or not all(cells) or _all_open(values))
    )


def _all_open(values: list[str]) -> bool:
    return bool(values) and all(_value_open(c) for c in values)


def _leaves_open(label: str) -> bool:
    """Whether ``label`` ends on a word or a dash that leads on to the next line."""
    return bool(_UNFINISHED.search(label)) or label.endswith((" -", " \u2013"))


def merged_tabbed(rows: list[str]) -> list[str]:
    """The cells of a row parted by tabs and of the lines that carry it on, each whole."""
    return _merged_cells([[c.strip() for c in row.split("\t")] for row in rows])


def is_prose(cell: str) -> bool:
    """Whether a cell holds sentences rather than a label or a value."""
    return (
        len(cell) >= _PROSE_CELL
        and len(cell.split()) >= _PROSE_WORDS
        # a sentence ends in it: not a long label, "Latest date for issue of responses to
        # clarification requests"
        and bool(_SENTENCE_STOP.search(cell))
    )


_CELL_GAP = re.compile(r"\t|\||\S {3,}\S")


def opens_row(line: str, following: str) -> bool:
    """Whether ``line`` is the first part of the label of the dotted row ``following``: it
    leaves a bracket open that the row closes, or the row goes on indented under it in
    lower case or in brackets ("- Site visit, selected candidates only" / "  (mandatory) ....");
    and it holds no date, and is no row of cells of its own."""
    indent = len(line) - len(line.lstrip(" "))
    below = following.lstrip(" ")
    hangs = (below[:1].islower() or below[:1] == "(") and len(following) - len(below) > indent
    # or a row aligned with spaces whose label hangs in lower case under it: "Latest date for
    # issue of clarification" / "  responses     Wednesday 13th January 2027" (not a field of
    # its own under a heading: "Deadline for requesting ..." / "  was:  05/01/2027")
    label, gap, value = below.partition("   ")
    aligned = hangs and bool(gap) and not label.endswith(":") and not find_dates(label)
    aligned = aligned and bool(find_dates(value))
    return (
        (_open_bracket(line) or hangs)
        and not _DOTTED.search(line)
        and not _CELL_GAP.search(line.strip())
        and (bool(_DOTTED.search(following)) or aligned)
        and (hangs or ")" in following.split("..", 1)[0])
        and not find_dates(line)
    )
