"""Reminder events serialised once per fan-out and filled in per subscriber are the very bytes
of events composed and serialised whole."""

from __future__ import annotations

import json
import secrets
from dataclasses import replace
from datetime import timedelta

import pytest

from tender_notifier.compose import reminder_event
from tender_notifier.compose.event_fill import _templates, reminder_event_body, serialise
from tender_notifier.i18n import Language
from tender_notifier.timeline import Milestone, Tender

from .conftest import ANSWERS, INTERVIEWS, NOW, SUBMISSION
from .test_compose_fill import TenderLinks


def both(
    tender: Tender,
    milestone: Milestone,
    *,
    language: Language = "nl",
    offset: timedelta = timedelta(days=1),
    now_shift: timedelta = timedelta(0),
    link: str | None = None,
) -> tuple[bytes, bytes]:
    links = TenderLinks("https://tenders.example.nl", tender.id)
    link = link or secrets.token_urlsafe(32)
    feed = secrets.token_urlsafe(32)
    kw = {
        "tender": tender,
        "milestone": milestone,
        "now": NOW + now_shift,
        "language": language,
        "offset": offset,
        "day_hour": 9,
    }
    filled = reminder_event_body(**kw, link_token=link, feed_token=feed, links=links)  # type: ignore[arg-type]
    whole = serialise(reminder_event(**kw, links=links(link, feed)))  # type: ignore[arg-type]
    return filled, whole


@pytest.mark.parametrize("milestone", [SUBMISSION, ANSWERS, INTERVIEWS], ids=lambda m: m.id)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_filled_in_events_are_the_bytes_of_events_serialised_whole(
    tender: Tender, milestone: Milestone, language: Language
) -> None:
    """Many subscribers of one fan-out, one template: each body byte for byte as if composed
    on its own (fresh tokens, two offsets, the clock moving on by fractions of a second)."""
    _templates.clear()
    for i in range(30):
        filled, whole = both(
            tender,
            milestone,
            language=language,
            offset=timedelta(days=1 + i % 2),
            now_shift=timedelta(seconds=i * 0.37),
        )
        assert filled == whole
    assert 0 < sum(t is not None for t in _templates.values()) <= 30  # shared, not one each
    assert len(_templates) < 30


def test_tokens_outside_the_plain_shape_are_serialised_whole(tender: Tender) -> None:
    filled, whole = both(tender, SUBMISSION, link="short-old-token")
    assert filled == whole
    filled, whole = both(tender, SUBMISSION, link='quote"and\\back' + "x" * 30)
    assert filled == whole


def test_a_title_with_non_ascii_quotes_and_a_stand_in_fills_in_alike(tender: Tender) -> None:
    """Text JSON escapes, and even a title holding a stand-in token, give the same bytes."""
    for title in ('Café "Zorg" \\ – “onderhoud”\n', "aLinkTokenStandIn" * 3):
        odd = replace(tender, title=title)
        for i in range(3):
            filled, whole = both(odd, SUBMISSION, now_shift=timedelta(seconds=i))
            assert filled == whole
            assert json.loads(filled)["data"]["tender"]["title"] == title
