"""A webhook's ``owner_email`` hears nothing before it confirms, and never the words of the
requester (the URL) or of the receiver (its answer)."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from tender_notifier.delivery.webhook import WebhookTransport
from tender_notifier.metrics import Metrics
from tender_notifier.sending import Sender
from tender_notifier.settings import load_settings
from tender_notifier.signup_checks import SignupRequest
from tender_notifier.signup_registration import register
from tender_notifier.store import Store
from tender_notifier.subscription_types import Channel, Status
from tender_notifier.timelines import Timelines
from tests.support.app import Clock
from tests.support.daemon import tender_toml

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
DEADLINE = NOW + timedelta(days=20)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OWNER = "victim@elders.example"
URL = "https://login-bank.example/verify-your-account-now"
RECEIVER_TEXT = "Your account is locked: log in at https://evil.example/login"


class World:
    def __init__(self, tmp_path: Path, answer_status: int) -> None:
        (tmp_path / "tenders").mkdir()
        (tmp_path / "tenders" / "t.toml").write_text(
            tender_toml("t", [("offers", "submission_deadline", DEADLINE.astimezone(AMSTERDAM))])
        )
        config = tmp_path / "notifier.toml"
        config.write_text(
            f'state_dir = "{tmp_path / "var"}"\npublic_url = "https://tn.example"\n'
            '[delivery]\ndisable_after = "P3D"\n'
        )
        self.settings = load_settings(config)
        self.clock = Clock(NOW)
        self.store = Store.open(self.settings.database_url)
        self.timelines = Timelines(self.settings.tenders_dir, self.store, self.clock)
        self.timelines.reload()

        def answer(request: httpx.Request) -> httpx.Response:
            if b'"ping"' in request.content:
                return httpx.Response(200)
            return httpx.Response(answer_status, text=RECEIVER_TEXT)

        webhook = WebhookTransport(transport=httpx.MockTransport(answer), allow_private=True)
        self.sender = Sender(self.settings, self.store, self.timelines, self.clock, webhook=webhook)
        req = SignupRequest(
            Channel.WEBHOOK, URL, ("*",), (timedelta(days=1),), "nl", None, owner_email=OWNER
        )
        self.sub_id = register(self.store, req, NOW).subscription.id

    def run(self) -> None:
        for delivery in self.store.ledger.claim(self.clock.now, timedelta(minutes=1)):
            asyncio.run(self.sender.deliver(delivery, Metrics(), random.Random(1)))

    def mails(self) -> list[Message]:
        files = sorted(self.settings.outbox_dir.glob("*.eml"))
        return [message_from_bytes(f.read_bytes()) for f in files]

    def fail_until_disabled(self) -> None:
        for day in range(5):
            self.store.ledger.add(
                [
                    {
                        "key": f"r{day}",
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
            self.run()
            self.clock.now += timedelta(days=1)
        sub = self.store.subscriptions.get(self.sub_id)
        assert sub is not None and sub.status is Status.DISABLED
        self.run()


def _text(message: Message) -> str:
    parts = [message] if not message.is_multipart() else list(message.walk())
    out = []
    for part in parts:
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            out.append(payload.decode("utf-8", "replace"))
    return str(message["Subject"]) + "\n" + "\n".join(out)


def _confirm_link(message: Message) -> str:
    import re

    match = re.search(r"https://tn\.example/confirm/([A-Za-z0-9_-]+)", _text(message))
    assert match
    return match.group(1)


@pytest.mark.parametrize("status", [410, 500])
def test_an_unconfirmed_owner_gets_only_the_confirmation_request(
    tmp_path: Path, status: int
) -> None:
    world = World(tmp_path, status)
    world.run()  # the ping and the owner's confirmation request
    world.fail_until_disabled()
    [request] = world.mails()
    assert request["To"] == OWNER
    text = _text(request)
    assert "/confirm/" in text
    assert URL not in text and "login-bank" not in text


@pytest.mark.parametrize("status", [410, 500])
def test_a_confirmed_owner_is_told_in_fixed_words(tmp_path: Path, status: int) -> None:
    world = World(tmp_path, status)
    world.run()
    [request] = world.mails()
    done = world.store.signups.confirm(_confirm_link(request), NOW, timedelta(days=2))
    assert done is not None
    world.fail_until_disabled()
    # The outbox names its files by Message-ID, not by time: find the notice by its subject.
    [notice] = [m for m in world.mails() if "uitgeschakeld" in str(m["Subject"])]
    assert notice["To"] == OWNER
    text = _text(notice)
    assert "uitgeschakeld" in text
    assert RECEIVER_TEXT not in text and "evil.example" not in text and "locked" not in text
    assert URL not in text and "login-bank" not in text
    if status == 410:
        assert "HTTP 410" in text
