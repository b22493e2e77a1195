"""A burst of reminders due at one instant: written ahead, claimed and sent at the instant, with
no pass over every subscription then; webhooks to one busy host wait in line for its slots."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tender_notifier.compose import PreparedEmail
from tender_notifier.delivery.webhook import WebhookTransport, new_secret
from tender_notifier.engine import Engine
from tender_notifier.metrics import Metrics
from tender_notifier.sending import Sender
from tender_notifier.settings import load_settings
from tender_notifier.store import Store
from tender_notifier.store.ledger import FAILED, Outcome
from tender_notifier.subscription_types import Channel, Status
from tender_notifier.timelines import Timelines
from tender_notifier.wakeups import AHEAD
from tests.support.app import Clock
from tests.support.daemon import tender_toml

AMS = ZoneInfo("Europe/Amsterdam")
DEADLINE = datetime(2026, 7, 8, 12, 0, tzinfo=AMS)  # a Wednesday
DUE = DEADLINE - timedelta(days=1)
SIGNED_UP = datetime(2026, 6, 1, tzinfo=UTC)


class CountingEmail:
    def __init__(self) -> None:
        self.sent: list[str] = []
        self.warmed_up = 0

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        self.sent.append(message.to if isinstance(message, PreparedEmail) else message["To"])

    async def warm_up(self) -> None:
        self.warmed_up += 1

    async def close(self) -> None:
        pass


class Spy:
    """The real store's part, with a count of the calls made to it."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        self.calls[name] += 1
        return getattr(self.real, name)


def make_engine(
    tmp_path: Path,
    database_url: str,
    *,
    channel: Channel = Channel.EMAIL,
    count: int = 40,
    webhook: WebhookTransport | None = None,
    host_slots: int = 4,
    offsets: list[timedelta] | None = None,
) -> tuple[Engine, Store, Clock, CountingEmail]:
    (tmp_path / "tenders").mkdir()
    (tmp_path / "tenders" / "t.toml").write_text(
        tender_toml("t", [("offers", "submission_deadline", DEADLINE)])
    )
    config = tmp_path / "notifier.toml"
    config.write_text(
        f'state_dir = "{tmp_path / "var"}"\n[database]\nurl = "{database_url}"\n'
        f"[delivery]\nallow_private_targets = true\nwebhook_host_slots = {host_slots}\n"
    )
    settings = load_settings(config)
    store = Store.open(settings.database_url)
    for i in range(count):
        store.subscriptions.create(
            channel=channel,
            target=f"s{i}@bureau.example"
            if channel is Channel.EMAIL
            else f"https://hooks.bureau.example/{i}",
            tenders=["t"],
            offsets=offsets or [timedelta(days=1)],
            language_code="nl",
            now=SIGNED_UP,
            status=Status.ACTIVE,
            secret=new_secret() if channel is Channel.WEBHOOK else None,
        )
    clock = Clock(DUE - AHEAD)
    timelines = Timelines(settings.tenders_dir, store, clock)
    timelines.reload()
    email = CountingEmail()
    sender = Sender(settings, store, timelines, clock, email=email, webhook=webhook)
    engine = Engine(settings, store, timelines, Metrics(), clock, sender)
    store.instances.register(engine.instance, clock.now)  # as ``start`` does: alive, beating
    return engine, store, clock, email


async def drain(engine: Engine) -> None:
    """Step as the loop would until nothing is in flight and every outcome is written."""
    # The heartbeat, at the test's clock: the rows in work are this live instance's.
    engine.store.instances.beat(engine.instance, engine.clock(), timedelta(hours=1))
    await engine.step()
    while engine._sending or len(engine.outcomes):
        if engine._sending:
            await asyncio.wait(set(engine._sending))
        await engine.step()


def test_rows_are_written_ahead_of_their_moment_and_claimable_only_from_it(
    tmp_path: Path, database_url: str
) -> None:
    engine, store, clock, _ = make_engine(tmp_path, database_url, count=5)
    engine.reminders.run(clock.now)
    rows = store.ledger.list("pending")
    assert len(rows) == 5
    assert {r.next_attempt_at for r in rows} == {DUE}
    lease = timedelta(seconds=60)
    assert store.ledger.claim(DUE - timedelta(seconds=1), lease, 100) == []
    assert len(store.ledger.claim(DUE, lease, 100)) == 5
    store.close()


