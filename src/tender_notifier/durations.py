"""ISO 8601 durations such as ``P7D``, ``PT2H`` or ``PT30S``, as used for reminder offsets."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$",
    re.ASCII,
)


def parse_duration(text: str) -> timedelta:
    """Parse an ISO 8601 duration of weeks, days, hours, minutes and seconds.

    Years and months are refused: their length depends on the date, which an offset cannot know.
    """
    match = _DURATION.match(text.strip().upper()) if isinstance(text, str) else None
    shown = repr(text[:40] + "…" if len(text) > 40 else text) if isinstance(text, str) else "it"
    if not match:
        raise ValueError(
            f"{shown} is not an ISO 8601 duration such as P7D, P1D, PT2H or PT30S "
            "(weeks, days, hours, minutes and seconds)"
        )
    parts = {k: float(v) for k, v in match.groupdict().items() if v is not None}
    try:
        return timedelta(**parts)
    except OverflowError:  # P99999999999999999999D: more days than a date can hold
        raise ValueError(f"{shown} is far too long a duration") from None


def format_duration(delta: timedelta) -> str:
    """The ISO 8601 form of ``delta`` (whole seconds), e.g. ``P1DT2H`` or ``PT30S``."""
    total = int(delta.total_seconds())
    if total < 0:
        raise ValueError("durations before a milestone are positive")
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    out = "P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    time += f"{seconds}S" if seconds else ""
    if time:
        out += "T" + time
    return out if out != "P" else "PT0S"
