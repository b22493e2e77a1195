"""Secrets the daemons behind one store share, such as the key that signs CSRF tokens.

Each secret is made once, by whichever daemon asks first, and read by all the others: so a form
served by one machine behind a load balancer is accepted by another, and a restart keeps the
forms that are open in browsers valid. Values are sealed with the store key (``keyring``): the
database alone does not give them away.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from ..errors import StoreError
from .keyring import CHECK_NAME, StoreKey
from .schema import app_secrets
from .upsert import insert_ignore


def secret_place(name: str) -> str:
    """What a sealed app secret is bound to (see ``StoreKey.seal``)."""
    return f"app_secrets:{name}"


class Secrets:
    """Named random secrets, made on first use."""

    def __init__(self, engine: Engine, key: StoreKey) -> None:
        self.engine = engine
        self.key = key

    def get_or_create(self, name: str) -> str:
        """The secret called ``name``; a new random one (256 bits) if the store has none yet.

        Race-safe: daemons starting together each try an INSERT that skips an existing row, then
        all read the row that won, so every one of them gets the same value.
        """
        if name == CHECK_NAME:
            raise ValueError(f"{name!r} is not a secret")
        sealed = self._insert_once(
            name, self.key.seal(secrets.token_urlsafe(32), secret_place(name))
        )
        return self.key.open(sealed, secret_place(name))

    def verify_key(self) -> None:
        """Record this key's check value if the store has none; refuse a key that differs.

        Raises ``StoreError`` when the store was sealed with another key: a daemon with a key
        file of its own would otherwise write secrets the other daemons cannot read.
        """
        recorded = self._insert_once(CHECK_NAME, self.key.check)
        if not self.key.matches(recorded):
            raise StoreError(
                "the store key file does not belong to this store: it was set up with another "
                "key. Every daemon on one store needs a copy of the same key file (see "
                "deploy/README.md, 'The store key')"
            )

    def _insert_once(self, name: str, value: str) -> str:
        query = select(app_secrets.c.value).where(app_secrets.c.name == name)
        with self.engine.connect() as conn:
            existing = conn.execute(query).scalar_one_or_none()
        if existing is not None:
            return str(existing)
        with self.engine.begin() as conn:
            conn.execute(
                insert_ignore(conn, app_secrets, ["name"]).values(
                    name=name, value=value, created_at=datetime.now(UTC)
                )
            )
            return str(conn.execute(query).scalar_one())
