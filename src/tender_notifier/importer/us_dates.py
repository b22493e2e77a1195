"""Dates written month first, as the United States write them: "Bid due 12/17/2026 12:00 PM".
A text that writes one such date that cannot be read day first (its second number above 12,
its first not), and none the other way round, writes all its dates with slashes month first;
they are turned around once, before anything else reads the text, so that every reader sees
the day first as it does in every other text."""

from __future__ import annotations

import re

_SLASHED = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
)


def day_first(text: str) -> str:
    """``text`` with its dates written month first ("11/20/2026") written day first
    ("20/11/2026"), when it writes them so; else ``text`` as it is."""
    pairs = [(int(m.group("a")), int(m.group("b"))) for m in _SLASHED.finditer(text)]
    month_first = any(a <= 12 < b <= 31 for a, b in pairs)
    if not month_first or any(b <= 12 < a <= 31 for a, b in pairs):
        return text
    return _SLASHED.sub(lambda m: f"{m.group('b')}/{m.group('a')}/{m.group('y')}", text)
