"""Milestones as .ics attachments: the very events of the feeds, same UID and SEQUENCE."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache

from ..calendar import PRODID, events_ics
from ..i18n import Language
from ..revisions import MilestoneRevision
from ..timeline import Milestone, Tender

__all__ = ["PRODID", "changes_ics", "first_revision", "milestone_ics"]


def first_revision(milestone: Milestone, now: datetime) -> MilestoneRevision:
    """The revision of a milestone nothing is known about yet: SEQUENCE 0, dated ``now``."""
    stamp = now.astimezone(UTC).replace(second=0, microsecond=0)
    return MilestoneRevision(milestone=milestone, fingerprint="", sequence=0, modified=stamp)


def milestone_ics(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    language: Language,
    revision: MilestoneRevision | None = None,
    day_hour: int = 9,
) -> str:
    """One VEVENT for ``milestone`` (with its VTIMEZONE), as the text of an .ics file.

    ``revision`` is the milestone's revision in the store, which gives the feed's SEQUENCE and
    DTSTAMP; every subscriber of one fan-out shares one built attachment (all frozen values).
    """
    if revision is None or revision.milestone != milestone:
        revision = first_revision(milestone, now)
    return changes_ics(tender=tender, current=(revision,), language=language, day_hour=day_hour)


@lru_cache(maxsize=256)
def _ics(
    tender: Tender,
    current: tuple[MilestoneRevision, ...],
    cancelled: tuple[MilestoneRevision, ...],
    language: Language,
    day_hour: int,
) -> str:
    body = events_ics(tender, current, language=language, day_hour=day_hour, cancelled=cancelled)
    return body.decode("utf-8")


def changes_ics(
    *,
    tender: Tender,
    current: Sequence[MilestoneRevision],
    language: Language,
    cancelled: Sequence[MilestoneRevision] = (),
    day_hour: int = 9,
) -> str:
    """The events of moved or added milestones, and the cancelled ones, as an .ics file."""
    return _ics(tender, tuple(current), tuple(cancelled), language, day_hour)
