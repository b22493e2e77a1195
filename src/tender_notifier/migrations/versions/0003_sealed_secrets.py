"""sealed secrets: tokens looked up by hash, secrets and link tokens sealed with the store key

Revision ID: 0003
Revises: 0002

Existing rows are converted in place, so links in emails already sent and feed URLs already in
calendar apps keep working: each link and feed token gets its hash (for lookups) and a sealed
copy (for the links in later messages); webhook signing secrets and app secrets are sealed; a
confirmation token waiting in a queued email moves, sealed, to its subscription. Sealing needs
the store key: the store hands it over (``config.attributes["store_key"]``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from tender_notifier.store.keyring import CHECK_NAME, SEALED_PREFIX, StoreKey, token_hash

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

subscriptions = sa.table(
    "subscriptions",
    sa.column("id", sa.String),
    sa.column("secret", sa.Text),
    sa.column("link_token", sa.String),
    sa.column("feed_token", sa.String),
    sa.column("tokens", sa.Text),
    sa.column("confirm_token", sa.Text),
    sa.column("confirm_token_hash", sa.String),
    sa.column("link_token_hash", sa.String),
    sa.column("feed_token_hash", sa.String),
)
deliveries = sa.table(
    "deliveries",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("subscription_id", sa.String),
    sa.column("payload", sa.JSON),
)
app_secrets = sa.table(
    "app_secrets",
    sa.column("name", sa.String),
    sa.column("value", sa.Text),
    sa.column("created_at", sa.DateTime),
)


def _place(column: str, sub_id: str) -> str:
    return f"subscriptions.{column}:{sub_id}"


def _key(conn: sa.Connection) -> StoreKey | None:
    key: StoreKey | None = context.config.attributes.get("store_key")
    if key is None:
        has_rows = conn.execute(sa.select(sa.func.count()).select_from(subscriptions)).scalar()
        has_rows = (
            has_rows or conn.execute(sa.select(sa.func.count()).select_from(app_secrets)).scalar()
        )
        if has_rows:
            raise RuntimeError("migration 0003 seals the store's secrets and needs the store key")
    return key


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("tokens", sa.Text(), nullable=True))
        batch.add_column(sa.Column("confirm_token", sa.Text(), nullable=True))
        batch.add_column(sa.Column("link_token_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("feed_token_hash", sa.String(length=64), nullable=True))

    conn = op.get_bind()
    key = _key(conn)
    if key is not None:
        _seal_rows(conn, key)
        # In the same transaction: no daemon with another key can slip in before it.
        now = datetime.now(UTC)
        if conn.dialect.name == "sqlite":  # as the store's UTCDateTime keeps it there
            now = now.replace(tzinfo=None)
        conn.execute(
            sa.insert(app_secrets).values(name=CHECK_NAME, value=key.check, created_at=now)
        )

    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("link_token")
        batch.drop_column("feed_token")
        batch.alter_column("tokens", existing_type=sa.Text(), nullable=False)
        batch.alter_column("link_token_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("feed_token_hash", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_subscriptions_link_token_hash", ["link_token_hash"])
        batch.create_unique_constraint("uq_subscriptions_feed_token_hash", ["feed_token_hash"])


def _seal_rows(conn: sa.Connection, key: StoreKey) -> None:
    waiting: dict[str, str] = {}  # subscription id -> confirmation token in a queued email
    queued = conn.execute(
        sa.select(deliveries.c.id, deliveries.c.subscription_id, deliveries.c.payload).where(
            deliveries.c.kind == "confirm"
        )
    ).all()
    for delivery in queued:
        payload: dict[str, Any] = dict(delivery.payload or {})
        token = payload.pop("confirm_token", None)
        if token is None:
            continue
        waiting[delivery.subscription_id] = str(token)
        conn.execute(
            sa.update(deliveries)
            .where(deliveries.c.id == delivery.id)
            .values(payload=payload or None)
        )
    for row in conn.execute(
        sa.select(
            subscriptions.c.id,
            subscriptions.c.secret,
            subscriptions.c.link_token,
            subscriptions.c.feed_token,
            subscriptions.c.confirm_token_hash,
        )
    ).all():
        values: dict[str, Any] = {
            "tokens": key.seal(
                json.dumps({"link": row.link_token, "feed": row.feed_token}),
                _place("tokens", row.id),
            ),
            "link_token_hash": token_hash(row.link_token),
            "feed_token_hash": token_hash(row.feed_token),
        }
        if row.secret is not None and not row.secret.startswith(SEALED_PREFIX):
            values["secret"] = key.seal(row.secret, _place("secret", row.id))
        confirm = waiting.get(row.id)
        if confirm is not None and row.confirm_token_hash == token_hash(confirm):
            values["confirm_token"] = key.seal(confirm, _place("confirm_token", row.id))
        conn.execute(sa.update(subscriptions).where(subscriptions.c.id == row.id).values(values))
    for name, value in conn.execute(sa.select(app_secrets.c.name, app_secrets.c.value)).all():
        if name == CHECK_NAME or value.startswith(SEALED_PREFIX):
            continue
        conn.execute(
            sa.update(app_secrets)
            .where(app_secrets.c.name == name)
            .values(value=key.seal(value, f"app_secrets:{name}"))
        )


def downgrade() -> None:
    conn = op.get_bind()
    key = _key(conn)
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("link_token", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("feed_token", sa.String(length=64), nullable=True))
    if key is not None:
        for row in conn.execute(
            sa.select(subscriptions.c.id, subscriptions.c.secret, subscriptions.c.tokens)
        ).all():
            tokens = json.loads(key.open(row.tokens, _place("tokens", row.id)))
            values: dict[str, Any] = {"link_token": tokens["link"], "feed_token": tokens["feed"]}
            if row.secret is not None:
                values["secret"] = key.open(row.secret, _place("secret", row.id))
            conn.execute(
                sa.update(subscriptions).where(subscriptions.c.id == row.id).values(values)
            )
        secrets = conn.execute(sa.select(app_secrets.c.name, app_secrets.c.value)).all()
        for name, value in secrets:
            if name == CHECK_NAME:
                continue
            conn.execute(
                sa.update(app_secrets)
                .where(app_secrets.c.name == name)
                .values(value=key.open(value, f"app_secrets:{name}"))
            )
    conn.execute(sa.delete(app_secrets).where(app_secrets.c.name == CHECK_NAME))
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_constraint("uq_subscriptions_link_token_hash", type_="unique")
        batch.drop_constraint("uq_subscriptions_feed_token_hash", type_="unique")
        batch.drop_column("tokens")
        batch.drop_column("confirm_token")
        batch.drop_column("link_token_hash")
        batch.drop_column("feed_token_hash")
        batch.alter_column("link_token", existing_type=sa.String(64), nullable=False)
        batch.alter_column("feed_token", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_subscriptions_link_token", ["link_token"])
        batch.create_unique_constraint("uq_subscriptions_feed_token", ["feed_token"])
