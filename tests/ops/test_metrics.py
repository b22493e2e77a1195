"""The Prometheus metrics follow what the real daemon does as it delivers a reminder."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.support.daemon import Daemon, free_port, tender_toml, write_config
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def scrape(daemon: Daemon) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of /metrics, keyed by name and labels."""
    response = httpx.get(f"{daemon.base_url}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def test_metrics_change_as_a_reminder_is_delivered(tmp_path: Path, smtp: SmtpServer) -> None:
    deadline = (datetime.now(AMSTERDAM) + timedelta(seconds=14)).replace(microsecond=0)
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        smtp_port=smtp.port,
        tenders={"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])},
    )
    daemon = Daemon(config)
    added = daemon.cli(
        "subscriptions", "add", "email", "inkoop@bureau.example", "--offsets", "PT5S"
    )
    assert added.returncode == 0, added.stderr
    with daemon:
        before = scrape(daemon)
        assert value(before, "tn_tenders") == 1
        assert value(before, "tn_subscriptions", status="active") == 1
        assert value(before, "tn_subscriptions", status="pending") == 0
        assert value(before, "tn_deliveries_total", channel="email", outcome="sent") is None
        assert value(before, "tn_reminder_lateness_seconds_count") == 0
        assert value(before, "tn_dead_letters") == 0
        due = deadline - timedelta(seconds=5)
        assert value(before, "tn_next_due_timestamp_seconds") == pytest.approx(
            due.timestamp(), abs=0.01
        )

        smtp.wait_for(1, timeout=30)
        deadline_sent = time.monotonic() + 5
        while True:  # the outcome is recorded just after the SMTP server said 250
            after = scrape(daemon)
            sent = value(after, "tn_deliveries_total", channel="email", outcome="sent")
            if sent == 1 or time.monotonic() > deadline_sent:
                break
            time.sleep(0.05)
        assert sent == 1
        assert value(after, "tn_delivery_attempts_total", channel="email") == 1
        assert value(after, "tn_reminder_lateness_seconds_count") == 1
        lateness = value(after, "tn_reminder_lateness_seconds_sum")
        assert lateness is not None and 0 <= lateness < 2
        assert value(after, "tn_reminder_lateness_seconds_bucket", le="2.0") == 1
        # Nothing more is due for this tender: no next wake-up but the milestone's own.
        assert value(after, "tn_next_due_timestamp_seconds") != pytest.approx(due.timestamp())

        for _ in range(2):
            httpx.get(f"{daemon.base_url}/feeds/soon.ics")
        httpx.get(f"{daemon.base_url}/feeds/nope.ics")
        feeds = scrape(daemon)
        assert value(feeds, "tn_feed_requests_total", status="200") == 2
        assert value(feeds, "tn_feed_requests_total", status="404") == 1


def test_a_dead_letter_shows_in_the_metrics(
    tmp_path: Path, smtp: SmtpServer, receiver: Receiver
) -> None:
    deadline = (datetime.now(AMSTERDAM) + timedelta(seconds=12)).replace(microsecond=0)
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        smtp_port=smtp.port,
        tenders={"soon": tender_toml("soon", [("offers", "submission_deadline", deadline)])},
    )
    daemon = Daemon(config)
    added = daemon.cli("subscriptions", "add", "webhook", receiver.url, "--offsets", "PT5S")
    assert added.returncode == 0, added.stderr
    receiver.statuses = [400] * 10  # a 4xx is permanent: no retries, straight to dead
    with daemon:
        deadline_dead = time.monotonic() + 30
        while True:
            samples = scrape(daemon)
            if value(samples, "tn_dead_letters") == 1 or time.monotonic() > deadline_dead:
                break
            time.sleep(0.2)
        assert value(samples, "tn_dead_letters") == 1
        assert value(samples, "tn_deliveries_total", channel="webhook", outcome="dead") == 1
        assert value(samples, "tn_delivery_attempts_total", channel="webhook") == 1
        assert value(samples, "tn_reminder_lateness_seconds_count") == 0
