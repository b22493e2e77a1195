"""docs/webhooks.md shows the payloads the code really sends: its examples are rendered by the
composing code (tests/support/webhook_examples.py) and must match the document exactly."""

from __future__ import annotations

import json

from tests.support.webhook_examples import (
    DOC,
    blocks,
    examples,
    kinds,
    listed_kinds,
    render,
)


def test_every_event_type_has_an_example_that_is_exactly_the_real_payload() -> None:
    text = DOC.read_text(encoding="utf-8")
    found = blocks(text)
    assert set(found) == set(examples())
    for kind, event in examples().items():
        assert json.loads(found[kind]) == event, kind
        assert found[kind] == render(event), (
            f"{kind}: run .venv/bin/python -m tests.support.webhook_examples"
        )


def test_the_examples_name_the_seed_tenders_buyer() -> None:
    event = examples()["milestone.reminder"]
    assert event["data"]["tender"]["buyer"] == "Gemeente Leidschendam-Voorburg"
    assert "Zaanstad" not in DOC.read_text(encoding="utf-8")


def test_the_ping_example_has_the_links_the_sender_fills_in() -> None:
    links = examples()["ping"]["data"]["links"]
    assert all(links.values())
    assert links["submitted"].endswith("/*/submitted")
    assert links["not_bidding"].endswith("/*/not_bidding")


def test_the_document_lists_every_milestone_kind() -> None:
    assert listed_kinds(DOC.read_text(encoding="utf-8")) == " ".join(kinds().split())
