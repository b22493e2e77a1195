"""Logs: JSON lines with one event each, the ids as fields, and no address or secret anywhere."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
import structlog

from tender_notifier.logs import redact, short_hash
from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ADDRESS = "Inkoop.Team@bureau.example"


def body(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def wait_until(predicate: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_full_sign_up_and_remind_run_logs_no_address_and_no_secret(
    tmp_path: Path, smtp: SmtpServer, receiver: Receiver
) -> None:
    deadline = (datetime.now(AMSTERDAM) + timedelta(seconds=20)).replace(microsecond=0)
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        smtp_port=smtp.port,
        tenders={"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])},
    )
    secrets: set[str] = {ADDRESS, ADDRESS.lower(), receiver.url, f"127.0.0.1:{receiver.port}"}
    with Daemon(config) as daemon:
        api = f"{daemon.base_url}/api/v1/subscriptions"
        email = httpx.post(
            api,
            json={"channel": "email", "address": ADDRESS, "tenders": ["soon"], "offsets": ["PT8S"]},
        ).json()
        hook = httpx.post(
            api,
            json={
                "channel": "webhook",
                "url": receiver.url,
                "tenders": ["soon"],
                "offsets": ["PT8S"],
            },
        ).json()
        assert hook["secret"].startswith("whsec_")
        for created in (email, hook):
            secrets.add(created["manage_token"])
            secrets.add(created["feed_url"].rsplit("/", 1)[1].removesuffix(".ics"))
        secrets.add(hook["secret"])
        secrets.add(hook["secret"].removeprefix("whsec_"))

        [confirmation] = smtp.wait_for(1)
        link = re.search(r"(http://\S+/confirm/([A-Za-z0-9_-]+))", body(confirmation))
        assert link
        secrets.update({link.group(1), link.group(2)})
        assert httpx.post(link.group(1)).status_code == 200
        httpx.get(email["feed_url"])  # the sign-up's feed URL (no longer valid once confirmed)

        [reminder] = smtp.wait_for(2, timeout=40)[1:]
        receiver.wait_for(2, timeout=20)  # the ping, then the reminder
        tokens = re.findall(
            r"/(?:unsubscribe|manage|optout|feeds/s)/([A-Za-z0-9_-]{16,})", body(reminder)
        )
        assert tokens
        secrets.update(tokens)
        feed = re.search(r"(http://\S+/feeds/s/[A-Za-z0-9_-]+\.ics)", body(reminder))
        assert feed
        assert httpx.get(feed.group(1)).status_code == 200  # a personal feed fetched by a calendar
        wait_until(
            lambda: any('"delivery_sent"' in line and '"webhook"' in line for line in daemon.lines)
        )

        for created in (email, hook):
            gone = httpx.delete(
                f"{api}/{created['id']}",
                headers={"Authorization": f"Bearer {created['manage_token']}"},
            )
            # A confirmed email sign-up is managed by its mail's links, not the API token.
            expected = (403,) if created is email else (200, 204)
            assert gone.status_code in expected, gone.text
        assert daemon.stop() == 0

    lines = daemon.lines
    assert len(lines) > 10
    for line in lines:
        for secret in secrets:
            assert secret not in line, (secret, line)
        assert "whsec_" not in line or "whsec_[redacted]" in line, line
        assert "@bureau.example" not in line.lower(), line
        event = json.loads(line)  # JSON lines only: journald stores each as one entry
        if "logger" in event and not event["logger"].startswith("tender_notifier"):
            # A library's line reads as what happened, not as its logger's name.
            assert event["event"] != event["logger"], line
        else:  # ours: an event name, snake_case
            assert re.fullmatch(r"[a-z][a-z0-9_]*", event["event"]), line
    events = [json.loads(line) for line in lines]
    sent = [e for e in events if e["event"] == "delivery_sent" and e["kind"] == "reminder"]
    assert {e["channel"] for e in sent} == {"email", "webhook"}
    for e in sent:
        assert e["tender_id"] == "soon"
        assert e["milestone_id"] == "offers"
        assert isinstance(e["delivery_id"], int)


def test_redaction_hashes_addresses_and_drops_secrets_at_any_depth() -> None:
    with structlog.testing.capture_logs(processors=[redact]) as logs:
        structlog.get_logger().info(
            "delivery_failed",
            to="A@B.example",
            error="550 mailbox a@b.example unavailable; POST https://hook.example/x?t=1 failed",
            payload={"url": "https://hook.example/x", "manage_token": "tok", "list": ["c@d.nl"]},
            secret="whsec_abc",
            link="https://tn.example/confirm/abcdefghijklmnopqrstuvwxyz",
        )
    [entry] = logs
    assert entry["to"] == short_hash("a@b.example")
    assert entry["error"] == (
        f"550 mailbox {short_hash('a@b.example')} unavailable; "
        f"POST {short_hash('https://hook.example/x?t=1')} failed"
    )
    assert entry["payload"] == {
        "url": short_hash("https://hook.example/x"),
        "manage_token": "[redacted]",
        "list": [short_hash("c@d.nl")],
    }
    assert entry["secret"] == "[redacted]"
    assert "abcdefghijklmnop" not in entry["link"]


def test_the_listen_address_is_readable_and_library_lines_say_what_happened(
    tmp_path: Path,
) -> None:
    """Only personal data is masked: the daemon's own address is not, and uvicorn's lines carry
    their text as the event. Without an SMTP host the start warns that mail goes to files."""
    port = free_port()
    config = write_config(tmp_path, port=port, database_url=f"sqlite:///{tmp_path / 'tn.db'}")
    with Daemon(config) as daemon:
        ready = httpx.get(f"{daemon.base_url}/readyz").json()
        assert ready["smtp"] == "outbox"
    events = [json.loads(line) for line in daemon.lines]
    running = [e for e in events if e["event"].startswith("Uvicorn running on")]
    assert running, daemon.lines
    assert (
        running[0]["event"] == f"Uvicorn running on http://127.0.0.1:{port} (Press CTRL+C to quit)"
    )
    assert running[0]["logger"] == "uvicorn.error"
    assert not any(e["event"] == "uvicorn.error" for e in events)
    [warning] = [e for e in events if e["event"] == "smtp_outbox"]
    assert warning["level"] == "warning"
    assert warning["outbox_dir"].endswith("outbox")


def test_redaction_keeps_the_daemons_own_urls_and_hashes_others() -> None:
    from tender_notifier.logs import configure_logging

    configure_logging("json", "info", ["http://0.0.0.0:8080", "https://tenders.example.nl"])
    try:
        with structlog.testing.capture_logs(processors=[redact]) as logs:
            structlog.get_logger().info(
                "x",
                text="on http://0.0.0.0:8080, see https://tenders.example.nl/tenders/t-1",
                hook="POST https://hooks.bureau.example/x failed",
                link="https://tenders.example.nl/manage/abcdefghijklmnopqrstuvwxyz",
            )
    finally:
        configure_logging("json", "info")
    [entry] = logs
    assert entry["text"] == "on http://0.0.0.0:8080, see https://tenders.example.nl/tenders/t-1"
    assert entry["hook"] == f"POST {short_hash('https://hooks.bureau.example/x')} failed"
    assert entry["link"] == "https://tenders.example.nl/manage/[redacted]"
