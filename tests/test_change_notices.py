"""Settling change notices: the net change between a notice's baseline and the timeline now."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tender_notifier.change_notices import net_changes
from tender_notifier.revisions import milestone_to_dict
from tender_notifier.tender_file import load_tender_file
from tender_notifier.timeline import Moment
from tests.conftest import SEED_TENDER

TENDER = load_tender_file(SEED_TENDER)
FIRST = next(m for m in TENDER.milestones if isinstance(m.when, Moment))


def moved(by: timedelta) -> object:
    assert isinstance(FIRST.when, Moment)
    milestone = replace(FIRST, when=Moment(FIRST.when.at + by))
    return replace(
        TENDER, milestones=tuple(milestone if m.id == FIRST.id else m for m in TENDER.milestones)
    )


def test_a_move_undone_is_no_change() -> None:
    baseline = {"baseline": {FIRST.id: milestone_to_dict(FIRST)}}
    assert net_changes(baseline, TENDER) == []


def test_several_moves_are_one_net_move_from_the_first_time_to_the_last() -> None:
    baseline = {"baseline": {FIRST.id: milestone_to_dict(FIRST)}}
    [change] = net_changes(baseline, moved(timedelta(hours=3)))  # type: ignore[arg-type]
    assert change.kind == "moved" and change.old == FIRST
    assert change.new is not None and change.new.when != FIRST.when


def test_a_milestone_added_and_removed_again_is_no_change() -> None:
    assert net_changes({"baseline": {"new-one": None}}, TENDER) == []
    gone = milestone_to_dict(replace(FIRST, id="gone"))
    [change] = net_changes({"baseline": {"gone": gone}}, TENDER)
    assert change.kind == "removed"


def test_a_cancelled_procedure_removes_every_milestone_it_had() -> None:
    baseline = {"baseline": {m.id: milestone_to_dict(m) for m in TENDER.milestones}}
    changes = net_changes(baseline, replace(TENDER, cancelled=True))
    assert [c.kind for c in changes] == ["removed"] * len(TENDER.milestones)
