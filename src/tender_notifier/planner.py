"""The planner: tenders x subscriptions x offsets -> reminders. Pure: ``now`` is an argument.

Countdowns ("nog 1 dag") are for what the supplier must be ready for: their own deadlines
(participation, questions, submission) and the interviews; they come at each of the
subscription's offsets before the milestone. Every other milestone is a date the buyer keeps
(answers published, invitations, a start date): it gets one notice, "vandaag", at ``day_hour`` on
its day. A countdown of a day or more that would fall on a Saturday or Sunday comes on the Friday
before at ``day_hour`` instead (``weekend_to_friday``; a setting turns it off).

A reminder is identified by a stable key (subscription, tender, milestone id, milestone time,
offset). The delivery ledger is keyed on it, so a reminder is sent at most once, and a milestone
that moves gets new keys: the reminder for the new time is not blocked by one sent for the old.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from .durations import format_duration
from .subscription_types import Subscription
from .timeline import Day, Kind, Milestone, Tender

# The kinds that get countdowns; every other kind gets one notice on its day.
COUNTDOWN_KINDS = frozenset(
    {
        Kind.PARTICIPATION_DEADLINE,
        Kind.QUESTIONS_DEADLINE,
        Kind.SUBMISSION_DEADLINE,
        Kind.INTERVIEWS,
    }
)
SATURDAY = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Reminder:
    subscription_id: str
    tender_id: str
    milestone_id: str
    milestone_at: datetime  # when the milestone begins (a whole day: at the reminder hour)
    offset: timedelta
    due: datetime

    @property
    def key(self) -> str:
        at = self.milestone_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return (
            f"{self.subscription_id}|{self.tender_id}|{self.milestone_id}|{at}|"
            f"{format_duration(self.offset)}"
        )

    @property
    def group(self) -> tuple[str, str, str, datetime]:
        """Reminders of one milestone for one subscriber; only the latest missed one is sent."""
        return (self.subscription_id, self.tender_id, self.milestone_id, self.milestone_at)


def message_id(key: str, domain: str = "tender-notifier") -> str:
    """A Message-ID / webhook-id derived from a ledger key: the same on every retry or repeat."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"{digest}@{domain}"


def milestone_moment(tender: Tender, milestone: Milestone, day_hour: int) -> datetime:
    """What reminders count back from: the start, or for a whole day the reminder hour."""
    return milestone.begins(tender.timezone, time(day_hour))


def counts_down(milestone: Milestone) -> bool:
    """Whether the milestone gets countdowns (else one notice on its day)."""
    return milestone.kind in COUNTDOWN_KINDS


def _at_hour(day: date, day_hour: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(day_hour), tzinfo=zone)


def schedule(
    tender: Tender,
    milestone: Milestone,
    offsets: Iterable[timedelta],
    *,
    day_hour: int,
    weekend_to_friday: bool = True,
) -> tuple[tuple[datetime, timedelta, datetime], ...]:
    """(milestone_at, offset, due) of each reminder of one milestone, earliest due first.

    ``milestone_at`` is what a reminder is keyed on and what it must come before. For a notice
    of a whole day it is the end of the day: "vandaag" at ``day_hour`` is on time all day.
    """
    return _schedule(
        tender.timezone, milestone, tuple(sorted(set(offsets))), day_hour, weekend_to_friday
    )


# The planner runs for every subscriber at every step; subscribers share their offsets, so one
# milestone's schedule is worked out once (all arguments are frozen values).
@lru_cache(maxsize=4096)
def _schedule(
    zone: ZoneInfo,
    milestone: Milestone,
    offsets: tuple[timedelta, ...],
    day_hour: int,
    weekend_to_friday: bool,
) -> tuple[tuple[datetime, timedelta, datetime], ...]:
    if not counts_down(milestone):
        begins = milestone.begins(zone, time(0))
        until = milestone.ends(zone) if isinstance(milestone.when, Day) else begins
        due = _at_hour(begins.date(), day_hour, zone)
        if due >= until:  # a moment before day_hour: an hour ahead of it
            due = until - timedelta(hours=1)
        return ((until, timedelta(0), due),)
    at = milestone.begins(zone, time(day_hour))
    by_due: dict[datetime, timedelta] = {}
    for offset in offsets:
        due = at - offset
        local = due.astimezone(zone)
        if weekend_to_friday and offset >= timedelta(days=1) and local.weekday() >= SATURDAY:
            friday = local.date() - timedelta(days=local.weekday() - 4)
            due = _at_hour(friday, day_hour, zone)
        by_due.setdefault(due, offset)  # two moved to one Friday: one reminder, the nearer
    return tuple(sorted(((at, offset, due) for due, offset in by_due.items()), key=lambda r: r[2]))


