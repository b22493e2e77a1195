"""Subscriptions in the store.

Tokens that grant control are looked up only by their hash. The link and feed tokens, which every
reminder carries in its links, and the confirmation token until it is sent, are also kept sealed
with the store key (``keyring``), so the daemon can compose messages; a webhook's signing secret
is kept sealed too. Each sealed value is bound to its row and column.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Row, Select, Text, bindparam, cast, delete, func, select, update

from ..i18n import language
from ..subscription_types import NO_OPT_OUTS, Channel, OptOut, Status, Subscription
from ..timeline import Kind
from .keyring import StoreKey, new_token, token_hash
from .schema import opt_outs, subscriptions
from .subscription_rows import FIELDS, opt_outs_of, subscription_from
from .upsert import upsert
from .work_notifications import PLAN, announce

# What sending needs of subscriptions (not their hashes and dates), built once: a burst reads
# a claim's worth of them hundreds of times a second.
_SENDING_FIELDS: Select[Any] = select(*FIELDS, subscriptions.c.tokens).where(
    subscriptions.c.id.in_(bindparam("ids", expanding=True))
)

__all__ = ["Created", "Subscriptions", "target_hash", "token_hash"]


def sealed_place(column: str, sub_id: str) -> str:
    """What a sealed value of ``column`` in row ``sub_id`` is bound to (``StoreKey.seal``)."""
    return f"subscriptions.{column}:{sub_id}"


def target_hash(target: str) -> str:
    """The short hash logs show instead of an address or URL."""
    return hashlib.sha256(target.strip().lower().encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Created:
    """A new subscription and the tokens that are shown only now."""

    subscription: Subscription
    manage_token: str
    confirm_token: str | None
    link_token: str
    feed_token: str


_WORKING = (
    update(subscriptions)
    .where(
        subscriptions.c.id.in_(bindparam("ids", expanding=True)),
        subscriptions.c.failing_since.is_not(None),
    )
    .values(failing_since=None)
)


class Subscriptions:
    def __init__(self, engine: Engine, key: StoreKey) -> None:
        self.engine = engine
        self.key = key

    def create(
        self,
        *,
        channel: Channel,
        target: str,
        tenders: Iterable[str],
        offsets: Iterable[timedelta],
        language_code: str,
        now: datetime,
        kinds: Iterable[Kind] | None = None,
        status: Status = Status.PENDING,
        secret: str | None = None,
        owner_email: str | None = None,
        quiet: bool = False,
    ) -> Created:
        """Store a subscription; an active one is announced to the other daemons unless
        ``quiet`` (an import announces once, at its end)."""
        manage_token = new_token()
        link_token = new_token()
        feed_token = new_token()
        confirm_token = new_token() if status is Status.PENDING else None
        sub_id = "sub_" + uuid.uuid4().hex
        seal = self.key.seal
        values = {
            "id": sub_id,
            "channel": channel.value,
            "target": target,
            "target_hash": target_hash(target),
            "tenders": sorted(set(tenders)),
            "kinds": sorted(k.value for k in kinds) if kinds is not None else None,
            "offsets": sorted({int(o.total_seconds()) for o in offsets}, reverse=True),
            "language": language(language_code),
            "status": status.value,
            "secret": seal(secret, sealed_place("secret", sub_id)) if secret else None,
            "tokens": seal(
                json.dumps({"link": link_token, "feed": feed_token}),
                sealed_place("tokens", sub_id),
            ),
            "confirm_token": (
                seal(confirm_token, sealed_place("confirm_token", sub_id))
                if confirm_token
                else None
            ),
            "manage_token_hash": token_hash(manage_token),
            "confirm_token_hash": token_hash(confirm_token) if confirm_token else None,
            "link_token_hash": token_hash(link_token),
            "feed_token_hash": token_hash(feed_token),
            "created_at": now,
            "updated_at": now,
            "confirmed_at": None if status is Status.PENDING else now,
            "owner_email": owner_email,
        }
        with self.engine.begin() as conn:
            conn.execute(subscriptions.insert().values(**values))
            if status is Status.ACTIVE and not quiet:
                announce(conn, PLAN)
        sub = self.get(sub_id)
        assert sub is not None
        return Created(sub, manage_token, confirm_token, link_token, feed_token)

    def get(self, sub_id: str) -> Subscription | None:
        return self._one(subscriptions.c.id == sub_id)

    def by_manage_token(self, token: str) -> Subscription | None:
        return self._one(subscriptions.c.manage_token_hash == token_hash(token))

    def by_link_token(self, token: str) -> Subscription | None:
        return self._one(subscriptions.c.link_token_hash == token_hash(token))

    def by_feed_token(self, token: str) -> Subscription | None:
        return self._one(subscriptions.c.feed_token_hash == token_hash(token))

    def get_many(self, ids: Iterable[str]) -> dict[str, tuple[Subscription, str, str]]:
        """Subscriptions with their (link_token, feed_token), in one round trip per 500."""
        wanted = sorted(set(ids))
        result: dict[str, tuple[Subscription, str, str]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                rows = conn.execute(_SENDING_FIELDS, {"ids": chunk}).all()
                outs = opt_outs_of(conn, [r.id for r in rows])
                for row in rows:
                    sub = self._subscription(row, outs.get(row.id, NO_OPT_OUTS))
                    result[row.id] = (sub, *self._tokens(row.id, row.tokens))
        return result

    def tokens(self, sub_id: str) -> tuple[str, str]:
        """(link_token, feed_token) of a subscription, for the links in its messages."""
        with self.engine.connect() as conn:
            sealed = conn.execute(
                select(subscriptions.c.tokens).where(subscriptions.c.id == sub_id)
            ).scalar_one()
        return self._tokens(sub_id, sealed)

    def confirm_token(self, sub_id: str) -> str | None:
        """The confirmation token of a pending sign-up, for its confirmation email."""
        with self.engine.connect() as conn:
            sealed = conn.execute(
                select(subscriptions.c.confirm_token).where(subscriptions.c.id == sub_id)
            ).scalar()
        if sealed is None:
            return None
        return self.key.open(sealed, sealed_place("confirm_token", sub_id))

    def _tokens(self, sub_id: str, sealed: str) -> tuple[str, str]:
        tokens = json.loads(self.key.open(sealed, sealed_place("tokens", sub_id)))
        return str(tokens["link"]), str(tokens["feed"])

    def owner_email(self, sub_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(subscriptions.c.owner_email).where(subscriptions.c.id == sub_id)
            ).scalar()

    def confirm(self, token: str, now: datetime, confirm_within: timedelta) -> Subscription | None:
        """Activate the pending subscription whose confirmation token this is, if not expired."""
        with self.engine.begin() as conn:
            row = conn.execute(
                select(
                    subscriptions.c.id, subscriptions.c.created_at, subscriptions.c.status
                ).where(subscriptions.c.confirm_token_hash == token_hash(token))
            ).first()
            if row is None or row.created_at + confirm_within < now:
                return None
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == row.id)
                .values(
                    status=Status.ACTIVE.value,
                    confirmed_at=now,
                    updated_at=now,
                    confirm_token_hash=None,
                    confirm_token=None,
                )
            )
            announce(conn, PLAN)
        return self.get(row.id)

    def set_status(
        self, sub_id: str, status: Status, now: datetime, reason: str | None = None
    ) -> None:
        values: dict[str, Any] = {"status": status.value, "updated_at": now}
        if status is Status.DISABLED:
            values["disabled_reason"] = reason
        if status is Status.ACTIVE:
            values["confirmed_at"] = now
            values["failing_since"] = None
        with self.engine.begin() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id).values(values))
            if status is Status.ACTIVE:
                announce(conn, PLAN)

    def update(
        self,
        sub_id: str,
        now: datetime,
        *,
        tenders: Iterable[str] | None = None,
        offsets: Iterable[timedelta] | None = None,
        kinds: Iterable[Kind] | None = None,
        clear_kinds: bool = False,
        language_code: str | None = None,
    ) -> Subscription | None:
        values: dict[str, Any] = {"updated_at": now}
        if tenders is not None:
            values["tenders"] = sorted(set(tenders))
        if offsets is not None:
            values["offsets"] = sorted({int(o.total_seconds()) for o in offsets}, reverse=True)
        if kinds is not None:
            values["kinds"] = sorted(k.value for k in kinds)
        elif clear_kinds:
            values["kinds"] = None
        if language_code is not None:
            values["language"] = language(language_code)
        with self.engine.begin() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id).values(values))
            announce(conn, PLAN)  # new offsets or tenders may make a reminder due sooner
        return self.get(sub_id)

    def mark_failing(self, sub_id: str, now: datetime) -> datetime:
        """Note that deliveries fail; returns since when they have been failing."""
        with self.engine.begin() as conn:
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == sub_id, subscriptions.c.failing_since.is_(None))
                .values(failing_since=now)
            )
            return conn.execute(  # type: ignore[no-any-return]
                select(subscriptions.c.failing_since).where(subscriptions.c.id == sub_id)
            ).scalar_one()

    def mark_working(self, sub_ids: str | Iterable[str]) -> None:
        """Deliveries work again for these subscriptions (one id or many)."""
        ids = sorted({sub_ids} if isinstance(sub_ids, str) else set(sub_ids))
        with self.engine.begin() as conn:
            for i in range(0, len(ids), 500):
                conn.execute(_WORKING, {"ids": ids[i : i + 500]})

    def delete(self, sub_id: str) -> bool:
        """Remove a subscription and everything about it (its ledger rows and opt-outs too)."""
        from .schema import deliveries

        with self.engine.begin() as conn:
            conn.execute(delete(deliveries).where(deliveries.c.subscription_id == sub_id))
            conn.execute(delete(opt_outs).where(opt_outs.c.subscription_id == sub_id))
            result = conn.execute(delete(subscriptions).where(subscriptions.c.id == sub_id))
        return bool(result.rowcount)

    def opt_out(self, sub_id: str, tender_id: str, reason: OptOut, now: datetime) -> None:
        values = {
            "subscription_id": sub_id,
            "tender_id": tender_id,
            "reason": reason.value,
            "created_at": now,
        }
        with self.engine.begin() as conn:
            conn.execute(upsert(conn, opt_outs, values, ["subscription_id", "tender_id"]))

    def undo_opt_out(self, sub_id: str, tender_id: str, now: datetime) -> None:
        """Take an opt-out back; the subscription counts as changed (its reminders are
        materialised anew, ``updated_at``)."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(opt_outs).where(
                    opt_outs.c.subscription_id == sub_id, opt_outs.c.tender_id == tender_id
                )
            )
            conn.execute(
                update(subscriptions).where(subscriptions.c.id == sub_id).values(updated_at=now)
            )
            announce(conn, PLAN)

    def expire_pending(self, created_before: datetime) -> int:
        """Remove email sign-ups never confirmed in time."""
        with self.engine.begin() as conn:
            ids = [
                r.id
                for r in conn.execute(
                    select(subscriptions.c.id).where(
                        subscriptions.c.status == Status.PENDING.value,
                        subscriptions.c.channel == Channel.EMAIL.value,
                        subscriptions.c.created_at < created_before,
                    )
                )
            ]
        for sub_id in ids:
            self.delete(sub_id)
        return len(ids)

    def list(self, status: Status | None = None) -> builtins.list[Subscription]:
        """Every subscription (with ``status``), oldest first: rows read one at a time, only
        the columns a ``Subscription`` holds (full rows would all be held next to the list)."""
        query = select(*FIELDS).order_by(subscriptions.c.created_at)
        outs_query = select(opt_outs)
        if status is not None:
            query = query.where(subscriptions.c.status == status.value)
            outs_query = outs_query.join(
                subscriptions, subscriptions.c.id == opt_outs.c.subscription_id
            ).where(subscriptions.c.status == status.value)
        with self.engine.connect() as conn:
            outs: dict[str, dict[str, OptOut]] = {}
            for row in conn.execute(outs_query):
                outs.setdefault(row.subscription_id, {})[row.tender_id] = OptOut(row.reason)
            return [self._subscription(r, outs.get(r.id, NO_OPT_OUTS)) for r in conn.execute(query)]

    def active(self) -> builtins.list[Subscription]:
        return self.list(Status.ACTIVE)

    def active_slice(
        self, after: str | None, limit: int, *, changed_since: datetime | None = None
    ) -> builtins.list[Subscription]:
        """Up to ``limit`` active subscriptions whose ids come after ``after``, by id: a pass
        over all of them holds one slice at a time (keyset paging). With ``changed_since`` only
        those created or changed (``updated_at``) since then."""
        query = select(*FIELDS).where(subscriptions.c.status == Status.ACTIVE.value)
        if changed_since is not None:
            query = query.where(subscriptions.c.updated_at >= changed_since)
        if after is not None:
            query = query.where(subscriptions.c.id > after)
        query = query.order_by(subscriptions.c.id).limit(limit)
        outs: dict[str, dict[str, OptOut]] = {}
        with self.engine.connect() as conn:
            # Row by row: a row (its JSON parsed) takes several times what a Subscription does.
            found = [self._subscription(r, NO_OPT_OUTS) for r in conn.execute(query)]
            if not found:
                return found
            # The opt-outs of this range of ids (not of every subscription), for the few with any.
            in_range = opt_outs.c.subscription_id.between(found[0].id, found[-1].id)
            for out in conn.execute(select(opt_outs).where(in_range)):
                outs.setdefault(out.subscription_id, {})[out.tender_id] = OptOut(out.reason)
        return [replace(s, opt_outs=outs[s.id]) if s.id in outs else s for s in found]

    def active_offsets(self) -> dict[Channel, set[timedelta]]:
        """Every offset some active subscription has, by channel. The database folds equal
        lists, so what comes back grows with the distinct lists, not with the subscriptions."""
        lists = select(subscriptions.c.channel, cast(subscriptions.c.offsets, Text)).distinct()
        lists = lists.where(subscriptions.c.status == Status.ACTIVE.value)
        found: dict[Channel, set[timedelta]] = {}
        with self.engine.connect() as conn:
            for channel, text in conn.execute(lists):
                found.setdefault(Channel(channel), set()).update(
                    timedelta(seconds=s) for s in json.loads(text)
                )
        return found

    def count_by_status(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(subscriptions.c.status, func.count()).group_by(subscriptions.c.status)
            ).all()
        return {status: count for status, count in rows}

    def _one(self, condition: Any) -> Subscription | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(subscriptions).where(condition)).first()
            if row is None:
                return None
            outs = opt_outs_of(conn, [row.id])
        return self._subscription(row, outs.get(row.id, NO_OPT_OUTS))

    def _subscription(self, row: Row[Any], outs: Mapping[str, OptOut]) -> Subscription:
        secret = row.secret
        if secret is not None:
            secret = self.key.open(secret, sealed_place("secret", row.id))
        return subscription_from(row, outs, secret)
