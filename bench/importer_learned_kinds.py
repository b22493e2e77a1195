"""How well does the importer's learned reader read? A measurement.

Needs scikit-learn, which the importer does not depend on at run time (``make reader`` installs
it). Run from the repository root:

    .venv/bin/python bench/importer_learned_kinds.py [FOLDER ...]

1. On its own, by 5-fold cross-validation over the training announcements (no announcement in
   the fold it is judged on), with the examples and features it is trained on
   (``tools/train_reader.py``, ``importer/learned.py``): how often its kind is right, and for a
   threshold on its probability how many kinds it gives and how many of those are right.
2. Beside the rules on each FOLDER (default the held-out part; only totals are printed): the
   rules alone, the reader only filling in the dates they cannot tell, as shipped (also
   dropping and changing the steps they read where it is very sure), and each threshold
   moved on its own.

Results and what they mean: docs/importer.md ("The learned reader"), bench/README.md.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "tools")]

from tests.importer.corpus import CORPUS, HELDOUT, items, totals  # noqa: E402
from train_reader import examples, fit  # noqa: E402

from tender_notifier.importer import learned  # noqa: E402

FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def cross_validate(paths: list[Path]) -> None:
    order = paths[:]
    random.Random(1).shuffle(order)
    rows = {path: list(examples(path)) for path in paths}
    judged: list[tuple[str, str, float]] = []
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        model = fit([r for p in paths if p not in held for r in rows[p]])
        for names, label in (r for p in held for r in rows[p]):
            guess, p = model.read(names)
            judged.append((label, guess, p))
    right = sum(label == guess for label, guess, _ in judged)
    steps = sum(label != learned.NONE for label, _, _ in judged)
    print(f"{len(judged)} dates in {len(paths)} announcements, {FOLDS}-fold by announcement")
    print(f"  kind right: {right / len(judged):.1%} ({steps} of the dates are steps)")
    for threshold in THRESHOLDS:
        given = [(lbl, g) for lbl, g, p in judged if g != learned.NONE and p >= threshold]
        ok = sum(lbl == g for lbl, g in given)
        print(
            f"  probability >= {threshold}: {len(given)} kinds given, {ok} right "
            f"({ok / len(given):.1%}), {ok / steps:.1%} of the steps"
        )


# (FILL, DROP, CHANGE) tried beside the rules; the shipped values are learned.py's
_SETTINGS = {
    "rules alone": (1.01, 1.01, 1.01),
    "fill only, at 0.8": (0.8, 1.01, 1.01),
    "shipped": None,
    "fill at 0.6": (0.6, None, None),
    "fill at 0.7": (0.7, None, None),
    "fill at 0.9": (0.9, None, None),
    "drop at 0.9": (None, 0.9, None),
    "drop at 0.99": (None, 0.99, None),
    "change at 0.95": (None, None, 0.95),
}


def beside_the_rules(folder: Path) -> None:
    shipped = (learned.FILL, learned.DROP, learned.CHANGE)
    try:
        for who, setting in _SETTINGS.items():
            chosen = setting or shipped
            learned.FILL, learned.DROP, learned.CHANGE = (
                value if value is not None else default
                for value, default in zip(chosen, shipped, strict=True)
            )
            print(f"{folder.name}, {who}: {totals(items(folder))}")
    finally:
        learned.FILL, learned.DROP, learned.CHANGE = shipped


if __name__ == "__main__":
    cross_validate(items(CORPUS))
    for folder in [Path(a) for a in sys.argv[1:]] or [HELDOUT]:
        beside_the_rules(folder)
