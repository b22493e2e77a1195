"""Subscription rows read back as ``Subscription``s: the columns one holds, its opt-outs, and
the values most subscribers share (one frozen tuple or set each, not one per subscription).

Secrets are opened by the caller (``subscriptions.Subscriptions``), which holds the store key.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, bindparam, select

from ..i18n import language
from ..subscription_types import Channel, OptOut, Status, Subscription
from ..timeline import Kind
from .schema import opt_outs, subscriptions

# What a Subscription is made of, without the tokens and hashes only lookups need.
FIELDS = tuple(
    subscriptions.c[name]
    for name in (
        "id",
        "channel",
        "target",
        "tenders",
        "offsets",
        "language",
        "status",
        "created_at",
        "kinds",
        "secret",
    )
)


_OPT_OUTS_OF = select(opt_outs).where(
    opt_outs.c.subscription_id.in_(bindparam("ids", expanding=True))
)


def opt_outs_of(conn: Any, ids: list[str]) -> dict[str, dict[str, OptOut]]:
    """The opt-outs of the subscriptions ``ids`` (subscription id -> tender id -> why)."""
    result: dict[str, dict[str, OptOut]] = {}
    if not ids:
        return result
    if len(ids) < 500:
        rows = conn.execute(_OPT_OUTS_OF, {"ids": ids})
    else:
        rows = conn.execute(select(opt_outs))
    for row in rows:
        result.setdefault(row.subscription_id, {})[row.tender_id] = OptOut(row.reason)
    return result


def subscription_from(
    row: Row[Any], outs: Mapping[str, OptOut], secret: str | None
) -> Subscription:
    """The ``Subscription`` of a row holding at least ``FIELDS``, ``secret`` already opened."""
    return Subscription(
        id=row.id,
        channel=Channel(row.channel),
        target=row.target,
        tenders=_shared(tuple(row.tenders)),
        offsets=_offsets(tuple(row.offsets)),
        language=language(row.language),
        status=Status(row.status),
        created_at=row.created_at,
        kinds=_kinds(tuple(row.kinds)) if row.kinds is not None else None,
        secret=secret,
        opt_outs=outs,
    )


# Most subscribers share their tenders, offsets and kinds: one frozen value each, not one per
# subscription, keeps a list of a hundred thousand of them small.
@lru_cache(maxsize=1024)
def _shared(tenders: tuple[str, ...]) -> tuple[str, ...]:
    return tenders


@lru_cache(maxsize=1024)
def _offsets(seconds: tuple[int, ...]) -> tuple[timedelta, ...]:
    return tuple(timedelta(seconds=s) for s in seconds)


@lru_cache(maxsize=1024)
def _kinds(kinds: tuple[str, ...]) -> frozenset[Kind]:
    return frozenset(Kind(k) for k in kinds)
