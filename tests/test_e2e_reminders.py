"""End to end: the real daemon, a real SMTP server and a real webhook receiver, on a tender whose
milestones lie seconds ahead. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
import standardwebhooks

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def whole_second(seconds: float) -> datetime:
    """A moment ``seconds`` ahead on a whole second (tender files hold seconds)."""
    at = datetime.now(AMSTERDAM) + timedelta(seconds=seconds)
    return at.replace(microsecond=0) + timedelta(seconds=1)


def start_daemon(tmp_path: Path, database_url: str, smtp: SmtpServer, deadline: datetime) -> Daemon:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=database_url,
        smtp_port=smtp.port,
        tenders={"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])},
    )
    return Daemon(config).start()


def confirm_link(message: object) -> str:
    text = message.get_body(("plain",)).get_content()  # type: ignore[attr-defined]
    match = re.search(r"(http://127\.0\.0\.1:\d+/confirm/[A-Za-z0-9_-]+)", text)
    assert match, text
    return match.group(1)


def test_email_supplier_confirms_and_gets_each_reminder_once_on_time(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    deadline = whole_second(30)
    daemon = start_daemon(tmp_path, database_url, smtp, deadline)
    try:
        created = httpx.post(
            f"{daemon.base_url}/api/v1/subscriptions",
            json={
                "channel": "email",
                "address": "inkoop@bureau.example",
                "tenders": ["soon"],
                "offsets": ["PT20S", "PT10S"],
            },
        ).json()
        assert created["status"] == "pending"
        [confirmation] = smtp.wait_for(1)
        assert confirmation["To"] == "inkoop@bureau.example"
        assert httpx.get(confirm_link(confirmation)).status_code == 200  # asks for the button
        assert httpx.post(confirm_link(confirmation)).status_code == 200
        messages = smtp.wait_for(3, timeout=40)
        time.sleep(1.5)  # nothing more may arrive
        assert len(smtp.messages) == 3
        reminders = messages[1:]
        dues = [deadline - timedelta(seconds=20), deadline - timedelta(seconds=10)]
        for message, due, received in zip(reminders, dues, smtp.received_at[1:], strict=True):
            assert abs(received - due.timestamp()) < 1.0, (received, due.timestamp())
            assert "Uiterste inschrijfdatum" in message["Subject"]
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert "/unsubscribe/" in message["List-Unsubscribe"]
        assert reminders[0]["Message-ID"] != reminders[1]["Message-ID"]
        deliveries = daemon.cli("deliveries", "list", "--status", "sent")
        assert deliveries.stdout.count("\treminder\tsent\t") == 2
    finally:
        assert daemon.stop() == 0


def test_webhook_supplier_is_pinged_and_gets_signed_reminders(
    tmp_path: Path, database_url: str, smtp: SmtpServer, receiver: Receiver
) -> None:
    deadline = whole_second(20)
    daemon = start_daemon(tmp_path, database_url, smtp, deadline)
    try:
        created = httpx.post(
            f"{daemon.base_url}/api/v1/subscriptions",
            json={
                "channel": "webhook",
                "url": receiver.url,
                "tenders": ["*"],
                "offsets": ["PT10S"],
                "language": "en",
            },
        ).json()
        verifier = standardwebhooks.Webhook(created["secret"])
        [ping] = receiver.wait_for(1)
        assert json.loads(ping.body)["type"] == "ping"
        verifier.verify(ping.body, ping.headers)
        auth = {"Authorization": f"Bearer {created['manage_token']}"}
        for _ in range(50):
            status = httpx.get(
                f"{daemon.base_url}/api/v1/subscriptions/{created['id']}", headers=auth
            ).json()["status"]
            if status == "active":
                break
            time.sleep(0.1)
        assert status == "active"
        calls = receiver.wait_for(2, timeout=30)
        event = verifier.verify(calls[1].body, calls[1].headers)
        assert event["type"] == "milestone.reminder"
        assert event["data"]["milestone"]["id"] == "offers"
        assert event["data"]["links"]["unsubscribe"].startswith(daemon.base_url + "/unsubscribe/")
        assert abs(calls[1].at - (deadline - timedelta(seconds=10)).timestamp()) < 1.0
    finally:
        assert daemon.stop() == 0


def test_a_failing_target_gets_the_reminder_on_the_fourth_try(
    tmp_path: Path, database_url: str, smtp: SmtpServer, receiver: Receiver
) -> None:
    deadline = whole_second(25)
    daemon = start_daemon(tmp_path, database_url, smtp, deadline)
    try:
        added = daemon.cli("subscriptions", "add", "webhook", receiver.url, "--offsets", "PT15S")
        assert added.returncode == 0, added.stderr
        secret = added.stderr.split("signing secret: ")[1].strip()
        daemon.signal(1)  # SIGHUP; the CLI change is picked up by the next sweep anyway
        receiver.statuses = [500, 503, 500]
        [call] = receiver.wait_for(1, timeout=40)
        assert receiver.attempts == 4
        event = standardwebhooks.Webhook(secret).verify(call.body, call.headers)
        assert event["type"] == "milestone.reminder"
        [row] = [
            line
            for line in daemon.cli("deliveries", "list").stdout.splitlines()
            if "\treminder\t" in line
        ]
        assert "\tsent\t4\t" in row
    finally:
        assert daemon.stop() == 0


def test_an_unsubscribed_supplier_gets_nothing_more(
    tmp_path: Path, database_url: str, smtp: SmtpServer
) -> None:
    deadline = whole_second(25)
    daemon = start_daemon(tmp_path, database_url, smtp, deadline)
    try:
        added = daemon.cli(
            "subscriptions", "add", "email", "weg@bureau.example", "--offsets", "PT15S", "PT5S"
        )
        assert added.returncode == 0, added.stderr
        daemon.signal(1)
        [first] = smtp.wait_for(1, timeout=30)
        link = re.search(r"<(http://[^>]+/unsubscribe/[^>]+)>", first["List-Unsubscribe"])
        assert link
        response = httpx.post(
            link.group(1),
            content=b"List-Unsubscribe=One-Click",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert response.status_code == 200
        time.sleep(max(deadline.timestamp() - time.time() - 3, 0))
        assert len(smtp.messages) == 1
    finally:
        assert daemon.stop() == 0


def test_ssrf_targets_are_refused_by_the_daemon(tmp_path: Path, smtp: SmtpServer) -> None:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        smtp_port=smtp.port,
        tenders={"soon": tender_toml("soon", [])},
        extra="",
    )
    config.write_text(
        config.read_text().replace("allow_private_targets = true", "allow_private_targets = false")
    )
    with Daemon(config) as daemon:
        for url in (
            "http://127.0.0.1:8080/",
            "http://localhost/",
            "http://[::ffff:10.0.0.1]/",
            "http://2130706433/",
        ):
            response = httpx.post(
                f"{daemon.base_url}/api/v1/subscriptions", json={"channel": "webhook", "url": url}
            )
            assert response.status_code == 422, url
            assert "url" in response.json()["errors"]
