"""One due moment fanned out by several real daemons on one PostgreSQL store, against the bare
client loop to the same receiver (used by tests/test_e2e_pace.py and bench/pace.py).

The receiver and the bare loops are bench/sinks.py and bench/bare.py, each in its own process,
so what is measured is the sender. Webhooks: COUNT subscribers (one URL each, all on one host)
follow one tender; every daemon has the same tender file, as machines sharing a store do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from .daemon import Daemon, free_port, tender_toml, write_config

BENCH = Path(__file__).resolve().parents[2] / "bench"
ZONE = ZoneInfo("Europe/Amsterdam")  # the zone of the tender files tender_toml writes
# Every subscriber's URL is on the one loopback receiver, so each daemon gets 8 webhook slots, all
# of which may go to that host (the bare loop sends 8 at a time too). More slots than the host may
# take would only claim rows to hand them back (the per-host limit), which is not a fan-out to
# 3,000 different receivers.
SLOTS = 8


class Sink:
    """A receiver process (bench/sinks.py); ``arrivals`` fills with (time, id) as messages come."""

    def __init__(self, kind: str, port: int, sample: Path) -> None:
        self.arrivals: list[tuple[float, str]] = []
        self.process = subprocess.Popen(
            [sys.executable, str(BENCH / "sinks.py"), kind, str(port), str(sample)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            at, _, ident = line.strip().partition(" ")
            self.arrivals.append((float(at), ident))

    def wait_for(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.arrivals) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        if len(self.arrivals) < count:
            raise RuntimeError(f"only {len(self.arrivals)} of {count} arrived in {timeout:.0f} s")

    def take(self) -> list[tuple[float, str]]:
        taken, self.arrivals = self.arrivals, []
        return taken

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def rate(times: list[float]) -> float:
    """Messages per second from the first arrival to the last."""
    return (len(times) - 1) / (max(times) - min(times))


def bare_http(url: str, count: int, concurrency: int, body: Path) -> None:
    """bench/bare.py: ``count`` POSTs of one body with httpx, ``concurrency`` at a time."""
    subprocess.run(
        [sys.executable, str(BENCH / "bare.py"), "http", url, str(count), str(concurrency), body],
        check=True,
    )


@dataclass
class FanOut:
    count: int
    daemons: int
    sent_by: list[int]  # per daemon, from its /metrics
    repeats: int  # messages that arrived more than once (same webhook-id)
    distinct: int  # distinct webhook-ids that arrived
    daemon_rate: float
    bare_rate: float
    first_late: float  # first arrival after the due instant, seconds

    @property
    def ratio(self) -> float:
        return self.daemon_rate / self.bare_rate

    def lines(self) -> list[str]:
        return [
            f"{self.count} webhooks due at one instant, {self.daemons} daemons on PostgreSQL: "
            f"{self.daemon_rate:,.0f}/s together (shares {self.sent_by}); bare httpx loop "
            f"{self.bare_rate:,.0f}/s; ratio {self.ratio:.2f}",
            f"first message {self.first_late:+.2f} s after the due instant; "
            f"{self.distinct} distinct, {self.repeats} repeated",
        ]


def sent_count(daemon: Daemon) -> int:
    text = httpx.get(f"{daemon.base_url}/metrics", timeout=10).text
    total = 0.0
    for line in text.splitlines():
        if line.startswith("tn_deliveries_total{") and 'outcome="sent"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def _clean_env() -> dict[str, str]:
    # The daemon refuses unknown TN_ variables: a benchmark's own (TN_BENCH_) are not passed on.
    return {k: v for k, v in os.environ.items() if not k.startswith("TN_BENCH_")}


def fan_out(
    database_url: str,
    directory: Path,
    *,
    count: int = 3000,
    daemons: int = 3,
    lead: float = 45.0,
    env: dict[str, str] | None = None,
) -> FanOut:
    """Import ``count`` webhook subscribers, start ``daemons`` daemons with one due moment
    ``lead`` seconds after the import, receive the fan-out, then run the bare loop."""
    sink_port = free_port()
    sample = directory / "sample.json"
    sink = Sink("http", sink_port, sample)
    running: list[Daemon] = []
    try:
        placeholder = datetime.now(ZONE) + timedelta(days=30)
        configs = []
        for i in range(daemons):
            configs.append(
                write_config(
                    directory / f"d{i}",
                    port=free_port(),
                    database_url=database_url,
                    tenders={
                        "burst": tender_toml(
                            "burst", [("offer", "submission_deadline", placeholder)]
                        )
                    },
                )
            )
        settings = {
            **_clean_env(),
            "TN_DELIVERY__CONCURRENCY": str(SLOTS),
            "TN_DELIVERY__WEBHOOK_HOST_SLOTS": str(SLOTS),
            "TN_LOGGING__LEVEL": "warning",
            **(env or {}),
        }
        running = [Daemon(config) for config in configs]
        for daemon in running:
            daemon.env = dict(settings)
        rows = ["channel,address,tenders,offsets,language"]
        rows += [
            f"webhook,http://127.0.0.1:{sink_port}/hook/{i},burst,PT15M,nl" for i in range(count)
        ]
        csv = directory / "subscribers.csv"
        csv.write_text("\n".join(rows) + "\n")
        imported = running[0].cli("subscriptions", "import", str(csv))
        assert imported.returncode == 0, imported.stderr
        due = (datetime.now(ZONE) + timedelta(seconds=lead)).replace(microsecond=0)
        for config in configs:
            path = config.parent / "tenders" / "burst.toml"
            # The milestone far enough out that a slow fan-out still sends every reminder.
            milestone = [("offer", "submission_deadline", due + timedelta(minutes=15))]
            path.write_text(tender_toml("burst", milestone))
        for daemon in running:
            daemon.launch()
        with ThreadPoolExecutor(daemons) as pool:
            list(pool.map(lambda d: d.wait_until_ready(timeout=60), running))
        if datetime.now(ZONE) > due - timedelta(seconds=1):
            raise RuntimeError(f"the daemons were not ready before the due instant ({lead} s)")
        sink.wait_for(count, timeout=60 + count / 10)
        time.sleep(1.5)  # a repeat would come now
        sent_by = [sent_count(d) for d in running]
        arrived = sink.take()
        for daemon in running:
            daemon.stop()
        ids = Counter(ident for _, ident in arrived)
        bare_http(f"http://127.0.0.1:{sink_port}/hook/bare", count, SLOTS, sample)
        sink.wait_for(count, timeout=60)
        bare = sink.take()
        times = [at for at, _ in arrived]
        return FanOut(
            count=count,
            daemons=daemons,
            sent_by=sent_by,
            repeats=sum(n - 1 for n in ids.values()),
            distinct=len(ids),
            daemon_rate=rate(times),
            bare_rate=rate([at for at, _ in bare]),
            first_late=min(times) - due.timestamp(),
        )
    finally:
        for daemon in running:
            daemon.kill()
        sink.stop()
