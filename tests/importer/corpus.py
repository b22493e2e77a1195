"""The corpus: announcement texts with the timeline a careful person reads in each.

``corpus/`` is what the rules are tuned on. ``heldout/`` holds announcements written without
looking at the rules; the rules are never tuned on them, and only their totals are ever
reported (``Totals``), never a file's own misses, so they stay unseen.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import Draft, extract
from tender_notifier.importer.dates import find_dates
from tender_notifier.importer.document import document_of
from tender_notifier.importer.text import segments
from tender_notifier.tender_file import parse_tender
from tender_notifier.timeline import Day, Kind, Milestone, Moment, When

CORPUS = Path(__file__).parent / "corpus"
HELDOUT = Path(__file__).parent / "heldout"
ZONE = ZoneInfo("Europe/Amsterdam")
# The texts are read as on a day of the weeks they were written in, as a supplier imports an
# announcement soon after it is posted: the year of "dinsdag 22 december" in a text that
# writes no year anywhere is read from it.
READ_ON = date(2026, 12, 4)
Fact = tuple[Kind, When]


def items(folder: Path = CORPUS) -> list[Path]:
    """Every announcement in ``folder`` that has an expected timeline next to it."""
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".toml").exists())


def corpus_digest(paths: list[Path]) -> str:
    """A digest of the names and contents of these announcements and their timelines, which the
    learned reader records for the corpus it learned from."""
    digest = hashlib.sha256()
    for path in paths:
        for part in (path, path.with_suffix(".toml")):
            digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    return digest.hexdigest()


def facts(milestones: tuple[Milestone, ...]) -> Counter[Fact]:
    """What is compared: the kind and the time of each milestone (ids and notes may differ)."""
    return Counter((m.kind, m.when) for m in milestones)


@dataclass(frozen=True)
class Score:
    name: str
    expected: Counter[Fact]
    found: Counter[Fact]
    # why each missed and each invented date went wrong (``causes``)
    missed_by: Counter[str] = field(default_factory=Counter)
    invented_by: Counter[str] = field(default_factory=Counter)

    @property
    def missed(self) -> Counter[Fact]:
        return self.expected - self.found

    @property
    def invented(self) -> Counter[Fact]:
        return self.found - self.expected


def score(path: Path) -> Score:
    expected = parse_tender(path.with_suffix(".toml").read_text(encoding="utf-8"), path)
    text = path.read_text(encoding="utf-8")
    draft = extract(text, zone=ZONE, today=READ_ON)
    wanted, found = facts(expected.milestones), facts(draft.tender.milestones)
    missed_by, invented_by = causes(wanted, found, draft, text, expected.timezone)
    return Score(path.stem, wanted, found, missed_by, invented_by)


def day_of(when: When, zone: ZoneInfo) -> date:
    """The day ``when`` falls on in ``zone``."""
    if isinstance(when, Day):
        return when.day
    return (when.at if isinstance(when, Moment) else when.start).astimezone(zone).date()


def causes(
    wanted: Counter[Fact], found: Counter[Fact], draft: Draft, text: str, zone: ZoneInfo
) -> tuple[Counter[str], Counter[str]]:
    """Why the missed dates were missed and the invented ones invented, by kind of mistake."""
    wanted_steps = {(kind, day_of(when, zone)) for kind, when in wanted}
    found_steps = {(kind, day_of(when, zone)) for kind, when in found}
    found_days = {day for _, day in found_steps}
    years = document_of(segments(text), READ_ON).years  # "dinsdag 9 maart" in a dated mail is read
    listed = {
        hit.day: "listed as unclear" if "could not tell" in u.reason else "listed as no step"
        for u in draft.unplaced
        for hit in find_dates(u.found, years)
    }
    read = {hit.day for hit in find_dates(text, years)}
    missed_by: Counter[str] = Counter()
    for (kind, when), count in (wanted - found).items():
        day = day_of(when, zone)
        if (kind, day) in found_steps:
            cause = "another time"
        elif day in found_days:
            cause = "another step"
        else:
            cause = listed.get(day, "read, not listed" if day in read else "not read")
        missed_by[cause] += count
    invented_by: Counter[str] = Counter()
    for (kind, when), count in (found - wanted).items():
        day = day_of(when, zone)
        if (kind, day) in wanted_steps:
            cause = "another time"
        elif any(day == d for _, d in wanted_steps):
            cause = "another step"
        else:
            cause = "no step on that day"
        invented_by[cause] += count
    return missed_by, invented_by


@dataclass(frozen=True)
class Totals:
    """Recall and invented dates over many announcements, and nothing about any one of them."""

    files: int
    expected: int
    recalled: int
    invented: int
    missed_by: Counter[str] = field(default_factory=Counter)
    invented_by: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.recalled / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        return (
            f"recall: {self.recalled}/{self.expected} ({self.recall:.1%}), "
            f"invented: {self.invented}, in {self.files} announcements"
        )

    @property
    def why(self) -> str:
        """The causes of the misses and the invented dates, most frequent first."""

        def listing(counts: Counter[str]) -> str:
            return ", ".join(f"{n} {cause}" for cause, n in counts.most_common()) or "none"

        return f"missed: {listing(self.missed_by)}; invented: {listing(self.invented_by)}"


def totals(paths: list[Path]) -> Totals:
    scores = [score(path) for path in paths]
    expected = sum(sum(s.expected.values()) for s in scores)
    missed = sum(sum(s.missed.values()) for s in scores)
    invented = sum(sum(s.invented.values()) for s in scores)
    missed_by = sum((s.missed_by for s in scores), Counter[str]())
    invented_by = sum((s.invented_by for s in scores), Counter[str]())
    return Totals(len(scores), expected, expected - missed, invented, missed_by, invented_by)


# The held-out totals of this run, for the line the terminal summary writes (conftest.py).
HELDOUT_TOTALS = pytest.StashKey[Totals]()
