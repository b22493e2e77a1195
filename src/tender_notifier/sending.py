"""Turning one claimed ledger row into a message, sending it, and recording what happened.

The message is composed at the moment of sending, so it says how long is really left. The
Message-ID and webhook-id derive from the ledger key, so a retry or a repeat after a crash carries
the same id and receivers can drop the duplicate.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog

from . import compose
from .delivery.email import EmailTransport, email_transport
from .delivery.retry import next_attempt_at
from .delivery.webhook import TargetGone, WebhookTransport
from .errors import DeliveryError, UnsafeTargetError
from .metrics import Metrics
from .planner import message_id
from .revisions import Change, milestone_from_dict
from .settings import Settings
from .store import Store
from .store.ledger import SKIPPED, Delivery
from .subscription_types import Channel, Status, Subscription
from .timelines import Timelines

log = structlog.get_logger(__name__)


class Links:
    """The URLs a subscriber's messages carry, all under ``public_url``."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url

    def confirm(self, token: str) -> str:
        return f"{self.base}/confirm/{token}"

    def for_subscription(
        self, link_token: str, feed_token: str, tender_id: str | None
    ) -> compose.Links:
        tender = tender_id or "*"
        return compose.Links(
            manage_url=f"{self.base}/manage/{link_token}",
            unsubscribe_url=f"{self.base}/unsubscribe/{link_token}",
            submitted_url=f"{self.base}/optout/{link_token}/{tender}/submitted",
            not_bidding_url=f"{self.base}/optout/{link_token}/{tender}/not_bidding",
            feed_url=f"{self.base}/feeds/s/{feed_token}.ics",
        )


