"""Giving due reminders of the timeline in force a row in the ledger.

Reminders due without a row that counts get one: missed ones are coalesced to the latest per
milestone, ones whose milestone has passed are recorded as skipped. A ``stale`` row of the same
reminder (left by a version of the timeline since undone, or a tender briefly gone) is reopened:
what is owed follows the timeline in force, not the history of rows.

Rows are written a little ahead of their due moment (up to ``horizon``): a row due later than
``now`` is ``pending`` with ``next_attempt_at`` at its due moment, so it is claimable from that
moment and not before. At the due instant only claiming and sending is left to do.

A pass reads the active subscriptions in slices (``SLICE``, by id) and writes each slice's rows
before reading the next, so its memory does not grow with the subscribers. Slicing changes no
decision: reminders are coalesced per subscription and milestone (``Reminder.group``), and a
subscription's reminders are all in its one slice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

import structlog

from .metrics import Metrics
from .planner import Reminder, decide, reminders_for
from .settings import Settings
from .store import Store
from .store.ledger import PENDING, SKIPPED
from .subscription_types import Subscription
from .timelines import Timelines
from .wakeups import AHEAD, due_within

log = structlog.get_logger(__name__)

SLICE = 2000  # subscriptions read, planned and written at a time
# How far before the last look for changed subscriptions the next one starts: a change is
# stamped by its writer's clock (another daemon's, the command line's) before it commits.
CHANGES_OVERLAP = timedelta(minutes=10)
EARLIEST = datetime.min.replace(tzinfo=UTC)


def housekeeping(store: Store, settings: Settings, now: datetime) -> None:
    """Drop email sign-ups never confirmed in time and spent sign-up mail slots."""
    expired = store.subscriptions.expire_pending(now - settings.reminders.confirm_within)
    if expired:
        log.info("signups_expired", count=expired)
    store.signups.prune_mail_slots(now)


def active_slices(
    store: Store, size: int = SLICE, changed_since: datetime | None = None
) -> Iterator[Sequence[Subscription]]:
    """The active subscriptions (created or changed since ``changed_since``), ``size`` at a time."""
    after: str | None = None
    while True:
        found = store.subscriptions.active_slice(after, size, changed_since=changed_since)
        if found:
            yield found
        if len(found) < size:
            return
        after = found[-1].id


def materialise(
    store: Store,
    timelines: Timelines,
    settings: Settings,
    metrics: Metrics,
    now: datetime,
    watermark: datetime | None,
    horizon: datetime | None = None,
    slices: Iterable[Sequence[Subscription]] | None = None,
) -> datetime:
    """Materialise reminders due after ``watermark`` (all when None) up to ``horizon`` (``now``
    when None) for the subscriptions of ``slices`` (every active one, ``SLICE`` at a time, when
    None); returns the new watermark. Raises on a store error, so a failed pass is done again."""
    until = max(horizon or now, now)
    reopened = 0
    for subscriptions in active_slices(store) if slices is None else slices:
        reopened += _materialise_slice(
            store, timelines, settings, metrics, subscriptions, now, watermark, until
        )
    if reopened:
        log.info("reminders_reopened", count=reopened)
    return until


def _materialise_slice(
    store: Store,
    timelines: Timelines,
    settings: Settings,
    metrics: Metrics,
    subscriptions: Sequence[Subscription],
    now: datetime,
    watermark: datetime | None,
    until: datetime,
) -> int:
    """Write the rows of one slice of subscriptions; returns how many stale rows it reopened."""
    day_hour = settings.reminders.day_hour
    # A tender with no due moment in reach at any offset of the slice has no reminder for any
    # of its subscriptions (the planner's other checks only leave reminders out): skipped, as
    # nearly every tender is at start-up, without planning each subscription's reminders.
    offsets = {o for shared in {sub.offsets for sub in subscriptions} for o in shared}
    after = EARLIEST if watermark is None else watermark
    in_reach = [
        t
        for t in timelines.tenders()
        if due_within([t], offsets, settings.reminders, after=after, until=until)
    ]
    candidates = [
        r
        for tender in in_reach
        for sub in subscriptions
        for r in reminders_for(
            tender,
            sub,
            day_hour=day_hour,
            weekend_to_friday=settings.reminders.weekend_to_friday,
        )
        if r.due <= until and (watermark is None or r.due > watermark)
    ]
    if not candidates:
        return 0
    existing = store.ledger.existing_keys([r.key for r in candidates])
    fresh = [r for r in candidates if r.key not in existing]
    decision = decide([r for r in fresh if r.due <= now], now)
    rows = [_row(r, PENDING, now) for r in decision.send]
    reopen = {now: [r.key for r in decision.send]}
    # Due after now: each is decided at its own moment (as a timer at that moment would have),
    # which leaves all of them to send; the sender still checks the milestone at sending time.
    coming: dict[datetime, list[Reminder]] = defaultdict(list)
    for r in fresh:
        if r.due > now:
            coming[r.due].append(r)
    for due, reminders in coming.items():
        ahead = decide(reminders, due)
        reopen[due] = [r.key for r in ahead.send]
        rows.extend(_row(r, PENDING, due) for r in ahead.send)
    for reminder, reason in decision.skip:
        rows.append({**_row(reminder, SKIPPED, now), "last_error": reason})
        log.info(
            "reminder_skipped",
            reason=reason,
            tender_id=reminder.tender_id,
            milestone_id=reminder.milestone_id,
            subscription_id=reminder.subscription_id,
            due=reminder.due.isoformat(),
        )
        metrics.deliveries.labels(channel="any", outcome="skipped").inc()
    store.ledger.add(rows, now)
    return sum(store.ledger.reopen(keys, at) for at, keys in reopen.items() if keys)


class Materialiser:
    """The engine's materialising: up to where reminders have their rows (the watermark), and
    whether a pass can find anything. A full pass reads every active subscription, a slice at
    a time; the checks that decide whether one is needed read only the distinct offsets
    (``plan_offsets``). A sign-up or a change materialises only the subscriptions created or
    changed since the last look (``changed``): what it costs does not grow with the others."""

    def __init__(
        self, store: Store, timelines: Timelines, settings: Settings, metrics: Metrics
    ) -> None:
        self.store = store
        self.timelines = timelines
        self.settings = settings
        self.metrics = metrics
        self.watermark: datetime | None = None  # reminders due up to here have their rows
        self.offsets: set[timedelta] = set()  # of the active subscriptions, at the last plan
        self.changes_seen: datetime | None = None  # when changes were last looked for
        self._look = False  # subscriptions changed since
        self._forgotten = 0  # how often ``forget`` was called: a pass under way sees it after

    def forget(self) -> None:
        """Timelines changed: the next pass looks at every reminder of every subscription.
        Thread-safe against a pass under way in a worker thread: that pass's watermark is
        dropped when it ends, since it may have read the timelines from before the change."""
        self._forgotten += 1
        self.watermark = None

    def changed(self) -> None:
        """Subscriptions were created or changed (here, by another daemon or the command line):
        the next pass first gives those changed since the last look all their reminders up to
        the horizon (found by ``updated_at``), then goes on from the watermark as before."""
        self._look = True

    def covers(self, moment: datetime) -> bool:
        """Whether the reminders due up to ``moment`` have their rows (a retry's moment with no
        reminder due since the last pass needs no pass)."""
        if self.watermark is None or self._look:
            return False
        return not self._due_after(self.watermark, moment)

    def plan_offsets(self, offsets: set[timedelta]) -> bool:
        """Take the offsets planned with; True when new ones call for a pass (their due moments
        have not been looked at: a subscription added from the command line, say). The
        subscriptions changed since the last look are the ones that can have them."""
        if offsets == self.offsets:
            return False
        self.offsets = offsets
        self._look = True
        return True

    def run(self, now: datetime) -> None:
        """Write the rows of reminders due up to ``AHEAD`` from now (claimable when due)."""
        forgotten = self._forgotten
        try:
            self._run(now)
        finally:
            if self._forgotten != forgotten:
                self.watermark = None

    def _run(self, now: datetime) -> None:
        housekeeping(self.store, self.settings, now)
        if self.timelines.drop_missing(now):
            self.watermark = None
        horizon = now + AHEAD
        args = (self.store, self.timelines, self.settings, self.metrics, now)
        if self.watermark is None or self.changes_seen is None:
            self._look = False
            self.watermark = materialise(*args, None, horizon)
            self.changes_seen = now
            return
        if self._look:
            self._look = False  # a change made while looking asks again
            since = self.changes_seen - CHANGES_OVERLAP
            try:
                materialise(*args, None, horizon, active_slices(self.store, changed_since=since))
            except BaseException:
                self._look = True
                raise
            self.changes_seen = now
        if self._due_after(self.watermark, horizon):
            self.watermark = materialise(*args, self.watermark, horizon)
        else:  # no reminder of anyone falls due meanwhile: no subscription needs reading
            self.watermark = max(self.watermark, horizon)

    def _due_after(self, watermark: datetime, until: datetime) -> bool:
        """Whether a due moment of the offsets planned with lies in (watermark, until]."""
        return watermark < until and due_within(
            self.timelines.tenders(),
            self.offsets,
            self.settings.reminders,
            after=watermark,
            until=until,
        )

    def sweep(self, now: datetime) -> bool:
        """Housekeeping; True when a pass can find something: a due moment in (watermark,
        now + AHEAD], a change to look at, or a tender dropped. Costs nothing per subscriber."""
        housekeeping(self.store, self.settings, now)
        if self.timelines.drop_missing(now):
            self.watermark = None
        return self.watermark is None or self._look or self._due_after(self.watermark, now + AHEAD)


def _row(r: Reminder, status: str, claimable_from: datetime) -> dict[str, object]:
    return {
        "key": r.key,
        "kind": "reminder",
        "subscription_id": r.subscription_id,
        "tender_id": r.tender_id,
        "milestone_id": r.milestone_id,
        "milestone_at": r.milestone_at,
        "offset_seconds": int(r.offset.total_seconds()),
        "due_at": r.due,
        "status": status,
        "next_attempt_at": claimable_from,
    }
