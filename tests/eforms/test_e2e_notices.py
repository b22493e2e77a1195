"""End to end with eForms notices: the real daemon, a real SMTP server and a webhook receiver.

The contract notice and the minimal notice lie in tenders_dir; a supplier signs up for both by
email and another by webhook. The change notice then moves the deadline (one change message each,
with old, new and the buyer's reason; the feed keeps its UIDs with SEQUENCE up), and the
cancelling notice cancels the other procedure. The SDK's examples are dated 2019-2020; their
years are moved seven ahead so the dates lie in the future.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import httpx
import pytest
import standardwebhooks

from tender_notifier.calendar import event_uid
from tests.eforms.conftest import NOTICES
from tests.support.daemon import Daemon, free_port, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e
OPEN_ID = "31f258b6-5eb2-4875-8997-affa3cdce27c"
MINIMAL_ID = "4805c409-5939-4be9-8abd-837f7a5fee23"
DEADLINE = "lot-0000-submission_deadline"


def future(name: str) -> str:
    text = (NOTICES / name).read_text(encoding="utf-8")
    return re.sub(r"\b(2019|2020)-(\d\d-\d\d)", lambda m: f"{int(m[1]) + 7}-{m[2]}", text)


def drop(tenders: Path, name: str) -> None:
    """Write a notice in one step, as a deploy would (no half-written file is read)."""
    partial = tenders / f".{name}.part"
    partial.write_text(future(name), encoding="utf-8")
    partial.rename(tenders / name)


def feed(daemon: Daemon, tender_id: str) -> str:
    return httpx.get(f"{daemon.base_url}/feeds/{tender_id}.ics").text.replace("\r\n ", "")


def wait_until(check: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def body(message: object) -> str:
    return str(message.get_body(("plain",)).get_content())  # type: ignore[attr-defined]


def test_a_change_notice_moves_the_deadline_and_a_cancelling_one_cancels(
    tmp_path: Path, database_url: str, smtp: SmtpServer, receiver: Receiver
) -> None:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=database_url,
        smtp_port=smtp.port,
        extra='[changes]\nsettle = "PT1S"\n',  # change notices go out a second after a change
    )
    tenders = tmp_path / "tenders"
    drop(tenders, "cn_24_open.xml")
    drop(tenders, "cn_24_minimal.xml")
    with Daemon(config) as daemon:
        assert "SEQUENCE:0" in feed(daemon, OPEN_ID)
        uid = event_uid(OPEN_ID, DEADLINE)
        assert f"UID:{uid}" in feed(daemon, OPEN_ID)

        created = httpx.post(
            f"{daemon.base_url}/api/v1/subscriptions",
            json={"channel": "email", "address": "inkoop@bureau.example", "tenders": ["*"]},
        )
        assert created.status_code in (200, 201, 202), created.text
        [confirmation] = smtp.wait_for(1)
        link = re.search(r"(http://127\.0\.0\.1:\d+/confirm/[A-Za-z0-9_-]+)", body(confirmation))
        assert link and httpx.post(link.group(1)).status_code == 200  # the button on its page
        hook = httpx.post(
            f"{daemon.base_url}/api/v1/subscriptions",
            json={"channel": "webhook", "url": receiver.url, "tenders": ["*"], "language": "en"},
        ).json()
        verifier = standardwebhooks.Webhook(hook["secret"])
        receiver.wait_for(1)  # the ping
        auth = {"Authorization": f"Bearer {hook['manage_token']}"}
        wait_until(
            lambda: (
                httpx.get(
                    f"{daemon.base_url}/api/v1/subscriptions/{hook['id']}", headers=auth
                ).json()["status"]
                == "active"
            )
        )

        drop(tenders, "change-cn_24_open_dates.xml")
        [_, change] = smtp.wait_for(2, timeout=15)
        assert change["To"] == "inkoop@bureau.example"
        assert "Planning gewijzigd" in change["Subject"]
        text = body(change)
        assert "was zaterdag 3 april 2027 12:00, nu zaterdag 12 juni 2027 12:00" in text
        assert "Reden volgens de aanbestedende dienst: Due to Covid-19" in text
        [_, event_call] = receiver.wait_for(2, timeout=15)
        event = verifier.verify(event_call.body, event_call.headers)
        assert event["type"] == "timeline.changed"
        assert event["data"]["reason"].startswith("Due to Covid-19")
        moved = {c["milestone_id"]: c for c in event["data"]["changes"]}
        assert moved[DEADLINE]["old"]["starts_at"] == "2027-04-03T12:00:00+01:00"
        assert moved[DEADLINE]["new"]["starts_at"] == "2027-06-12T12:00:00+01:00"
        wait_until(lambda: "SEQUENCE:1" in feed(daemon, OPEN_ID))
        after = feed(daemon, OPEN_ID)
        assert f"UID:{uid}" in after
        assert "20270612T120000" in after and "20270403T120000" not in after

        drop(tenders, "change-cn_24_void.xml")
        [*_, cancel] = smtp.wait_for(3, timeout=15)
        assert "Aanbesteding ingetrokken" in cancel["Subject"]
        assert "We cancel because..." in body(cancel)
        [*_, cancel_call] = receiver.wait_for(3, timeout=15)
        cancelled = verifier.verify(cancel_call.body, cancel_call.headers)
        assert cancelled["data"]["cancelled"] is True
        assert cancelled["data"]["tender"]["id"] == MINIMAL_ID
        wait_until(lambda: "STATUS:CANCELLED" in feed(daemon, MINIMAL_ID))
        gone = feed(daemon, MINIMAL_ID)
        assert gone.count("STATUS:CANCELLED") == 2 and "STATUS:CONFIRMED" not in gone
        assert "STATUS:CANCELLED" not in feed(daemon, OPEN_ID)

        time.sleep(2)  # nothing more: one message per subscriber per change
        assert len(smtp.messages) == 3
        assert len(receiver.requests) == 3
        assert json.loads(receiver.requests[-1].body)["type"] == "timeline.changed"
