"""The planner: which reminders exist, when they are due, and what to do with missed ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tender_notifier.planner import decide, message_id, reminders_for, wake_times
from tender_notifier.subscription_types import Channel, OptOut, Status, Subscription
from tender_notifier.tender_file import load_tender_file
from tender_notifier.timeline import Kind
from tests.conftest import SEED_TENDER

SEED = load_tender_file(SEED_TENDER)
SIGNED_UP = datetime(2026, 6, 1, tzinfo=UTC)


def subscription(**changes: object) -> Subscription:
    values: dict[str, object] = {
        "id": "sub_1",
        "channel": Channel.EMAIL,
        "target": "a@b.example",
        "tenders": ("*",),
        "offsets": (timedelta(days=7), timedelta(days=1), timedelta(hours=2)),
        "language": "nl",
        "status": Status.ACTIVE,
        "created_at": SIGNED_UP,
    }
    values.update(changes)
    return Subscription(**values)  # type: ignore[arg-type]


def test_deadlines_and_interviews_count_down_and_buyer_dates_get_one_notice() -> None:
    reminders = list(reminders_for(SEED, subscription(), day_hour=9))
    countdowns = {"questions-deadline", "submission-deadline", "interview-1", "interview-2"}
    assert len(reminders) == 4 * 3 + 3
    offers = [r for r in reminders if r.milestone_id == "submission-deadline"]
    assert sorted(r.due for r in offers) == [
        datetime(2026, 7, 8, 7, 0, tzinfo=UTC),
        datetime(2026, 7, 14, 7, 0, tzinfo=UTC),
        datetime(2026, 7, 15, 5, 0, tzinfo=UTC),
    ]
    for r in reminders:
        if r.milestone_id not in countdowns:
            assert r.offset == timedelta(0)
    assert {r.milestone_id for r in reminders if r.offset == timedelta(0)} == {
        "answers-published",
        "shortlist-notice",
        "start",
    }


def test_whole_day_buyer_dates_get_one_today_notice_at_day_hour() -> None:
    reminders = reminders_for(SEED, subscription(offsets=(timedelta(hours=2),)), day_hour=9)
    (answers,) = [r for r in reminders if r.milestone_id == "answers-published"]
    assert answers.due == datetime(2026, 7, 13, 7, 0, tzinfo=UTC)  # 09:00 Amsterdam, not 07:00
    assert answers.milestone_at == datetime(2026, 7, 13, 22, 0, tzinfo=UTC)  # on time all day
    # Sent late in the morning it is still sent, not skipped as past.
    decision = decide([answers], datetime(2026, 7, 13, 10, 0, tzinfo=UTC))
    assert decision.send == (answers,)


def test_a_countdown_that_would_fall_on_a_weekend_comes_on_the_friday_before() -> None:
    # interview-1 is Monday 20 July 09:30: one day before is Sunday.
    subs = subscription(offsets=(timedelta(days=2), timedelta(days=1), timedelta(hours=2)))
    talks = [r for r in reminders_for(SEED, subs, day_hour=9) if r.milestone_id == "interview-1"]
    friday = datetime(2026, 7, 17, 7, 0, tzinfo=UTC)  # 09:00 Amsterdam
    assert sorted(r.due for r in talks) == [friday, datetime(2026, 7, 20, 5, 30, tzinfo=UTC)]
    assert {r.offset for r in talks if r.due == friday} == {timedelta(days=1)}  # one, not two
    kept = [
        r
        for r in reminders_for(SEED, subs, day_hour=9, weekend_to_friday=False)
        if r.milestone_id == "interview-1"
    ]
    assert datetime(2026, 7, 19, 7, 30, tzinfo=UTC) in {r.due for r in kept}  # Sunday
    # The wake-up moments follow the same rule.
    wakes = wake_times([SEED], subs.offsets, day_hour=9, after=SIGNED_UP)
    assert friday in wakes
    assert datetime(2026, 7, 19, 7, 30, tzinfo=UTC) not in wakes


def test_reminders_already_past_when_the_subscription_starts_are_not_planned() -> None:
    late = subscription(created_at=datetime(2026, 7, 14, 12, 0, tzinfo=UTC))
    offers = [
        r for r in reminders_for(SEED, late, day_hour=9) if r.milestone_id == "submission-deadline"
    ]
    assert [r.offset for r in offers] == [timedelta(hours=2)]


def test_kinds_filter_and_opt_outs_and_status_are_respected() -> None:
    only_offers = subscription(kinds=frozenset({Kind.SUBMISSION_DEADLINE}))
    assert {r.milestone_id for r in reminders_for(SEED, only_offers, day_hour=9)} == {
        "submission-deadline"
    }
    not_bidding = subscription(opt_outs={"flextender-30988": OptOut.NOT_BIDDING})
    assert list(reminders_for(SEED, not_bidding, day_hour=9)) == []
    pending = subscription(status=Status.PENDING)
    assert list(reminders_for(SEED, pending, day_hour=9)) == []
    other = subscription(tenders=("another",))
    assert list(reminders_for(SEED, other, day_hour=9)) == []


def test_submitted_stops_questions_and_offers_but_not_invitations_or_interviews() -> None:
    submitted = subscription(opt_outs={"flextender-30988": OptOut.SUBMITTED})
    kinds = {
        SEED.milestone(r.milestone_id).kind for r in reminders_for(SEED, submitted, day_hour=9)
    }
    assert Kind.SUBMISSION_DEADLINE not in kinds
    assert Kind.QUESTIONS_DEADLINE not in kinds
    assert {Kind.SHORTLIST_NOTICE, Kind.INTERVIEWS, Kind.START} <= kinds
    for kind in Kind:
        assert submitted.wants_reminders("flextender-30988", kind) == (
            kind
            not in {Kind.PARTICIPATION_DEADLINE, Kind.QUESTIONS_DEADLINE, Kind.SUBMISSION_DEADLINE}
        )
    assert submitted.wants_changes("flextender-30988", {"moved"})


def test_not_bidding_stops_everything_but_a_cancellation() -> None:
    out = subscription(opt_outs={"flextender-30988": OptOut.NOT_BIDDING})
    assert not any(out.wants_reminders("flextender-30988", kind) for kind in Kind)
    assert not out.wants_changes("flextender-30988", {"moved", "added"})
    assert out.wants_changes("flextender-30988", {"moved", "removed"})
    assert out.wants_changes("another", {"moved"})


def test_keys_are_stable_and_change_when_the_milestone_moves() -> None:
    a = list(reminders_for(SEED, subscription(), day_hour=9))
    b = list(reminders_for(SEED, subscription(), day_hour=9))
    assert [r.key for r in a] == [r.key for r in b]
    assert a[0].key == "sub_1|flextender-30988|questions-deadline|20260709T070000Z|P7D"
    assert message_id(a[0].key) == message_id(b[0].key)
    assert message_id(a[0].key) != message_id(a[1].key)


def test_missed_reminders_are_coalesced_to_the_latest() -> None:
    offers = [
        r
        for r in reminders_for(SEED, subscription(), day_hour=9)
        if r.milestone_id == "submission-deadline"
    ]
    now = datetime(2026, 7, 15, 6, 0, tzinfo=UTC)  # all three due, the deadline one hour ahead
    decision = decide(offers, now)
    assert [r.offset for r in decision.send] == [timedelta(hours=2)]
    assert sorted((r.offset, why) for r, why in decision.skip) == [
        (timedelta(days=1), "coalesced"),
        (timedelta(days=7), "coalesced"),
    ]


def test_missed_reminders_whose_milestone_has_passed_are_skipped() -> None:
    offers = [
        r
        for r in reminders_for(SEED, subscription(), day_hour=9)
        if r.milestone_id == "submission-deadline"
    ]
    decision = decide(offers, datetime(2026, 7, 15, 8, 0, tzinfo=UTC))
    assert decision.send == ()
    assert {why for _, why in decision.skip} == {"milestone passed"}


def test_reminders_not_yet_due_are_left_alone() -> None:
    offers = list(reminders_for(SEED, subscription(), day_hour=9))
    assert decide(offers, datetime(2026, 6, 2, tzinfo=UTC)) == decide([], SIGNED_UP)


def test_wake_times_are_per_moment_not_per_subscriber() -> None:
    offsets = [timedelta(days=1), timedelta(days=1), timedelta(hours=2)]
    moments = wake_times([SEED], offsets, day_hour=9, after=datetime(2026, 7, 14, 8, tzinfo=UTC))
    assert moments[0] == datetime(2026, 7, 15, 5, 0, tzinfo=UTC)
    assert len(moments) == len(set(moments))
