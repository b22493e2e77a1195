"""A supplier, in a browser with JavaScript off, signs up through the form, confirms from the
email in a real SMTP server, gets the reminder from the real daemon, and manages it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.smtp import SmtpServer
from tests.web.browser import screenshot

pytestmark = pytest.mark.e2e
AMS = ZoneInfo("Europe/Amsterdam")
ADDRESS = "inkoop@bureau.example"


def _text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _link(message: EmailMessage, path: str) -> str:
    match = re.search(rf"http://127\.0\.0\.1:\d+/{path}/\S+", _text(message))
    assert match, f"no /{path}/ link in:\n{_text(message)}"
    return match.group(0)


def test_signup_confirm_reminder_and_manage_without_javascript(
    browser: Any,
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    milestone_at = datetime.now(AMS).replace(microsecond=0) + timedelta(seconds=40)
    tender = tender_toml(
        "tn-soon", [("offers", "submission_deadline", milestone_at)], title="Inhuur Jurist"
    )
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path}/tn.db",
        tenders={"tn-soon": tender},
        smtp_port=smtp.port,
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with Daemon(config) as daemon:
        page.goto(f"{daemon.base_url}/tenders/tn-soon")
        page.fill("#field-address", ADDRESS)
        for preset in ("P7D", "P1D", "PT2H"):
            page.uncheck(f"#offset-{preset}")
        page.fill("#field-other_offset", "25 seconden")  # due 15 s from now
        page.click("#signup button[type=submit]")
        assert page.locator("h1").inner_text() == "Bevestig uw e-mailadres"
        screenshot(page, "flow-1-signed-up")

        [confirmation] = smtp.wait_for(1)
        assert confirmation["To"] == ADDRESS
        page.goto(_link(confirmation, "confirm"))
        assert page.locator("h1").inner_text() == "Aanmelding bevestigen"  # opening is not enough
        page.click("main button[type=submit]")
        assert "bevestigd" in page.content()
        screenshot(page, "flow-2-confirmed")

        remaining = (milestone_at - datetime.now(AMS)).total_seconds()
        messages = smtp.wait_for(2, timeout=remaining + 10)
        reminder = messages[1]
        arrived = datetime.now(AMS)
        assert "Uiterste inschrijfdatum" in str(reminder["Subject"])
        assert "Inhuur Jurist" in str(reminder["Subject"])
        assert arrived < milestone_at, "the reminder came after the deadline"
        assert arrived >= milestone_at - timedelta(seconds=26)

        page.goto(_link(reminder, "manage"))
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.is_checked("#language-nl")
        screenshot(page, "flow-3-manage-nl")
        page.check("#language-en")
        page.click("#settings-title ~ form button[type=submit]")
        assert page.locator("html").get_attribute("lang") == "en"
        assert "Your choices have been saved." in page.content()

        page.click("button[value=submitted]")
        assert "You have submitted." in page.content()
        page.click("text=Unsubscribe from all messages")
        assert "You are unsubscribed" in page.content()
        screenshot(page, "flow-4-unsubscribed-en")
        status = daemon.cli("subscriptions", "list")
        assert "unsubscribed" in status.stdout, status.stdout + status.stderr
    context.close()
