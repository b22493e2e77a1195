"""What the sender records after each attempt: retries, dead letters, disabled webhooks.

The webhook side uses httpx.MockTransport (a fake transport, not a mock of our code); the end-to-end
tests cover the same paths against real receivers."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from tender_notifier.delivery.webhook import WebhookTransport
from tender_notifier.metrics import Metrics
from tender_notifier.sending import Sender
from tender_notifier.settings import load_settings
from tender_notifier.store import Store
from tender_notifier.subscription import Channel, OptOut, Status
from tender_notifier.timelines import Timelines
from tests.support.app import Clock
from tests.support.daemon import tender_toml

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
DEADLINE = NOW + timedelta(days=7)
AMS = ZoneInfo("Europe/Amsterdam")


class Harness:
    def __init__(
        self,
        tmp_path: Path,
        statuses: list[int],
        headers: dict[str, str] | None = None,
        disable_after: str = "P3D",
    ):
        (tmp_path / "tenders").mkdir()
        (tmp_path / "tenders" / "t.toml").write_text(
            tender_toml("t", [("offers", "submission_deadline", DEADLINE.astimezone(AMS))])
        )
        config = tmp_path / "notifier.toml"
        config.write_text(
            f'state_dir = "{tmp_path / "var"}"\n[delivery]\ndisable_after = "{disable_after}"\n'
        )
        self.settings = load_settings(config)
        self.clock = Clock(NOW)
        self.store = Store.open(self.settings.database_url)
        self.timelines = Timelines(self.settings.tenders_dir, self.store, self.clock)
        self.timelines.reload()
        self.statuses = statuses
        self.calls = 0

        def answer(request: httpx.Request) -> httpx.Response:
            self.calls += 1
            status = self.statuses.pop(0) if self.statuses else 200
            return httpx.Response(status, headers=headers or {})

        client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        webhook = WebhookTransport(client=client, allow_private=True)
        self.sender = Sender(self.settings, self.store, self.timelines, self.clock, webhook=webhook)
        created = self.store.subscriptions.create(
            channel=Channel.WEBHOOK,
            target="https://hooks.bureau.example/t",
            tenders=["*"],
            offsets=[timedelta(days=1)],
            language_code="nl",
            now=NOW - timedelta(days=10),
            status=Status.ACTIVE,
            secret="whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY",
            owner_email="ops@bureau.example",
        )
        self.sub_id = created.subscription.id

    def queue_reminder(self, key: str = "k") -> None:
        self.store.ledger.add(
            [
                {
                    "key": key,
                    "kind": "reminder",
                    "subscription_id": self.sub_id,
                    "tender_id": "t",
                    "milestone_id": "offers",
                    "milestone_at": DEADLINE,
                    "offset_seconds": 86400,
                    "due_at": self.clock.now,
                }
            ],
            self.clock.now,
        )

    def attempt(self) -> None:
        for delivery in self.store.ledger.claim(self.clock.now, timedelta(minutes=1)):
            asyncio.run(self.sender.deliver(delivery, Metrics(), random.Random(1)))


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path, [])


def test_delivered_webhook_is_marked_sent(harness: Harness) -> None:
    harness.queue_reminder()
    harness.attempt()
    assert [d.status for d in harness.store.ledger.list()] == ["sent"]


def test_503_with_retry_after_is_retried_no_sooner_than_asked(tmp_path: Path) -> None:
    h = Harness(tmp_path, [503], {"Retry-After": "120"})
    h.queue_reminder()
    h.attempt()
    [row] = h.store.ledger.list()
    assert row.status == "failed"
    assert row.next_attempt_at is not None and row.next_attempt_at >= NOW + timedelta(seconds=120)
    h.clock.now = row.next_attempt_at
    h.attempt()
    assert h.store.ledger.list()[0].status == "sent"


def test_410_gone_disables_the_subscription(tmp_path: Path) -> None:
    h = Harness(tmp_path, [410])
    h.queue_reminder()
    h.attempt()
    assert h.store.ledger.list()[0].status == "dead"
    sub = h.store.subscriptions.get(h.sub_id)
    assert sub is not None and sub.status is Status.DISABLED


def test_retries_stop_when_the_milestone_has_passed(tmp_path: Path) -> None:
    h = Harness(tmp_path, [500] * 1000, disable_after="P30D")
    h.queue_reminder()
    for _ in range(300):  # every minute in the last hour, every 5 s in the last 5 minutes
        h.attempt()
        [row] = [d for d in h.store.ledger.list() if d.kind == "reminder"]
        if row.status == "dead":
            break
        assert row.next_attempt_at is not None and row.next_attempt_at <= DEADLINE
        h.clock.now = row.next_attempt_at
    assert row.status == "dead"


def test_a_webhook_failing_for_days_is_disabled_and_its_owner_told(tmp_path: Path) -> None:
    h = Harness(tmp_path, [500] * 100)
    for day in range(5):
        h.queue_reminder(f"k{day}")
        h.attempt()
        h.clock.now += timedelta(days=1)
    sub = h.store.subscriptions.get(h.sub_id)
    assert sub is not None and sub.status is Status.DISABLED
    h.attempt()  # sends the notice
    [notice] = [d for d in h.store.ledger.list() if d.kind == "notice"]
    assert notice.status == "sent"
    outbox = list(h.settings.outbox_dir.glob("*.eml"))
    assert len(outbox) == 1
    assert "ops@bureau.example" in outbox[0].read_text()


def test_no_reminder_after_i_have_submitted(harness: Harness) -> None:
    harness.queue_reminder()
    harness.store.subscriptions.opt_out(harness.sub_id, "t", OptOut.SUBMITTED, NOW)
    harness.attempt()
    assert harness.calls == 0
    assert harness.store.ledger.list()[0].status == "skipped"
