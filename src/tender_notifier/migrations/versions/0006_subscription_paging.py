"""indexes to read active subscriptions in slices by id, and those changed since a moment

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_subscriptions_status_id", "subscriptions", ["status", "id"])
    op.create_index("ix_subscriptions_status_updated", "subscriptions", ["status", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_subscriptions_status_updated", table_name="subscriptions")
    op.drop_index("ix_subscriptions_status_id", table_name="subscriptions")
