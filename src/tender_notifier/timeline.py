"""The domain: a tender and the milestones of its timeline.

Objects here are frozen and validated when built: a ``Milestone`` cannot hold a naive datetime,
and a span cannot end before it starts. Times are aware datetimes in the tender's own zone; the
zone is applied once, when a tender file is read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Kind(StrEnum):
    """What a milestone means for a supplier."""

    PARTICIPATION_DEADLINE = "participation_deadline"
    QUESTIONS_DEADLINE = "questions_deadline"
    ANSWERS_PUBLISHED = "answers_published"
    SUBMISSION_DEADLINE = "submission_deadline"
    SHORTLIST_NOTICE = "shortlist_notice"
    OPENING = "opening"
    INTERVIEWS = "interviews"
    AWARD = "award"
    START = "start"
    END = "end"
    OTHER = "other"

    @property
    def is_deadline(self) -> bool:
        """Deadlines are what a supplier must act before; they carry alarms in the feeds."""
        return self in (
            Kind.PARTICIPATION_DEADLINE,
            Kind.QUESTIONS_DEADLINE,
            Kind.SUBMISSION_DEADLINE,
        )


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")


@dataclass(frozen=True, slots=True)
class Moment:
    """A point in time, such as a deadline at 09:00."""

    at: datetime

    def __post_init__(self) -> None:
        _require_aware(self.at, "at")


@dataclass(frozen=True, slots=True)
class Day:
    """A whole day, such as the day answers are published."""

    day: date

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime):
            raise ValueError("a whole day takes a date, not a datetime")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time, such as interviews from 09:30 to 15:30."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start, "start")
        _require_aware(self.end, "end")
        if self.end <= self.start:
            raise ValueError("end must be after start")


When = Moment | Day | Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Milestone:
    """One dated step in a tender's timeline."""

    id: str
    kind: Kind
    when: When
    title: str | None = None
    note: str | None = None

    def begins(self, zone: ZoneInfo, day_hour: time = time(0)) -> datetime:
        """The moment the milestone begins; a whole day begins at ``day_hour`` local time."""
        match self.when:
            case Moment(at=at):
                return at
            case Span(start=start):
                return start
            case Day(day=day):
                return datetime.combine(day, day_hour, tzinfo=zone)
        raise AssertionError(self.when)  # pragma: no cover

    def ends(self, zone: ZoneInfo) -> datetime:
        """The moment the milestone is over: a whole day ends at the following midnight."""
        match self.when:
            case Moment(at=at):
                return at
            case Span(end=end):
                return end
            case Day(day=day):
                return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        raise AssertionError(self.when)  # pragma: no cover

    def fingerprint(self) -> str:
        """A digest of everything a subscriber sees; it changes exactly when the milestone does."""
        return _digest(_milestone_facts(self))


@dataclass(frozen=True, slots=True, kw_only=True)
class Tender:
    """A request for offers and its timeline, milestones sorted by when they begin."""

    id: str
    title: str
    buyer: str
    platform: str | None = None
    reference: str | None = None
    url: str | None = None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Amsterdam"))
    milestones: tuple[Milestone, ...] = ()
    # Set from a buyer's change notice: the procedure is called off, and the reason it gives
    # (plain text, capped). Neither is part of a TOML tender file.
    cancelled: bool = False
    change_reason: str | None = None

    def milestone(self, milestone_id: str) -> Milestone:
        for m in self.milestones:
            if m.id == milestone_id:
                return m
        raise KeyError(milestone_id)

    def last_end(self) -> datetime | None:
        """When the last milestone is over, or None for a tender without milestones."""
        return max((m.ends(self.timezone) for m in self.milestones), default=None)

    def upcoming(self, now: datetime) -> tuple[Milestone, ...]:
        """The milestones that are not over at ``now``; none once the buyer cancelled."""
        if self.cancelled:
            return ()
        return tuple(m for m in self.milestones if m.ends(self.timezone) > now)

    def is_closed(self, now: datetime) -> bool:
        """Whether the buyer cancelled the tender or every date of it is past: nothing left to
        remind of or sign up for."""
        return self.cancelled or (bool(self.milestones) and not self.upcoming(now))

    def fingerprint(self) -> str:
        """A digest of the whole tender as subscribers see it."""
        facts: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "buyer": self.buyer,
            "platform": self.platform,
            "reference": self.reference,
            "url": self.url,
            "timezone": self.timezone.key,
            "milestones": [_milestone_facts(m) for m in self.milestones],
        }
        # Only when set, so the digests (and SEQUENCEs) of existing tenders stay as they were.
        # The reason is left out: it is told in the change message, not shown in the feed.
        if self.cancelled:
            facts["cancelled"] = True
        return _digest(facts)


def _milestone_facts(m: Milestone) -> dict[str, object]:
    when: dict[str, str]
    match m.when:
        case Moment(at=at):
            when = {"at": at.isoformat()}
        case Day(day=day):
            when = {"date": day.isoformat()}
        case Span(start=start, end=end):
            when = {"start": start.isoformat(), "end": end.isoformat()}
    return {"id": m.id, "kind": m.kind.value, "when": when, "title": m.title, "note": m.note}


def _digest(facts: object) -> str:
    raw = json.dumps(facts, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def format_duration_left(delta: timedelta) -> tuple[int, int, int]:
    """Split a positive duration into whole (days, hours, minutes), rounding minutes down."""
    total = max(int(delta.total_seconds()) // 60, 0)
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    return days, hours, minutes
