"""The times of one day given lot by lot: "perceel 1 om 10u00, perceel 2 om 10u45 en perceel 3
om 11u30 op dinsdag 26 januari 2027", "om 9u30 voor de percelen 1 en 2 en om 11u00 voor perceel
3": the step of each lot at its own time, a milestone each."""

from __future__ import annotations

import re

from .dates import find_dates
from .times import TimeHit, find_times

_LOT = r"(?:perce(?:el|len)|lots?|deelopdracht(?:en)?)\s{1,3}"
_LOT_WORD = re.compile(rf"\b{_LOT}\d", re.IGNORECASE)
_LOTS = rf"{_LOT}\d{{1,2}}(?:\s{{0,3}}(?:,|en|and|&|t/m|-)\s{{0,3}}\d{{1,2}}\b)*"
# "perceel 1 om 10u00", "perceel 1 (WZC Egmont, Godshuisstraat 14) om 10u00", "Lot 2: 11:00"
_LOTS_BEFORE = re.compile(
    rf"\b{_LOTS}\s{{0,3}}(?:\([^()]{{0,80}}\)\s{{0,3}})?(?:[:\u2013-]\s{{0,3}})?"
    r"(?:om|at|à|vanaf|from)?\s{0,3}$",
    re.IGNORECASE,
)
# "om 9u30 voor de percelen 1 en 2", "10:00 (perceel 1)", "at 10:00 for Lot 1"
_LOTS_AFTER = re.compile(
    rf"\s{{0,3}}(?:\(\s{{0,3}}|(?:voor|for)\s{{1,3}}(?:(?:de|het|the)\s{{1,3}})?){_LOTS}",
    re.IGNORECASE,
)
_REACH = 120  # characters before a time its lot may stand in


def lot_times(text: str, times: list[TimeHit] | None = None) -> list[TimeHit]:
    """The times of ``text`` when each names the lot it is for and they are not all the same:
    every time the text writes, or none. ``times``: those already found in it, in the zone the
    text writes them in."""
    if len(_LOT_WORD.findall(text)) < 2:
        return []
    if times is None:
        times = find_times(text, find_dates(text))
    tied = [
        t
        for t in times
        if _LOTS_BEFORE.search(text, max(0, t.start - _REACH), t.start)
        or _LOTS_AFTER.match(text, t.end)
    ]
    distinct = {(t.begin, t.finish) for t in tied}
    return tied if len(tied) == len(times) and len(distinct) == len(tied) > 1 else []
