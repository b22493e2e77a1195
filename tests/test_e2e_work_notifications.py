"""Two real daemons on one PostgreSQL store: work made on one wakes the other at once
(LISTEN/NOTIFY), not at its next periodic look, which is set to an hour here."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.receiver import Receiver
from tests.test_e2e_resilience import ahead

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

# Neither daemon looks on its own within the test: what B learns, it learns from A.
ENV = {"TN_DELIVERY__POLL_INTERVAL": "PT1H"}


def daemon(directory: Path, database_url: str, tenders: dict[str, str]) -> Daemon:
    config = write_config(directory, port=free_port(), database_url=database_url, tenders=tenders)
    return Daemon(config, env=ENV)


def metric(daemon: Daemon, name: str) -> float:
    """The sum of a metric's samples (over its labels) on ``daemon``'s /metrics."""
    text = httpx.get(f"{daemon.base_url}/metrics", timeout=5).text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith((f"{name} ", f"{name}{{"))
    )


def test_a_webhook_signed_up_on_one_daemon_is_sent_on_time_by_the_other(
    tmp_path: Path, shared_postgres_url: str, receiver: Receiver
) -> None:
    deadline = ahead(60)
    tenders = {"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])}
    a = daemon(tmp_path / "a", shared_postgres_url, tenders)
    b = daemon(tmp_path / "b", shared_postgres_url, tenders)
    with a, b:
        assert metric(b, "tn_next_due_timestamp_seconds") == 0  # no subscriber: nothing planned
        offset = round(deadline.timestamp() - time.time() - 8)  # due 8 s from now
        due = deadline.timestamp() - offset
        signed_up = httpx.post(
            f"{a.base_url}/api/v1/subscriptions",
            json={
                "channel": "webhook",
                "url": receiver.url,
                "tenders": ["soon"],
                "offsets": [f"PT{offset}S"],
            },
            timeout=10,
        )
        assert signed_up.status_code == 201, signed_up.text
        ping = receiver.wait_for(1, timeout=10)[0]  # the sign-up's ping makes it active
        while metric(b, "tn_next_due_timestamp_seconds") != due:
            assert time.time() < ping.at + 5, "B did not plan the new subscriber's reminder"
            time.sleep(0.01)
        planned = time.time()
        assert a.stop() == 0  # A leaves: only B is left to send the reminder
        received = receiver.wait_for(2, timeout=20)
        reminder = received[1]
        assert json.loads(reminder.body)["type"] != json.loads(ping.body)["type"]
        heard = metric(b, "tn_work_notifications_total")
        print(
            f"ping answered -> B planned the reminder: {(planned - ping.at) * 1000:.0f} ms; "
            f"due -> B's send: {(reminder.at - due) * 1000:+.0f} ms; B heard {heard:.0f} notices"
        )
        assert heard >= 1
        assert metric(b, "tn_work_listener_up") == 1
        assert -0.05 < reminder.at - due < 2.0
