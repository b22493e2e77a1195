"""A burst of reminders due at one instant: the real daemon against the bare client loop.

For email and for webhooks: COUNT subscribers (distinct addresses / URLs) follow one tender
whose deadline lies one minute after the due instant; the daemon is started before it with
its usual settings (8 SMTP connections, like the bare loop). A receiver in its own process
notes each arrival. Then the bare loop (aiosmtplib over 8 connections, or httpx 8 at a time)
sends the same number of copies of the first message the daemon sent to the same receiver.

Printed per channel: the daemon's rate, the bare loop's rate, their ratio, and how late the
daemon's first message arrived after the due instant. Rates are messages over the time from
the first arrival to the last, the same for both.
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the receiver process wrapper lives with the tests

from tests.support.fanout import Sink, rate  # noqa: E402

ZONE = ZoneInfo("Europe/Amsterdam")
CLI = [sys.executable, "-m", "tender_notifier.cli"]
# The daemon refuses unknown TN_ variables: the benchmark's own are not passed on.
ENV = {k: v for k, v in os.environ.items() if not k.startswith("TN_BENCH_")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Result:
    channel: str
    count: int
    daemon_rate: float
    bare_rate: float
    first_late: float
    daemon_cpu: float  # CPU seconds of the daemon from just before the due instant to the last
    bare_cpu: float  # CPU seconds of the bare loop's process, start to end
    loop_cpu: float  # of daemon_cpu, the event loop's thread (the main thread)

    def line(self) -> str:
        per = 1000 / self.count
        return (
            f"{self.channel}: {self.count} due at one instant: daemon {self.daemon_rate:,.0f}/s, "
            f"bare loop {self.bare_rate:,.0f}/s, ratio {self.daemon_rate / self.bare_rate:.2f}; "
            f"first message {self.first_late:+.2f} s after the due instant; CPU per message: "
            f"daemon {self.daemon_cpu * per:.2f} ms (its event loop {self.loop_cpu * per:.2f}), "
            f"bare loop {self.bare_cpu * per:.2f} ms"
        )


def cpu_seconds(pid: int, thread: int | None = None) -> float:
    """User and system CPU time a running process (or one of its threads) has used (Linux)."""
    path = f"/proc/{pid}/stat" if thread is None else f"/proc/{pid}/task/{thread}/stat"
    fields = Path(path).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tender(deadline: datetime) -> str:
    local = deadline.astimezone(ZONE).replace(tzinfo=None, microsecond=0).isoformat()
    return (
        'id = "burst"\ntitle = "Burst"\nbuyer = "Gemeente Testdorp"\nplatform = "Flextender"\n'
        f'reference = "B-1"\n\n[[milestones]]\nid = "offer"\nkind = "submission_deadline"\n'
        f"at = {local}\n"
    )


def run_daemon_burst(channel: str, count: int, database_url: str, tmp: Path) -> Result:
    sink_port, http_port = free_port(), free_port()
    sample = tmp / f"sample-{channel}"
    sink = Sink("smtp" if channel == "email" else "http", sink_port, sample)
    try:
        (tmp / "tenders").mkdir(exist_ok=True)
        placeholder = datetime.now(ZONE) + timedelta(days=30)
        (tmp / "tenders" / "burst.toml").write_text(tender(placeholder))
        smtp = (
            f'[smtp]\nhost = "127.0.0.1"\nport = {sink_port}\nstarttls = false\nconnections = 8\n'
        )
        config = tmp / "notifier.toml"
        config.write_text(
            f'tenders_dir = "tenders"\nstate_dir = "{tmp / "var"}"\n'
            f'public_url = "https://tenders.example.nl"\n'
            f'[http]\nport = {http_port}\n[database]\nurl = "{database_url}"\n{smtp}'
            # Every hook is on one host here: as many slots for it as the bare loop's 8.
            "[delivery]\nallow_private_targets = true\nwebhook_host_slots = 8\n"
            '[logging]\nformat = "json"\nlevel = "warning"\n'
        )
        rows = ["channel,address,tenders,offsets,language"]
        for i in range(count):
            address = (
                f"s{i}@example.nl"
                if channel == "email"
                else f"http://127.0.0.1:{sink_port}/hook/{i}"
            )
            rows.append(f"{channel},{address},burst,PT1M,nl")
        (tmp / "subs.csv").write_text("\n".join(rows) + "\n")
        subprocess.run(
            [*CLI, "--config", str(config), "subscriptions", "import", str(tmp / "subs.csv")],
            check=True,
            capture_output=True,
            env=ENV,
        )
        due = (datetime.now(ZONE) + timedelta(seconds=20)).replace(microsecond=0)
        (tmp / "tenders" / "burst.toml").write_text(tender(due + timedelta(minutes=1)))
        daemon = subprocess.Popen([*CLI, "--config", str(config), "serve"], env=ENV)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{http_port}/readyz").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
            if datetime.now(ZONE) > due - timedelta(seconds=2):
                raise RuntimeError("the daemon was not ready before the due instant")
            # CPU from 1 s before the due instant: its rows are written by then (AHEAD).
            time.sleep(max(0.0, due.timestamp() - 1 - time.time()))
            cpu_before = cpu_seconds(daemon.pid)
            loop_before = cpu_seconds(daemon.pid, daemon.pid)  # the main thread runs the loop
            sink.wait_for(count, timeout=20 + count / 20)
            daemon_cpu = cpu_seconds(daemon.pid) - cpu_before
            loop_cpu = cpu_seconds(daemon.pid, daemon.pid) - loop_before
            daemon_arrivals = [at for at, _ in sink.take()]
        finally:
            daemon.terminate()
            daemon.wait(30)
        if channel == "email":
            bare = [str(sink_port), str(count), "8", str(sample)]
        else:
            bare = [f"http://127.0.0.1:{sink_port}/hook/bare", str(count), "8", str(sample)]
        kind = "smtp" if channel == "email" else "http"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, str(HERE / "bare.py"), kind, *bare], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        bare_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        sink.wait_for(count, timeout=60)
        bare_arrivals = [at for at, _ in sink.take()]
        return Result(
            channel,
            count,
            rate(daemon_arrivals),
            rate(bare_arrivals),
            min(daemon_arrivals) - due.timestamp(),
            daemon_cpu,
            bare_cpu,
            loop_cpu,
        )
    finally:
        sink.stop()


def main() -> int:
    count = int(os.environ.get("TN_BENCH_BURST", "10000"))
    urls = {"SQLite": None}
    if os.environ.get("TN_BENCH_POSTGRES_URL"):
        urls["PostgreSQL"] = os.environ["TN_BENCH_POSTGRES_URL"]
    for label, url in urls.items():
        for channel in os.environ.get("TN_BENCH_CHANNELS", "email webhook").split():
            tmp = Path(tempfile.mkdtemp(prefix="tn-bench-burst-"))
            try:
                database_url = url or f"sqlite:///{tmp / 'store.db'}"
                if url:
                    database_url = _fresh_postgres(url, tmp.name.replace("-", "_"))
                print(f"[{label}] " + run_daemon_burst(channel, count, database_url, tmp).line())
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _fresh_postgres(url: str, name: str) -> str:
    import sqlalchemy

    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.rsplit("/", 1)[0] + f"/{name}"


if __name__ == "__main__":
    raise SystemExit(main())
