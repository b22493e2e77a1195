"""Would a learned reader of what a date is for help the importer's rules? A measurement.

Needs scikit-learn, which the project does not depend on (``.venv/bin/pip install
scikit-learn``). Run from the repository root:

    .venv/bin/python bench/importer_learned_kinds.py [FOLDER]

Every date the importer reads in a training announcement (``tests/importer/corpus``) is a
candidate; its label is the kind of the expected milestone on its day, or ``none`` (a day with
milestones of two kinds is left out). Its features are the words of its clause before and after
it, the words of its sentence and whether it stands in a table or a field. A logistic
regression over them is judged two ways:

1. on candidates, by 5-fold cross-validation over announcements (no announcement in the fold
   it is judged on): how often its kind is right, and for a threshold on its probability how
   many kinds it gives and how many of those are right;
2. beside the rules, trained on every training announcement, on FOLDER (default the held-out
   part; only totals are printed): a date the rules cannot tell the meaning of gets the
   learned kind when its probability is at least FILL; a step the rules made is dropped when
   the learned reading is ``none`` with at least VETO.

Results and what they mean: docs/importer.md ("A learned reader"), bench/README.md.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

try:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
except ImportError:
    sys.exit("needs scikit-learn: .venv/bin/pip install scikit-learn")

from tests.importer.corpus import CORPUS, HELDOUT, day_of, items, totals  # noqa: E402

from tender_notifier.importer import finds, sentences  # noqa: E402
from tender_notifier.importer.dates import DateHit, find_dates  # noqa: E402
from tender_notifier.importer.document import document_of  # noqa: E402
from tender_notifier.importer.meanings import Background  # noqa: E402
from tender_notifier.importer.segment import Segment  # noqa: E402
from tender_notifier.importer.text import segments  # noqa: E402
from tender_notifier.tender_file import parse_tender  # noqa: E402
from tender_notifier.timeline import Kind  # noqa: E402

FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FILL = 0.8
VETO = 0.9
_WORD = re.compile(r"[^\W\d_]{2,}")

Features = dict[str, int]


def features(text: str, hits: list[DateHit], index: int, segment: Segment) -> Features:
    """The words around ``hits[index]`` in ``text``, up to the dates beside it."""
    hit = hits[index]
    low = hits[index - 1].end if index else 0
    high = hits[index + 1].start if index + 1 < len(hits) else len(text)
    before = _WORD.findall(text[low : hit.start].lower())[-10:]
    after = _WORD.findall(text[hit.end : high].lower())[:8]
    out: Features = {f"before:{w}": 1 for w in before}
    out.update({f"near:{w}": 1 for w in before[-3:]})
    out.update({f"pair:{a}_{b}": 1 for a, b in itertools.pairwise(before)})
    out.update({f"after:{w}": 1 for w in after})
    out.update({f"sentence:{w}": 1 for w in _WORD.findall(text.lower())})
    for flag, on in (
        ("table", segment.in_table),
        ("field", segment.is_field),
        ("bare", not before),
    ):
        if on:
            out[f"#{flag}"] = 1
    return out


def candidates(path: Path) -> Iterator[tuple[Features, str]]:
    """Every dated candidate of one training announcement with its label."""
    expected = parse_tender(path.with_suffix(".toml").read_text(encoding="utf-8"), path)
    kinds: dict[Any, set[str]] = {}
    for milestone in expected.milestones:
        kinds.setdefault(day_of(milestone.when, expected.timezone), set()).add(milestone.kind.value)
    pieces = segments(path.read_text(encoding="utf-8"))
    years = document_of(pieces).years
    for segment in pieces:
        hits = find_dates(segment.text, years)
        for index, hit in enumerate(hits):
            labels = kinds.get(hit.day, set())
            if hit.day is not None and len(labels) <= 1:
                label = next(iter(labels), "none")
                yield features(segment.text, hits, index, segment), label


def train(rows: list[tuple[Features, str]]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=3.0, max_iter=3000)
    model.fit(vectorizer.fit_transform([f for f, _ in rows]), [label for _, label in rows])
    return vectorizer, model


def cross_validate(paths: list[Path]) -> None:
    order = paths[:]
    random.Random(1).shuffle(order)
    rows = {path: list(candidates(path)) for path in paths}
    judged: list[tuple[str, str, float]] = []
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        vectorizer, model = train([r for p in paths if p not in held for r in rows[p]])
        test = [r for p in held for r in rows[p]]
        for (_, label), p in zip(
            test, model.predict_proba(vectorizer.transform([f for f, _ in test])), strict=True
        ):
            best = int(p.argmax())
            judged.append((label, str(model.classes_[best]), float(p[best])))
    right = sum(label == guess for label, guess, _ in judged)
    steps = sum(label != "none" for label, _, _ in judged)
    print(f"{len(judged)} candidates in {len(paths)} announcements, {FOLDS}-fold by announcement")
    print(f"  kind right: {right / len(judged):.1%} ({steps} of the candidates are steps)")
    for threshold in THRESHOLDS:
        given = [(lbl, g) for lbl, g, p in judged if g != "none" and p >= threshold]
        ok = sum(lbl == g for lbl, g in given)
        print(
            f"  probability >= {threshold}: {len(given)} kinds given, {ok} right "
            f"({ok / len(given):.1%}), {ok / steps:.1%} of the steps"
        )


def beside_the_rules(paths: list[Path], folder: Path) -> None:
    vectorizer, model = train([r for p in paths for r in candidates(p)])
    read_group = finds.read_group

    def learned(segment: Segment, group: Any) -> tuple[str, float]:
        # without the text's years: a date written without one is not among the neighbours
        hits = find_dates(segment.text)
        first = next(d for d in group.dates if d.day is not None)
        index = next((i for i, h in enumerate(hits) if h.start == first.start), None)
        if index is None:
            return "none", 0.0
        p = model.predict_proba(
            vectorizer.transform([features(segment.text, hits, index, segment)])
        )
        best = int(p[0].argmax())
        return str(model.classes_[best]), float(p[0][best])

    def with_learned(segment: Segment, group: Any, meaning: Any, *rest: Any) -> None:
        if any(d.day is not None for d in group.dates) and (
            meaning is None or isinstance(meaning, Kind)
        ):
            kind, p = learned(segment, group)
            if meaning is None and kind != "none" and p >= FILL:
                meaning = Kind(kind)
            elif meaning is not None and kind == "none" and p >= VETO:
                meaning = Background.BACKGROUND
        read_group(segment, group, meaning, *rest)

    print(f"{folder.name}, rules alone:   {totals(items(folder))}")
    finds.read_group = sentences.read_group = with_learned  # type: ignore[assignment]
    try:
        print(f"{folder.name}, with learned: {totals(items(folder))} (fill {FILL}, veto {VETO})")
    finally:
        finds.read_group = sentences.read_group = read_group


if __name__ == "__main__":
    training = items(CORPUS)
    cross_validate(training)
    beside_the_rules(training, Path(sys.argv[1]) if len(sys.argv) > 1 else HELDOUT)
