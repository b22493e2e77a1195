"""The corpus: announcement texts with the timeline a careful person reads in each."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract
from tender_notifier.tender_file import parse_tender
from tender_notifier.timeline import Kind, Milestone, When

CORPUS = Path(__file__).parent / "corpus"
ZONE = ZoneInfo("Europe/Amsterdam")
Fact = tuple[Kind, When]


def items() -> list[Path]:
    """Every announcement in the corpus that has an expected timeline next to it."""
    return sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix(".toml").exists())


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
