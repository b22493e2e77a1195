"""What the messages are built from: the links they offer and the changes they report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from ..timeline import Milestone


@dataclass(frozen=True)
class Links:
    """The links a message offers; empty strings are left out."""

    manage_url: str
    unsubscribe_url: str
    submitted_url: str = ""
    not_bidding_url: str = ""
    feed_url: str = ""


@dataclass(frozen=True)
class Change:
    """One milestone that moved, appeared or disappeared between two versions of a tender."""

    milestone_id: str
    kind: Literal["moved", "added", "removed"]
    old: Milestone | None
    new: Milestone | None


class ChangeLike(Protocol):
    """What the change messages read from a change: ``Change`` here, or ``revisions.Change``."""

    @property
    def milestone_id(self) -> str: ...
    @property
    def kind(self) -> Literal["moved", "added", "removed"]: ...
    @property
    def old(self) -> Milestone | None: ...
    @property
    def new(self) -> Milestone | None: ...
