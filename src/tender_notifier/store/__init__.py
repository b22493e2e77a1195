"""The store: SQLAlchemy over SQLite (default, WAL mode) or PostgreSQL, migrated by Alembic.

Store
├── revisions       each tender's last revision (what SEQUENCE/LAST-MODIFIED come from)
├── subscriptions   who follows what, with hashed tokens
├── signups         one pending sign-up per address, merging, mail quota, owner confirmation
└── ledger          the delivery ledger: the truth of what was sent
"""

from __future__ import annotations

from .engine import Store, connect

__all__ = ["Store", "connect"]
