"""The learned reader: where the rules cannot tell what a date is for, a model trained on the
corpus says, when it is sure enough; it never overrules what the rules read."""

from __future__ import annotations

import gzip
import json
import math
from datetime import date
from pathlib import Path

import pytest

from tender_notifier.importer import learned
from tender_notifier.importer.learned import Model
from tender_notifier.timeline import Day, Kind

from .corpus import CORPUS, corpus_digest, items
from .reading import timeline


def test_a_date_the_rules_cannot_tell_gets_the_kind_the_model_reads() -> None:
    # the rules list it ("could not tell what this date is for"); registering is a step
    assert timeline("Please register by 1 March 2027.\n") == [(Kind.OTHER, Day(date(2027, 3, 1)))]


def test_below_its_threshold_the_model_leaves_the_date_unplaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learned, "FILL", 1.01)
    assert timeline("Please register by 1 March 2027.\n") == []


def test_the_model_never_overrules_a_step_the_rules_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "learned_kind", lambda segment, group: ("award", 1.0))
    assert timeline("Sluiting inschrijving: 12 maart 2027\n") == [
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 12)))
    ]


def test_a_date_the_model_reads_as_no_step_stays_unplaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "learned_kind", lambda segment, group: ("none", 1.0))
    assert timeline("Please register by 1 March 2027.\n") == []


def test_a_model_reads_the_label_of_the_highest_score_with_its_probability() -> None:
    model = Model.of(("none", "award"), (0.0, -1.0), {"before:gunning": (0.0, 3.0)})
    label, p = model.read({"before:gunning", "before:unknown"})
    assert label == "award"
    assert p == pytest.approx(1 / (1 + math.exp(-2)))
    assert model.read(set()) == ("none", pytest.approx(1 / (1 + math.exp(-1))))


def test_a_model_file_of_another_format_or_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        Model.from_json({"format": 99, "labels": [], "intercepts": [], "weights": {}})
    with pytest.raises(ValueError, match="2 labels"):
        Model.from_json(
            {"format": 1, "labels": ["a", "b"], "intercepts": [0, 0], "weights": {"x": [1]}}
        )


def test_the_shipped_model_was_trained_on_the_corpus_as_it_is() -> None:
    """After a change to the corpus, ``make reader`` trains the model again."""
    path = Path(learned.__file__).with_name(learned.MODEL_FILE)
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert data["corpus"] == corpus_digest(items(CORPUS)), "run: make reader"
    assert set(data["labels"]) == {k.value for k in Kind} | {"none"}
