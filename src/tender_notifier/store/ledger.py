"""The delivery ledger: one row per message key, the truth of what was sent.

A row goes ``pending`` -> ``sending`` (claimed under a lease, before the network call) ->
``sent``; a failed attempt makes it ``failed`` with a ``next_attempt_at``, or ``dead`` when the
retry schedule is spent. A row left in ``sending`` by a crash is claimed again once its lease has
run out, so the message is repeated (with the same Message-ID / webhook-id), never lost.
``skipped`` rows record reminders that were missed and deliberately not sent. ``stale`` rows
belong to a version of a timeline no longer in force (a moved milestone, a gone tender); when the
timeline returns to that version, the row is reopened, so what is sent follows the timeline in
force and not the history of rows.

A claim is made under a lease held by an *instance* (a running daemon with a heartbeat in
``instances``); the instance renews the lease while it works on the row, and a row whose instance
stopped beating is taken over by another at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Engine,
    bindparam,
    func,
    select,
    update,
)

from . import claims
from .ledger_rows import (
    DEAD,
    FAILED,
    PENDING,
    SENDING,
    SENT,
    SKIPPED,
    STALE,
    STATUSES,
    Delivery,
    Outcome,
    _delivery,
    db_now,
)
from .schema import deliveries
from .upsert import insert_ignore
from .work_notifications import announce_due

__all__ = [
    "DEAD",
    "FAILED",
    "PENDING",
    "SENDING",
    "SENT",
    "SKIPPED",
    "STALE",
    "STATUSES",
    "Delivery",
    "Ledger",
    "Outcome",
    "db_now",
]


# Built once: a burst records a batch of outcomes many times a second.
_RECORD = (
    update(deliveries)
    .where(deliveries.c.id == bindparam("o_id"), deliveries.c.status == SENDING)
    .values(
        status=bindparam("o_status"),
        sent_at=bindparam("o_sent_at"),
        next_attempt_at=bindparam("o_next"),
        last_error=bindparam("o_error"),
        attempts=deliveries.c.attempts - bindparam("o_undo"),
        lease_until=None,
        claimed_by=None,
    )
)


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        """The keys that have a row that counts (any status but ``stale``)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                found.update(
                    conn.execute(
                        select(deliveries.c.key).where(
                            deliveries.c.key.in_(chunk), deliveries.c.status != STALE
                        )
                    )
                    .scalars()
                    .all()
                )
        return found

    def add(self, rows: Iterable[dict[str, Any]], now: datetime) -> int:
        """Insert rows (dicts of column values); rows whose key exists are left alone."""
        prepared = []
        for row in rows:
            status = row.get("status", PENDING)
            prepared.append(
                {
                    "tender_id": None,
                    "milestone_id": None,
                    "milestone_at": None,
                    "offset_seconds": None,
                    "payload": None,
                    "last_error": None,
                    **row,
                    "status": status,
                    "attempts": 0,
                    "next_attempt_at": row.get("next_attempt_at", row["due_at"])
                    if status == PENDING
                    else None,
                    "created_at": now,
                }
            )
        if not prepared:
            return 0
        inserted = 0
        with self.engine.begin() as conn:
            statement = insert_ignore(conn, deliveries, ["key"]).returning(deliveries.c.id)
            for i in range(0, len(prepared), 500):
                inserted += len(conn.execute(statement, prepared[i : i + 500]).all())
            if inserted:  # other daemons: one word per transaction (see work_notifications)
                announce_due(conn, *(r["next_attempt_at"] for r in prepared))
        return inserted

    def claim(
        self,
        now: datetime,
        lease: timedelta,
        limit: int = 100,
        *,
        instance: str | None = None,
        channel: str | None = None,
        dead_after: timedelta | None = None,
    ) -> list[Delivery]:
        """Take up to ``limit`` due rows for sending, marking them ``sending`` under a lease.

        ``channel`` ("email" or "webhook") limits the claim to rows sent that way, so a caller
        claims only what its free send slots for that channel can take. A ``sending`` row is
        taken over when its lease has run out, or (given ``dead_after``) when the instance
        holding it has not beaten its heart for that long. Due reminders come before change
        notices. Leases and heartbeats are measured on the database's clock on PostgreSQL.
        """
        with self.engine.begin() as conn:
            return claims.claim(
                conn,
                now,
                lease,
                limit,
                instance=instance,
                channel=channel,
                dead_after=dead_after,
            )

    def renew(self, ids: Collection[int], instance: str, lease: timedelta, now: datetime) -> int:
        """Push the lease of rows this instance still works on further out."""
        if not ids:
            return 0
        renewed = 0
        with self.engine.begin() as conn:
            listed = sorted(ids)
            for i in range(0, len(listed), 500):
                result = conn.execute(
                    update(deliveries)
                    .where(
                        deliveries.c.id.in_(listed[i : i + 500]),
                        deliveries.c.status == SENDING,
                        deliveries.c.claimed_by == instance,
                    )
                    .values(lease_until=db_now(conn, now, lease))
                )
                renewed += max(result.rowcount, 0)
        return renewed

    def record(self, outcomes: Sequence[Outcome]) -> None:
        """Write the outcomes of sends in one transaction. Only rows still ``sending`` change,
        so writing the same outcomes again (after the store came back) does nothing twice."""
        if not outcomes:
            return
        params = [
            {
                "o_id": o.delivery_id,
                "o_status": o.status,
                "o_sent_at": o.sent_at,
                "o_next": o.next_attempt_at,
                "o_error": o.error[:2000] if o.error else None,
                "o_undo": 1 if o.uncounted else 0,
            }
            for o in outcomes
        ]
        forget = [o.delivery_id for o in outcomes if o.forget_payload]
        with self.engine.begin() as conn:
            conn.execute(_RECORD, params)
            if forget:
                conn.execute(
                    update(deliveries).where(deliveries.c.id.in_(forget)).values(payload=None)
                )
            announce_due(conn, *(o.next_attempt_at for o in outcomes))  # retries, hand-backs

    def release_all_claims(self) -> int:
        """Make every ``sending`` row claimable at once (SQLite start: no other daemon can hold
        them, so rows left by a crash are sent again now, with the same ids)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(deliveries)
                .where(deliveries.c.status == SENDING)
                .values(claimed_by=None, lease_until=None)
            )
        return max(result.rowcount, 0)

    def reopen(self, keys: Sequence[str], now: datetime) -> int:
        """Put ``stale`` rows for these keys back in line, claimable from ``now`` (a moment
        still to come for a reminder materialised ahead): their reminder is in force again."""
        reopened = 0
        with self.engine.begin() as conn:
            for i in range(0, len(keys), 500):
                result = conn.execute(
                    update(deliveries)
                    .where(deliveries.c.key.in_(keys[i : i + 500]), deliveries.c.status == STALE)
                    .values(status=PENDING, next_attempt_at=now, last_error=None)
                )
                reopened += max(result.rowcount, 0)
            announce_due(conn, now if reopened else None)
        return reopened

    def open_changes(self, tender_id: str) -> list[Delivery]:
        """Change notices for a tender not yet sent nor claimed (still settling)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(deliveries).where(
                    deliveries.c.kind == "change",
                    deliveries.c.tender_id == tender_id,
                    deliveries.c.status.in_((PENDING, FAILED)),
                )
            ).all()
        return [_delivery(r) for r in rows]

    def update_changes(self, updates: Sequence[tuple[int, dict[str, Any]]], due: datetime) -> None:
        """Give settling change notices a merged payload and a later due time."""
        if not updates:
            return
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id == bindparam("c_id"))
                .values(payload=bindparam("c_payload"), next_attempt_at=due),
                [{"c_id": i, "c_payload": p} for i, p in updates],
            )
            announce_due(conn, due)

    def mark_sent(self, delivery_id: int, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id)
                .values(
                    status=SENT, sent_at=now, lease_until=None, claimed_by=None, last_error=None
                )
            )

    def mark_failed(
        self,
        delivery_id: int,
        error: str,
        next_attempt_at: datetime | None,
        status: str | None = None,
    ) -> str:
        """Record a failed attempt: retried at ``next_attempt_at``, or dead when it is None."""
        status = status or (FAILED if next_attempt_at is not None else DEAD)
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id)
                .values(
                    status=status,
                    next_attempt_at=next_attempt_at,
                    lease_until=None,
                    claimed_by=None,
                    last_error=error[:2000],
                )
            )
        return status

    def clear_payload(self, delivery_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries).where(deliveries.c.id == delivery_id).values(payload=None)
            )

    def hand_back(self, delivery_id: int, now: datetime) -> None:
        """Return a claimed row untouched (shutdown before its send started)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id, deliveries.c.status == SENDING)
                .values(
                    status=FAILED,
                    next_attempt_at=now,
                    lease_until=None,
                    claimed_by=None,
                    attempts=deliveries.c.attempts - 1,
                )
            )
            announce_due(conn, now)

    def retry(self, delivery_id: int, now: datetime) -> bool:
        """Put a dead or failed row back in line (ops' ``deliveries retry``)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id, deliveries.c.status.in_((DEAD, FAILED)))
                .values(status=PENDING, next_attempt_at=now, last_error=None)
            )
            announce_due(conn, now if result.rowcount else None)
        return bool(result.rowcount)

    def get(self, delivery_id: int) -> Delivery | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(deliveries).where(deliveries.c.id == delivery_id)).first()
        return _delivery(row) if row else None

    def list(
        self,
        status: str | None = None,
        subscription_id: str | None = None,
        limit: int = 1000,
    ) -> list[Delivery]:
        query = select(deliveries).order_by(deliveries.c.id).limit(limit)
        if status:
            query = query.where(deliveries.c.status == status)
        if subscription_id:
            query = query.where(deliveries.c.subscription_id == subscription_id)
        with self.engine.connect() as conn:
            return [_delivery(r) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(deliveries.c.status, func.count()).group_by(deliveries.c.status)
            ).all()
        return {status: count for status, count in rows}

    def next_attempt_at(self, after: datetime | None = None) -> datetime | None:
        """The earliest moment a pending or failed row wants another try; with ``after``, the
        earliest one later than that. (Rows whose lease or instance lapsed are noticed by the
        heartbeat, see ``Instances.stalled_work``.)"""
        query = select(func.min(deliveries.c.next_attempt_at)).where(
            deliveries.c.status.in_((PENDING, FAILED))
        )
        if after is not None:
            query = query.where(deliveries.c.next_attempt_at > after)
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(query).scalar()
        return value
