"""Defence in depth: whatever text a tender holds (the loader refuses control characters, but a
tender can come from elsewhere), the feed parses with the same events and every email is sent
with a one-line Subject. Feeds are read by vobject and ics.py, emails go through aiosmtpd."""

from __future__ import annotations

import asyncio
import dataclasses
import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import ics
import pytest
import vobject
from aiosmtpd.controller import Controller

from tender_notifier import compose
from tender_notifier.calendar import FeedEntry, build_feed
from tender_notifier.compose import Change, Links
from tender_notifier.controls import CONTROL
from tender_notifier.delivery.email import SmtpTransport
from tender_notifier.revisions import revise
from tender_notifier.settings import SmtpSettings
from tender_notifier.tender_file import load_tender_file
from tender_notifier.timeline import Tender
from tests.conftest import SEED_TENDER
from tests.support.daemon import free_port

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
HOSTILE = [
    "A\rB",
    "A\nB",
    "A\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT",
    "A\r\nBcc: victim@example.org",
    "A\x1b[2JB",
    "A\x00B",
    "A\x7fB",
    "A\x85B",
    "A\u2028B\u2029C",
    "A\u202eB",
]
LINKS = Links(manage_url="https://tn.example/manage/x", unsubscribe_url="https://tn.example/u/x")


def hostile_tender(text: str) -> Tender:
    seed = load_tender_file(SEED_TENDER)
    first = dataclasses.replace(seed.milestones[0], title=text, note=text)
    return dataclasses.replace(
        seed,
        title=text,
        buyer=text,
        platform=text,
        reference=text,
        url="https://x.example/" + text,
        milestones=(first, *seed.milestones[1:]),
    )


def feed_of(tender: Tender, name: str | None = None) -> bytes:
    revision, _ = revise(None, tender, NOW)
    return build_feed([FeedEntry(tender, revision)], now=NOW, name=name)


@pytest.mark.parametrize("text", HOSTILE)
def test_the_feed_keeps_its_events_whatever_the_texts_hold(text: str) -> None:
    clean = load_tender_file(SEED_TENDER)
    expected = len(vobject.readOne(feed_of(clean).decode()).vevent_list)
    feed = feed_of(hostile_tender(text), name=text)
    calendar = vobject.readOne(feed.decode())
    assert len(calendar.vevent_list) == expected
    assert len(ics.Calendar(feed.decode()).events) == expected
    for event in calendar.vevent_list:
        assert not CONTROL.search(event.summary.value)
        assert not CONTROL.search(event.description.value.replace("\n", ""))
        assert "injected" not in event.summary.value or "BEGIN:VEVENT" in event.summary.value


class Recorder:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"


def send_all(messages: list[EmailMessage]) -> Recorder:
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings = SmtpSettings(host="127.0.0.1", port=controller.port, starttls=False, timeout=5)

        async def run() -> None:
            transport = SmtpTransport(settings)
            for message in messages:
                await transport.send(message)
            await transport.close()

        asyncio.run(run())
    finally:
        controller.stop()
    return handler


@pytest.mark.parametrize("text", HOSTILE)
def test_reminder_and_change_emails_are_sent_with_a_one_line_subject(text: str) -> None:
    tender = hostile_tender(text)
    milestone = tender.milestones[0]
    reminder = compose.reminder_email(
        tender=tender,
        milestone=milestone,
        now=NOW,
        language="nl",
        sender="tender-notifier <noreply@tn.example>",
        to="jan@example.nl",
        message_id="r-1@tn.example",
        links=LINKS,
    )
    change = compose.change_email(
        tender=tender,
        changes=[Change(milestone.id, "added", None, milestone)],
        now=NOW,
        language="nl",
        sender="tender-notifier <noreply@tn.example>",
        to="jan@example.nl",
        message_id="c-1@tn.example",
        links=LINKS,
    )
    handler = send_all([reminder, change])
    assert len(handler.messages) == 2
    assert handler.recipients == [["jan@example.nl"], ["jan@example.nl"]]
    for received in handler.messages:
        subject = str(received["Subject"])
        assert not CONTROL.search(subject)
        assert received["Bcc"] is None
    [attachment] = [
        p for p in handler.messages[0].walk() if p.get_content_type() == "text/calendar"
    ]
    [event] = vobject.readOne(attachment.get_content()).vevent_list
    assert not CONTROL.search(event.summary.value)
