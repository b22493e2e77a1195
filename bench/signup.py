"""What a sign-up costs the materialising, as the subscriptions grow.

For each store kept by ``scale.py`` (``TN_BENCH_STORES=DIR``, the counts of ``TN_BENCH_SCALE``),
in this process: the start-up pass over every subscription, then a sign-up (one active
subscription created and the materialiser told, as the web app and the work listener do),
then the pass a sign-up cost before (the watermark forgotten: every subscription read again).
Printed: the subscriptions each pass read and its wall time.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale import future_seed  # noqa: E402

from tender_notifier.clock import utc_now  # noqa: E402
from tender_notifier.materialise import Materialiser  # noqa: E402
from tender_notifier.metrics import Metrics  # noqa: E402
from tender_notifier.settings import load_settings  # noqa: E402
from tender_notifier.store.engine import open_store  # noqa: E402
from tender_notifier.subscription_types import Channel, Status  # noqa: E402
from tender_notifier.timelines import Timelines  # noqa: E402


class Counting:
    """The store's subscriptions, with a count of those the slices read."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.read = 0

    def active_slice(self, *args: Any, **kwargs: Any) -> Any:
        found = self.real.active_slice(*args, **kwargs)
        self.read += len(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def measure(count: int, kept: Path, tmp: Path) -> str:
    shutil.copytree(kept / str(count), tmp / "var")
    (tmp / "tenders").mkdir()
    (tmp / "tenders" / "flextender-30988.toml").write_text(future_seed())
    config = tmp / "notifier.toml"
    config.write_text(f'tenders_dir = "{tmp / "tenders"}"\nstate_dir = "{tmp / "var"}"\n')
    settings = load_settings(config)
    store = open_store(settings)
    counting = Counting(store.subscriptions)
    store.subscriptions = counting  # type: ignore[assignment]
    timelines = Timelines(settings.tenders_dir, store, utc_now)
    timelines.reload()
    reminders = Materialiser(store, timelines, settings, Metrics())
    reminders.plan_offsets(set().union(*store.subscriptions.active_offsets().values()))

    def timed_pass() -> str:
        counting.read = 0
        start = time.perf_counter()
        reminders.run(utc_now())
        return f"{counting.read:,} read in {(time.perf_counter() - start) * 1000:.0f} ms"

    startup = timed_pass()
    store.subscriptions.create(
        channel=Channel.EMAIL,
        target="new@example.nl",
        tenders=["flextender-30988"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=utc_now(),
        status=Status.ACTIVE,
    )
    reminders.changed()
    signup = timed_pass()
    reminders.forget()
    before = timed_pass()
    store.close()
    return (
        f"{count:>7,} subscriptions: start-up pass {startup}; a sign-up's pass {signup}; "
        f"a full pass, as a sign-up cost before, {before}"
    )


def main() -> int:
    kept = os.environ.get("TN_BENCH_STORES")
    if not kept:
        print("TN_BENCH_STORES: the directory of the stores kept by bench/scale.py")
        return 2
    counts = [int(c) for c in os.environ.get("TN_BENCH_SCALE", "1000 10000 100000").split()]
    for count in counts:
        tmp = Path(tempfile.mkdtemp(prefix="tn-bench-signup-"))
        try:
            print(measure(count, Path(kept), tmp), flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
