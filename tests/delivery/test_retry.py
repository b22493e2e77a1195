"""The retry policy: the schedule counts from the first attempt, with jitter, Retry-After and
the milestone as the last useful moment."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from tender_notifier.delivery.retry import MAX_RETRY_AFTER, next_attempt_at

FIRST = datetime(2026, 7, 14, 7, 0, tzinfo=UTC)
SCHEDULE = [timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]


def nxt(
    attempts: int,
    *,
    last: datetime | None = None,
    deadline: datetime | None = None,
    retry_after: float | None = None,
    seed: int = 1,
) -> datetime | None:
    return next_attempt_at(
        first_attempt_at=FIRST,
        last_attempt_at=last or FIRST,
        attempts=attempts,
        schedule=SCHEDULE,
        deadline=deadline,
        retry_after=retry_after,
        rng=random.Random(seed),
    )


@pytest.mark.parametrize("attempts", [1, 2, 3, 4])
def test_next_attempt_follows_the_schedule_from_the_first_attempt_plus_up_to_ten_percent(attempts):
    delay = SCHEDULE[attempts - 1]
    for seed in range(50):
        at = nxt(attempts, seed=seed)
        assert at is not None
        assert FIRST + delay <= at <= FIRST + delay * 1.1


def test_jitter_spreads_retries():
    assert len({nxt(4, seed=seed) for seed in range(20)}) > 10


def test_the_same_random_generator_state_gives_the_same_time():
    assert nxt(3, seed=7) == nxt(3, seed=7)


def test_schedule_exhausted_means_give_up():
    assert nxt(len(SCHEDULE) + 1) is None


def test_retry_after_is_honoured_from_the_last_attempt():
    last = FIRST + timedelta(seconds=6)
    at = nxt(2, last=last, retry_after=3600)  # the schedule says 5 minutes, the receiver 1 hour
    assert at == last + timedelta(hours=1)


def test_short_retry_after_does_not_bring_the_schedule_forward():
    at = nxt(3, retry_after=1)
    assert at is not None and at >= FIRST + timedelta(minutes=30)


def test_a_slot_that_has_gone_by_is_due_now_not_in_the_past():
    late = FIRST + timedelta(hours=1)  # the daemon was down past the 5-minute slot
    assert nxt(2, last=late) == late


def test_no_retry_at_or_after_the_milestone():
    deadline = FIRST + timedelta(minutes=10)
    assert nxt(2, last=deadline, deadline=deadline) is None
    assert nxt(2, last=deadline + timedelta(seconds=1), deadline=deadline) is None
    assert nxt(3, last=deadline - timedelta(seconds=2), deadline=deadline) is None  # 5 s: past


def test_in_the_last_hour_retries_come_at_least_every_minute():
    last = FIRST + timedelta(minutes=1)
    deadline = last + timedelta(minutes=50)
    assert nxt(3, last=last, deadline=deadline) == last + timedelta(minutes=1)  # not 30 min
    assert nxt(3, last=last, deadline=deadline, retry_after=3600) == last + timedelta(minutes=1)


def test_in_the_last_five_minutes_retries_come_every_five_seconds():
    last = FIRST + timedelta(minutes=1)
    deadline = last + timedelta(minutes=4)
    assert nxt(2, last=last, deadline=deadline) == last + timedelta(seconds=5)


def test_a_spent_schedule_tries_again_an_hour_before_the_milestone_not_never():
    deadline = FIRST + timedelta(days=3)
    assert nxt(len(SCHEDULE) + 1, deadline=deadline) == deadline - timedelta(hours=1)
    near = deadline - timedelta(minutes=20)
    assert nxt(len(SCHEDULE) + 7, last=near, deadline=deadline) == near + timedelta(minutes=1)


def test_attempts_must_have_failed_first():
    with pytest.raises(ValueError):
        nxt(0)


@pytest.mark.parametrize("asked", [1e20, float("inf"), float("nan"), -5.0, 10**400 / 10**399])
def test_any_retry_after_gives_a_time_within_the_cap(asked):
    at = nxt(2, retry_after=asked)
    assert at is not None
    assert at <= FIRST + MAX_RETRY_AFTER


def test_retry_after_is_cut_to_the_cap():
    at = nxt(1, retry_after=99999999999999999999.0)
    assert at == FIRST + MAX_RETRY_AFTER
