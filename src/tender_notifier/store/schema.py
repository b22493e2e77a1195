"""Tables. Every change here comes with an Alembic migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
    text,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (which forgets zones) too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


metadata = MetaData()

tender_revisions = Table(
    "tender_revisions",
    metadata,
    Column("tender_id", String(100), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

_PENDING_EMAIL = "status = 'pending' AND channel = 'email'"

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("channel", String(10), nullable=False),
    Column("target", Text, nullable=False),
    Column("target_hash", String(64), nullable=False),
    Column("tenders", JSON, nullable=False),
    Column("kinds", JSON, nullable=True),
    Column("offsets", JSON, nullable=False),  # seconds before the milestone
    Column("language", String(5), nullable=False),
    Column("status", String(20), nullable=False),
    # Sealed with the store key (see keyring.py): the webhook signing secret; the link and feed
    # tokens as JSON {"link": ..., "feed": ...}; the confirmation token while it is pending.
    Column("secret", Text, nullable=True),
    Column("tokens", Text, nullable=False),
    Column("confirm_token", Text, nullable=True),
    # Tokens are looked up by their SHA-256 only.
    Column("manage_token_hash", String(64), nullable=False, unique=True),
    Column("confirm_token_hash", String(64), nullable=True, unique=True),
    Column("link_token_hash", String(64), nullable=False, unique=True),
    Column("feed_token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("confirmed_at", UTCDateTime, nullable=True),
    Column("failing_since", UTCDateTime, nullable=True),
    Column("disabled_reason", Text, nullable=True),
    Column("owner_email", Text, nullable=True),
    # A webhook's owner_email is told nothing until it follows this confirmation (migration 0004).
    Column("owner_confirm_token_hash", String(64), nullable=True),
    Column("owner_confirmed_at", UTCDateTime, nullable=True),
    Index("ix_subscriptions_status", "status"),
    # A materialising pass reads the active ones in slices by id, or those changed since a
    # moment (migration 0006).
    Index("ix_subscriptions_status_id", "status", "id"),
    Index("ix_subscriptions_status_updated", "status", "updated_at"),
    Index("uq_subscriptions_owner_confirm_token", "owner_confirm_token_hash", unique=True),
    # One pending email sign-up per address: a second sign-up reuses it, on every daemon.
    # PostgreSQL's WHERE is added by ``for_dialect``.
    Index(
        "uq_subscriptions_pending_address",
        func.lower(Column("target", Text)),
        unique=True,
        sqlite_where=text(_PENDING_EMAIL),
    ),
)

opt_outs = Table(
    "opt_outs",
    metadata,
    Column(
        "subscription_id",
        String(40),
        ForeignKey("subscriptions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("tender_id", String(100), primary_key=True),
    Column("reason", String(20), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(400), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),  # reminder | change | confirm | ping | notice
    Column(
        "subscription_id",
        String(40),
        ForeignKey("subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("tender_id", String(100), nullable=True),
    Column("milestone_id", String(100), nullable=True),
    Column("milestone_at", UTCDateTime, nullable=True),  # also the deadline for retries
    Column("offset_seconds", Integer, nullable=True),
    Column("due_at", UTCDateTime, nullable=False),
    # pending -> sending -> sent | failed (retry at next_attempt_at) -> ... | dead; or skipped
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=True),
    Column("first_attempt_at", UTCDateTime, nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),
    # The instance (see ``instances``) holding the lease of a ``sending`` row.
    Column("claimed_by", String(40), nullable=True),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("payload", JSON, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_deliveries_status_next", "status", "next_attempt_at"),
    Index("ix_deliveries_subscription", "subscription_id"),
)

# Confirmation mails sent per address (sha256 of the lower-cased address): ``SLOTS`` rows per
# address, each holding when it was last used; a mail may go when a slot is older than the window.
signup_mail_slots = Table(
    "signup_mail_slots",
    metadata,
    Column("address_hash", String(64), primary_key=True),
    Column("slot", Integer, primary_key=True),
    Column("used_at", UTCDateTime, nullable=False),
)

# Manage tokens of email sign-ups merged into an existing subscription on confirmation: they
# answer 403 (manage by the links in the mail), as a confirmed sign-up's own token does.
retired_manage_tokens = Table(
    "retired_manage_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("retired_at", UTCDateTime, nullable=False),
)

# Daemons working on this store, each with a heartbeat: a ``sending`` row whose instance has
# stopped beating is taken over at once instead of waiting out its lease.
instances = Table(
    "instances",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("heartbeat_at", UTCDateTime, nullable=False),
)

# Secrets shared by every daemon on this store (see ``store/secrets.py``).
app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Text, nullable=False),  # sealed with the store key, except the key check
    Column("created_at", UTCDateTime, nullable=False),
)


def for_dialect(name: str) -> MetaData:
    """The tables as the migrations made them on the database ``name`` (a dialect's name).

    A ``postgresql_where`` written in the table above would load SQLAlchemy's PostgreSQL dialect
    (2 MiB) in every process, SQLite's too: SQLAlchemy loads a dialect to check its options.
    So the partial index gets PostgreSQL's WHERE here, when the database is PostgreSQL."""
    if name == "postgresql":
        index = next(
            i for i in subscriptions.indexes if i.name == "uq_subscriptions_pending_address"
        )
        index.dialect_options["postgresql"]["where"] = text(_PENDING_EMAIL)
    return metadata
