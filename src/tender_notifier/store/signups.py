"""What keeps the public sign-up from being turned against a mailbox, kept in the store so that
every daemon on one database holds to it.

- **One pending email sign-up per address** (a partial unique index): a new sign-up for an
  address with one pending takes it over with the new request's choices and new tokens, but only
  when its confirmation mail may go: over the quota the pending one stays as it was mailed.
- **Merging on confirmation**: confirming a sign-up for an address that already has an active
  subscription folds it into that one (one message each), and retires the sign-up's manage token.
- **A quota of confirmation mails per address** (``mail_slots``): a few slots per address, each
  used at most once an hour.
- **Owner addresses of webhooks** are confirmed before they are told anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from ..i18n import language
from ..subscription_types import ALL_TENDERS, NO_OPT_OUTS, Channel, Status, Subscription
from . import mail_slots
from .keyring import new_token
from .schema import deliveries, retired_manage_tokens, subscriptions
from .subscriptions import Created, Subscriptions, sealed_place, token_hash
from .upsert import insert_ignore
from .work_notifications import PLAN, announce

MAX_OFFSETS = 10


class Confirmed(StrEnum):
    SUBSCRIPTION = "subscription"  # an email sign-up (or merged into the address's subscription)
    OWNER = "owner"  # a webhook owner's address


@dataclass(frozen=True)
class Confirmation:
    kind: Confirmed
    subscription: Subscription


class Signups:
    def __init__(self, engine: Engine, subscriptions_: Subscriptions) -> None:
        self.engine = engine
        self.subscriptions = subscriptions_

    # --- the per-address mail quota --------------------------------------------------------------

    def take_mail_slot(self, address: str, now: datetime) -> bool:
        """True (and the slot is used) when one more sign-up mail may go to ``address`` now."""
        return mail_slots.take(self.engine, address, now)

    def prune_mail_slots(self, now: datetime) -> int:
        """Forget slots unused for a whole window (they would be free anyway)."""
        return mail_slots.prune(self.engine, now)

    # --- pending email sign-ups ------------------------------------------------------------------

    def create_pending_email(
        self,
        *,
        target: str,
        tenders: tuple[str, ...],
        offsets: tuple[timedelta, ...],
        language_code: str,
        kinds: tuple[Any, ...] | None,
        now: datetime,
    ) -> tuple[Created, bool]:
        """A pending email sign-up, or the address's pending one taken over by this request,
        and whether its confirmation mail may go (a slot of the address's quota was taken).

        Taking over replaces its choices with this request's and issues new manage, link, feed
        and confirmation tokens: whoever asked before can no longer read or change it, and an
        earlier confirmation link no longer works (the mail it was in listed other choices).

        Over the quota nothing is taken over: the pending sign-up keeps the choices and the
        confirmation token its owner was mailed (else anyone could keep an address from ever
        confirming by signing it up again and again). The answer is then built from this
        request, with tokens that control nothing, as the caller must not learn the pending
        sign-up's choices or tokens.
        """
        slot: bool | None = None
        for _ in range(3):
            existing = self._pending_id(target)
            if existing is None:
                try:
                    created = self.subscriptions.create(
                        channel=Channel.EMAIL,
                        target=target,
                        tenders=tenders,
                        offsets=offsets,
                        language_code=language_code,
                        kinds=kinds,
                        now=now,
                    )
                except IntegrityError:
                    continue  # another daemon made it just now: take that one over
                return created, slot if slot is not None else self.take_mail_slot(target, now)
            if slot is None:
                slot = self.take_mail_slot(target, now)
            if not slot:
                return self._unchanged(existing, tenders, offsets, language_code, kinds), False
            taken = self._take_over(existing, tenders, offsets, language_code, kinds, now)
            if taken is not None:
                return taken, True
        raise RuntimeError("could not register the sign-up")  # pragma: no cover - needs 3 races

    def _unchanged(
        self,
        sub_id: str,
        tenders: tuple[str, ...],
        offsets: tuple[timedelta, ...],
        language_code: str,
        kinds: tuple[Any, ...] | None,
    ) -> Created:
        """The answer to a sign-up over the quota: the pending sign-up's id (as a take-over
        would answer), this request's choices, and fresh tokens that are stored nowhere."""
        sub = self.subscriptions.get(sub_id)
        assert sub is not None
        shown = replace(
            sub,
            tenders=tuple(sorted(set(tenders))),
            offsets=tuple(sorted(set(offsets), reverse=True)),
            kinds=frozenset(kinds) if kinds is not None else None,
            language=language(language_code),
            opt_outs=NO_OPT_OUTS,
            secret=None,
        )
        return Created(shown, new_token(), new_token(), new_token(), new_token())

    def _pending_id(self, target: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(subscriptions.c.id).where(
                    func.lower(subscriptions.c.target) == target.lower(),
                    subscriptions.c.status == Status.PENDING.value,
                    subscriptions.c.channel == Channel.EMAIL.value,
                )
            ).scalar()
        return None if value is None else str(value)

    def _take_over(
        self,
        sub_id: str,
        tenders: tuple[str, ...],
        offsets: tuple[timedelta, ...],
        language_code: str,
        kinds: tuple[Any, ...] | None,
        now: datetime,
    ) -> Created | None:
        manage_token = new_token()
        link_token = new_token()
        feed_token = new_token()
        confirm_token = new_token()
        seal = self.subscriptions.key.seal
        with self.engine.begin() as conn:
            result = conn.execute(
                update(subscriptions)
                .where(
                    subscriptions.c.id == sub_id,
                    subscriptions.c.status == Status.PENDING.value,
                )
                .values(
                    tenders=sorted(set(tenders)),
                    kinds=sorted(k.value for k in kinds) if kinds is not None else None,
                    offsets=sorted({int(o.total_seconds()) for o in offsets}, reverse=True),
                    language=language(language_code),
                    manage_token_hash=token_hash(manage_token),
                    confirm_token_hash=token_hash(confirm_token),
                    confirm_token=seal(confirm_token, sealed_place("confirm_token", sub_id)),
                    tokens=seal(
                        json.dumps({"link": link_token, "feed": feed_token}),
                        sealed_place("tokens", sub_id),
                    ),
                    link_token_hash=token_hash(link_token),
                    feed_token_hash=token_hash(feed_token),
                    created_at=now,  # the confirmation period starts again
                    updated_at=now,
                )
            )
            if not result.rowcount:
                return None  # confirmed or expired meanwhile
            # A confirmation still waiting to go out holds the old token: it is no longer sent.
            conn.execute(
                update(deliveries)
                .where(
                    deliveries.c.subscription_id == sub_id,
                    deliveries.c.kind == "confirm",
                    deliveries.c.status.in_(("pending", "failed")),
                )
                .values(status="skipped", payload=None, next_attempt_at=None)
            )
        sub = self.subscriptions.get(sub_id)
        assert sub is not None
        return Created(sub, manage_token, confirm_token, link_token, feed_token)

    # --- confirming ------------------------------------------------------------------------------

    def confirm(self, token: str, now: datetime, within: timedelta) -> Confirmation | None:
        """Confirm an email sign-up (merging it into the address's active subscription) or a
        webhook owner's address; None when the token is unknown or expired."""
        sub = self.subscriptions.confirm(token, now, within)
        if sub is not None:
            if sub.channel is Channel.EMAIL:
                self._new_feed_token(sub.id)
            return Confirmation(Confirmed.SUBSCRIPTION, self._merge(sub, now))
        owner = self._confirm_owner(token, now, within)
        return None if owner is None else Confirmation(Confirmed.OWNER, owner)

    def pending_confirmation(self, token: str, now: datetime, within: timedelta) -> str | None:
        """The language of what ``token`` would confirm, None when it confirms nothing (for the
        page that asks to press the button)."""
        hashed = token_hash(token)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(subscriptions.c.created_at, subscriptions.c.language).where(
                    (subscriptions.c.confirm_token_hash == hashed)
                    | (subscriptions.c.owner_confirm_token_hash == hashed)
                )
            ).first()
        if row is None or row.created_at + within < now:
            return None
        return str(row.language)

    def merge(self, confirmed: Subscription, now: datetime) -> Subscription:
        """Fold an active email subscription into an older active one of the same address, if
        there is one (returned then); otherwise return it as it is."""
        return self._merge(confirmed, now)

    def _merge(self, confirmed: Subscription, now: datetime) -> Subscription:
        if confirmed.channel is not Channel.EMAIL:
            return confirmed
        with self.engine.begin() as conn:
            other = conn.execute(
                select(subscriptions)
                .where(
                    func.lower(subscriptions.c.target) == confirmed.target.lower(),
                    subscriptions.c.channel == Channel.EMAIL.value,
                    subscriptions.c.status == Status.ACTIVE.value,
                    subscriptions.c.id != confirmed.id,
                )
                .order_by(subscriptions.c.created_at)
                .with_for_update()
            ).first()
            if other is None:
                return confirmed
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == other.id)
                .values(**_merged(other, confirmed), updated_at=now)
            )
            _retire(conn, confirmed.id, now)
            conn.execute(delete(deliveries).where(deliveries.c.subscription_id == confirmed.id))
            conn.execute(delete(subscriptions).where(subscriptions.c.id == confirmed.id))
            announce(conn, PLAN)
        merged = self.subscriptions.get(other.id)
        assert merged is not None
        return merged

    def _confirm_owner(self, token: str, now: datetime, within: timedelta) -> Subscription | None:
        hashed = token_hash(token)
        with self.engine.begin() as conn:
            row = conn.execute(
                select(subscriptions.c.id, subscriptions.c.created_at).where(
                    subscriptions.c.owner_confirm_token_hash == hashed
                )
            ).first()
            if row is None or row.created_at + within < now:
                return None
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == row.id)
                .values(owner_confirm_token_hash=None, owner_confirmed_at=now, updated_at=now)
            )
        return self.subscriptions.get(row.id)

    def _new_feed_token(self, sub_id: str) -> None:
        """The feed URL the sign-up answer showed stops working: from now on only the mailbox
        owner (whose mails carry the new one) reads which tenders the subscription follows."""
        link_token, _ = self.subscriptions.tokens(sub_id)
        feed_token = new_token()
        sealed = self.subscriptions.key.seal(
            json.dumps({"link": link_token, "feed": feed_token}), sealed_place("tokens", sub_id)
        )
        with self.engine.begin() as conn:
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == sub_id)
                .values(tokens=sealed, feed_token_hash=token_hash(feed_token))
            )

    # --- webhook owners --------------------------------------------------------------------------

    def ask_owner(self, sub_id: str) -> str:
        """A new confirmation token for the webhook's owner address (shown only now)."""
        token = new_token()
        with self.engine.begin() as conn:
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.id == sub_id)
                .values(owner_confirm_token_hash=token_hash(token))
            )
        return token

    def seal_owner_token(self, sub_id: str, token: str) -> str:
        """The owner's confirmation token as its ledger row keeps it until sent: sealed."""
        return self.subscriptions.key.seal(token, sealed_place("owner_confirm_token", sub_id))

    def open_owner_token(self, sub_id: str, sealed: str) -> str:
        return self.subscriptions.key.open(sealed, sealed_place("owner_confirm_token", sub_id))

    def confirmed_owner(self, sub_id: str) -> str | None:
        """The webhook's owner address, only once the owner has confirmed it."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(subscriptions.c.owner_email, subscriptions.c.owner_confirmed_at).where(
                    subscriptions.c.id == sub_id
                )
            ).first()
        if row is None or row.owner_confirmed_at is None:
            return None
        return str(row.owner_email) if row.owner_email else None

    # --- manage tokens ---------------------------------------------------------------------------

    def is_retired(self, token: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(
                    select(retired_manage_tokens.c.token_hash).where(
                        retired_manage_tokens.c.token_hash == token_hash(token)
                    )
                ).first()
                is not None
            )


def _retire(conn: Connection, sub_id: str, now: datetime) -> None:
    hashed = conn.execute(
        select(subscriptions.c.manage_token_hash).where(subscriptions.c.id == sub_id)
    ).scalar_one()
    conn.execute(
        insert_ignore(conn, retired_manage_tokens, ["token_hash"]).values(
            token_hash=hashed, retired_at=now
        )
    )


def _merged(row: Any, new: Subscription) -> dict[str, Any]:
    """The active subscription ``row`` widened by a newly confirmed sign-up for its address.

    It follows every tender either follows, every kind either wants (all when either wants all),
    and the offsets of both (the ten earliest); its language stays as its owner chose.
    """
    if ALL_TENDERS in row.tenders or ALL_TENDERS in new.tenders:
        tenders = [ALL_TENDERS]
    else:
        tenders = sorted(set(row.tenders) | set(new.tenders))
    kinds = (
        None
        if row.kinds is None or new.kinds is None
        else sorted(set(row.kinds) | {k.value for k in new.kinds})
    )
    seconds = set(row.offsets) | {int(o.total_seconds()) for o in new.offsets}
    offsets = sorted(seconds, reverse=True)[:MAX_OFFSETS]
    return {"tenders": tenders, "kinds": kinds, "offsets": offsets}
