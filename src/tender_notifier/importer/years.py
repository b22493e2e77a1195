"""The year of a date written without one: what the announcement around it makes clear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Years:
    """The year of a date written without one ("t/m 22 december", "op 12 en 13 januari").

    Announcements leave the year out when it is obvious to a reader: the first such day on or
    after the day the announcement was published; without a publication date, the first such
    day on or after two months before the first date the announcement writes out for a step
    (its steps follow the calendar); with neither, the year a heading gives ("Planning 2028")
    counts from its first day. Without a publication date, a weekday written with the day picks
    the year before or after that one when it falls on the day there only; otherwise the day is
    read in that year and a weekday that does not fall on it reported with it, as with a year
    written out. Without any of these the year stays unknown. Read on a known day
    (``read_on``) and without a publication date, a day is never put more than about ten months
    after it when it falls after it in the year of that day or the next: no one leaves out the
    year of a day further ahead ("Mon 11 Jan" above "End of initial term: 30 April 2029" is in
    2027).
    """

    published: date | None
    written: tuple[date, ...]  # sorted
    read_on: date | None = None

    @classmethod
    def around(
        cls, published: date | None, written: list[date], read_on: date | None = None
    ) -> Years | None:
        # a date written out years before the day the text is read gives no year: "awarded on
        # 2 April 2019" above "Fri 18 Dec" in a timetable read in December 2026
        ordered = sorted(
            d for d in written if read_on is None or (read_on - d).days <= _ANCHOR_SPREAD
        )
        if published is None and not ordered:
            return None
        middle = ordered[len(ordered) // 2] if ordered else published
        assert middle is not None
        # a founding year or an old contract mentioned in passing is no anchor
        near = tuple(d for d in ordered if abs((middle - d).days) <= _ANCHOR_SPREAD)
        return cls(published, near, read_on)

    def year_for(self, month: int, day: int, weekday: int | None = None) -> int | None:
        year = self._anchored(month, day, weekday)
        if year is None or self.published is not None or self.read_on is None:
            return year
        read = self.read_on
        if (_day(year, month, day) or read) - read <= timedelta(days=_HORIZON):
            return year
        fit = _first_from(read - timedelta(days=_BEFORE_PUBLISHED), month, day, weekday)
        return year if fit is None else fit.year

    def _anchored(self, month: int, day: int, weekday: int | None) -> int | None:
        if self.published is not None:
            since = self.published - timedelta(days=_BEFORE_PUBLISHED)
        else:
            # the steps of a procedure come in the order of the calendar, from its first dates
            # on: "Sluiting: 20 december" above "Start: 1 februari 2027" is in December 2026
            since = self.written[0] - timedelta(days=_BEFORE_FIRST_WRITTEN)
        first = _first_from(since, month, day)
        if first is None:
            return None
        year = first.year
        if weekday is None or self.published is not None:
            return year  # after the day it was published, the date wins over its weekday
        # read from the other dates only, the year may be one off: "vrijdag 4 december" above
        # "1 maart 2027" falls on a Friday in 2026, not in 2027; when it fits none, the date wins
        for near in (year, year - 1, year + 1):
            fit = _day(near, month, day)
            if fit is not None and fit.weekday() == weekday:
                return near
        # "Thu 21 Jan" under "approved 18 March 2025", read in December 2026: a weekday that
        # falls on the day in no year near the other dates says they are no anchor for it
        if self.read_on is not None:
            since = self.read_on - timedelta(days=_BEFORE_PUBLISHED)
            fit = _first_from(since, month, day, weekday)
            return year if fit is None else fit.year
        return year

    def day_on(self, day: int, weekday: int) -> date | None:
        """The day of "Weds 9th", written without its month: the first ``day`` of a month that
        falls on ``weekday`` on or after the day the text was published (or is read; without
        either, two months before the first date it writes out), within two months of it; a
        weekday and a day fit once in about three months."""
        first = self.written[0] - timedelta(days=_BEFORE_FIRST_WRITTEN) if self.written else None
        since = self.published or self.read_on or first
        if since is None:
            return None
        for ahead in range(_ORDINAL_REACH):
            fit = since + timedelta(days=ahead)
            if fit.day == day and fit.weekday() == weekday:
                return fit
        return None


def _first_from(since: date, month: int, day: int, weekday: int | None = None) -> date | None:
    """The first such day on or after ``since`` (in its year or the next), on ``weekday`` if
    one is given."""
    for year in (since.year, since.year + 1):
        fit = _day(year, month, day)
        if fit is not None and fit >= since and (weekday is None or fit.weekday() == weekday):
            return fit
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_BEFORE_PUBLISHED = 7  # days: a date just before publication is still in its year
_ANCHOR_SPREAD = 730  # days from the middle written date beyond which a date is no anchor
_BEFORE_FIRST_WRITTEN = 61  # days: a date this far before the first written date is in its year
_ORDINAL_REACH = 62  # days from publication within which "Weds 9th" is read
_HORIZON = 300  # days after the day it is read beyond which a day is not written without a year
