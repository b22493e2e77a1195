"""The quota of sign-up mails per address, kept in the store so every daemon on one database
holds to it.

``MAILS_PER_WINDOW`` slots per address (its mailbox: see ``mailbox``); a mail may go only when a
slot is free or was last used more than ``WINDOW`` ago. Taking a slot is one INSERT-if-absent or
one conditional UPDATE, so two daemons can never both take the last one.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, update

from .schema import signup_mail_slots
from .upsert import insert_ignore

MAILS_PER_WINDOW = 3
WINDOW = timedelta(hours=1)


def mailbox(address: str) -> str:
    """The mailbox an address reaches, for the quota: case folded, and without a ``+tag``
    (``jan+1@x`` and ``jan+2@x`` land in one inbox at most providers)."""
    local, _, domain = address.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0] or local}@{domain}"


def address_hash(address: str) -> str:
    return hashlib.sha256(mailbox(address).encode()).hexdigest()


def take(engine: Engine, address: str, now: datetime) -> bool:
    """True (and the slot is used) when one more sign-up mail may go to ``address`` now."""
    key = address_hash(address)
    with engine.begin() as conn:
        for slot in range(MAILS_PER_WINDOW):
            # RETURNING says for sure whether this statement wrote the row, on both dialects.
            inserted = conn.execute(
                insert_ignore(conn, signup_mail_slots, ["address_hash", "slot"])
                .values(address_hash=key, slot=slot, used_at=now)
                .returning(signup_mail_slots.c.slot)
            ).first()
            if inserted is not None:
                return True
            # Row-locked compare-and-set: of two daemons racing for this slot, one wins.
            taken = conn.execute(
                update(signup_mail_slots)
                .where(
                    signup_mail_slots.c.address_hash == key,
                    signup_mail_slots.c.slot == slot,
                    signup_mail_slots.c.used_at <= now - WINDOW,
                )
                .values(used_at=now)
                .returning(signup_mail_slots.c.slot)
            ).first()
            if taken is not None:
                return True
    return False


def prune(engine: Engine, now: datetime) -> int:
    """Forget slots unused for a whole window (they would be free anyway)."""
    with engine.begin() as conn:
        result = conn.execute(
            delete(signup_mail_slots).where(signup_mail_slots.c.used_at <= now - WINDOW)
        )
    return int(result.rowcount or 0)
