"""From announcement text to a draft tender: the milestones found, and what could not be placed.

The one rule above all: never invent a date. A milestone is made only from a date written with
day, month and year, in a sentence whose words say what the date is for (``rules``). Everything
else that looks like a date or a deadline (no year, "z.s.m.", "binnen 2 weken", a date whose
weekday does not match, a date of unclear meaning) is returned as ``Unplaced`` with its line,
for ops to settle by hand.

The work grows linearly with the text whatever the text is (``bench/importer.py``); over
``MAX_ANNOUNCEMENT`` characters it is refused.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..timeline import Tender
from . import facts
from .draft import Draft, Found, Unplaced
from .milestones import milestones
from .sentences import read_segment
from .text import segments

__all__ = ["MAX_ANNOUNCEMENT", "AnnouncementTooLarge", "Draft", "Unplaced", "extract"]

MAX_ANNOUNCEMENT = 1_000_000  # characters (bytes for ``import``): 1 MB


class AnnouncementTooLarge(ValueError):
    """The text is over ``MAX_ANNOUNCEMENT`` characters: no announcement is that long."""


def extract(text: str, *, zone: ZoneInfo, tender_id: str | None = None) -> Draft:
    """Read an announcement: its title, buyer, platform, reference and timeline.

    Raises ``AnnouncementTooLarge`` over ``MAX_ANNOUNCEMENT`` characters. Below it the work
    grows linearly with the text, whatever the text (see ``bench/importer.py``).
    """
    if len(text) > MAX_ANNOUNCEMENT:
        raise AnnouncementTooLarge(
            f"the announcement has {len(text):,} characters; the limit is {MAX_ANNOUNCEMENT:,}"
        )
    pieces = segments(text)
    found: list[Found] = []
    unplaced: list[Unplaced] = []
    for segment in pieces:
        read_segment(segment, found, unplaced)
    timeline = milestones(found, zone, unplaced)
    title = facts.title(text, pieces)
    buyer = facts.buyer(pieces)
    if buyer is None:
        unplaced.append(Unplaced(1, "buyer", "no buyer found; fill in `buyer` by hand", title))
    platform = facts.platform(text, pieces)
    reference = facts.reference(pieces)
    tender = Tender(
        id=tender_id or facts.tender_id(platform, reference, title),
        title=title,
        buyer=buyer or facts.UNKNOWN_BUYER,
        platform=platform,
        reference=reference,
        timezone=zone,
        milestones=timeline,
    )
    return Draft(tender=tender, unplaced=tuple(sorted(unplaced, key=lambda u: u.line)))
