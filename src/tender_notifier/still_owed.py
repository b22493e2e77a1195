"""Whether a claimed ledger row is still owed when its turn to be sent comes.

A row was written for a subscription and a timeline as they were then. Before it is sent, both
are looked at again: a subscriber who no longer wants it gets nothing (``skipped``); a reminder
for a milestone time or offset no longer in the timeline in force is ``stale`` (reopened if the
timeline returns to it); a change notice waits until the timeline has been still for
``changes.settle``. Pure: reads the timelines in memory, writes nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .change_notices import net_changes
from .planner import in_schedule
from .settings import Settings
from .store.ledger import PENDING, SKIPPED, STALE, Delivery, Outcome
from .subscription_types import Status, Subscription
from .timelines import Timelines


def still_wanted(delivery: Delivery, sub: Subscription, timelines: Timelines) -> bool:
    """Whether ``sub`` still asks for rows of this kind (and tender, and milestone kind)."""
    if delivery.kind == "reminder":
        tender = timelines.get(delivery.tender_id or "")
        kind = None
        if tender is not None:
            try:
                kind = tender.milestone(delivery.milestone_id or "").kind
            except KeyError:
                kind = None
        return delivery.tender_id is not None and sub.wants_reminders(delivery.tender_id, kind)
    if delivery.kind == "change":  # which of its changes are wanted is decided when owed
        return delivery.tender_id is not None and sub.wants_changes(
            delivery.tender_id, ("moved", "added", "removed")
        )
    if delivery.kind in ("confirm", "ping"):
        return sub.status is Status.PENDING
    return sub.status is not Status.UNSUBSCRIBED  # notice, owner_confirm


def not_owed(
    delivery: Delivery,
    sub: Subscription,
    now: datetime,
    timelines: Timelines,
    settings: Settings,
) -> Outcome | None:
    """None when the row is still owed now; else what to record instead of sending.

    The timeline in force decides: a reminder for a milestone time or offset that is no
    longer in force is ``stale`` (reopened if the timeline comes back to it); a change
    notice waits until the timeline has been still for ``changes.settle``.
    """
    if delivery.kind not in ("reminder", "change"):
        return None
    tender = timelines.get(delivery.tender_id or "")
    if tender is None:  # gone for longer than tenders.missing_grace
        return Outcome(delivery.id, STALE, error="tender no longer in force", uncounted=True)
    if delivery.kind == "change":
        changed = timelines.changed_at(tender.id)
        settled_at = (changed or now) + settings.changes.settle
        if changed is not None and settled_at > now:
            return Outcome(delivery.id, PENDING, next_attempt_at=settled_at, uncounted=True)
        net = net_changes(delivery.payload or {}, tender)
        if not net:
            return Outcome(delivery.id, SKIPPED, error="change undone", uncounted=True)
        if not any(sub.wants_change(tender.id, c.kind) for c in net):
            return Outcome(delivery.id, SKIPPED, error="no change this subscriber wants")
        return None
    milestone = next((m for m in tender.milestones if m.id == delivery.milestone_id), None)
    offset = timedelta(seconds=delivery.offset_seconds or 0)
    if milestone is None or not sub.follows_kind(milestone.kind):
        return Outcome(delivery.id, STALE, error="not in the timeline in force", uncounted=True)
    # The planner's own schedule decides (countdowns, "today" notices, weekend moves).
    if not in_schedule(
        tender,
        milestone,
        sub.offsets,
        milestone_at=delivery.milestone_at,
        offset=offset,
        day_hour=settings.reminders.day_hour,
        weekend_to_friday=settings.reminders.weekend_to_friday,
    ):
        return Outcome(delivery.id, STALE, error="not in the timeline in force", uncounted=True)
    if delivery.milestone_at is not None and delivery.milestone_at <= now:
        return Outcome(delivery.id, SKIPPED, error="milestone passed")
    return None
