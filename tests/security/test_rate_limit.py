"""The sign-up rate limit: who counts as one client, and that it forgets idle ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tender_notifier.daemon import proxy_options
from tender_notifier.settings import HttpSettings
from tender_notifier.web.ratelimit import RateLimiter, client_key
from tests.conftest import SEED_TENDER
from tests.support.daemon import Daemon, free_port, write_config

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=10)


def test_empty_trusted_proxies_reads_no_forwarded_header() -> None:
    assert proxy_options([]) == (False, "")


def test_named_proxies_are_the_only_ones_trusted() -> None:
    assert proxy_options(["10.0.0.1", "192.168.0.0/16"]) == (True, "10.0.0.1,192.168.0.0/16")


def test_a_trusted_proxy_must_be_an_address() -> None:
    with pytest.raises(ValueError, match="not an IP address or network"):
        HttpSettings(trusted_proxies=["proxy.example"])


@pytest.mark.e2e
def test_spoofed_forwarded_for_from_loopback_is_still_limited(tmp_path: Path) -> None:
    """60 sign-ups from 127.0.0.1, each claiming another X-Forwarded-For: the limit (30) holds."""
    port = free_port()
    config = write_config(
        tmp_path,
        port=port,
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        tenders={"flextender-30988": SEED_TENDER.read_text()},
    )
    statuses = []
    with Daemon(config) as daemon, httpx.Client(base_url=daemon.base_url) as client:
        for i in range(60):
            response = client.post(
                "/api/v1/subscriptions",
                json={"channel": "email", "address": "not an address"},
                headers={"X-Forwarded-For": f"203.0.113.{i}"},
            )
            statuses.append(response.status_code)
    assert statuses[:30] == [422] * 30
    assert statuses[30:] == [429] * 30


def test_idle_clients_are_forgotten() -> None:
    limiter = RateLimiter(3, WINDOW)
    for i in range(1000):
        assert limiter.hit(f"198.51.{i // 256}.{i % 256}", NOW) is None
    assert len(limiter) == 1000
    assert limiter.hit("192.0.2.1", NOW + WINDOW + timedelta(seconds=1)) is None
    assert len(limiter) == 1


def test_a_limited_client_is_not_forgotten_within_the_window() -> None:
    limiter = RateLimiter(2, WINDOW)
    limiter.hit("192.0.2.1", NOW)
    limiter.hit("192.0.2.1", NOW)
    for i in range(50):
        limiter.hit(f"198.51.100.{i}", NOW + timedelta(minutes=5))
    wait = limiter.hit("192.0.2.1", NOW + timedelta(minutes=5))
    assert wait == pytest.approx(300)
    assert limiter.hit("192.0.2.1", NOW + WINDOW) is None


def test_memory_is_bounded_even_within_the_window() -> None:
    limiter = RateLimiter(3, WINDOW, max_clients=100)
    for i in range(1000):
        limiter.hit(f"198.51.{i // 256}.{i % 256}", NOW)
    assert len(limiter) == 100


def test_ipv6_clients_count_per_64() -> None:
    limiter = RateLimiter(2, WINDOW)
    assert limiter.hit("2001:db8:1:2::1", NOW) is None
    assert limiter.hit("2001:db8:1:2::2", NOW) is None
    assert limiter.hit("2001:db8:1:2:ffff::3", NOW) is not None
    assert limiter.hit("2001:db8:1:3::1", NOW) is None
    assert client_key("::ffff:192.0.2.7") == "192.0.2.7"
