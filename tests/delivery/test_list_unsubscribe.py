"""List-Unsubscribe goes out as a plain ``<https://...>``, folded but never RFC 2047-encoded."""

from __future__ import annotations

import email
import email.policy
import re
import secrets

import pytest

from tender_notifier import compose
from tender_notifier.delivery.email import SmtpTransport
from tender_notifier.settings import SmtpSettings

from ..support.smtp import SmtpServer
from .conftest import NOW, SUBMISSION

LONG_BASE = "https://aanbestedingen.gemeente-zaanstad.example.nl/diensten/tender-notifier/publiek"


@pytest.mark.anyio
async def test_list_unsubscribe_arrives_plain_and_folded_through_a_real_smtp_server(tender):
    token = secrets.token_urlsafe(32)
    assert len(token) == 43
    url = f"{LONG_BASE}/unsubscribe/{token}"
    links = compose.Links(manage_url=f"{LONG_BASE}/manage/{token}", unsubscribe_url=url)
    message = compose.reminder_email(
        tender=tender,
        milestone=SUBMISSION,
        now=NOW,
        language="nl",
        sender="tender-notifier <noreply@tn.example>",
        to="jan@example.nl",
        message_id="r-1@tn.example",
        links=links,
    )
    server = SmtpServer().start()
    try:
        transport = SmtpTransport(
            SmtpSettings(host="127.0.0.1", port=server.port, starttls=False, timeout=5)
        )
        await transport.send(message)
        await transport.close()
        (raw,) = server.raw
    finally:
        server.stop()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    unfolded = re.sub(r"\r\n[ \t]", " ", head)
    fields = dict(line.split(":", 1) for line in unfolded.split("\r\n"))
    assert "=?" not in fields["List-Unsubscribe"]
    assert fields["List-Unsubscribe"].strip() == f"<{url}>"
    assert fields["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    assert all(len(line) <= 998 for line in head.split("\r\n"))
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(parsed["List-Unsubscribe"]).strip() == f"<{url}>"


def test_a_short_list_unsubscribe_stays_on_one_line(tender, links):
    message = compose.reminder_email(
        tender=tender,
        milestone=SUBMISSION,
        now=NOW,
        language="nl",
        sender="tender-notifier <noreply@tn.example>",
        to="jan@example.nl",
        message_id="r-1@tn.example",
        links=links,
    )
    assert b"List-Unsubscribe: <https://tn.example/unsubscribe/tok>\n" in message.as_bytes()
