"""A zone's VTIMEZONE written with RRULEs of its current rules, as Outlook, Google and Apple do.

icalendar's ``Timezone.from_tzinfo`` lists every transition as an RDATE; Outlook desktop is known
to ignore that shape and shows summer times an hour off. The zone's current rules are the POSIX TZ
string at the end of its TZif file (``CET-1CEST,M3.5.0,M10.5.0/3``): one STANDARD and one DAYLIGHT
sub-component, each with a yearly RRULE, say the same thing to every client. A zone whose rule
cannot be said as an RRULE (a Julian-day rule, a transition outside 00:00-24:00 local time) falls
back to the RDATE list, which the other parsers read fine.

Reading the TZif file is reading the same static data ``zoneinfo`` reads; no clock is involved.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,3}(?::\d{2}){0,2})"
_RULE = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/" + _OFFSET + r")?"
_POSIX = re.compile(rf"^{_NAME}{_OFFSET}(?:{_NAME}{_OFFSET}?,{_RULE},{_RULE})?$")
_DAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX counts weekdays from Sunday
FIRST_YEAR = 1970  # where the rules are said to start; only later dates are ever written


@dataclass(frozen=True, slots=True)
class Rule:
    """One yearly change: in ``month``, the ``week``-th (5: last) ``weekday`` at ``at``."""

    month: int
    week: int
    weekday: int  # 0 = Sunday
    at: timedelta  # local time, in the offset in force before the change

    def first(self, year: int) -> datetime:
        """The change's local date and time in ``year``."""
        python_weekday = (self.weekday - 1) % 7  # Monday = 0
        if self.week == 5:
            nxt = date(year + (self.month == 12), self.month % 12 + 1, 1)
            day = nxt - timedelta(days=1)
            day -= timedelta(days=(day.weekday() - python_weekday) % 7)
        else:
            day = date(year, self.month, 1)
            day += timedelta(days=(python_weekday - day.weekday()) % 7 + 7 * (self.week - 1))
        return datetime.combine(day, time(0)) + self.at

    def rrule(self) -> dict[str, object]:
        week = -1 if self.week == 5 else self.week
        return {"freq": "yearly", "bymonth": self.month, "byday": f"{week}{_DAYS[self.weekday]}"}


@dataclass(frozen=True, slots=True)
class Rules:
    """A zone's current rules: standard time, and summer time with its two changes if any."""

    std_name: str
    std_offset: timedelta
    dst_name: str | None = None
    dst_offset: timedelta | None = None
    dst_start: Rule | None = None
    dst_end: Rule | None = None

    def offset_at(self, at: datetime) -> timedelta:
        """The UTC offset these rules give at the aware moment ``at``."""
        if self.dst_start is None or self.dst_end is None or self.dst_offset is None:
            return self.std_offset
        naive = at.astimezone(UTC).replace(tzinfo=None)
        begins = self.dst_start.first(naive.year) - self.std_offset  # in UTC
        ends = self.dst_end.first(naive.year) - self.dst_offset
        # Northern zones have summer time inside the year, southern ones across the new year.
        summer = begins <= naive < ends if begins < ends else not ends <= naive < begins
        return self.dst_offset if summer else self.std_offset


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def parse_posix(tz: str) -> Rules | None:
    """The rules a POSIX TZ string states, or None for one an RRULE cannot say."""
    match = _POSIX.match(tz.strip())
    if match is None:
        return None
    g = match.groups()
    std_name, std = g[0].strip("<>"), timedelta(seconds=-_seconds(g[1]))
    if g[2] is None:
        return Rules(std_name, std)
    dst = timedelta(seconds=-_seconds(g[3])) if g[3] else std + timedelta(hours=1)
    rules = []
    for month, week, weekday, at in (g[4:8], g[8:12]):
        seconds = _seconds(at) if at else 7200
        if not 0 <= seconds < 86400 or not 1 <= int(month) <= 12:
            return None
        rules.append(Rule(int(month), int(week), int(weekday), timedelta(seconds=seconds)))
    dst_name = g[2].strip("<>")
    if dst < std:
        # Negative summer time (Europe/Dublin: IST in summer is "standard", GMT in winter is
        # "daylight"). Written the usual way round: the lower offset as STANDARD. Each change
        # keeps its local time in the offset in force before it, so only the labels swap.
        return Rules(dst_name, dst, std_name, std, rules[1], rules[0])
    return Rules(std_name, std, dst_name, dst, rules[0], rules[1])


def _tzif(key: str) -> bytes | None:
    """The zone's TZif file, looked up as ``zoneinfo`` does: TZPATH first, then tzdata."""
    for root in zoneinfo.TZPATH:
        path = Path(root) / key
        if path.is_file():
            return path.read_bytes()
    try:
        return resources.files("tzdata.zoneinfo").joinpath(*key.split("/")).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def current_rules(key: str) -> Rules | None:
    """The rules at the end of the zone's TZif file (version 2 and later), if it has them."""
    data = _tzif(key)
    if not data or not data.startswith(b"TZif") or data[4:5] == b"\x00":
        return None
    footer = data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    try:
        return parse_posix(footer.decode("ascii"))
    except UnicodeDecodeError:
        return None


def _part(
    part: TimezoneStandard | TimezoneDaylight,
    name: str,
    start: datetime,
    before: timedelta,
    after: timedelta,
    rule: Rule | None,
) -> TimezoneStandard | TimezoneDaylight:
    part.add("tzname", name)
    part.add("dtstart", start)
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", after)
    if rule is not None:
        part.add("rrule", rule.rrule())
    return part


@lru_cache(maxsize=64)
def vtimezone(key: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE of ``key``: RRULEs of its current rules, checked against ``zoneinfo`` for
    every day from ``first`` to ``last``; the RDATE list of those days when they disagree."""
    rules = current_rules(key)
    if rules is not None and _agrees(rules, key, first, last):
        return _from_rules(key, rules)
    return Timezone.from_tzinfo(zoneinfo.ZoneInfo(key), first_date=first, last_date=last)


def _from_rules(key: str, rules: Rules) -> Timezone:
    zone = Timezone()
    zone.add("tzid", key)
    if rules.dst_start is None or rules.dst_end is None or rules.dst_offset is None:
        start = datetime(FIRST_YEAR, 1, 1)
        zone.add_component(
            _part(
                TimezoneStandard(), rules.std_name, start, rules.std_offset, rules.std_offset, None
            )
        )
        return zone
    assert rules.dst_name is not None
    zone.add_component(
        _part(
            TimezoneDaylight(),
            rules.dst_name,
            rules.dst_start.first(FIRST_YEAR),
            rules.std_offset,
            rules.dst_offset,
            rules.dst_start,
        )
    )
    zone.add_component(
        _part(
            TimezoneStandard(),
            rules.std_name,
            rules.dst_end.first(FIRST_YEAR),
            rules.dst_offset,
            rules.std_offset,
            rules.dst_end,
        )
    )
    return zone


def _agrees(rules: Rules, key: str, first: date, last: date) -> bool:
    """Whether the rules give ``zoneinfo``'s offset at 00:00 and 12:00 UTC of every day."""
    real = zoneinfo.ZoneInfo(key)
    day = first
    while day <= last:
        for hour in (0, 12):
            at = datetime.combine(day, time(hour), tzinfo=UTC)
            if rules.offset_at(at) != at.astimezone(real).utcoffset():
                return False
        day += timedelta(days=1)
    return True