def in_schedule(
    tender: Tender,
    milestone: Milestone,
    offsets: Iterable[timedelta],
    *,
    milestone_at: datetime | None,
    offset: timedelta,
    day_hour: int,
    weekend_to_friday: bool = True,
) -> bool:
    """Whether the reminder (``milestone_at``, ``offset``) is one the schedule of these offsets
    holds: the check of one row at sending time, as cheap as a set lookup."""
    pairs = _pairs(
        tender.timezone, milestone, tuple(sorted(set(offsets))), day_hour, weekend_to_friday
    )
    return (milestone_at, offset) in pairs


@lru_cache(maxsize=4096)
def _pairs(
    zone: ZoneInfo,
    milestone: Milestone,
    offsets: tuple[timedelta, ...],
    day_hour: int,
    weekend_to_friday: bool,
) -> frozenset[tuple[datetime, timedelta]]:
    planned = _schedule(zone, milestone, offsets, day_hour, weekend_to_friday)
    return frozenset((at, offset) for at, offset, _ in planned)


def reminders_for(
    tender: Tender, subscription: Subscription, *, day_hour: int, weekend_to_friday: bool = True
) -> Iterator[Reminder]:
    """Every reminder the subscription wants for the tender, past and future."""
    if tender.cancelled:
        return
    for milestone in tender.milestones:
        if not subscription.follows_kind(milestone.kind):
            continue
        if not subscription.wants_reminders(tender.id, milestone.kind):
            continue
        planned = schedule(
            tender,
            milestone,
            subscription.offsets,
            day_hour=day_hour,
            weekend_to_friday=weekend_to_friday,
        )
        for at, offset, due in planned:
            if due < subscription.created_at:
                continue  # already past when the subscription started: never sent
            yield Reminder(
                subscription_id=subscription.id,
                tender_id=tender.id,
                milestone_id=milestone.id,
                milestone_at=at,
                offset=offset,
                due=due,
            )


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do now with the reminders that are due and not yet in the ledger."""

    send: tuple[Reminder, ...]
    skip: tuple[tuple[Reminder, str], ...]  # (reminder, reason)


def decide(due: Iterable[Reminder], now: datetime) -> Decision:
    """Send the latest due reminder of each milestone; skip older ones and those too late.

    Reminders that fell due while the daemon was down are coalesced: when several of one
    milestone were missed, only the latest is sent. Reminders whose milestone has begun are
    skipped, never sent.
    """
    latest: dict[tuple[str, str, str, datetime], Reminder] = {}
    skip: list[tuple[Reminder, str]] = []
    for reminder in due:
        if reminder.due > now:
            continue
        if reminder.milestone_at <= now:
            skip.append((reminder, "milestone passed"))
            continue
        other = latest.get(reminder.group)
        if other is None or reminder.due > other.due:
            if other is not None:
                skip.append((other, "coalesced"))
            latest[reminder.group] = reminder
        else:
            skip.append((reminder, "coalesced"))
    send = tuple(sorted(latest.values(), key=lambda r: (r.due, r.key)))
    return Decision(send, tuple(skip))


def wake_times(
    tenders: Iterable[Tender],
    offsets: Iterable[timedelta],
    *,
    day_hour: int,
    after: datetime,
    weekend_to_friday: bool = True,
) -> list[datetime]:
    """The distinct moments after ``after`` at which some reminder may fall due.

    One wake-up per moment, not per supplier: the fan-out to subscribers goes through the store.
    Each subscription's reminders fall on some of these moments (two offsets moved to one Friday
    share that Friday's moment).
    """
    offsets = set(offsets)
    moments = {
        due
        for t in tenders
        if not t.cancelled
        for m in t.milestones
        for _, _, due in schedule(
            t, m, offsets, day_hour=day_hour, weekend_to_friday=weekend_to_friday
        )
    }
    return sorted(m for m in moments if m > after)
