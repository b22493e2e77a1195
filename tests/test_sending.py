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
from tender_notifier.subscription_types import Channel, OptOut, Status
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

        webhook = WebhookTransport(transport=httpx.MockTransport(answer), allow_private=True)
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
    token = h.store.signups.ask_owner(h.sub_id)  # the owner confirmed the address
    assert h.store.signups.confirm(token, NOW, timedelta(days=30)) is not None
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


def test_submitted_still_sends_interview_reminders(tmp_path: Path) -> None:
    h = Harness(tmp_path, [])
    (tmp_path / "tenders" / "t.toml").write_text(
        tender_toml(
            "t",
            [
                ("offers", "submission_deadline", DEADLINE.astimezone(AMS)),
                ("talks", "interviews", (DEADLINE + timedelta(days=3)).astimezone(AMS)),
            ],
        )
    )
    h.timelines.reload()
    h.store.subscriptions.opt_out(h.sub_id, "t", OptOut.SUBMITTED, NOW)
    h.queue_reminder("offers")
    h.store.ledger.add(
        [
            {
                "key": "talks",
                "kind": "reminder",
                "subscription_id": h.sub_id,
                "tender_id": "t",
                "milestone_id": "talks",
                "milestone_at": DEADLINE + timedelta(days=3),
                "offset_seconds": 86400,
                "due_at": h.clock.now,
            }
        ],
        h.clock.now,
    )
    h.attempt()
    statuses = {d.key: d.status for d in h.store.ledger.list()}
    assert statuses == {"offers": "skipped", "talks": "sent"}
    assert h.calls == 1


def _queue_change(h: Harness, key: str, kinds: list[str]) -> None:
    from tender_notifier.revisions import milestone_to_dict

    offers = h.timelines.get("t").milestone("offers")  # type: ignore[union-attr]
    changes = [
        {
            "milestone_id": "offers",
            "kind": kind,
            "old": milestone_to_dict(offers),
            "new": None if kind == "removed" else milestone_to_dict(offers),
        }
        for kind in kinds
    ]
    h.store.ledger.add(
        [
            {
                "key": key,
                "kind": "change",
                "subscription_id": h.sub_id,
                "tender_id": "t",
                "due_at": h.clock.now,
                "payload": {"changes": changes},
            }
        ],
        h.clock.now,
    )


def test_not_bidding_gets_a_cancellation_but_no_other_change(harness: Harness) -> None:
    harness.store.subscriptions.opt_out(harness.sub_id, "t", OptOut.NOT_BIDDING, NOW)
    _queue_change(harness, "moved", ["moved"])
    _queue_change(harness, "dropped", ["removed"])
    harness.clock.now += timedelta(minutes=3)  # the timeline has been still for changes.settle
    harness.attempt()
    statuses = {d.key: d.status for d in harness.store.ledger.list()}
    assert statuses == {"moved": "skipped", "dropped": "sent"}


def test_no_reminder_after_i_have_submitted(harness: Harness) -> None:
    harness.queue_reminder()
    harness.store.subscriptions.opt_out(harness.sub_id, "t", OptOut.SUBMITTED, NOW)
    harness.attempt()
    assert harness.calls == 0
    assert harness.store.ledger.list()[0].status == "skipped"


@pytest.mark.parametrize(
    "retry_after", ["99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "-1", "NaN"]
)
def test_any_retry_after_is_recorded_as_a_retry_within_an_hour(
    tmp_path: Path, retry_after: str
) -> None:
    h = Harness(tmp_path, [503], {"Retry-After": retry_after})
    h.queue_reminder()
    h.attempt()
    [row] = h.store.ledger.list()
    assert row.status == "failed"
    assert row.next_attempt_at is not None
    assert row.next_attempt_at <= NOW + timedelta(hours=1)
