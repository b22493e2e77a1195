"""The one place that reads the wall clock. Everything else is handed ``now`` or a clock."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
