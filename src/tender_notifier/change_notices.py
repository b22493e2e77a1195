"""Change notices that settle: one per subscriber with the net change, once the timeline is still.

When a timeline changes, each subscriber who wants change notices gets one *settling* notice row
(or the one still settling gets more to say). The row remembers how each touched milestone was
before the first change (its baseline) and is due ``changes.settle`` after the latest change; the
sender compares the baseline with the timeline in force at that moment, so twenty saves that end
where they began send nothing, and a move followed by another sends one notice with the net move.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import structlog

from .revisions import Change, milestone_from_dict, milestone_to_dict
from .store import Store
from .timeline import Tender

log = structlog.get_logger(__name__)


def queue_changes(
    store: Store,
    changes: dict[str, list[Change]],
    revision_keys: dict[str, str | None],
    now: datetime,
    settle: timedelta,
) -> None:
    """Open or extend the settling change notices for each changed tender."""
    due = now + settle
    for tender_id, changed in changes.items():
        before: dict[str, Any] = {
            c.milestone_id: milestone_to_dict(c.old) if c.old else None for c in changed
        }
        settling = {d.subscription_id: d for d in store.ledger.open_changes(tender_id)}
        updates: list[tuple[int, dict[str, Any]]] = []
        for delivery in settling.values():
            payload = dict(delivery.payload or {})
            baseline = dict(payload.get("baseline", {}))
            for milestone_id, old in before.items():
                baseline.setdefault(milestone_id, old)  # the first "before" is the baseline
            payload["baseline"] = baseline
            updates.append((delivery.id, payload))
        store.ledger.update_changes(updates, due)
        # Keyed on the revision that started the notice: daemons sharing a store that both
        # notice a change queue one notice per subscriber, not one each.
        stamp = revision_keys.get(tender_id) or now.isoformat()
        rows = [
            {
                "key": f"{sub.id}|{tender_id}|change|{stamp}",
                "kind": "change",
                "subscription_id": sub.id,
                "tender_id": tender_id,
                "due_at": due,
                "next_attempt_at": due,
                "payload": {"baseline": before},
            }
            for sub in store.subscriptions.active()
            if sub.wants_changes(tender_id, {c.kind for c in changed}) and sub.id not in settling
        ]
        store.ledger.add(rows, now)
        log.info(
            "timeline_changed",
            tender_id=tender_id,
            changes=len(changed),
            settling=len(settling),
            notices=len(rows),
            settles_at=due.isoformat(),
        )


def net_changes(payload: dict[str, Any], tender: Tender) -> list[Change]:
    """What changed between the timeline a settling notice started from and ``tender`` now.

    ``payload["baseline"]`` holds each milestone touched since, as it was before (None: it did
    not exist); milestones back where they were give no change. Notices queued before change
    notices settled carry their ``changes`` as they were.
    """
    zone = tender.timezone
    if "baseline" not in payload:
        return [
            Change(
                c["milestone_id"],
                c["kind"],
                milestone_from_dict(c["old"], zone) if c["old"] else None,
                milestone_from_dict(c["new"], zone) if c["new"] else None,
            )
            for c in payload.get("changes", [])
        ]
    # A cancelled procedure keeps no milestone (as in ``revisions.revise``): each one is removed.
    current = {} if tender.cancelled else {m.id: m for m in tender.milestones}
    changes: list[Change] = []
    for milestone_id, before in sorted(payload["baseline"].items()):
        old = milestone_from_dict(before, zone) if before else None
        new = current.get(milestone_id)
        if old is None and new is not None:
            changes.append(Change(milestone_id, "added", None, new))
        elif old is not None and new is None:
            changes.append(Change(milestone_id, "removed", old, None))
        elif old is not None and new is not None and old.when != new.when:
            changes.append(Change(milestone_id, "moved", old, new))
    return changes
