"""Three daemons on one PostgreSQL store fan out one due moment: their pace against a bare loop.

``TN_BENCH_PACE`` (default 3,000) webhook subscribers, each its own URL on one loopback receiver
(bench/sinks.py, its own process), follow one tender; three real daemons share the store and
all have the tender file, as machines do. Then the bare httpx loop (bench/bare.py, 8 at a time)
posts as many copies of the first message to the same receiver. Printed: the daemons' combined
rate, each one's share, the bare loop's rate and the ratio, and that nothing was lost or repeated.
Needs ``TN_BENCH_POSTGRES_URL``; skipped without it. The scenario is tests/support/fanout.py,
which tests/test_e2e_pace.py runs too (with a lenient assertion on the ratio).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.support.fanout import fan_out  # noqa: E402


def main() -> int:
    url = os.environ.get("TN_BENCH_POSTGRES_URL")
    if not url:
        print("pace: skipped (set TN_BENCH_POSTGRES_URL to run three daemons on PostgreSQL)")
        return 0
    count = int(os.environ.get("TN_BENCH_PACE", "3000"))
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"tn_bench_pace_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    tmp = Path(tempfile.mkdtemp(prefix="tn-bench-pace-"))
    try:
        database_url = base.set(database=name).render_as_string(hide_password=False)
        result = fan_out(database_url, tmp, count=count, daemons=3)
        for line in result.lines():
            print(f"[PostgreSQL] {line}")
        return 0 if result.distinct == count and result.repeats == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
