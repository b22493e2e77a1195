"""Start-up time, memory and idle work of the daemon as the number of subscriptions grows.

For 1,000 / 10,000 / 100,000 email subscriptions (``TN_BENCH_SCALE`` to change) to a tender
with seven dates ahead: the time from ``serve`` to ``/readyz`` answering 200 and until the
start-up work that follows is done (a second with under 5 % of a core used), the resident
memory (VmRSS) then, the RSS and the CPU the daemon uses while nothing is due (30 s idle,
``TN_BENCH_IDLE``), and the peak RSS (VmHWM). Subscriptions come in through
``subscriptions import``, as ops would; that takes minutes for 100,000, so with
``TN_BENCH_STORES=DIR`` each imported store is kept in DIR and copied by later runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "config" / "tenders" / "flextender-30988.toml").read_text()
CLI = [sys.executable, "-m", "tender_notifier.cli"]
# The daemon refuses unknown TN_ variables: the benchmark's own are not passed on.
ENV = {k: v for k, v in os.environ.items() if not k.startswith("TN_BENCH_")}
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def future_seed() -> str:
    """The seed tender moved a year ahead of today, so every date still lies ahead."""
    year = datetime.now(ZoneInfo("Europe/Amsterdam")).year + 1
    return SEED.replace("2026-", f"{year}-")


def measure(count: int, idle: float, tmp: Path) -> str:
    (tmp / "tenders").mkdir()
    (tmp / "tenders" / "flextender-30988.toml").write_text(future_seed())
    port = free_port()
    config = tmp / "notifier.toml"
    config.write_text(
        f'tenders_dir = "tenders"\nstate_dir = "{tmp / "var"}"\n[http]\nport = {port}\n'
        '[logging]\nformat = "json"\nlevel = "warning"\n'
    )
    imported = import_subscriptions(count, tmp, config)
    start = time.perf_counter()
    daemon = subprocess.Popen([*CLI, "--config", str(config), "serve"], env=ENV)
    try:
        while True:
            if daemon.poll() is not None:
                raise RuntimeError("the daemon exited")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        ready = time.perf_counter() - start
        settled = settle(daemon.pid) + ready
        rss = rss_mib(daemon.pid)
        before = cpu_seconds(daemon.pid)
        time.sleep(idle)
        busy = (cpu_seconds(daemon.pid) - before) / idle
        rss_after = rss_mib(daemon.pid)
        peak = rss_mib(daemon.pid, "VmHWM")
    finally:
        daemon.terminate()
        try:
            daemon.wait(60)
        except subprocess.TimeoutExpired:
            daemon.kill()
            raise
    took = f"import took {imported:.0f} s" if imported is not None else "store kept from before"
    return (
        f"{count:>7,} subscriptions: ready in {ready:.2f} s, start-up work done in "
        f"{settled:.1f} s, RSS {rss:.1f} MiB, "
        f"{rss_after:.1f} MiB after {idle:.0f} s idle (peak {peak:.1f}), "
        f"idle CPU {busy * 100:.1f} % of a core ({took})"
    )


def settle(pid: int, quiet: float = 0.05, longest: float = 120.0) -> float:
    """Wait (at least 2 s) until the daemon used under ``quiet`` of a core for a whole second:
    the first pass over the subscriptions runs after readiness. Returns the seconds waited."""
    start = time.perf_counter()
    time.sleep(1)
    while time.perf_counter() - start < longest:
        before = cpu_seconds(pid)
        time.sleep(1)
        if cpu_seconds(pid) - before < quiet:
            break
    return time.perf_counter() - start


def import_subscriptions(count: int, tmp: Path, config: Path) -> float | None:
    """Import ``count`` subscriptions into the store under ``tmp``; returns the seconds it took,
    or None when a kept store (``TN_BENCH_STORES``) was copied instead."""
    kept_dir = os.environ.get("TN_BENCH_STORES")
    kept = Path(kept_dir) / str(count) if kept_dir else None
    if kept is not None and (kept / "tender-notifier.db").is_file():
        shutil.copytree(kept, tmp / "var")
        return None
    rows = ["channel,address,tenders,offsets,language"]
    rows += [f"email,s{i}@example.nl,flextender-30988,,nl" for i in range(count)]
    (tmp / "subs.csv").write_text("\n".join(rows) + "\n")
    start = time.perf_counter()
    subprocess.run(
        [*CLI, "--config", str(config), "subscriptions", "import", str(tmp / "subs.csv")],
        check=True,
        capture_output=True,
        env=ENV,
    )
    took = time.perf_counter() - start
    if kept is not None:
        shutil.copytree(tmp / "var", kept)
    return took


def main() -> int:
    counts = [int(c) for c in os.environ.get("TN_BENCH_SCALE", "1000 10000 100000").split()]
    idle = float(os.environ.get("TN_BENCH_IDLE", "30"))
    for count in counts:
        tmp = Path(tempfile.mkdtemp(prefix="tn-bench-scale-"))
        try:
            print(measure(count, idle, tmp), flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
