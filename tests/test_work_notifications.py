"""LISTEN/NOTIFY between daemons on one PostgreSQL store: what the store announces, and the
listener that pokes the engine (real PostgreSQL; the daemons themselves are in
test_e2e_work_notifications)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy.engine import make_url
from structlog.testing import capture_logs

from tender_notifier.store import Store
from tender_notifier.store.ledger import FAILED, Outcome
from tender_notifier.store.work_notifications import CHANNEL, WorkListener, own_backends, parse
from tender_notifier.subscription_types import Channel, Status

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    from tests.conftest import _clean_postgres

    _clean_postgres(postgres_url)
    store = Store.open(postgres_url)
    yield store
    store.close()


class Heard:
    """A psycopg connection LISTENing as the other daemons do, to see what the store says."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(libpq(url), autocommit=True)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def payloads(self, wait: float = 0.5) -> list[str]:
        return [n.payload for n in self.conn.notifies(timeout=wait)]

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def heard(postgres_url: str) -> Iterator[Heard]:
    listening = Heard(postgres_url)
    yield listening
    listening.close()


def sign_up(store: Store, target: str, status: Status = Status.ACTIVE) -> str:
    return store.subscriptions.create(
        channel=Channel.EMAIL,
        target=target,
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW,
        status=status,
    ).subscription.id


def reminder(sub_id: str, key: str) -> dict[str, object]:
    return {
        "key": key,
        "kind": "reminder",
        "subscription_id": sub_id,
        "tender_id": "t",
        "milestone_id": "m",
        "milestone_at": NOW + timedelta(days=1),
        "due_at": NOW,
    }


def test_an_active_sign_up_and_a_confirmation_are_announced_without_any_address(
    pg_store: Store, heard: Heard
) -> None:
    sign_up(pg_store, "inkoop@bureau.example")
    pending = pg_store.subscriptions.create(
        channel=Channel.EMAIL,
        target="later@bureau.example",
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW,
    )
    assert heard.payloads() == ["plan"]  # the pending one is no work yet
    assert pending.confirm_token is not None
    pg_store.subscriptions.confirm(pending.confirm_token, NOW, timedelta(days=2))
    assert heard.payloads() == ["plan"]


def test_a_batch_of_rows_is_one_notification_and_a_rollback_none(
    pg_store: Store, heard: Heard
) -> None:
    sub_id = sign_up(pg_store, "a@b.example")
    heard.payloads()
    pg_store.ledger.add([reminder(sub_id, f"k{i}") for i in range(2000)], NOW)
    assert heard.payloads() == [f"due {NOW.timestamp():.3f}"]
    pg_store.ledger.add([reminder(sub_id, "k1")], NOW)  # nothing new: nothing to say
    assert heard.payloads() == []
    with pytest.raises(RuntimeError), pg_store.engine.begin() as conn:
        from tender_notifier.store.work_notifications import announce

        announce(conn, "plan")
        raise RuntimeError("rolled back")
    assert heard.payloads() == []


def test_a_retry_says_when_it_is_due(pg_store: Store, heard: Heard) -> None:
    sub_id = sign_up(pg_store, "a@b.example")
    pg_store.ledger.add([reminder(sub_id, "k")], NOW)
    heard.payloads()
    claimed = pg_store.ledger.claim(NOW, timedelta(seconds=60))
    retry_at = NOW + timedelta(seconds=5)
    pg_store.ledger.record([Outcome(claimed[0].id, FAILED, next_attempt_at=retry_at, error="x")])
    assert heard.payloads() == [f"due {retry_at.timestamp():.3f}"]


def test_payloads_are_read_as_plan_or_due() -> None:
    assert parse("plan") == (True, None)
    assert parse("due 1700000000.500") == (False, 1700000000.5)
    assert parse("something newer") == (True, None)  # unknown: the safe, full look


def notify(url: str, payload: str) -> None:
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


async def until(predicate: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


def test_a_notification_from_another_connection_pokes_at_once_and_a_later_due_on_time(
    postgres_url: str,
) -> None:
    pokes: list[tuple[bool, float]] = []

    async def scenario() -> None:
        listener = WorkListener(postgres_url, lambda replan: pokes.append((replan, time.time())))
        await listener.start()
        try:
            sent = time.time()
            await asyncio.to_thread(notify, postgres_url, "plan")
            await until(lambda: pokes, 5)
            assert pokes[0][0] is True
            print(f"NOTIFY -> poke: {(pokes[0][1] - sent) * 1000:.1f} ms")
            due = time.time() + 0.5
            await asyncio.to_thread(notify, postgres_url, f"due {due:.3f}")
            await until(lambda: len(pokes) == 2, 5)
            assert pokes[1][0] is False
            assert due - 0.01 <= pokes[1][1] < due + 0.3  # at the due moment, not before
        finally:
            await listener.stop()

    asyncio.run(scenario())


def test_a_burst_gives_one_poke_and_own_connections_are_not_heard(postgres_url: str) -> None:
    pokes: list[bool] = []
    store = Store.open(postgres_url)

    async def scenario() -> None:
        listener = WorkListener(postgres_url, pokes.append, ignore=own_backends(store.engine))
        await listener.start()
        try:
            with store.engine.begin() as conn:  # this process's own: it knows already
                from tender_notifier.store.work_notifications import announce

                announce(conn, "plan")
            await asyncio.sleep(0.5)
            assert pokes == []
            for _ in range(20):
                await asyncio.to_thread(notify, postgres_url, f"due {time.time():.3f}")
            await until(lambda: pokes, 5)
            await asyncio.sleep(0.3)
            assert pokes.count(False) < 20  # folded
        finally:
            await listener.stop()

    try:
        asyncio.run(scenario())
    finally:
        store.close()


def test_the_listener_comes_back_after_its_backend_is_killed_and_logs_it_once(
    postgres_url: str,
) -> None:
    pokes: list[bool] = []
    states: list[bool] = []

    async def scenario() -> None:
        listener = WorkListener(postgres_url, pokes.append, on_state=states.append)
        await listener.start()
        try:
            assert states == [True]
            with psycopg.connect(libpq(postgres_url), autocommit=True) as admin:
                killed = admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = 'tender-notifier listener'"
                    " AND datname = current_database()"
                ).fetchall()
            assert killed == [(True,)]
            await until(lambda: states[-1] is False, 10)
            await until(lambda: states[-1] is True, 10)
            assert pokes == [True]  # back: one full look for what was missed meanwhile
            await asyncio.to_thread(notify, postgres_url, "plan")
            await until(lambda: len(pokes) == 2, 5)
        finally:
            await listener.stop()

    with capture_logs() as logs:
        asyncio.run(scenario())
    events = [e["event"] for e in logs]
    assert events.count("work_listener_lost") == 1
    assert events.count("work_listener_restored") == 1


def test_work_due_beyond_the_horizon_is_left_to_the_periodic_look(postgres_url: str) -> None:
    pokes: list[bool] = []

    async def scenario() -> None:
        listener = WorkListener(postgres_url, pokes.append, horizon=0.3)
        await listener.start()
        try:
            await asyncio.to_thread(notify, postgres_url, f"due {time.time() + 0.6:.3f}")
            await asyncio.to_thread(notify, postgres_url, f"due {time.time() + 0.1:.3f}")
            await asyncio.sleep(1.0)
            assert pokes == [False]  # the one within the horizon only
        finally:
            await listener.stop()

    asyncio.run(scenario())
