"""The store: SQLAlchemy over SQLite (default, WAL mode) or PostgreSQL, migrated by Alembic.

Store
├── revisions       each tender's last revision (what SEQUENCE/LAST-MODIFIED come from)
├── subscriptions   who follows what, with hashed tokens
├── signups         one pending sign-up per address, merging, mail quota, owner confirmation
├── ledger          the delivery ledger: the truth of what was sent
└── secrets         secrets shared by the daemons on one store, sealed with the store key

The store key (``keyring``) lives in a file outside the database; ``open_store`` finds it.
"""

from __future__ import annotations

from .engine import Store, connect, open_store

__all__ = ["Store", "connect", "open_store"]
