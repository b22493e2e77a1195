"""Giving due reminders of the timeline in force a row in the ledger.

Reminders now due without a row that counts get one: missed ones are coalesced to the latest per
milestone, ones whose milestone has passed are recorded as skipped. A ``stale`` row of the same
reminder (left by a version of the timeline since undone, or a tender briefly gone) is reopened:
what is owed follows the timeline in force, not the history of rows.
"""

from __future__ import annotations

from datetime import datetime

import structlog

from .metrics import Metrics
from .planner import Reminder, decide, reminders_for
from .settings import Settings
from .store import Store
from .store.ledger import PENDING, SKIPPED
from .timelines import Timelines

log = structlog.get_logger(__name__)


def materialise(
    store: Store,
    timelines: Timelines,
    settings: Settings,
    metrics: Metrics,
    now: datetime,
    watermark: datetime | None,
) -> datetime:
    """Materialise reminders due after ``watermark`` (all when None) up to ``now``; returns the
    new watermark. Raises on a store error, so a failed pass is done again."""
    expired = store.subscriptions.expire_pending(now - settings.reminders.confirm_within)
    if expired:
        log.info("signups_expired", count=expired)
    store.signups.prune_mail_slots(now)
    subscriptions = store.subscriptions.active()
    day_hour = settings.reminders.day_hour
    candidates = [
        r
        for tender in timelines.tenders()
        for sub in subscriptions
        for r in reminders_for(
            tender,
            sub,
            day_hour=day_hour,
            weekend_to_friday=settings.reminders.weekend_to_friday,
        )
        if r.due <= now and (watermark is None or r.due > watermark)
    ]
    if not candidates:
        return now
    existing = store.ledger.existing_keys([r.key for r in candidates])
    decision = decide([r for r in candidates if r.key not in existing], now)
    rows = [_row(r, PENDING, now) for r in decision.send]
    for reminder, reason in decision.skip:
        rows.append({**_row(reminder, SKIPPED, now), "last_error": reason})
        log.info(
            "reminder_skipped",
            reason=reason,
            tender_id=reminder.tender_id,
            milestone_id=reminder.milestone_id,
            subscription_id=reminder.subscription_id,
            due=reminder.due.isoformat(),
        )
        metrics.deliveries.labels(channel="any", outcome="skipped").inc()
    store.ledger.add(rows, now)
    reopened = store.ledger.reopen([r.key for r in decision.send], now)
    if reopened:
        log.info("reminders_reopened", count=reopened)
    return now


def _row(r: Reminder, status: str, now: datetime) -> dict[str, object]:
    return {
        "key": r.key,
        "kind": "reminder",
        "subscription_id": r.subscription_id,
        "tender_id": r.tender_id,
        "milestone_id": r.milestone_id,
        "milestone_at": r.milestone_at,
        "offset_seconds": int(r.offset.total_seconds()),
        "due_at": r.due,
        "status": status,
        "next_attempt_at": now,
    }
