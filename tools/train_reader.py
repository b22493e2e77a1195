"""Train the importer's learned reader on the training corpus and write it into the package.

Needs scikit-learn, which the importer does not depend on at run time (``make reader`` installs
it into ``.venv`` and runs this). Run from the repository root:

    .venv/bin/python tools/train_reader.py

Every date the importer reads in a training announcement (``tests/importer/corpus``) is an
example; its label is the kind of the expected milestone on its day, or ``none`` (``_label``).
A logistic regression over ``learned.features`` learns them; its weights are written to
``src/tender_notifier/importer/learned_reader.json.gz`` with the digest of the corpus it
learned from, which a test compares with the corpus as it is.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

try:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
except ImportError:
    sys.exit("needs scikit-learn: .venv/bin/pip install scikit-learn (or: make reader)")

from tests.importer.corpus import CORPUS, corpus_digest, day_of, items  # noqa: E402

from tender_notifier.importer import learned  # noqa: E402
from tender_notifier.importer.dates import find_dates  # noqa: E402
from tender_notifier.importer.document import document_of  # noqa: E402
from tender_notifier.importer.text import segments  # noqa: E402
from tender_notifier.tender_file import parse_tender  # noqa: E402
from tender_notifier.timeline import Kind  # noqa: E402

C = 3.0  # the inverse strength of the L2 penalty
DECIMALS = 4  # the weights are rounded to this many decimals

Example = tuple[set[str], str]


def examples(path: Path) -> Iterator[Example]:
    """Every dated date of one training announcement with its label."""
    expected = parse_tender(path.with_suffix(".toml").read_text(encoding="utf-8"), path)
    kinds: dict[object, set[str]] = {}
    for milestone in expected.milestones:
        kinds.setdefault(day_of(milestone.when, expected.timezone), set()).add(milestone.kind.value)
    pieces = segments(path.read_text(encoding="utf-8"))
    years = document_of(pieces).years
    for segment in pieces:
        hits = find_dates(segment.text, years)
        for index, hit in enumerate(hits):
            if hit.day is not None:
                label = _label(kinds.get(hit.day, set()))
                yield learned.features(segment.text, hits, index, segment), label


def _label(kinds: set[str]) -> str:
    """The label of a date on a day with these expected kinds: ``none`` for no step; for a day
    with several, the deadline among them ("Ontvangst offertes: 2 februari 2027 om 11u00", and
    the opening that day) or else the first in the timeline's order."""
    if not kinds:
        return learned.NONE
    ordered = sorted(kinds, key=lambda k: (not Kind(k).is_deadline, list(Kind).index(Kind(k))))
    return ordered[0]


def fit(rows: list[Example]) -> learned.Model:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(names, 1) for names, _ in rows])
    regression = LogisticRegression(C=C, max_iter=5000)
    regression.fit(matrix, [label for _, label in rows])
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(round(float(w), DECIMALS) for w in column)
        for name, column in zip(names, regression.coef_.T, strict=True)
    }
    labels = tuple(str(label) for label in regression.classes_)
    intercepts = tuple(round(float(b), DECIMALS) for b in regression.intercept_)
    model = learned.Model.of(labels, intercepts, weights)
    # the standard-library reading of the rounded weights agrees with scikit-learn's
    for (names_of_row, _), p in zip(
        rows[:500], regression.predict_proba(matrix[:500]), strict=True
    ):
        label, q = model.read(names_of_row)
        best = int(p.argmax())
        assert label == regression.classes_[best] or abs(q - p[best]) < 1e-3, (label, q, p)
    return model


def main() -> None:
    paths = items(CORPUS)
    rows = [row for path in paths for row in examples(path)]
    model = fit(rows)
    data = {
        "format": learned.FORMAT,
        "corpus": corpus_digest(paths),
        "examples": len(rows),
        **model.to_json(),
    }
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    target = ROOT / "src" / "tender_notifier" / "importer" / learned.MODEL_FILE
    target.write_bytes(gzip.compress(raw, mtime=0))
    print(
        f"{target.relative_to(ROOT)}: {len(rows)} examples from {len(paths)} announcements, "
        f"{len(model.rows)} features, {target.stat().st_size // 1024} KB"
    )


if __name__ == "__main__":
    main()
