"""Reminders composed once per fan-out and filled in per subscriber are the very bytes of
reminders composed whole."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest

from tender_notifier.compose import Links, reminder_email
from tender_notifier.compose.fill import _templates, flatten, prepared_reminder
from tender_notifier.i18n import Language
from tender_notifier.planner import message_id
from tender_notifier.timeline import Milestone, Tender

from .conftest import ANSWERS, INTERVIEWS, NOW, SUBMISSION


@dataclass(frozen=True)
class TenderLinks:
    base: str
    tender_id: str

    def __call__(self, link: str, feed: str) -> Links:
        return Links(
            manage_url=f"{self.base}/manage/{link}",
            unsubscribe_url=f"{self.base}/unsubscribe/{link}",
            submitted_url=f"{self.base}/optout/{link}/{self.tender_id}/submitted",
            not_bidding_url=f"{self.base}/optout/{link}/{self.tender_id}/not_bidding",
            feed_url=f"{self.base}/feeds/s/{feed}.ics",
        )


def both(
    tender: Tender,
    milestone: Milestone,
    to: str,
    *,
    language: Language = "nl",
    base: str = "https://tenders.example.nl",
    now_shift: timedelta = timedelta(0),
    link: str | None = None,
) -> tuple[bytes, bytes]:
    links = TenderLinks(base, tender.id)
    link = link or secrets.token_urlsafe(32)
    feed = secrets.token_urlsafe(32)
    mid = message_id(f"{to}|{milestone.id}")
    kw = {
        "tender": tender,
        "milestone": milestone,
        "now": NOW + now_shift,
        "language": language,
        "sender": "tender-notifier <noreply@tenders.example.nl>",
        "to": to,
        "message_id": mid,
        "day_hour": 9,
    }
    filled = prepared_reminder(**kw, link_token=link, feed_token=feed, links=links)  # type: ignore[arg-type]
    whole = reminder_email(**kw, links=links(link, feed))  # type: ignore[arg-type]
    return filled.data, flatten(whole)


@pytest.mark.parametrize("milestone", [SUBMISSION, ANSWERS, INTERVIEWS], ids=lambda m: m.id)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_filled_in_reminders_are_the_bytes_of_reminders_composed_whole(
    tender: Tender, milestone: Milestone, language: Language
) -> None:
    """Many subscribers of one fan-out, one template: each message byte for byte as if composed
    on its own (addresses of different lengths, fresh tokens, the clock moving on)."""
    _templates.clear()
    for i in range(30):
        to = f"{'s' * (i % 7 + 1)}{i}@bureau{i % 3}.example.nl"
        filled, whole = both(
            tender, milestone, to, language=language, now_shift=timedelta(seconds=i * 0.37)
        )
        assert filled == whole
    assert 0 < sum(t is not None for t in _templates.values()) <= 12  # shared, not one each


def test_a_long_base_url_gives_quoted_printable_bodies_and_still_the_same_bytes(
    tender: Tender,
) -> None:
    """Long link lines are quoted-printable, with soft line breaks inside the tokens."""
    base = "https://aanbestedingen.gemeente-voorbeelddorp-aan-de-rijn.example.nl/tender-notifier"
    for i in range(10):
        filled, whole = both(tender, SUBMISSION, f"supplier{i}@example.nl", base=base)
        assert b"Content-Transfer-Encoding: quoted-printable" in whole
        assert filled == whole


def test_addresses_and_tokens_outside_the_plain_shape_are_composed_whole(tender: Tender) -> None:
    """Composed whole, so still the same bytes."""
    for to in ("Jörg@bureau.example", "a" * 80 + "@example.nl", '"quoted name"@example.nl'):
        filled, whole = both(tender, SUBMISSION, to)
        assert filled == whole
    filled, whole = both(tender, SUBMISSION, "x@example.nl", link="short-old-token")
    assert filled == whole


def test_a_title_with_non_ascii_and_html_characters_fills_in_alike(tender: Tender) -> None:
    odd = replace(tender, title="Café & <Zorg> – “onderhoud” " + "lange titel " * 8)
    for i in range(5):
        filled, whole = both(odd, SUBMISSION, f"s{i}@example.nl")
        assert filled == whole
