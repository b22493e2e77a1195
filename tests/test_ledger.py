"""The delivery ledger on SQLite and PostgreSQL: unique keys, leases, retries, dead letters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from tender_notifier.store import Store
from tender_notifier.store.ledger import Outcome
from tender_notifier.store.schema import deliveries
from tender_notifier.subscription_types import Channel, Status

NOW = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


def subscriber(store: Store) -> str:
    created = store.subscriptions.create(
        channel=Channel.EMAIL,
        target="a@b.example",
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW,
        status=Status.ACTIVE,
    )
    return created.subscription.id


def row(sub_id: str, key: str = "k1") -> dict[str, object]:
    return {
        "key": key,
        "kind": "reminder",
        "subscription_id": sub_id,
        "tender_id": "t",
        "milestone_id": "m",
        "milestone_at": NOW + timedelta(days=1),
        "due_at": NOW,
    }


def test_one_row_per_key(store: Store) -> None:
    sub = subscriber(store)
    assert store.ledger.add([row(sub)], NOW) == 1
    assert store.ledger.add([row(sub), row(sub, "k2")], NOW) == 1
    assert sorted(d.key for d in store.ledger.list()) == ["k1", "k2"]


def test_claimed_rows_are_not_claimed_twice_until_the_lease_runs_out(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE)
    assert claimed.status == "sending" and claimed.attempts == 1
    assert store.ledger.claim(NOW + timedelta(seconds=30), LEASE) == []
    if store.dialect == "postgresql":
        # Leases run on the database's clock: a machine whose clock is a day ahead steals nothing.
        assert store.ledger.claim(NOW + timedelta(days=1), LEASE) == []
        expire_leases(store)
    # The process died before recording the outcome: the row comes back, never lost.
    [again] = store.ledger.claim(NOW + timedelta(seconds=61), LEASE)
    assert again.id == claimed.id and again.attempts == 2


def test_a_claim_reads_its_rows_back_the_same_without_update_returning(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite before 3.35 has no ``UPDATE ... RETURNING``: the claimed rows are read back."""
    sub = subscriber(store)
    store.ledger.add([row(sub, f"k{i}") for i in range(3)], NOW)
    [first] = store.ledger.claim(NOW, LEASE, 1, instance="a")
    monkeypatch.setattr(store.engine.dialect, "update_returning", False)
    rest = store.ledger.claim(NOW, LEASE, 5, instance="a")
    assert [d.key for d in rest] == ["k1", "k2"]
    assert first.key == "k0"
    for claimed in (first, *rest):
        assert claimed.status == "sending" and claimed.attempts == 1
        assert claimed == store.ledger.get(claimed.id)


def expire_leases(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(deliveries).values(lease_until=datetime(2000, 1, 1, tzinfo=UTC)))


def test_rows_of_an_instance_whose_heartbeat_stopped_are_taken_over(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    store.instances.register("a", NOW)
    store.instances.register("b", NOW)
    [claimed] = store.ledger.claim(NOW, LEASE, instance="a", dead_after=timedelta(seconds=6))
    assert store.ledger.claim(NOW, LEASE, instance="b", dead_after=timedelta(seconds=6)) == []
    store.instances.remove("a")  # or silent for dead_after: the same to the others
    assert store.instances.stalled_work("b", NOW, timedelta(seconds=6)) == 1
    [taken] = store.ledger.claim(NOW, LEASE, instance="b", dead_after=timedelta(seconds=6))
    assert taken.id == claimed.id


def test_outcomes_are_written_once_even_when_written_twice(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE, instance="a")
    sent = Outcome(claimed.id, "sent", sent_at=NOW)
    store.ledger.record([sent])
    store.ledger.record([Outcome(claimed.id, "failed", next_attempt_at=NOW, error="late")])
    [row_] = store.ledger.list()
    assert row_.status == "sent" and row_.last_error is None


def test_stale_rows_are_reopened_when_their_reminder_is_in_force_again(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE)
    store.ledger.record([Outcome(claimed.id, "stale", error="moved", uncounted=True)])
    assert store.ledger.existing_keys(["k1"]) == set()
    assert store.ledger.reopen(["k1"], NOW) == 1
    [again] = store.ledger.claim(NOW, LEASE)
    assert again.id == claimed.id and again.attempts == 1


def test_sent_rows_are_done(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE)
    store.ledger.mark_sent(claimed.id, NOW)
    assert store.ledger.claim(NOW + timedelta(days=9), LEASE) == []
    assert store.ledger.counts() == {"sent": 1}


def test_failed_rows_come_back_at_their_next_attempt_then_die(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE)
    later = NOW + timedelta(minutes=5)
    assert store.ledger.mark_failed(claimed.id, "451 try later", later) == "failed"
    assert store.ledger.next_attempt_at() == later
    assert store.ledger.claim(later - timedelta(seconds=1), LEASE) == []
    [retry] = store.ledger.claim(later, LEASE)
    assert store.ledger.mark_failed(retry.id, "550 no such user", None) == "dead"
    [dead] = store.ledger.list("dead")
    assert dead.last_error == "550 no such user" and dead.attempts == 2
    assert store.ledger.retry(dead.id, later)
    assert [d.id for d in store.ledger.claim(later, LEASE)] == [dead.id]


def test_the_next_attempt_after_a_moment_skips_the_rows_due_by_then(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub, "k1"), row(sub, "k2")], NOW)
    early, late = store.ledger.claim(NOW, LEASE)
    store.ledger.mark_failed(early.id, "451 try later", NOW + timedelta(seconds=5))
    store.ledger.mark_failed(late.id, "451 try later", NOW + timedelta(seconds=9))
    assert store.ledger.next_attempt_at() == NOW + timedelta(seconds=5)
    assert store.ledger.next_attempt_at(after=NOW + timedelta(seconds=5)) == NOW + timedelta(
        seconds=9
    )
    assert store.ledger.next_attempt_at(after=NOW + timedelta(seconds=9)) is None


def test_hand_back_returns_a_claim_untouched(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub)], NOW)
    [claimed] = store.ledger.claim(NOW, LEASE)
    store.ledger.hand_back(claimed.id, NOW)
    [again] = store.ledger.claim(NOW, LEASE)
    assert again.attempts == 1


def test_concurrent_claimers_share_the_work_without_overlap(store: Store) -> None:
    sub = subscriber(store)
    store.ledger.add([row(sub, f"k{i}") for i in range(50)], NOW)
    other = Store(store.engine)
    first = store.ledger.claim(NOW, LEASE, limit=30)
    second = other.ledger.claim(NOW, LEASE, limit=30)
    assert len(first) == 30 and len(second) == 20
    assert not {d.id for d in first} & {d.id for d in second}
