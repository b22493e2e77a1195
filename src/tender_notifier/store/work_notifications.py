"""Telling the other daemons on one PostgreSQL store that there is work: LISTEN/NOTIFY.

Daemons sharing a store each plan their own wake-ups from it; a sign-up, a change notice or a
handed-back message written by one is otherwise seen by the others only at their next timer or
periodic look (``delivery.poll_interval``). So a transaction that makes work due sooner ends
with one ``pg_notify`` (delivered on commit only, nothing when it rolls back), and every daemon
keeps one connection LISTENing and pokes its engine when told.

Payloads are small and say nothing about anyone (no address, no token, no id):

``plan``       subscriptions changed (a sign-up became active, a change, an import): replan and
               materialise those created or changed since the last look (by ``updated_at``);
``due <ts>``   ledger rows are due at Unix time ``ts`` (now or later): claim then.

One NOTIFY per transaction, however many rows it wrote (PostgreSQL also folds identical
payloads within a transaction), and the listener folds a burst into one poke. Notifications from
this process's own connections are ignored: the daemon already knows its own work. A lost
connection is logged once, retried with backoff, and followed by one look when it is back
(what was announced meanwhile was missed; the subscriptions changed since the engine last
looked are found by ``updated_at``); the periodic look keeps working all along.

A reload of the tender files is not announced: each machine has its own files and watches them
itself; the change notices a reload queues are ledger rows, and those are announced.

On SQLite there is one daemon per file and nothing is sent or listened to.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url

log = structlog.get_logger(__name__)

CHANNEL = "tender_notifier_work"
PLAN = "plan"
DUE = "due"
FOLD_SECONDS = 0.02  # a burst of notifications arriving together gives one poke
BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0)
CHECK_SECONDS = 15.0  # an idle listening connection is checked this often
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


def announce(conn: Connection, payload: str) -> None:
    """Tell the other daemons on commit of ``conn``'s transaction (PostgreSQL only)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_NOTIFY, {"channel": CHANNEL, "payload": payload})


def announce_due(conn: Connection, *when: datetime | None) -> None:
    """Rows become due at the earliest of ``when`` (all None: nothing to say)."""
    earliest = min(filter(None, when), default=None)
    if earliest is not None:
        announce(conn, f"{DUE} {earliest.timestamp():.3f}")


def announce_plan(engine: Engine) -> None:
    """Subscriptions changed outside one transaction (an import of many): say it once."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            announce(conn, PLAN)


def parse(payload: str) -> tuple[bool, float | None]:
    """(replan, due timestamp) of a payload; anything unknown is taken as ``plan``."""
    word, _, rest = payload.partition(" ")
    if word == DUE:
        try:
            return False, float(rest)
        except ValueError:
            pass
    return True, None


def own_backends(engine: Engine) -> set[int]:
    """The server process ids of ``engine``'s connections, kept up to date: notifications sent
    from them are this daemon's own. Connections already open are closed (at start-up, when
    none is in use), so every one in the set was seen opening."""
    pids: set[int] = set()

    @event.listens_for(engine, "connect")
    def _opened(dbapi_connection: Any, _record: Any) -> None:
        pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
        if isinstance(pid, int):
            pids.add(pid)

    @event.listens_for(engine, "close")
    def _closed(dbapi_connection: Any, _record: Any) -> None:
        with contextlib.suppress(Exception):
            pids.discard(dbapi_connection.info.backend_pid)

    engine.dispose()
    return pids


class WorkListener:
    """One LISTENing connection that calls ``poke(replan)`` when another daemon announces work.

    ``poke(True)``: look again and replan; ``poke(False)``: claim what is due. Runs on the
    daemon's event loop (psycopg's async connection), so ``poke`` is called from the loop.
    """

    def __init__(
        self,
        url: str,
        poke: Callable[[bool], None],
        *,
        ignore: set[int] | None = None,
        on_state: Callable[[bool], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
        horizon: float | None = None,
    ) -> None:
        # A SQLAlchemy URL ("postgresql+psycopg://...") as libpq reads it.
        self._conninfo = (
            make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        self._poke = poke
        # Work due further ahead than this is left to the periodic look, which plans the
        # ledger's next due moment: no timer is kept for a retry hours away.
        self._horizon = horizon
        self._ignore = ignore if ignore is not None else set()
        self._on_state = on_state or (lambda _up: None)
        self._on_notice = on_notice or (lambda _kind: None)
        self._task: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()
        self._lost = False  # logged as lost, not yet back
        self._failures = 0
        self._replan = False
        self._dues: set[float] = set()
        self._fold: asyncio.TimerHandle | None = None
        self._timers: dict[int, asyncio.TimerHandle] = {}  # due wake-ups, by tenth of a second

    async def start(self, wait: float = 5.0) -> None:
        """Start listening; wait up to ``wait`` seconds for the first LISTEN to be in place (so
        nothing announced after the daemon's first plan is missed), then carry on regardless."""
        self._task = asyncio.create_task(self._run(), name="work-listener")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._listening.wait(), wait)

    async def stop(self) -> None:
        for handle in (self._fold, *self._timers.values()):
            if handle is not None:
                handle.cancel()
        self._timers.clear()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # whatever broke, the periodic look covers: try again
                self._listening.clear()
                self._on_state(False)
                if not self._lost:
                    self._lost = True
                    log.warning(
                        "work_listener_lost",
                        error=f"{type(exc).__name__}: {str(exc).strip()[:200]}",
                        message="other daemons' work is seen by the periodic look until back",
                    )
                await asyncio.sleep(BACKOFF[min(self._failures, len(BACKOFF) - 1)])
                self._failures += 1

    async def _listen(self) -> None:
        import psycopg

        conn = await psycopg.AsyncConnection.connect(
            self._conninfo,
            autocommit=True,
            connect_timeout=5,
            # A cut network is noticed by the check below or by TCP keepalives.
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            application_name="tender-notifier listener",
        )
        async with conn:
            await conn.execute(f"LISTEN {CHANNEL}")
            self._listening.set()
            self._on_state(True)
            self._failures = 0
            if self._lost:
                self._lost = False
                log.info("work_listener_restored")
                self._poke(True)  # what was announced while away was missed: look once
            while True:
                async for notice in conn.notifies(timeout=CHECK_SECONDS):
                    if notice.pid not in self._ignore:
                        self._received(notice.payload)
                await asyncio.wait_for(conn.execute("SELECT 1"), 5)

    def _received(self, payload: str) -> None:
        replan, due = parse(payload)
        self._on_notice(PLAN if replan else DUE)
        self._replan = self._replan or replan
        if due is not None:
            self._dues.add(due)
        if self._fold is None:
            self._fold = asyncio.get_running_loop().call_later(FOLD_SECONDS, self._flush)

    def _flush(self) -> None:
        self._fold = None
        replan, dues = self._replan, self._dues
        self._replan, self._dues = False, set()
        now = time.time()
        if replan or any(due - now <= FOLD_SECONDS for due in dues):
            self._poke(replan)  # a replan plans the store's next due moment, and on from there
            if replan:
                return
        loop = asyncio.get_running_loop()
        for due in dues:
            wait = due - now
            if wait <= FOLD_SECONDS or (self._horizon is not None and wait > self._horizon):
                continue
            slot = round(due * 10)
            if slot not in self._timers:
                self._timers[slot] = loop.call_later(wait, self._due_now, slot)

    def _due_now(self, slot: int) -> None:
        self._timers.pop(slot, None)
        self._poke(False)
