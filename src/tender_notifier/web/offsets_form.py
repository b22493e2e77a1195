"""The reminder choice of the sign-up and manage forms: preset boxes and an "other" field.

Pure: turns what a supplier ticked and typed into ISO 8601 durations for ``check_offsets``, and
back into words for the form. "Other" takes words a person writes ("30 minuten", "2 uur",
"3 days") as well as ISO durations ("PT45M"), several separated by commas.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ..durations import format_duration, parse_duration
from ..i18n import Language

PRESETS: tuple[tuple[str, str, str], ...] = (
    ("P7D", "1 week", "1 week"),
    ("P1D", "1 dag", "1 day"),
    ("PT2H", "2 uur", "2 hours"),
)
PRESET_VALUES = frozenset(p[0] for p in PRESETS)

_UNITS: dict[str, str] = {}
for _unit, _words in {
    "weeks": "w week weken weeks wk",
    "days": "d dag dagen day days",
    "hours": "h u uur uren hour hours hr hrs",
    "minutes": "m min minuut minuten minute minutes mins",
    "seconds": "s sec seconde seconden second seconds secs",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit

_AMOUNT = re.compile(r"^(\d{1,6})\s*([a-z]+)\.?$")

_NAMES: tuple[tuple[int, str, str, str, str], ...] = (
    (86400, "dag", "dagen", "day", "days"),
    (3600, "uur", "uur", "hour", "hours"),
    (60, "minuut", "minuten", "minute", "minutes"),
    (1, "seconde", "seconden", "second", "seconds"),
)


def parse_other(text: str) -> list[str]:
    """ISO durations for what was typed in "other"; ValueError names the part not understood."""
    result = []
    for part in re.split(r"[,;]|\s+(?:en|and)\s+", text.strip().lower()):
        part = part.strip()
        if not part:
            continue
        match = _AMOUNT.match(part)
        if match and match.group(2) in _UNITS:
            delta = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        else:
            try:
                delta = parse_duration(part)
            except ValueError:
                raise ValueError(part) from None
        result.append(format_duration(delta))
    return result


def chosen_offsets(presets: list[str], other: str) -> list[str]:
    """The ticked presets (unknown values dropped) followed by what "other" says."""
    return [p for p in presets if p in PRESET_VALUES] + parse_other(other)


def in_words(delta: timedelta, lang: Language) -> str:
    """'30 minuten', '2 days': in the largest unit that divides the offset exactly."""
    seconds = int(delta.total_seconds())
    for size, nl_one, nl_many, en_one, en_many in _NAMES:
        if seconds % size == 0:
            n = seconds // size
            one, many = (nl_one, nl_many) if lang == "nl" else (en_one, en_many)
            return f"{n} {one if n == 1 else many}"
    raise AssertionError(seconds)  # pragma: no cover: size 1 always divides


def split_for_form(offsets: tuple[timedelta, ...], lang: Language) -> tuple[set[str], str]:
    """(ticked presets, text of the "other" field) for a subscription's offsets."""
    ticked = {format_duration(o) for o in offsets} & PRESET_VALUES
    others = [in_words(o, lang) for o in offsets if format_duration(o) not in PRESET_VALUES]
    return ticked, ", ".join(others)
