"""A second reading of what a date is for: a model learned from the training corpus.

The rules read the words around a date; where they cannot tell what it is for, the learned
model's reading counts when it is sure enough. The model is a logistic regression over the
words of the date's clause and sentence (``features``), trained by ``tools/train_reader.py`` on
``tests/importer/corpus`` and shipped as ``learned_reader.json.gz``; this module only applies
it, with nothing beyond the standard library. How it was measured and why its threshold is
what it is: docs/importer.md ("The learned reader").
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..timeline import Kind
from .date_hit import DateHit
from .dates import find_dates
from .groups import Group
from .meanings import Background
from .segment import Segment

MODEL_FILE = "learned_reader.json.gz"
FORMAT = 1
NONE = "none"  # the label of a date that is no step

# The model's kind for a date the rules cannot tell the meaning of, from this probability on
FILL = 0.8
# A step the rules read is no step where the model reads none with this probability, and of
# the model's kind where it reads another kind with this one
DROP = 0.95
CHANGE = 0.99

# words of two letters or more, and letters joined by "&": "Q&A", "T&Cs"
_WORD = re.compile(r"[^\W\d_]+&[^\W\d_]+|[^\W\d_]{2,}")
_BEFORE, _NEAR, _AFTER = 10, 3, 8  # words of the clause taken before and after the date


def features(text: str, hits: list[DateHit], index: int, segment: Segment) -> set[str]:
    """What the model sees of ``hits[index]`` in ``text``: the words of its clause before and
    after it (up to the dates beside it), pairs of the words before it, the words of its
    sentence, and whether it stands in a table or a field."""
    hit = hits[index]
    low = hits[index - 1].end if index else 0
    high = hits[index + 1].start if index + 1 < len(hits) else len(text)
    before = _WORD.findall(text[low : hit.start].lower())[-_BEFORE:]
    after = _WORD.findall(text[hit.end : high].lower())[:_AFTER]
    out = {f"before:{w}" for w in before}
    out.update(f"near:{w}" for w in before[-_NEAR:])
    out.update(f"pair:{a}_{b}" for a, b in itertools.pairwise(before))
    out.update(f"after:{w}" for w in after)
    out.update(_sentence_words(text))
    flags = {"table": segment.in_table, "field": segment.is_field, "bare": not before}
    out.update(f"#{flag}" for flag, on in flags.items() if on)
    return out


@lru_cache(maxsize=4)
def _sentence_words(text: str) -> frozenset[str]:
    """The sentence features of ``text``, once for all the dates in it."""
    return frozenset(f"sentence:{w}" for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=4)
def _dates_of(text: str) -> tuple[list[DateHit], dict[int, int]]:
    """The dates of ``text`` and the index of each by where it starts, once per segment."""
    hits = find_dates(text)
    return hits, {hit.start: k for k, hit in enumerate(hits)}


@dataclass(frozen=True, slots=True)
class Model:
    """A multinomial logistic regression: a weight per feature and label, and an intercept per
    label. The weights of feature ``name`` are ``matrix[rows[name] * len(labels):][:len(labels)]``
    (one flat array: a tuple of floats per feature would take three times the memory)."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    rows: dict[str, int]
    matrix: array[float]

    @classmethod
    def of(
        cls,
        labels: tuple[str, ...],
        intercepts: tuple[float, ...],
        weights: dict[str, Sequence[float]],
    ) -> Model:
        if len(intercepts) != len(labels) or any(len(w) != len(labels) for w in weights.values()):
            raise ValueError(f"{MODEL_FILE}: weights do not match its {len(labels)} labels")
        matrix = array("d", (w for row in weights.values() for w in row))
        return cls(labels, intercepts, {name: k for k, name in enumerate(weights)}, matrix)

    def read(self, names: Iterable[str]) -> tuple[str, float]:
        """The most probable label for a date with these features, and its probability."""
        scores = list(self.intercepts)
        for name in names:
            row = self.rows.get(name)
            if row is not None:
                for k, w in enumerate(self._weights(row)):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(exps)), key=exps.__getitem__)
        return self.labels[best], exps[best] / sum(exps)

    def _weights(self, row: int) -> array[float]:
        width = len(self.labels)
        return self.matrix[row * width : (row + 1) * width]

    def to_json(self) -> dict[str, Any]:
        """The model as ``from_json`` reads it, its features in alphabetical order."""
        return {
            "format": FORMAT,
            "labels": self.labels,
            "intercepts": self.intercepts,
            "weights": {name: list(self._weights(self.rows[name])) for name in sorted(self.rows)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        if data.get("format") != FORMAT:
            raise ValueError(f"{MODEL_FILE}: format {data.get('format')!r}, expected {FORMAT}")
        return cls.of(
            tuple(str(x) for x in data["labels"]),
            tuple(float(b) for b in data["intercepts"]),
            {str(name): [float(w) for w in row] for name, row in data["weights"].items()},
        )


@cache
def shipped() -> Model:
    """The model shipped beside this module."""
    raw = resources.files(__package__).joinpath(MODEL_FILE).read_bytes()
    return Model.from_json(json.loads(gzip.decompress(raw)))


def learned_kind(segment: Segment, group: Group) -> tuple[str, float]:
    """The model's reading of the first dated date of ``group``: a kind's value or ``none``."""
    _, index_at = _dates_of(segment.text)
    first = next(d for d in group.dates if d.day is not None)
    index = index_at.get(first.start)
    return _readings(segment)[index] if index is not None else (NONE, 0.0)


@lru_cache(maxsize=4)
def _readings(segment: Segment) -> tuple[tuple[str, float], ...]:
    """The model's reading of each date of ``segment``, once per segment."""
    # without the text's years: a date written without one is no neighbour of it
    hits, _ = _dates_of(segment.text)
    model = shipped()
    return tuple(model.read(features(segment.text, hits, k, segment)) for k in range(len(hits)))


def _alone(segment: Segment) -> bool:
    """Whether ``segment`` dates one day only: the words of its sentence, which the model reads
    for each of its dates, then speak of that date and no other."""
    hits, _ = _dates_of(segment.text)
    return sum(h.day is not None for h in hits) == 1


def reconsidered(
    segment: Segment, group: Group, meaning: Kind | Background | None, *, overrule: bool = True
) -> Kind | Background | None:
    """``meaning`` as the rules read it, weighed against the model's reading of the dates of
    ``group``: where the rules cannot tell what they are for, the kind the model reads with a
    probability of at least ``FILL``; where the rules read a step, none if the model is at
    least ``DROP`` sure it is none, or the model's other kind if it is ``CHANGE`` sure and the
    date is the only one of its sentence (unless not ``overrule``)."""
    if isinstance(meaning, Background) or all(d.day is None for d in group.dates):
        return meaning
    label, p = learned_kind(segment, group)
    if meaning is None:
        return Kind(label) if label != NONE and p >= FILL else None
    if not overrule:
        return meaning
    if label == NONE:
        return None if p >= DROP else meaning
    # an opening keeps its kind: the model learned the dates of a day with a deadline and its
    # opening as the deadline ("Openbare opening: 2 februari 2027, 11.15 uur" reads as one)
    if label == meaning.value or p < CHANGE or meaning is Kind.OPENING:
        return meaning
    return Kind(label) if _alone(segment) else meaning
