"""Rows of a table whose cells wrap over several lines, as a log of questions and answers is
laid out: each cell read whole, and a cell of prose read as the sentences it holds.

    14  | 18/03/2027    | Given the Easter holidays, will   | Yes. The closing date has been
        |               | the Authority consider extending  | extended. Tenders must now be
        |               | the closing date of 12 noon on    | received via the eTenders
"""

from __future__ import annotations

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
    another one empty too (a row of its own has its first cell; "|   | di 23 juni 2026 |",
    another date of the row above, has no other empty cell)."""
    if "|" not in row or "|" not in line or "\t" in line:
        return False
    outer = _outer(row)
    cells, above = pipe_cells(line, outer), pipe_cells(row, outer)
    return (
        len(cells) == len(above) >= 3
        and not cells[0]
        and any(not cell for cell in cells[1:])
        and any(cells)
    )


def merged(rows: list[str]) -> list[str]:
    """The cells of a row and the lines that carry it on, each cell read whole."""
    outer = _outer(rows[0])
    columns: list[list[str]] = [[] for _ in pipe_cells(rows[0], outer)]
    for row in rows:
        for k, cell in enumerate(pipe_cells(row, outer)):
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


def is_prose(cell: str) -> bool:
    """Whether a cell holds sentences rather than a label or a value."""
    return len(cell) >= _PROSE_CELL and len(cell.split()) >= _PROSE_WORDS
