"""Signing up, the same for the API, the web form and ops' commands: check, then register."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .delivery.ssrf import check_url
from .delivery.webhook import new_secret
from .settings import Settings
from .signup import Invalid, SignupRequest, check_signup
from .store import Store
from .store.subscriptions import Created
from .subscription import Channel, Status


def check(
    settings: Settings,
    known_tenders: Iterable[str],
    data: dict[str, Any],
    *,
    closed: Iterable[str] = (),
) -> SignupRequest:
    """Validate a sign-up against these settings; raises ``signup.Invalid`` per bad field.

    ``closed`` are tenders whose dates are all past: a sign-up naming one is refused.
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
    named = data.get("tenders")
    names = {t for t in named if isinstance(t, str)} if isinstance(named, list) else set()
    gone = sorted(set(closed) & names)
    if gone and "tenders" not in errors:
        which = ", ".join(repr(t) for t in gone)
        errors["tenders"] = f"closed: every date of tender {which} is past; no sign-up possible"
    if errors:
        raise Invalid(errors)
    return req


def register(
    store: Store, req: SignupRequest, now: datetime, *, status: Status = Status.PENDING
) -> Created:
    """Store a checked sign-up; a pending one gets its confirmation email or ping queued."""
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
    )
    sub = created.subscription
    if sub.status is Status.PENDING:
        if sub.channel is Channel.EMAIL:
            row: dict[str, Any] = {
                "key": f"{sub.id}|confirm",
                "kind": "confirm",
                "subscription_id": sub.id,
                "due_at": now,
                "payload": {"confirm_token": created.confirm_token},
            }
        else:
            row = {
                "key": f"{sub.id}|ping",
                "kind": "ping",
                "subscription_id": sub.id,
                "due_at": now,
            }
        store.ledger.add([row], now)
    return created
