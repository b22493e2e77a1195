"""The webhook client on asyncio's own loop against uvloop, in one process, rounds alternating.

Needs uvloop, which the project does not depend on (``.venv/bin/pip install uvloop``).
``event_loops.py [COUNT] [ROUNDS]``: a receiver (sinks.py) in its own process; then ROUNDS times,
in alternating order, COUNT webhooks 8 at a time through the daemon's ``WebhookTransport``
(signing, the guarded pool, ``delivery.asyncio_backend``) and COUNT POSTs through bare httpx
(bench/bare.py's loop), each on a fresh loop of each kind. Printed: this process's CPU per
request for each client and loop, median and range over the rounds. Only the client path is
measured here, which is where the loop's own work is; the burst benchmark measures the daemon.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bare import http as bare_http  # noqa: E402

from tender_notifier.delivery.webhook import WebhookTransport, new_secret  # noqa: E402

WIDTH = 8  # requests in flight, as in the burst benchmark
EVENT = {
    "type": "reminder",
    "version": 1,
    "data": {"tender": "burst", "milestone": "offer", "text": "Nog 1 minuut", "x": "y" * 400},
}
BODY = json.dumps(EVENT).encode()
SECRET = new_secret()


async def daemon_client(url: str, count: int) -> None:
    transport = WebhookTransport(allow_private=True)
    queue = list(range(count))
    now = datetime.now(UTC)

    async def worker() -> None:
        while queue:
            i = queue.pop()
            await transport.send(url=url, secret=SECRET, webhook_id=f"m{i}", event=BODY, now=now)

    await asyncio.gather(*(worker() for _ in range(WIDTH)))
    await transport.aclose()


def measure(client: Callable[[], Awaitable[None]], choice: str) -> tuple[str, float]:
    """CPU seconds of one run of ``client`` on a fresh loop; the loop's kind as it ran."""

    async def timed() -> tuple[str, float]:
        start = time.process_time()
        await client()
        module = type(asyncio.get_running_loop()).__module__
        return module.split(".")[0], time.process_time() - start

    import uvloop

    factory = uvloop.new_event_loop if choice == "uvloop" else None
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(timed())


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    tmp = Path(tempfile.mkdtemp(prefix="tn-bench-loops-"))
    port = 20000 + os.getpid() % 20000
    out = (tmp / "sink.out").open("w")
    sink = subprocess.Popen(
        [sys.executable, str(HERE / "sinks.py"), "http", str(port)], stdout=out, text=True
    )
    try:
        while "ready" not in (tmp / "sink.out").read_text():
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/hook"
        clients: dict[str, Callable[[], Awaitable[None]]] = {
            "daemon's client": lambda: daemon_client(url, count),
            "bare httpx": lambda: bare_http(url, count, WIDTH, BODY),
        }
        results: dict[tuple[str, str], list[float]] = {}
        for r in range(rounds):
            order = ["asyncio", "uvloop"] if r % 2 else ["uvloop", "asyncio"]
            for name, client in clients.items():
                for choice in order:
                    kind, cpu = measure(client, choice)
                    results.setdefault((name, kind), []).append(cpu * 1000 / count)
        for (name, kind), per in results.items():
            print(
                f"{name:16} on {kind:7}: {statistics.median(per):.3f} ms CPU per request "
                f"(median of {len(per)} rounds of {count}; {min(per):.3f}-{max(per):.3f})"
            )
    finally:
        sink.terminate()
        sink.wait(10)
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
