"""Turning one claimed ledger row into a message, sending it, and saying what happened.

Before sending, the row is checked against the timeline in force (see ``still_owed``): a
reminder for a milestone time that no longer holds is not sent but marked ``stale`` (and
reopened if the timeline returns to it). The message is composed at the moment of sending (see
``outgoing_messages``). The outcome is returned, not written: the engine writes outcomes in
batches and keeps them in memory while the store is away. A failed send gets its next attempt
from the retry schedule; what it means for a webhook's status is in ``webhook_status``.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Collection
from datetime import datetime
from functools import partial

import structlog

from . import compose
from .delivery.email import EmailTransport, email_transport
from .delivery.retry import next_attempt_at
from .delivery.webhook import TargetGone, WebhookTransport
from .errors import DeliveryError, UnsafeTargetError
from .message_links import Links
from .metrics import Metrics
from .outcomes import Settled, write_settled
from .outgoing_messages import OutgoingMessages
from .settings import Settings
from .still_owed import not_owed, still_wanted
from .store import Store
from .store.ledger import DEAD, FAILED, SENT, SKIPPED, Delivery, Outcome
from .subscription_types import Channel, Status, Subscription
from .timelines import Timelines
from .webhook_status import activated, disable, failing

log = structlog.get_logger(__name__)
# Rows whose payload held a confirmation token until sent.
TOKEN_KINDS = ("confirm", "owner_confirm")  # their payloads hold tokens: dropped once sent
EMAIL_ONLY_KINDS = ("notice", "owner_confirm")  # to the owner's address, also for webhooks


class Sender:
    """Sends claimed ledger rows one at a time and says what became of each."""

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
        self.messages = OutgoingMessages(
            settings, store, timelines, self.links, self.email, self.webhook
        )

    async def warm_up(self, channels: Collection[Channel]) -> None:
        """Ahead of a due moment: for the ``channels`` of the active subscriptions, compile the
        reminder templates and connect to the mail server, build the webhook pool, so the
        moment's first message waits for none of them (and a daemon without webhook
        subscribers never loads the HTTP client)."""
        if Channel.WEBHOOK in channels:
            self.webhook.warm_up()
        if Channel.EMAIL in channels:
            await asyncio.to_thread(compose.load_templates, "reminder")
            await self.email.warm_up()

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
        """Send one claimed row and record the outcome at once (tests and ops' tools; the
        engine calls ``attempt`` and writes outcomes in batches)."""
        settled = await self.attempt(delivery, metrics, rng, known)
        await asyncio.to_thread(write_settled, self.store, [settled])

    async def attempt(
        self,
        delivery: Delivery,
        metrics: Metrics,
        rng: random.Random,
        known: tuple[Subscription, str, str] | None = None,
    ) -> Settled:
        """Send one claimed row if it is still owed, and say what became of it. Writes nothing:
        the outcome is returned so the caller can keep it while the store is away.
        ``known`` is the subscription with its link and feed tokens."""
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
        now = self.clock()
        if sub is None or not still_wanted(delivery, sub, self.timelines):
            log.info("delivery_skipped", reason="no longer wanted", **fields)
            return Settled(Outcome(delivery.id, SKIPPED, error="no longer wanted"))
        owed = not_owed(delivery, sub, now, self.timelines, self.settings)
        if owed is not None:
            if owed.status == SKIPPED:
                metrics.delivered("any", "skipped")
            if owed.status == SKIPPED and delivery.kind == "reminder":
                # Written ahead of its moment, then the daemon was down past the milestone:
                # the same line as a reminder found missed when its row is written.
                log.info(
                    "reminder_skipped", reason=owed.error, due=delivery.due_at.isoformat(), **fields
                )
            log.info("delivery_not_owed", status=owed.status, reason=owed.error, **fields)
            return Settled(owed)
        by_email = delivery.kind in EMAIL_ONLY_KINDS
        channel = "email" if by_email else sub.channel.value
        metrics.attempted(channel)
        assert known is not None
        try:
            await self.messages.send(delivery, sub, now, known[1], known[2])
        except TargetGone as exc:
            metrics.delivered(channel, "dead")
            log.warning("webhook_gone", error=str(exc), **fields)
            gone = partial(disable, sub, str(exc), clock=self.clock, cause="gone", status_code=410)
            return Settled(Outcome(delivery.id, DEAD, error=str(exc)), gone)
        except (DeliveryError, UnsafeTargetError) as exc:
            permanent = isinstance(exc, UnsafeTargetError) or getattr(exc, "permanent", False)
            retry_after = getattr(exc, "retry_after", None)
            settled = self._failed(delivery, sub, str(exc), permanent, retry_after, rng)
            outcome = "retry" if settled.outcome.status == FAILED else "dead"
            metrics.delivered(channel, outcome)
            log.warning("delivery_failed", error=str(exc), outcome=outcome, **fields)
            return settled
        except Exception as exc:  # a bug must not lose the row: retry it like a transient error
            log.exception("delivery_crashed", **fields)
            settled = self._failed(delivery, sub, f"internal error: {exc!r}", False, None, rng)
            outcome = "retry" if settled.outcome.status == FAILED else "dead"
            metrics.delivered(channel, outcome)
            return settled
        done = self.clock()
        metrics.delivered(channel, "sent")
        if delivery.kind == "reminder":
            metrics.lateness.observe(max((done - delivery.due_at).total_seconds(), 0.0))
        log.info("delivery_sent", channel=channel, **fields)
        effect = worked = None
        if sub.channel is Channel.WEBHOOK and delivery.kind not in EMAIL_ONLY_KINDS:
            worked = sub.id  # no longer failing, if it was: written with the batch
            if delivery.kind == "ping" and sub.status is Status.PENDING:
                effect = partial(activated, sub, done)
        return Settled(
            Outcome(
                delivery.id,
                SENT,
                sent_at=done,
                forget_payload=delivery.kind in TOKEN_KINDS,
            ),
            effect,
            replan=delivery.kind == "ping",
            worked=worked,
        )

    def _failed(
        self,
        delivery: Delivery,
        sub: Subscription,
        error: str,
        permanent: bool,
        retry_after: float | None,
        rng: random.Random,
    ) -> Settled:
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
        outcome = Outcome(delivery.id, FAILED if nxt else DEAD, next_attempt_at=nxt, error=error)
        effect = None
        if sub.channel is Channel.WEBHOOK and sub.status is Status.ACTIVE:
            effect = partial(
                failing,
                sub,
                error,
                now,
                disable_after=self.settings.delivery.disable_after,
                clock=self.clock,
            )
        return Settled(outcome, effect)