class Sender:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        timelines: Timelines,
        clock: Callable[[], datetime],
        *,
        email: EmailTransport | None = None,
        webhook: WebhookTransport | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.timelines = timelines
        self.clock = clock
        self.links = Links(settings.base_url)
        self.email = email or email_transport(settings.smtp, settings.outbox_dir)
        self.webhook = webhook or WebhookTransport(
            allow_private=settings.delivery.allow_private_targets,
            timeout=settings.delivery.webhook_timeout,
        )

    async def close(self) -> None:
        await self.email.close()
        await self.webhook.aclose()

    async def deliver(
        self,
        delivery: Delivery,
        metrics: Metrics,
        rng: random.Random,
        known: tuple[Subscription, str, str] | None = None,
    ) -> None:
        """Send one claimed row and record the outcome. ``known`` is the subscription with its
        link and feed tokens, when the caller loaded them for a whole batch already."""
        if known is None:
            known = (
                await asyncio.to_thread(
                    self.store.subscriptions.get_many, [delivery.subscription_id]
                )
            ).get(delivery.subscription_id)
        sub = known[0] if known else None
        fields = {
            "delivery_id": delivery.id,
            "kind": delivery.kind,
            "tender_id": delivery.tender_id,
            "milestone_id": delivery.milestone_id,
            "subscription_id": delivery.subscription_id,
            "attempt": delivery.attempts,
        }
        if sub is None or not self._still_wanted(delivery, sub):
            await asyncio.to_thread(self._finish_skipped, delivery, "no longer wanted")
            log.info("delivery_skipped", reason="no longer wanted", **fields)
            return
        channel = sub.channel.value
        metrics.attempts.labels(channel=channel).inc()
        now = self.clock()
        try:
            assert known is not None
            await self._send(delivery, sub, now, known[1], known[2])
        except TargetGone as exc:
            await asyncio.to_thread(self._give_up, delivery, sub, str(exc), disable=True)
            metrics.deliveries.labels(channel=channel, outcome="dead").inc()
            log.warning("webhook_gone", error=str(exc), **fields)
            return
        except (DeliveryError, UnsafeTargetError) as exc:
            permanent = isinstance(exc, UnsafeTargetError) or getattr(exc, "permanent", False)
            retry_after = getattr(exc, "retry_after", None)
            outcome = await asyncio.to_thread(
                self._failed, delivery, sub, str(exc), permanent, retry_after, rng
            )
            metrics.deliveries.labels(channel=channel, outcome=outcome).inc()
            log.warning("delivery_failed", error=str(exc), outcome=outcome, **fields)
            return
        except Exception as exc:  # a bug must not lose the row: retry it like a transient error
            log.exception("delivery_crashed", **fields)
            outcome = await asyncio.to_thread(
                self._failed, delivery, sub, f"internal error: {exc!r}", False, None, rng
            )
            metrics.deliveries.labels(channel=channel, outcome=outcome).inc()
            return
        done = self.clock()
        await asyncio.to_thread(self._succeeded, delivery, sub, done)
        metrics.deliveries.labels(channel=channel, outcome="sent").inc()
        if delivery.kind == "reminder":
            metrics.lateness.observe(max((done - delivery.due_at).total_seconds(), 0.0))
        log.info("delivery_sent", channel=channel, **fields)

    def _still_wanted(self, delivery: Delivery, sub: Subscription) -> bool:
        if delivery.kind == "reminder":
            return delivery.tender_id is not None and sub.wants_reminders(delivery.tender_id)
        if delivery.kind == "change":
            return delivery.tender_id is not None and sub.wants_changes(delivery.tender_id)
        if delivery.kind in ("confirm", "ping"):
            return sub.status is Status.PENDING
        return sub.status is not Status.UNSUBSCRIBED  # notice, owner_confirm

    # --- composing and sending -------------------------------------------------------------------

    async def _send(
        self,
        delivery: Delivery,
        sub: Subscription,
        now: datetime,
        link_token: str,
        feed_token: str,
    ) -> None:
        links = self.links.for_subscription(link_token, feed_token, delivery.tender_id)
        mid = message_id(delivery.key)
        payload = delivery.payload or {}
        if delivery.kind == "confirm":
            tenders = (
                None
                if "*" in sub.tenders
                else [t for t in (self.timelines.get(i) for i in sub.tenders) if t is not None]
            )
            message = compose.confirmation_email(
                to=sub.target,
                sender=self.settings.smtp.sender,
                language=sub.language,
                confirm_url=self.links.confirm(payload["confirm_token"]),
                tenders=tenders,
                message_id=mid,
            )
            await self.email.send(message)
            return
        if delivery.kind == "ping":
            event = compose.ping_event(now=now, subscription_id=sub.id, links=links)
            await self._webhook(sub, mid, event, now)
            return
        if delivery.kind == "owner_confirm":
            owner = await asyncio.to_thread(self.store.subscriptions.owner_email, sub.id)
            if not owner or "confirm_token" not in payload:
                raise DeliveryError("no owner address to confirm", permanent=True)
            message = compose.owner_confirmation_email(
                to=owner,
                sender=self.settings.smtp.sender,
                language=sub.language,
                confirm_url=self.links.confirm(payload["confirm_token"]),
                message_id=mid,
            )
            await self.email.send(message)
            return
        if delivery.kind == "notice":
            # Only fixed words and a status code: rows queued by older versions held the URL
            # and the receiver's answer, which are not passed on.
            message = compose.webhook_disabled_email(
                to=payload["to"],
                language=payload.get("language", sub.language),
                cause="gone" if payload.get("cause") == "gone" else "failing",
                status_code=payload.get("status_code"),
                since=str(payload.get("since", "")),
                sender=self.settings.smtp.sender,
                message_id=mid,
                manage_url=links.manage_url,
            )
            await self.email.send(message)
            return
        tender = self.timelines.get(delivery.tender_id or "")
        if tender is None:
            raise DeliveryError(
                f"tender {delivery.tender_id!r} is no longer loaded", permanent=True
            )
        if delivery.kind == "change":
            changes = [
                Change(
                    c["milestone_id"],
                    c["kind"],
                    milestone_from_dict(c["old"], tender.timezone) if c["old"] else None,
                    milestone_from_dict(c["new"], tender.timezone) if c["new"] else None,
                )
                for c in payload["changes"]
            ]
            if sub.channel is Channel.EMAIL:
                await self.email.send(
                    compose.change_email(
                        tender=tender,
                        changes=changes,
                        now=now,
                        language=sub.language,
                        sender=self.settings.smtp.sender,
                        to=sub.target,
                        message_id=mid,
                        links=links,
                    )
                )
            else:
                event = compose.change_event(
                    tender=tender, changes=changes, now=now, links=links, language=sub.language
                )
                await self._webhook(sub, mid, event, now)
            return
        milestone = tender.milestone(delivery.milestone_id or "")
        if sub.channel is Channel.EMAIL:
            await self.email.send(
                compose.reminder_email(
                    tender=tender,
                    milestone=milestone,
                    now=now,
                    language=sub.language,
                    sender=self.settings.smtp.sender,
                    to=sub.target,
                    message_id=mid,
                    links=links,
                    day_hour=self.settings.reminders.day_hour,
                )
            )
        else:
            event = compose.reminder_event(
                tender=tender,
                milestone=milestone,
                now=now,
                links=links,
                language=sub.language,
                offset=timedelta(seconds=delivery.offset_seconds or 0),
            )
            await self._webhook(sub, mid, event, now)

    async def _webhook(
        self, sub: Subscription, mid: str, event: dict[str, Any], now: datetime
    ) -> None:
        await self.webhook.send(
            url=sub.target,
            secret=sub.secret or "",
            webhook_id="msg_" + mid.split("@", 1)[0],
            event=event,
            now=now,
        )

    # --- recording outcomes ----------------------------------------------------------------------

    def _succeeded(self, delivery: Delivery, sub: Subscription, now: datetime) -> None:
        self.store.ledger.mark_sent(delivery.id, now)
        if delivery.kind in ("confirm", "owner_confirm"):
            self.store.ledger.clear_payload(delivery.id)  # it held the confirmation token
        if sub.channel is Channel.WEBHOOK:
            self.store.subscriptions.mark_working(sub.id)
            if delivery.kind == "ping" and sub.status is Status.PENDING:
                self.store.subscriptions.set_status(sub.id, Status.ACTIVE, now)
                log.info("webhook_activated", subscription_id=sub.id)

    def _finish_skipped(self, delivery: Delivery, reason: str) -> None:
        self.store.ledger.mark_failed(delivery.id, reason, None, status=SKIPPED)

    def _give_up(self, delivery: Delivery, sub: Subscription, error: str, disable: bool) -> None:
        self.store.ledger.mark_failed(delivery.id, error, None)
        if disable:
            self._disable(sub, error, cause="gone", status_code=410)

    def _failed(
        self,
        delivery: Delivery,
        sub: Subscription,
        error: str,
        permanent: bool,
        retry_after: float | None,
        rng: random.Random,
    ) -> str:
        now = self.clock()
        deadline = delivery.milestone_at
        if delivery.kind in ("confirm", "ping", "owner_confirm"):
            deadline = delivery.due_at + self.settings.reminders.confirm_within
        nxt = None
        if not permanent:
            nxt = next_attempt_at(
                first_attempt_at=delivery.first_attempt_at or now,
                last_attempt_at=now,
                attempts=delivery.attempts,
                schedule=self.settings.delivery.retry_schedule,
                deadline=deadline,
                retry_after=retry_after,
                rng=rng,
            )
        status = self.store.ledger.mark_failed(delivery.id, error, nxt)
        if sub.channel is Channel.WEBHOOK and sub.status is Status.ACTIVE:
            since = self.store.subscriptions.mark_failing(sub.id, now)
            if now - since >= self.settings.delivery.disable_after:
                self._disable(
                    sub, f"failing since {since.isoformat()}: {error}", cause="failing", since=since
                )
        return "retry" if status == "failed" else "dead"

    def _disable(
        self,
        sub: Subscription,
        reason: str,
        *,
        cause: str,
        status_code: int | None = None,
        since: datetime | None = None,
    ) -> None:
        """Switch a webhook off; ``reason`` (which may hold the receiver's words) is kept for ops,
        its confirmed owner is told ``cause`` and a status code only."""
        now = self.clock()
        self.store.subscriptions.set_status(sub.id, Status.DISABLED, now, reason)
        log.warning("webhook_disabled", subscription_id=sub.id, reason=reason)
        owner = self.store.signups.confirmed_owner(sub.id)
        if owner:
            self.store.ledger.add(
                [
                    {
                        "key": f"{sub.id}|notice|disabled|{now.isoformat()}",
                        "kind": "notice",
                        "subscription_id": sub.id,
                        "due_at": now,
                        "payload": {
                            "to": owner,
                            "cause": cause,
                            "status_code": status_code,
                            "since": (since or now).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                            "language": sub.language,
                        },
                    }
                ],
                now,
            )
