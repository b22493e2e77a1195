"""The corpus: announcement texts with the timeline a careful person reads in each.

``corpus/`` is what the rules are tuned on. ``heldout/`` holds announcements written without
looking at the rules; the rules are never tuned on them, and only their totals are ever
reported (``Totals``), never a file's own misses, so they stay unseen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.importer import extract
from tender_notifier.tender_file import parse_tender
from tender_notifier.timeline import Kind, Milestone, When

CORPUS = Path(__file__).parent / "corpus"
HELDOUT = Path(__file__).parent / "heldout"
ZONE = ZoneInfo("Europe/Amsterdam")
Fact = tuple[Kind, When]


def items(folder: Path = CORPUS) -> list[Path]:
    """Every announcement in ``folder`` that has an expected timeline next to it."""
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".toml").exists())


def facts(milestones: tuple[Milestone, ...]) -> Counter[Fact]:
    """What is compared: the kind and the time of each milestone (ids and notes may differ)."""
    return Counter((m.kind, m.when) for m in milestones)


@dataclass(frozen=True)
class Score:
    name: str
    expected: Counter[Fact]
    found: Counter[Fact]

    @property
    def missed(self) -> Counter[Fact]:
        return self.expected - self.found

    @property
    def invented(self) -> Counter[Fact]:
        return self.found - self.expected


def score(path: Path) -> Score:
    expected = parse_tender(path.with_suffix(".toml").read_text(encoding="utf-8"), path)
    draft = extract(path.read_text(encoding="utf-8"), zone=ZONE)
    return Score(path.stem, facts(expected.milestones), facts(draft.tender.milestones))


@dataclass(frozen=True)
class Totals:
    """Recall and invented dates over many announcements, and nothing about any one of them."""

    files: int
    expected: int
    recalled: int
    invented: int

    @property
    def recall(self) -> float:
        return self.recalled / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        return (
            f"recall: {self.recalled}/{self.expected} ({self.recall:.1%}), "
            f"invented: {self.invented}, in {self.files} announcements"
        )


def totals(paths: list[Path]) -> Totals:
    scores = [score(path) for path in paths]
    expected = sum(sum(s.expected.values()) for s in scores)
    missed = sum(sum(s.missed.values()) for s in scores)
    invented = sum(sum(s.invented.values()) for s in scores)
    return Totals(len(scores), expected, expected - missed, invented)


# The held-out totals of this run, for the line the terminal summary writes (conftest.py).
HELDOUT_TOTALS = pytest.StashKey[Totals]()
