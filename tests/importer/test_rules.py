"""The table that says what a sentence means."""

from __future__ import annotations

import pytest

from tender_notifier.importer.rules import RULES, Background, classify
from tender_notifier.timeline import Kind


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.meaning.value}: {r.example}")
def test_every_rule_means_its_own_example(rule: object) -> None:
    assert classify(rule.example, "") is rule.meaning  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("before", "after", "meaning"),
    [
        ("Vragen kunnen ingediend worden tot", "", Kind.QUESTIONS_DEADLINE),
        ("De vragen en bijbehorende antwoorden worden op", "gepubliceerd", Kind.ANSWERS_PUBLISHED),
        ("Einde inschrijfdatum:", "", Kind.SUBMISSION_DEADLINE),
        ("Op", "worden de antwoorden gepubliceerd.", Kind.ANSWERS_PUBLISHED),
        ("Uiterlijk per", "beschikbaar voor 24 uur per week", Kind.START),
        ("U kunt tot en met", "vragen stellen", Kind.QUESTIONS_DEADLINE),
        ("Start gesprekken:", "", Kind.INTERVIEWS),
        ("Publicatiedatum:", "", Background.BACKGROUND),
        ("Deze aanvraag is op", "gepubliceerd op TenderNed.", Background.BACKGROUND),
        ("The current contract ends on", "", Background.BACKGROUND),
        ("Clarification questions deadline", "", Kind.QUESTIONS_DEADLINE),
        ("Tenders must be submitted before", "", Kind.SUBMISSION_DEADLINE),
        ("Datum:", "", None),
    ],
)
def test_the_words_around_a_date_say_what_it_is(
    before: str, after: str, meaning: Kind | Background | None
) -> None:
    assert classify(before, after) is meaning
