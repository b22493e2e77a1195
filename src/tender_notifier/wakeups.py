"""When the engine wakes: date jobs for the coming due moments, planned from the tender files and
the distinct offsets of the subscriptions, never from the subscriptions one by one.

Each due moment gets two jobs. ``AHEAD`` before it the engine materialises that moment's
reminders (their ledger rows are claimable from the moment itself, not before); at the moment it
only claims and sends. A retry waiting in the ledger gets a claim job at its time, and the end of
a missing tender's grace a materialise job. APScheduler keeps these in memory only: they are
derived from the files and the ledger, never the only record of anything.

Planning costs O(tenders x milestones x distinct offsets), whatever the number of subscribers;
so does asking whether a pass is needed at all (``due_within``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from .planner import wake_times
from .settings import RemindersSettings
from .timeline import Tender

MAX_WAKE_JOBS = 500
# Rows of a due moment are written this long before it, so the moment itself costs only the
# claims and the sends (10,000 subscribers take about a second to materialise).
AHEAD = timedelta(seconds=5)


def due_moments(
    tenders: Iterable[Tender],
    offsets: Iterable[timedelta],
    reminders: RemindersSettings,
    *,
    after: datetime,
) -> list[datetime]:
    """The next few hundred moments after ``after`` at which some reminder falls due."""
    return wake_times(
        tenders,
        offsets,
        day_hour=reminders.day_hour,
        after=after,
        weekend_to_friday=reminders.weekend_to_friday,
    )[:MAX_WAKE_JOBS]


def due_within(
    tenders: Iterable[Tender],
    offsets: Iterable[timedelta],
    reminders: RemindersSettings,
    *,
    after: datetime,
    until: datetime,
) -> bool:
    """Whether some reminder may fall due in (``after``, ``until``]."""
    found = wake_times(
        tenders,
        offsets,
        day_hour=reminders.day_hour,
        after=after,
        weekend_to_friday=reminders.weekend_to_friday,
    )
    return bool(found) and found[0] <= until


class Wakeups:
    """The date jobs of one scheduler: ``materialise(moment)`` ahead of each due moment,
    ``due(moment)`` at it."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        *,
        materialise: Callable[[datetime], Awaitable[None]],
        due: Callable[[datetime], Awaitable[None]],
    ) -> None:
        self._scheduler = scheduler
        self._materialise = materialise
        self._due = due

    def replace(
        self,
        moments: list[datetime],
        *,
        now: datetime,
        retry_at: datetime | None,
        missing_until: datetime | None,
    ) -> datetime | None:
        """Make the jobs those of ``moments`` (plus a retry's and a missing tender's); returns
        the nearest moment at which something falls due."""
        wanted: dict[str, tuple[datetime, Callable[[datetime], Awaitable[None]], datetime]] = {}
        for moment in moments:
            wanted[f"due-{moment.timestamp():.3f}"] = (moment, self._due, moment)
            ahead = max(moment - AHEAD, now)  # a moment closer than AHEAD: materialise now
            wanted[f"ahead-{moment.timestamp():.3f}"] = (ahead, self._materialise, moment)
        if retry_at is not None:
            at = max(retry_at, now)
            wanted.setdefault(f"due-{at.timestamp():.3f}", (at, self._due, at))
        if missing_until is not None:
            at = max(missing_until, now)
            wanted.setdefault(f"ahead-{at.timestamp():.3f}", (at, self._materialise, at))
        existing = set()
        for job in self._scheduler.get_jobs():
            if job.id.startswith(("due-", "ahead-")):
                if job.id in wanted:
                    existing.add(job.id)
                else:
                    job.remove()
        for job_id, (run_at, call, moment) in wanted.items():
            if job_id not in existing:
                self._scheduler.add_job(
                    call,
                    DateTrigger(run_date=run_at),
                    args=[moment],
                    id=job_id,
                    misfire_grace_time=None,
                )
        due = [m for m, call, _ in wanted.values() if call is self._due]
        return min(due, default=None)
