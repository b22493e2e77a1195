"""What the importer hands back: the draft tender, what it could not place, and the finds
between reading and ordering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, tzinfo

from ..timeline import Kind, Tender
from .text import excerpt

_MAX_QUOTE = 200  # a report line quotes its sentence up to this many characters


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Something that looks like a date or deadline but did not become a milestone."""

    line: int
    found: str
    reason: str
    sentence: str
    # the day and the step, when it is the old date of a step that was moved
    old: tuple[date, Kind] | None = None

    @property
    def excerpt(self) -> str:
        """The sentence, cut short enough for one line of a report."""
        return excerpt(self.sentence, _MAX_QUOTE)

    def __str__(self) -> str:
        return f"line {self.line}: {self.found!r}: {self.reason}. In: {self.excerpt}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """The tender read from an announcement, and the things ops must check by hand."""

    tender: Tender
    unplaced: tuple[Unplaced, ...]

    @property
    def has_submission_deadline(self) -> bool:
        return any(m.kind is Kind.SUBMISSION_DEADLINE for m in self.tender.milestones)


@dataclass(frozen=True, slots=True)
class Found:
    """A milestone in the making: a day, maybe a time or span of times, and its sentence."""

    kind: Kind
    day: date
    begin: time | None
    finish: time | None
    note: str
    line: int
    prose: bool
    zone: tzinfo | None = None  # the zone its times are written in, when not the tender's
    moves: bool = False  # said in a line that changes the planning: it replaces earlier dates
    until: date | None = None  # the day ``finish`` falls on, when not ``day``: a span of days

    @property
    def precision(self) -> int:
        return 0 if self.begin is None else 1 if self.finish is None else 2
