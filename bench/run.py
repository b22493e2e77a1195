"""Benchmarks: `make bench`. Results are written down in bench/README.md by hand, with the date.

Measures what grows with use: building feeds, planning reminders, and the fan-out of one
due moment to many subscribers through the store (SQLite, and PostgreSQL when
TN_BENCH_POSTGRES_URL is set). Emails go to a counting transport, so the numbers are the
daemon's own work, not an SMTP server's.
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from tender_notifier.calendar import FeedEntry, build_feed
from tender_notifier.compose import PreparedEmail
from tender_notifier.engine import Engine
from tender_notifier.metrics import Metrics
from tender_notifier.planner import reminders_for
from tender_notifier.revisions import revise
from tender_notifier.sending import Sender
from tender_notifier.settings import load_settings
from tender_notifier.store import Store
from tender_notifier.subscription_types import Channel, Status, Subscription
from tender_notifier.tender_file import parse_tender
from tender_notifier.timelines import Timelines

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "config" / "tenders" / "flextender-30988.toml").read_text()


def seed_like(i: int) -> str:
    return SEED.replace('id = "flextender-30988"', f'id = "tender-{i:04d}"').replace(
        "2026-", "2027-"
    )


def bench_feeds(count: int = 200) -> None:
    tenders = [parse_tender(seed_like(i)) for i in range(count)]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    entries = [FeedEntry(t, revise(None, t, now)[0]) for t in tenders]
    build_feed(entries[:1], now=now)  # first call: builds the cached VTIMEZONE
    start = time.perf_counter()
    for _ in range(20):
        one = build_feed(entries[:1], now=now)
    single = (time.perf_counter() - start) / 20
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        body = build_feed(entries, now=now)
    per = (time.perf_counter() - start) / runs
    print(f"feed, 1 tender (7 events): {single * 1000:.1f} ms, {len(one)} bytes")
    print(
        f"feed, {count} tenders ({count * 7} events): {per * 1000:.0f} ms, "
        f"{len(body) / 1024:.0f} KiB"
    )


def bench_planner(subscribers: int = 10_000) -> None:
    tender = parse_tender(SEED)
    created = datetime(2026, 1, 1, tzinfo=UTC)
    subs = [
        Subscription(
            id=f"s{i}",
            channel=Channel.EMAIL,
            target=f"s{i}@x.example",
            tenders=("*",),
            offsets=(timedelta(days=7), timedelta(days=1), timedelta(hours=2)),
            language="nl",
            status=Status.ACTIVE,
            created_at=created,
        )
        for i in range(subscribers)
    ]
    start = time.perf_counter()
    count = sum(1 for s in subs for _ in reminders_for(tender, s, day_hour=9))
    elapsed = time.perf_counter() - start
    print(f"planner: {count} reminders for {subscribers} subscribers in {elapsed * 1000:.0f} ms")


class CountingEmail:
    def __init__(self) -> None:
        self.sent = 0

    async def send(self, message: EmailMessage | PreparedEmail) -> None:
        self.sent += 1

    async def warm_up(self) -> None:
        return None

    async def close(self) -> None:
        return None


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def fan_out(url: str, label: str, subscribers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / "tenders").mkdir()
        deadline = datetime(2027, 3, 1, 9, 0)
        (directory / "tenders" / "t.toml").write_text(
            'id = "t"\ntitle = "T"\nbuyer = "B"\n[[milestones]]\nid = "offers"\n'
            f'kind = "submission_deadline"\nat = {deadline.isoformat()}\n'
        )
        config = directory / "notifier.toml"
        config.write_text(f'state_dir = "{directory}"\n[database]\nurl = "{url}"\n')
        settings = load_settings(config)
        store = Store.open(settings.database_url)
        created = datetime(2026, 12, 1, tzinfo=UTC)
        for i in range(subscribers):
            store.subscriptions.create(
                channel=Channel.EMAIL,
                target=f"supplier{i}@bureau.example",
                tenders=["*"],
                offsets=[timedelta(days=1)],
                language_code="nl",
                now=created,
                status=Status.ACTIVE,
            )
        clock = Clock(created)
        timelines = Timelines(settings.tenders_dir, store, clock)
        timelines.reload()
        email = CountingEmail()
        sender = Sender(settings, store, timelines, clock, email=email)
        engine = Engine(settings, store, timelines, Metrics(), clock, sender)
        clock.now = datetime(2027, 2, 28, 8, 0, tzinfo=UTC)  # 1 day before 09:00 Amsterdam
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        await engine.run_until_idle()
        elapsed = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert email.sent == subscribers, email.sent
        print(
            f"fan-out on {label}: {subscribers} reminders in {elapsed:.2f} s "
            f"({subscribers / elapsed:.0f}/s), max RSS {rss_after / 1024:.0f} MiB "
            f"(+{(rss_after - rss_before) / 1024:.0f} MiB during the fan-out)"
        )
        await sender.close()
        store.close()


def bench_rate_limiter(clients: int = 100_000) -> None:
    """One sign-up hit per client, all inside one window: the cost per hit must not grow."""
    from tender_notifier.web.ratelimit import RateLimiter

    now = datetime(2026, 12, 1, tzinfo=UTC)
    for count in (1_000, clients):
        limiter = RateLimiter(30, timedelta(minutes=10))
        start = time.perf_counter()
        for i in range(count):
            limiter.hit(f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", now)
        per = (time.perf_counter() - start) / count
        print(f"rate limiter, {count} clients: {per * 1e6:.1f} µs per hit")


def main() -> int:
    from tender_notifier.logs import configure_logging

    configure_logging("console", "warning")
    random.seed(1)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    bench_feeds()
    bench_planner()
    bench_rate_limiter()
    asyncio.run(fan_out("", "SQLite", 2000))
    pg = os.environ.get("TN_BENCH_POSTGRES_URL")
    if pg:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(pg)
        name = f"tn_bench_{os.getpid()}"
        admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            target = url.set(database=name).render_as_string(hide_password=False)
            asyncio.run(fan_out(target, "PostgreSQL", 2000))
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
