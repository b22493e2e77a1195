"""The rows of the delivery ledger as the program sees them: statuses, a claimed row
(``Delivery``), what became of it (``Outcome``), and the clock leases are measured on.
See ``ledger`` for the life of a row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, literal

from .schema import UTCDateTime

PENDING, SENDING, SENT, FAILED, DEAD, SKIPPED, STALE = (
    "pending",
    "sending",
    "sent",
    "failed",
    "dead",
    "skipped",
    "stale",
)
STATUSES = (PENDING, SENDING, SENT, FAILED, DEAD, SKIPPED, STALE)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one claimed row, to be written to the ledger (possibly later, in a batch).

    ``uncounted`` hands the row back without counting the attempt (held, not tried).
    """

    delivery_id: int
    status: str
    sent_at: datetime | None = None
    next_attempt_at: datetime | None = None
    error: str | None = None
    uncounted: bool = False
    forget_payload: bool = False


def db_now(conn: Connection, fallback: datetime, plus: timedelta = timedelta(0)) -> Any:
    """``plus`` from now on the clock leases and heartbeats are measured on: the database's own
    on PostgreSQL (so a machine with a wrong clock cannot steal another's work), this process's
    on SQLite (one machine, one daemon)."""
    if conn.dialect.name == "postgresql":
        return func.now() + plus if plus else func.now()
    return literal(fallback + plus, UTCDateTime)


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
