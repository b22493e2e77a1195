"""Signing up, the same for the API, the web form and ops' commands: check, then register.

A sign-up from the public (status pending) is built so that it cannot be turned against the
mailbox it names (see ``store/signups.py`` for how the store holds this across daemons):

- an email address has at most one pending sign-up: a new one takes it over;
- at most ``MAILS_PER_WINDOW`` confirmation mails go to one address per hour; later sign-ups
  are answered the same, but send nothing and leave the address's pending sign-up as mailed;
- confirming merges into the subscription the address already has, if any;
- a webhook's ``owner_email`` gets a confirmation request, and nothing else until it confirms.

The caller learns nothing of what the address had before: the answer is built from the request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from .delivery.ssrf import check_url
from .delivery.webhook import new_secret
from .settings import Settings
from .signup_checks import Invalid, SignupRequest, check_signup
from .store import Store
from .store.subscriptions import Created
from .subscription_types import Channel, Status
from .timeline import Tender


def check(
    settings: Settings,
    known_tenders: Iterable[str],
    data: Any,
    *,
    closed: Iterable[Tender] = (),
) -> SignupRequest:
    """Validate a sign-up against these settings; raises ``signup_checks.Invalid`` per bad field.

    ``closed`` are tenders cancelled by the buyer or whose dates are all past (see
    ``Tender.is_closed``): a sign-up naming one is refused.
    """
    allow = settings.delivery.allow_private_targets
    errors: dict[str, str] = {}
    try:
        req = check_signup(
            data,
            known_tenders=known_tenders,
            default_offsets=settings.reminders.default_offsets,
            check_url=lambda url: check_url(url, allow_private=allow),
        )
    except Invalid as exc:
        errors = dict(exc.errors)
    named = data.get("tenders") if isinstance(data, dict) else None
    refused = closed_named(named, closed)
    if refused and "tenders" not in errors:
        errors["tenders"] = refused
    if errors:
        raise Invalid(errors)
    return req


def closed_named(named: Any, closed: Iterable[Tender], *, kept: Iterable[str] = ()) -> str | None:
    """Why a ``tenders`` value naming closed tenders is refused, or None if it names none.

    ``kept``: tenders a subscription follows already, which a change may keep naming.
    """
    names = {t for t in named if isinstance(t, str)} if isinstance(named, list) else set()
    names -= set(kept)
    gone = sorted((t for t in closed if t.id in names), key=lambda t: t.id)
    if not gone:
        return None
    reasons = []
    cancelled = [t.id for t in gone if t.cancelled]
    past = [t.id for t in gone if not t.cancelled]
    if cancelled:
        reasons.append(f"tender {_names(cancelled)} was cancelled by the buyer")
    if past:
        reasons.append(f"every date of tender {_names(past)} is past")
    return f"closed: {'; '.join(reasons)}; no sign-up possible"


def _names(ids: list[str]) -> str:
    return ", ".join(repr(t) for t in ids)


def register(
    store: Store,
    req: SignupRequest,
    now: datetime,
    *,
    status: Status = Status.PENDING,
    quiet: bool = False,
) -> Created:
    """Store a checked sign-up; a pending one gets its confirmation email or ping queued.
    ``quiet``: the other daemons are not told (an import tells them once, at its end)."""
    mail = False
    if req.channel is Channel.EMAIL and status is Status.PENDING:
        created, mail = store.signups.create_pending_email(
            target=req.target,
            tenders=req.tenders,
            offsets=req.offsets,
            language_code=req.language,
            kinds=req.kinds,
            now=now,
        )
    else:
        created = store.subscriptions.create(
            channel=req.channel,
            target=req.target,
            tenders=req.tenders,
            offsets=req.offsets,
            language_code=req.language,
            kinds=req.kinds,
            now=now,
            status=status,
            secret=new_secret() if req.channel is Channel.WEBHOOK else None,
            owner_email=req.owner_email,
            quiet=quiet,
        )
    if req.channel is Channel.EMAIL and status is Status.ACTIVE:
        # Added by ops, confirmed already: one subscription per address all the same.
        merged = store.signups.merge(created.subscription, now)
        if merged.id != created.subscription.id:
            link_token, feed_token = store.subscriptions.tokens(merged.id)
            return replace(
                created, subscription=merged, link_token=link_token, feed_token=feed_token
            )
    sub = created.subscription
    rows: list[dict[str, Any]] = []
    if sub.status is Status.PENDING and sub.channel is Channel.EMAIL:
        if mail:
            rows.append(
                {
                    "key": f"{sub.id}|confirm|{_short(created.confirm_token)}",
                    "kind": "confirm",
                    "subscription_id": sub.id,
                    "due_at": now,  # the token is read, sealed, from the subscription
                }
            )
    elif sub.status is Status.PENDING:
        rows.append(
            {"key": f"{sub.id}|ping", "kind": "ping", "subscription_id": sub.id, "due_at": now}
        )
    if req.channel is Channel.WEBHOOK and req.owner_email:
        token = store.signups.ask_owner(sub.id)
        if store.signups.take_mail_slot(req.owner_email, now):
            rows.append(
                {
                    "key": f"{sub.id}|owner_confirm",
                    "kind": "owner_confirm",
                    "subscription_id": sub.id,
                    "due_at": now,
                    "payload": {"confirm_token": store.signups.seal_owner_token(sub.id, token)},
                }
            )
    if rows:
        store.ledger.add(rows, now)
    return created


def _short(token: str | None) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()[:16]
