"""Running daemons and their heartbeats, so work held by one that stopped is taken over.

Each daemon registers an instance id at start and beats every few seconds; ``dead_after`` without
a beat and the rows it claimed are free for others (see ``Ledger.claim``). On PostgreSQL the beat
is the database's clock, so machines with different clocks agree on who is alive.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, select, update

from .ledger import SENDING, db_now
from .schema import deliveries, instances
from .upsert import insert_ignore


def new_instance_id() -> str:
    return f"{socket.gethostname()[:20]}-{uuid.uuid4().hex[:12]}"


class Instances:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def register(self, instance: str, now: datetime) -> None:
        with self.engine.begin() as conn:
            clock = db_now(conn, now)
            conn.execute(
                insert_ignore(conn, instances, ["id"]).values(
                    id=instance,
                    host=socket.gethostname()[:255],
                    pid=os.getpid(),
                    started_at=clock,
                    heartbeat_at=clock,
                )
            )

    def beat(self, instance: str, now: datetime, prune_after: timedelta) -> None:
        """Record that ``instance`` is alive; forget instances silent for ``prune_after``."""
        with self.engine.begin() as conn:
            clock = db_now(conn, now)
            result = conn.execute(
                update(instances).where(instances.c.id == instance).values(heartbeat_at=clock)
            )
            if not result.rowcount:  # pruned while the store was away: come back
                conn.execute(
                    insert_ignore(conn, instances, ["id"]).values(
                        id=instance,
                        host=socket.gethostname()[:255],
                        pid=os.getpid(),
                        started_at=clock,
                        heartbeat_at=clock,
                    )
                )
            conn.execute(
                delete(instances).where(instances.c.heartbeat_at < db_now(conn, now, -prune_after))
            )

    def remove(self, instance: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(instances).where(instances.c.id == instance))

    def stalled_work(self, instance: str, now: datetime, dead_after: timedelta) -> int:
        """How many ``sending`` rows are held by no live instance (work to take over)."""
        with self.engine.connect() as conn:
            clock = db_now(conn, now)
            alive = select(instances.c.id).where(
                instances.c.heartbeat_at >= db_now(conn, now, -dead_after)
            )
            count = conn.execute(
                select(func.count())
                .select_from(deliveries)
                .where(
                    deliveries.c.status == SENDING,
                    (deliveries.c.lease_until.is_(None))
                    | (deliveries.c.claimed_by.not_in(alive))
                    | (deliveries.c.lease_until < clock),
                )
            ).scalar()
        return int(count or 0)
