"""A piece of announcement text the importer reads: a sentence or a "label: value" field."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence of prose or one "label: value" field, and where in the announcement it stood."""

    text: str
    line: int
    is_field: bool = False
    in_table: bool = False  # a row of a table, or a pair of cells from one
    in_cell: bool = False  # a sentence of a cell of prose in a table (a log of questions)
    stamp: bool = False  # when the message after it was sent: "[26-11-2026 08:52]" (stamps.py)
    # (offset in ``text``, line number) for every source line that was joined into ``text``
    joins: tuple[tuple[int, int], ...] = ()

    @property
    def last_line(self) -> int:
        """The last announcement line of this segment's text."""
        return self.joins[-1][1] if self.joins else self.line

    def follows_blank(self, previous: Segment | None) -> bool:
        """Whether a blank line stands between ``previous`` and this segment."""
        return previous is not None and self.line - previous.last_line > 1

    def line_at(self, offset: int) -> int:
        """The announcement line that holds ``offset`` of this segment's text."""
        k = bisect_right(self.joins, offset, key=lambda join: join[0])
        return self.joins[k - 1][1] if k else self.line
