"""Claiming due ledger rows: which are owed first, and taking them under a lease.

A burst claims a few dozen rows at a time, hundreds of times, from worker threads whose every
step holds the GIL the event loop's sends need. So the statements are built once per shape
(dialect, one channel or all, with or without judging other instances' heartbeats), with bound
parameters, and reused: SQLAlchemy keeps a built statement's cache key, so a claim costs its
execution and not the building and keying of seven statements. Where the database can
(PostgreSQL, SQLite 3.35 and later) the rows come back from the ``UPDATE`` itself
(``RETURNING``) instead of a second ``SELECT``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Interval,
    Select,
    Update,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    update,
)

from .ledger_rows import FAILED, PENDING, SENDING, Delivery, _delivery
from .schema import UTCDateTime, deliveries, instances, subscriptions


def _on_db_clock(dialect: str, name: str) -> Any:
    """Now plus the interval bound as ``name`` on the clock leases are measured on: the
    database's own on PostgreSQL, this process's (bound as ``name + "_at"``) on SQLite
    (see ``ledger_rows.db_now``)."""
    if dialect == "postgresql":
        return func.now() + bindparam(name, type_=Interval())
    return bindparam(name + "_at", type_=UTCDateTime())


@lru_cache(maxsize=16)
def _due_queries(
    dialect: str, by_channel: bool, judge_instances: bool
) -> tuple[tuple[Select[Any], ...], tuple[Select[Any], ...]]:
    """The queries for due rows other than change notices, and for change notices: one per
    status (pending, failed, a stalled ``sending``), each walking the (status,
    next_attempt_at) index in order and stopping after ``:limit`` rows."""
    now = bindparam("now", type_=UTCDateTime())
    clock = _on_db_clock(dialect, "zero")
    stalled = or_(deliveries.c.lease_until < clock, deliveries.c.lease_until.is_(None))
    if judge_instances:
        alive = select(instances.c.id).where(
            instances.c.heartbeat_at >= _on_db_clock(dialect, "heartbeat_window")
        )
        stalled = or_(stalled, deliveries.c.claimed_by.not_in(alive))
    due = (
        and_(deliveries.c.status == PENDING, deliveries.c.next_attempt_at <= now),
        and_(deliveries.c.status == FAILED, deliveries.c.next_attempt_at <= now),
        and_(deliveries.c.status == SENDING, stalled),
    )
    built: list[tuple[Select[Any], ...]] = []
    for change in (False, True):
        kind = deliveries.c.kind == "change" if change else deliveries.c.kind != "change"
        queries = []
        for condition in due:
            query = select(deliveries.c.id, deliveries.c.next_attempt_at).where(condition, kind)
            if by_channel:
                # Notices and owner confirmations of a webhook go to its owner by email.
                by_email = deliveries.c.kind.in_(("notice", "owner_confirm"))
                way = case((by_email, "email"), else_=subscriptions.c.channel)
                query = query.join(
                    subscriptions, subscriptions.c.id == deliveries.c.subscription_id
                ).where(way == bindparam("channel"))
            query = query.order_by(deliveries.c.next_attempt_at, deliveries.c.id).limit(
                bindparam("limit", type_=Integer())
            )
            if dialect == "postgresql":
                query = query.with_for_update(skip_locked=True, of=deliveries)
            queries.append(query)
        built.append(tuple(queries))
    return built[0], built[1]


@lru_cache(maxsize=8)
def _take(dialect: str, returning: bool) -> Update:
    """Mark the rows ``:ids`` ``sending`` under a lease held by ``:instance`` (and return
    them)."""
    statement = (
        update(deliveries)
        .where(deliveries.c.id.in_(bindparam("ids", expanding=True)))
        .values(
            status=SENDING,
            lease_until=_on_db_clock(dialect, "lease"),
            claimed_by=bindparam("instance"),
            attempts=deliveries.c.attempts + 1,
            first_attempt_at=func.coalesce(
                deliveries.c.first_attempt_at, bindparam("now", type_=UTCDateTime())
            ),
        )
    )
    return statement.returning(*deliveries.c) if returning else statement


def _clock_params(dialect: str, now: datetime, name: str, plus: timedelta) -> dict[str, Any]:
    if dialect == "postgresql":
        return {name: plus}
    return {name + "_at": now + plus}


def due_ids(
    conn: Connection,
    now: datetime,
    limit: int,
    channel: str | None,
    dead_after: timedelta | None,
) -> list[int]:
    """The ids of up to ``limit`` due rows, in the order they are owed: reminders and the like
    before change notices, then by ``next_attempt_at`` and id.

    One query per status, each stopping after ``limit`` rows, and the few candidates merged
    here: a claim costs the same with ten rows due or ten thousand.
    """
    dialect = conn.dialect.name
    params: dict[str, Any] = {"now": now, "limit": limit, "channel": channel}
    params.update(_clock_params(dialect, now, "zero", timedelta(0)))
    if dead_after is not None:
        params.update(_clock_params(dialect, now, "heartbeat_window", -dead_after))
    found: list[tuple[int, Any, int]] = []
    for change, queries in enumerate(
        _due_queries(dialect, channel is not None, dead_after is not None)
    ):
        for query in queries:
            found.extend((change, at, i) for i, at in conn.execute(query, params))
        if len(found) >= limit:
            break  # change notices come after the rest: no room left for them
    # A row without next_attempt_at (a stalled claim of an old row) sorts as the earliest.
    found.sort(key=lambda r: (r[0], r[1] is not None, r[1] or 0, r[2]))
    return [i for _, _, i in found[:limit]]


def claim(
    conn: Connection,
    now: datetime,
    lease: timedelta,
    limit: int,
    *,
    instance: str | None,
    channel: str | None,
    dead_after: timedelta | None,
) -> list[Delivery]:
    """Take up to ``limit`` due rows in ``conn``'s transaction (see ``Ledger.claim``)."""
    ids = due_ids(conn, now, limit, channel, dead_after)
    if not ids:
        return []
    dialect = conn.dialect.name
    params = {"ids": ids, "instance": instance, "now": now}
    params.update(_clock_params(dialect, now, "lease", lease))
    if conn.dialect.update_returning:
        rows = sorted(conn.execute(_take(dialect, True), params).all(), key=_by_id)
    else:
        conn.execute(_take(dialect, False), params)
        rows = list(
            conn.execute(
                select(deliveries).where(deliveries.c.id.in_(ids)).order_by(deliveries.c.id)
            ).all()
        )
    return [_delivery(r) for r in rows]


def _by_id(row: Any) -> int:
    return int(row.id)
