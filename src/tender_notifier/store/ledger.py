"""The delivery ledger: one row per message key, the truth of what was sent.

A row goes ``pending`` -> ``sending`` (claimed under a lease, before the network call) ->
``sent``; a failed attempt makes it ``failed`` with a ``next_attempt_at``, or ``dead`` when the
retry schedule is spent. A row left in ``sending`` by a crash is claimed again once its lease has
run out, so the message is repeated (with the same Message-ID / webhook-id), never lost.
``skipped`` rows record reminders that were missed and deliberately not sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select, update

from .schema import deliveries
from .upsert import insert_ignore

PENDING, SENDING, SENT, FAILED, DEAD, SKIPPED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "dead",
    "skipped",
)
STATUSES = (PENDING, SENDING, SENT, FAILED, DEAD, SKIPPED)


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    key: str
    kind: str
    subscription_id: str
    tender_id: str | None
    milestone_id: str | None
    milestone_at: datetime | None
    offset_seconds: int | None
    due_at: datetime
    status: str
    attempts: int
    next_attempt_at: datetime | None
    first_attempt_at: datetime | None
    sent_at: datetime | None
    last_error: str | None
    payload: dict[str, Any] | None


def _delivery(row: Any) -> Delivery:
    return Delivery(
        id=row.id,
        key=row.key,
        kind=row.kind,
        subscription_id=row.subscription_id,
        tender_id=row.tender_id,
        milestone_id=row.milestone_id,
        milestone_at=row.milestone_at,
        offset_seconds=row.offset_seconds,
        due_at=row.due_at,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        first_attempt_at=row.first_attempt_at,
        sent_at=row.sent_at,
        last_error=row.last_error,
        payload=row.payload,
    )


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                found.update(
                    conn.execute(select(deliveries.c.key).where(deliveries.c.key.in_(chunk)))
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
        return inserted

    def claim(self, now: datetime, lease: timedelta, limit: int = 100) -> list[Delivery]:
        """Take up to ``limit`` due rows for sending, marking them ``sending`` under a lease."""
        due = or_(
            and_(deliveries.c.status.in_((PENDING, FAILED)), deliveries.c.next_attempt_at <= now),
            and_(deliveries.c.status == SENDING, deliveries.c.lease_until < now),
        )
        query = (
            select(deliveries.c.id)
            .where(due)
            .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
            .limit(limit)
        )
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            ids = conn.execute(query).scalars().all()
            if not ids:
                return []
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id.in_(ids))
                .values(
                    status=SENDING,
                    lease_until=now + lease,
                    attempts=deliveries.c.attempts + 1,
                    first_attempt_at=func.coalesce(deliveries.c.first_attempt_at, now),
                )
            )
            rows = conn.execute(
                select(deliveries).where(deliveries.c.id.in_(ids)).order_by(deliveries.c.id)
            ).all()
        return [_delivery(r) for r in rows]

    def mark_sent(self, delivery_id: int, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id)
                .values(status=SENT, sent_at=now, lease_until=None, last_error=None)
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
                    attempts=deliveries.c.attempts - 1,
                )
            )

    def skip_open(self, condition: Any, reason: str) -> int:
        """Mark not-yet-sent rows matching ``condition`` as skipped (e.g. a moved milestone)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(deliveries)
                .where(condition, deliveries.c.status.in_((PENDING, FAILED)))
                .values(status=SKIPPED, next_attempt_at=None, last_error=reason)
            )
        return max(result.rowcount, 0)

    def retry(self, delivery_id: int, now: datetime) -> bool:
        """Put a dead or failed row back in line (ops' ``deliveries retry``)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(deliveries)
                .where(deliveries.c.id == delivery_id, deliveries.c.status.in_((DEAD, FAILED)))
                .values(status=PENDING, next_attempt_at=now, last_error=None)
            )
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

    def next_attempt_at(self) -> datetime | None:
        """The earliest moment a pending or failed row wants another try."""
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(
                select(func.min(deliveries.c.next_attempt_at)).where(
                    deliveries.c.status.in_((PENDING, FAILED))
                )
            ).scalar()
            lease: datetime | None = conn.execute(
                select(func.min(deliveries.c.lease_until)).where(deliveries.c.status == SENDING)
            ).scalar()
        candidates = [v for v in (value, lease) if v is not None]
        return min(candidates) if candidates else None