def test_the_due_instant_sends_without_reading_every_subscription(
    tmp_path: Path, database_url: str
) -> None:
    """Ahead of the moment the subscriptions are read once and the mail server is connected to;
    at the moment, and at the sweeps that follow with nothing due, they are not read again:
    that work does not grow with them."""
    engine, store, clock, email = make_engine(tmp_path, database_url, count=40)
    spy = Spy(store.subscriptions)
    store.subscriptions = spy  # type: ignore[assignment]

    async def run() -> None:
        await engine.plan()
        await engine._on_ahead(DUE)
        await drain(engine)
        assert engine._warming is not None
        await engine._warming
        assert spy.calls["active_slice"] == 1
        assert email.sent == []  # written, not yet due
        assert email.warmed_up == 1  # connections open before the moment
        spy.calls.clear()
        clock.now = DUE
        await engine._on_due(DUE)
        await drain(engine)
        assert len(email.sent) == 40
        for minutes in (1, 2, 3):
            clock.now = DUE + timedelta(minutes=minutes)
            await engine._on_timer()
            await drain(engine)
        assert spy.calls["active_slice"] == 0
        assert spy.calls["list"] == 0
        await engine.sender.close()

    asyncio.run(run())
    assert store.ledger.counts() == {"sent": 40}
    store.close()


def test_webhooks_to_one_slow_host_all_go_out_through_its_slots_without_hand_backs(
    tmp_path: Path,
) -> None:
    """Once the host has answered (the burst before), a burst to it waits in line for its
    slots: every row goes out on its first claim, none goes back to the ledger."""
    in_flight = 0
    most = 0

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        await asyncio.sleep(0.02)
        in_flight -= 1
        return httpx.Response(204)

    webhook = WebhookTransport(transport=httpx.MockTransport(slow), allow_private=True)
    engine, store, clock, _ = make_engine(
        tmp_path,
        f"sqlite:///{tmp_path / 'store.db'}",
        channel=Channel.WEBHOOK,
        count=30,
        webhook=webhook,
        host_slots=2,
        offsets=[timedelta(days=1), timedelta(days=1, seconds=-10)],
    )
    recorded: list[Outcome] = []
    real_record = store.ledger.record

    def record(outcomes: list[Outcome]) -> None:
        recorded.extend(outcomes)
        real_record(outcomes)

    store.ledger.record = record  # type: ignore[method-assign]
    second = DUE + timedelta(seconds=10)

    async def run() -> None:
        engine.reminders.run(clock.now)
        clock.now = DUE
        await engine._on_due(DUE)
        await drain(engine)  # the first burst: the host is not heard from yet
        while store.ledger.counts().get("sent", 0) < 30:  # rows handed back, due again in 1 s
            clock.now += timedelta(seconds=1)
            await engine._on_due(clock.now)
            await drain(engine)
        recorded.clear()
        clock.now = second - AHEAD
        engine.reminders.run(clock.now)
        clock.now = second
        await engine._on_due(second)
        await drain(engine)
        await webhook.aclose()

    asyncio.run(run())
    assert most == 2  # the host's slots, all used, never more
    assert [o for o in recorded if o.status == FAILED] == []  # nothing handed back
    assert store.ledger.counts() == {"sent": 60}
    assert {d.attempts for d in store.ledger.list("sent")} == {1}
    store.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.WEBHOOK])
def test_the_warm_up_gets_ready_only_the_channels_of_the_active_subscriptions(
    tmp_path: Path, database_url: str, channel: Channel
) -> None:
    """Email subscribers only: no webhook pool (nor HTTP client) is built ahead of a due
    moment; webhook subscribers only: no mail server is connected to."""
    engine, store, _, email = make_engine(tmp_path, database_url, channel=channel, count=3)

    async def run() -> None:
        await engine.plan()
        await engine._on_ahead(DUE)
        assert engine._warming is not None
        await engine._warming
        pool_built = engine.sender.webhook._guarded is not None
        assert (email.warmed_up, pool_built) == (
            (1, False) if channel is Channel.EMAIL else (0, True)
        )
        await engine.sender.close()

    asyncio.run(run())
    store.close()
