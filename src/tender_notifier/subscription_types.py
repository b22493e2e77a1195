"""Subscriptions as the core sees them: who follows which tenders, how, and how early."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from .i18n import Language
from .timeline import Kind

ALL_TENDERS = "*"


class Channel(StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"


class Status(StrEnum):
    PENDING = "pending"  # an email sign-up not yet confirmed, a webhook not yet pinged
    ACTIVE = "active"
    DISABLED = "disabled"  # a webhook that failed for days, or answered 410
    UNSUBSCRIBED = "unsubscribed"


class OptOut(StrEnum):
    """Why a subscriber wants fewer messages about one tender.

    ``submitted``: the offer is in, so the reminders to ask questions and to make the offer stop;
    reminders of invitations, interviews and every other date still come, and so do changes.
    ``not_bidding``: nothing more about the tender, except a cancellation (a date dropped).
    """

    SUBMITTED = "submitted"
    NOT_BIDDING = "not_bidding"


# The reminders "I have submitted" stops: the supplier's own questions and offer deadlines.
STOPPED_BY_SUBMITTED = frozenset(
    {Kind.PARTICIPATION_DEADLINE, Kind.QUESTIONS_DEADLINE, Kind.SUBMISSION_DEADLINE}
)
# The changes "not bidding" still lets through: a milestone cancelled (dropped from the tender).
CANCELLATION = "removed"


# The opt-outs of a subscription that has none, which is nearly every one: one shared read-only
# empty mapping rather than an empty dict each (64 bytes of 390 per subscription the start-up pass
# holds, 6 MiB of its peak at 100,000 subscriptions).
NO_OPT_OUTS: Mapping[str, OptOut] = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscription:
    id: str
    channel: Channel
    target: str  # the email address or the webhook URL
    tenders: tuple[str, ...]  # tender ids, or ("*",) for all
    offsets: tuple[timedelta, ...]
    language: Language
    status: Status
    created_at: datetime
    kinds: frozenset[Kind] | None = None  # None: every kind
    secret: str | None = None  # webhook signing secret
    opt_outs: Mapping[str, OptOut] = field(default_factory=lambda: NO_OPT_OUTS)  # tender -> why

    def follows(self, tender_id: str) -> bool:
        return ALL_TENDERS in self.tenders or tender_id in self.tenders

    def follows_kind(self, kind: Kind) -> bool:
        return self.kinds is None or kind in self.kinds

    def wants_reminders(self, tender_id: str, kind: Kind | None = None) -> bool:
        """Whether a reminder of a ``kind`` milestone of the tender is wanted (``None``: any)."""
        if self.status is not Status.ACTIVE or not self.follows(tender_id):
            return False
        why = self.opt_outs.get(tender_id)
        if why is None:
            return True
        if why is OptOut.SUBMITTED:
            return kind is None or kind not in STOPPED_BY_SUBMITTED
        return False

    def wants_change(self, tender_id: str, change: str) -> bool:
        """Whether a change (``moved``, ``added``, ``removed``) of the tender's dates is wanted."""
        if self.status is not Status.ACTIVE or not self.follows(tender_id):
            return False
        return self.opt_outs.get(tender_id) is not OptOut.NOT_BIDDING or change == CANCELLATION

    def wants_changes(self, tender_id: str, changes: Iterable[str]) -> bool:
        """Whether a notice of these changes is wanted: one of them is enough."""
        return any(self.wants_change(tender_id, c) for c in changes)
