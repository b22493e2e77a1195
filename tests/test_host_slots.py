"""Webhook slots per host and the line of claimed rows waiting for them."""

from __future__ import annotations

from tender_notifier.host_slots import SLOW, HostSlots


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_busy_host_keeps_its_line_and_each_finished_send_starts_the_next() -> None:
    slots: HostSlots[str] = HostSlots(2, 10, Ticks())
    assert slots.take("a") and slots.take("a")
    assert not slots.take("a")
    assert not slots.wait("a", "row-3")  # not heard from yet: no line
    assert slots.release("a") is None and slots.take("a")  # one send done, the next started
    assert slots.wait("a", "row-3") and slots.wait("a", "row-4")
    assert slots.take("b")  # another host is not held up
    assert slots.release("a") == "row-3"  # the freed slot goes to the next in line
    assert slots.release("a") == "row-4"
    assert slots.waiting == 0
    assert slots.release("a") is None
    assert slots.take("a")


def test_a_host_not_keeping_up_gets_no_line_and_the_line_is_bounded() -> None:
    ticks = Ticks()
    slots: HostSlots[str] = HostSlots(1, 2, ticks)
    assert slots.take("hanging") and slots.release("hanging") is None
    assert slots.take("hanging")
    ticks.now += SLOW + 0.1  # nothing finished since
    assert not slots.wait("hanging", "row")  # back to the ledger
    assert slots.take("fast") and slots.release("fast") is None and slots.take("fast")
    assert slots.wait("fast", "r1") and slots.wait("fast", "r2")
    assert not slots.wait("fast", "r3")  # the line of all hosts is full
    assert sorted(slots.drain()) == ["r1", "r2"]
