"""Subscriptions as the core sees them: who follows which tenders, how, and how early."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

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
    """Why a subscriber wants no more reminders for one tender (change notices still come)."""

    SUBMITTED = "submitted"
    NOT_BIDDING = "not_bidding"


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
    opt_outs: dict[str, OptOut] = field(default_factory=dict)  # tender id -> why

    def follows(self, tender_id: str) -> bool:
        return ALL_TENDERS in self.tenders or tender_id in self.tenders

    def follows_kind(self, kind: Kind) -> bool:
        return self.kinds is None or kind in self.kinds

    def wants_reminders(self, tender_id: str) -> bool:
        return (
            self.status is Status.ACTIVE
            and self.follows(tender_id)
            and tender_id not in self.opt_outs
        )

    def wants_changes(self, tender_id: str) -> bool:
        return self.status is Status.ACTIVE and self.follows(tender_id)
