"""Three real daemons on one PostgreSQL store share one due moment of 3,000 webhooks: each sends
a share, none is lost or sent twice, and together they keep a fair pace next to the bare httpx
loop to the same receiver. The pace asserted is lenient (timing on a shared machine); the goal
itself is measured by bench/pace.py.

On two shared cores the three daemons together reach 0.96 of the bare loop's rate with 10,000
webhooks and 1.07-1.27 with these 3,000, which last about 3 s and so move with whatever else
runs (bench/README.md, 2026-12-04). A pace under ``PACE`` marks this test as an expected
failure, with the numbers, after every other promise has been checked: a busy machine can slow
the daemons more than the bare loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.fanout import fan_out

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

COUNT = 3000
PACE = 0.7  # the daemons together, as a share of the bare loop's rate


@pytest.mark.timeout(900)
def test_three_daemons_share_3000_due_webhooks_none_lost_none_twice(
    tmp_path: Path, shared_postgres_url: str
) -> None:
    result = fan_out(shared_postgres_url, tmp_path, count=COUNT, daemons=3)
    for line in result.lines():
        print(line)
    assert result.distinct == COUNT
    assert result.repeats == 0
    assert sum(result.sent_by) == COUNT
    assert all(share > 0 for share in result.sent_by), result.sent_by
    if result.ratio < PACE:
        pytest.xfail(f"pace {result.ratio:.2f} of the bare loop, below {PACE}: {result.lines()}")
