"""Secrets the daemons behind one store share, such as the key that signs CSRF tokens.

Each secret is made once, by whichever daemon asks first, and read by all the others: so a form
served by one machine behind a load balancer is accepted by another, and a restart keeps the
forms that are open in browsers valid.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from .schema import app_secrets
from .upsert import insert_ignore


class Secrets:
    """Named random secrets, made on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get_or_create(self, name: str) -> str:
        """The secret called ``name``; a new random one (256 bits) if the store has none yet.

        Race-safe: daemons starting together each try an INSERT that skips an existing row, then
        all read the row that won, so every one of them gets the same value.
        """
        query = select(app_secrets.c.value).where(app_secrets.c.name == name)
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        if value is not None:
            return str(value)
        with self.engine.begin() as conn:
            conn.execute(
                insert_ignore(conn, app_secrets, ["name"]).values(
                    name=name, value=secrets.token_urlsafe(32), created_at=datetime.now(UTC)
                )
            )
            return str(conn.execute(query).scalar_one())
