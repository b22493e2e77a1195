"""Shared fixtures for the delivery tests: one tender, one set of links, one NOW."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.compose import Links
from tender_notifier.timeline import Day, Kind, Milestone, Moment, Span, Tender

AMS = ZoneInfo("Europe/Amsterdam")
# One day and five seconds before the submission deadline: a reminder sent a little late.
NOW = datetime(2026, 7, 14, 8, 59, 55, tzinfo=AMS)

SUBMISSION = Milestone(
    id="inschrijving",
    kind=Kind.SUBMISSION_DEADLINE,
    when=Moment(datetime(2026, 7, 15, 9, 0, tzinfo=AMS)),
    note="Inschrijven via Flextender.",
)
ANSWERS = Milestone(id="nvi", kind=Kind.ANSWERS_PUBLISHED, when=Day(date(2026, 7, 10)))
INTERVIEWS = Milestone(
    id="gesprekken",
    kind=Kind.INTERVIEWS,
    when=Span(datetime(2026, 7, 22, 9, 30, tzinfo=AMS), datetime(2026, 7, 22, 15, 30, tzinfo=AMS)),
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def tender() -> Tender:
    return Tender(
        id="flextender-30988",
        title="Administratief Medewerker Sociaal Domein",
        buyer="Gemeente Zaanstad",
        platform="Flextender",
        reference="30988",
        url="https://www.flextender.nl/opdracht/30988",
        milestones=(ANSWERS, SUBMISSION, INTERVIEWS),
    )


@pytest.fixture
def links() -> Links:
    return Links(
        manage_url="https://tn.example/manage/tok",
        unsubscribe_url="https://tn.example/unsubscribe/tok",
        submitted_url="https://tn.example/optout/tok/flextender-30988/submitted",
        not_bidding_url="https://tn.example/optout/tok/flextender-30988/not_bidding",
        feed_url="https://tn.example/feeds/s/feed.ics",
    )
