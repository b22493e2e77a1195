"""sign-up safety: owner_email confirmation, one pending sign-up per address, mail quota, retired
manage tokens

Revision ID: 0004
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

PENDING_EMAIL = "status = 'pending' AND channel = 'email'"


def upgrade() -> None:
    # Plain ADD COLUMN and a unique index, no batch copy: on SQLite a table rebuild would drop
    # the old table, and its ON DELETE CASCADE would take every delivery with it.
    op.add_column(
        "subscriptions", sa.Column("owner_confirm_token_hash", sa.String(64), nullable=True)
    )
    op.add_column(
        "subscriptions",
        sa.Column("owner_confirmed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index(
        "uq_subscriptions_owner_confirm_token",
        "subscriptions",
        ["owner_confirm_token_hash"],
        unique=True,
    )
    # Owner addresses given before this revision were never confirmed: they are told nothing more.
    # Duplicate pending email sign-ups of one address: only the newest stays (they are unconfirmed).
    op.execute(
        "DELETE FROM deliveries WHERE subscription_id IN ("
        " SELECT s.id FROM subscriptions s WHERE s.status = 'pending' AND s.channel = 'email'"
        " AND EXISTS (SELECT 1 FROM subscriptions t WHERE t.status = 'pending'"
        " AND t.channel = 'email' AND lower(t.target) = lower(s.target)"
        " AND (t.created_at > s.created_at OR (t.created_at = s.created_at AND t.id > s.id))))"
    )
    op.execute(
        "DELETE FROM subscriptions WHERE id IN ("
        " SELECT s.id FROM subscriptions s WHERE s.status = 'pending' AND s.channel = 'email'"
        " AND EXISTS (SELECT 1 FROM subscriptions t WHERE t.status = 'pending'"
        " AND t.channel = 'email' AND lower(t.target) = lower(s.target)"
        " AND (t.created_at > s.created_at OR (t.created_at = s.created_at AND t.id > s.id))))"
    )
    op.create_index(
        "uq_subscriptions_pending_address",
        "subscriptions",
        [sa.text("lower(target)")],
        unique=True,
        sqlite_where=sa.text(PENDING_EMAIL),
        postgresql_where=sa.text(PENDING_EMAIL),
    )
    op.create_table(
        "signup_mail_slots",
        sa.Column("address_hash", sa.String(64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("address_hash", "slot"),
    )
    op.create_table(
        "retired_manage_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("retired_manage_tokens")
    op.drop_table("signup_mail_slots")
    op.drop_index("uq_subscriptions_pending_address", table_name="subscriptions")
    op.drop_index("uq_subscriptions_owner_confirm_token", table_name="subscriptions")
    op.drop_column("subscriptions", "owner_confirmed_at")
    op.drop_column("subscriptions", "owner_confirm_token_hash")
