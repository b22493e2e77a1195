"""When to try a failed delivery again: the retry policy, in one place.

The schedule (``delivery.retry_schedule``) counts from the *first* attempt, like Standard
Webhooks' schedule: after ``n`` failed attempts the next one is due ``schedule[n-1]`` after the
first, plus up to 10 % jitter so that a receiver that was down is not hit by every retry at once.
A receiver's ``Retry-After`` is honoured up to ``MAX_RETRY_AFTER``: never sooner than that after
the last attempt.

While time is short the schedule is not followed to the letter: in the last hour before the
milestone a reminder is tried at least every minute, in its last five minutes every 5 s, and it is
not given up (even past the end of the schedule) until the milestone has begun. So a short outage
costs seconds, not a reminder. Past the schedule with the milestone still more than an hour away,
the next try is an hour before it. Past the milestone there is no next attempt: the delivery is
dead. Pure: the caller passes the times and the random generator.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import datetime, timedelta

JITTER = 0.10
# A receiver may ask for a pause, not for silence: longer asks are cut to this.
MAX_RETRY_AFTER = timedelta(hours=1)
# (time left before the milestone, longest wait between tries) while time is short
SHORT_TIME = (
    (timedelta(minutes=5), timedelta(seconds=5)),
    (timedelta(hours=1), timedelta(minutes=1)),
)


def next_attempt_at(
    *,
    first_attempt_at: datetime,
    last_attempt_at: datetime,
    attempts: int,
    schedule: Sequence[timedelta],
    deadline: datetime | None,
    retry_after: float | None,
    rng: random.Random,
) -> datetime | None:
    """When to make attempt ``attempts + 1``, or None when the delivery should be given up.

    ``attempts`` is how many attempts have failed so far (at least 1); ``last_attempt_at`` is
    when the last of them was made (it doubles as "now"); ``retry_after`` is the delay in
    seconds the receiver asked for, if any; ``deadline`` is the moment after which the message
    is useless (the milestone itself).
    """
    if attempts < 1:
        raise ValueError("next_attempt_at is asked after at least one failed attempt")
    at: datetime | None = None
    if attempts <= len(schedule):
        delay = schedule[attempts - 1]
        at = first_attempt_at + delay + delay * rng.uniform(0, JITTER)
        # A schedule slot that has already gone by (the daemon was down) means: now.
        at = max(at, last_attempt_at)
        if retry_after is not None and math.isfinite(retry_after) and retry_after > 0:
            wait = timedelta(seconds=min(retry_after, MAX_RETRY_AFTER.total_seconds()))
            at = max(at, last_attempt_at + wait)
    if deadline is None:
        return at
    left = deadline - last_attempt_at
    for window, longest in SHORT_TIME:
        if left <= window:
            soonest = last_attempt_at + longest
            at = soonest if at is None else min(at, soonest)
            break
    else:
        if at is None:
            at = deadline - SHORT_TIME[-1][0]  # the schedule is spent: try again when time is short
    if at >= deadline:  # at the milestone itself the reminder is no use any more
        return None
    return at
