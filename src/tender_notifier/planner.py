"""The planner: tenders x subscriptions x offsets -> reminders. Pure: ``now`` is an argument.

A reminder is identified by a stable key (subscription, tender, milestone id, milestone time,
offset). The delivery ledger is keyed on it, so a reminder is sent at most once, and a milestone
that moves gets new keys: the reminder for the new time is not blocked by one sent for the old.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from .durations import format_duration
from .subscription import Subscription
from .timeline import Milestone, Tender


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


def reminders_for(
    tender: Tender, subscription: Subscription, *, day_hour: int
) -> Iterator[Reminder]:
    """Every reminder the subscription wants for the tender, past and future."""
    for milestone in tender.milestones:
        if not subscription.follows_kind(milestone.kind):
            continue
        if not subscription.wants_reminders(tender.id, milestone.kind):
            continue
        at = milestone_moment(tender, milestone, day_hour)
        for offset in subscription.offsets:
            due = at - offset
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
    tenders: Iterable[Tender], offsets: Iterable[timedelta], *, day_hour: int, after: datetime
) -> list[datetime]:
    """The distinct moments after ``after`` at which some reminder may fall due.

    One wake-up per moment, not per supplier: the fan-out to subscribers goes through the store.
    """
    offsets = set(offsets)
    moments = {
        milestone_moment(t, m, day_hour) - offset
        for t in tenders
        for m in t.milestones
        for offset in offsets
    }
    return sorted(m for m in moments if m > after)
