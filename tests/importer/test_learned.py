"""The learned reader: where the rules cannot tell what a date is for, a model trained on the
corpus says, when it is sure enough; a step the rules read it drops or changes only when it is
very sure, and never one the rules read from the structure of the text."""

from __future__ import annotations

import gzip
import json
import math
from datetime import date
from pathlib import Path

import pytest

from tender_notifier.importer import learned
from tender_notifier.importer.learned import Model
from tender_notifier.importer.segment import Segment
from tender_notifier.timeline import Day, Kind, Moment

from .corpus import CORPUS, corpus_digest, items
from .reading import timeline


def test_a_date_the_rules_cannot_tell_gets_the_kind_the_model_reads() -> None:
    # the rules list it ("could not tell what this date is for"); registering is a step
    assert timeline("Please register via the portal by 1 March 2027.\n") == [
        (Kind.OTHER, Day(date(2027, 3, 1)))
    ]


def test_below_its_threshold_the_model_leaves_the_date_unplaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learned, "FILL", 1.01)
    assert timeline("Please register via the portal by 1 March 2027.\n") == []


def reads(monkeypatch: pytest.MonkeyPatch, label: str, p: float) -> None:
    """The model, for every date: ``label`` with probability ``p``."""
    monkeypatch.setattr(learned, "learned_kind", lambda segment, group: (label, p))


DEADLINE = "Sluiting inschrijving: 12 maart 2027\n"


def test_a_step_the_rules_read_keeps_its_kind_unless_the_model_is_very_sure_of_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads(monkeypatch, "award", learned.CHANGE - 0.01)
    assert timeline(DEADLINE) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 12)))]
    reads(monkeypatch, "award", learned.CHANGE)
    assert timeline(DEADLINE) == [(Kind.AWARD, Day(date(2027, 3, 12)))]


def test_a_date_that_shares_its_sentence_with_another_keeps_the_rules_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the model reads the words of the whole sentence for each of its dates alike
    reads(monkeypatch, "award", 1.0)
    text = "Vragen stellen kan tot 1 maart 2027; de inschrijving sluit op 12 maart 2027.\n"
    assert [kind for kind, _ in timeline(text)] == [
        Kind.QUESTIONS_DEADLINE,
        Kind.SUBMISSION_DEADLINE,
    ]


def test_a_step_the_rules_read_goes_only_when_the_model_is_very_sure_it_is_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads(monkeypatch, "none", learned.DROP - 0.01)
    assert timeline(DEADLINE) == [(Kind.SUBMISSION_DEADLINE, Day(date(2027, 3, 12)))]
    reads(monkeypatch, "none", learned.DROP)
    assert timeline(DEADLINE) == []


def test_steps_the_rules_read_from_a_dates_clauses_are_not_overruled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the model sees the date's sentence only, not which of its clauses each time stands in
    reads(monkeypatch, "submission_deadline", 1.0)
    item = (
        "2026-08-24  Sluiting vragen, 12:00 uur\n"
        "2026-09-15  Aanbesteding: inschrijving sluit om 11:00 uur, openbare opening om 11:15 uur\n"
    )
    on_the_15th = [
        k for k, when in timeline(item) if isinstance(when, Moment) and when.at.day == 15
    ]
    assert on_the_15th == [Kind.SUBMISSION_DEADLINE, Kind.OPENING]
    both = "Inschrijving en opening: 23 februari 2027, 11:00 uur\n"
    assert {kind for kind, when in timeline(both) if isinstance(when, Moment)} == {
        Kind.SUBMISSION_DEADLINE,
        Kind.OPENING,
    }


def test_the_model_reads_letters_joined_by_an_ampersand_as_a_word() -> None:
    text = "Q&A published: 5 February 2027"
    segment = Segment(text, 1)
    hits = learned.find_dates(text)
    assert "before:q&a" in learned.features(text, hits, 0, segment)
    assert timeline(text + "\n") == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 2, 5)))]


def test_a_date_the_model_reads_as_no_step_stays_unplaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "learned_kind", lambda segment, group: ("none", 1.0))
    assert timeline("Please register via the portal by 1 March 2027.\n") == []


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


def test_an_opening_keeps_its_kind_against_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # the model learned a day with a deadline and its opening as the deadline
    reads(monkeypatch, "submission_deadline", 1.0)
    text = "Openbare opening (aanbesteding):   dinsdag 2 februari 2027, 11.15 uur\n"
    assert [kind for kind, _ in timeline(text)] == [Kind.OPENING]
