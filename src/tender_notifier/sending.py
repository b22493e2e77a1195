"""Turning one claimed ledger row into a message, sending it, and saying what happened.

Before sending, the row is checked against the timeline in force: a reminder for a milestone time
that no longer holds is not sent but marked ``stale`` (and reopened if the timeline returns to
it). The outcome is returned, not written: the engine writes outcomes in batches and keeps them
in memory while the store is away.

The message is composed at the moment of sending, so it says how long is really left. The
Message-ID and webhook-id derive from the ledger key, so a retry or a repeat after a crash carries
the same id and receivers can drop the duplicate.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import structlog

from . import compose
from .change_notices import net_changes
from .delivery.email import EmailTransport, email_transport
from .delivery.retry import next_attempt_at
from .delivery.webhook import TargetGone, WebhookTransport
from .errors import DeliveryError, UnsafeTargetError
from .message_links import Links
from .metrics import Metrics
from .outcomes import Settled, write_settled
from .planner import in_schedule, message_id
from .settings import Settings
from .store import Store
from .store.ledger import DEAD, FAILED, PENDING, SENT, SKIPPED, STALE, Delivery, Outcome
from .subscription_types import Channel, Status, Subscription
from .timelines import Timelines

log = structlog.get_logger(__name__)
# Rows whose payload held a confirmation token until sent.
TOKEN_KINDS = ("confirm", "owner_confirm")


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

    async def warm_up(self) -> None:
        """Ahead of a due moment: compile the reminder templates, connect to the mail server and
        build the webhook pool, so the moment's first message waits for none of them."""
        await asyncio.to_thread(compose.load_templates, "reminder")
        self.webhook.warm_up()
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
        if sub is None or not self._still_wanted(delivery, sub):
            log.info("delivery_skipped", reason="no longer wanted", **fields)
            return Settled(Outcome(delivery.id, SKIPPED, error="no longer wanted"))
        owed = self._owed(delivery, sub, now)
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
        by_email = delivery.kind in ("notice", "owner_confirm")
        channel = "email" if by_email else sub.channel.value
        metrics.attempted(channel)
        assert known is not None
        try:
            await self._send(delivery, sub, now, known[1], known[2])
        except TargetGone as exc:
            metrics.delivered(channel, "dead")
            log.warning("webhook_gone", error=str(exc), **fields)
            gone = partial(self._disable, sub, str(exc), cause="gone", status_code=410)
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
        if sub.channel is Channel.WEBHOOK and delivery.kind not in ("notice", "owner_confirm"):
            worked = sub.id  # no longer failing, if it was: written with the batch
            if delivery.kind == "ping" and sub.status is Status.PENDING:
                effect = partial(_webhook_activated, sub, done)
        return Settled(
            Outcome(
                delivery.id,
                SENT,
                sent_at=done,
                forget_payload=delivery.kind in ("confirm", "owner_confirm"),
            ),
            effect,
            replan=delivery.kind == "ping",
            worked=worked,
        )

    def _still_wanted(self, delivery: Delivery, sub: Subscription) -> bool:
        if delivery.kind == "reminder":
            tender = self.timelines.get(delivery.tender_id or "")
            kind = None
            if tender is not None:
                try:
                    kind = tender.milestone(delivery.milestone_id or "").kind
                except KeyError:
                    kind = None
            return delivery.tender_id is not None and sub.wants_reminders(delivery.tender_id, kind)
        if delivery.kind == "change":  # which of its changes are wanted is decided when owed
            return delivery.tender_id is not None and sub.wants_changes(
                delivery.tender_id, ("moved", "added", "removed")
            )
        if delivery.kind in ("confirm", "ping"):
            return sub.status is Status.PENDING
        return sub.status is not Status.UNSUBSCRIBED  # notice, owner_confirm

    def _owed(self, delivery: Delivery, sub: Subscription, now: datetime) -> Outcome | None:
        """None when the row is still owed now; else what to record instead of sending.

        The timeline in force decides: a reminder for a milestone time or offset that is no
        longer in force is ``stale`` (reopened if the timeline comes back to it); a change
        notice waits until the timeline has been still for ``changes.settle``.
        """
        if delivery.kind not in ("reminder", "change"):
            return None
        tender = self.timelines.get(delivery.tender_id or "")
        if tender is None:  # gone for longer than tenders.missing_grace
            return Outcome(delivery.id, STALE, error="tender no longer in force", uncounted=True)
        if delivery.kind == "change":
            changed = self.timelines.changed_at(tender.id)
            settled_at = (changed or now) + self.settings.changes.settle
            if changed is not None and settled_at > now:
                return Outcome(delivery.id, PENDING, next_attempt_at=settled_at, uncounted=True)
            net = net_changes(delivery.payload or {}, tender)
            if not net:
                return Outcome(delivery.id, SKIPPED, error="change undone", uncounted=True)
            if not any(sub.wants_change(tender.id, c.kind) for c in net):
                return Outcome(delivery.id, SKIPPED, error="no change this subscriber wants")
            return None
        milestone = next((m for m in tender.milestones if m.id == delivery.milestone_id), None)
        offset = timedelta(seconds=delivery.offset_seconds or 0)
        if milestone is None or not sub.follows_kind(milestone.kind):
            return Outcome(delivery.id, STALE, error="not in the timeline in force", uncounted=True)
        # The planner's own schedule decides (countdowns, "today" notices, weekend moves).
        if not in_schedule(
            tender,
            milestone,
            sub.offsets,
            milestone_at=delivery.milestone_at,
            offset=offset,
            day_hour=self.settings.reminders.day_hour,
            weekend_to_friday=self.settings.reminders.weekend_to_friday,
        ):
            return Outcome(delivery.id, STALE, error="not in the timeline in force", uncounted=True)
        if delivery.milestone_at is not None and delivery.milestone_at <= now:
            return Outcome(delivery.id, SKIPPED, error="milestone passed")
        return None

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
            # Kept sealed with the subscription; an older row may still carry it in its payload.
            token = await asyncio.to_thread(self.store.subscriptions.confirm_token, sub.id)
            token = token or payload.get("confirm_token", "")
            tenders = (
                None
                if "*" in sub.tenders
                else [t for t in (self.timelines.get(i) for i in sub.tenders) if t is not None]
            )
            message = compose.confirmation_email(
                to=sub.target,
                sender=self.settings.smtp.sender,
                language=sub.language,
                confirm_url=self.links.confirm(token),
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
                confirm_url=self.links.confirm(
                    self.store.signups.open_owner_token(sub.id, payload["confirm_token"])
                ),
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
            # Only what this subscriber wants ("not bidding": cancellations only).
            changes = [
                c for c in net_changes(payload, tender) if sub.wants_change(tender.id, c.kind)
            ]
            if sub.channel is Channel.EMAIL:
                entry = self.timelines.entry(tender.id)
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
                        revision=entry.revision if entry else None,
                        day_hour=self.settings.reminders.day_hour,
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
            entry = self.timelines.entry(tender.id)
            revision = (
                next((r for r in entry.revision.active() if r.milestone.id == milestone.id), None)
                if entry
                else None
            )
            # One template per fan-out, filled in with each subscriber's address and links.
            await self.email.send(
                compose.prepared_reminder(
                    tender=tender,
                    milestone=milestone,
                    now=now,
                    language=sub.language,
                    sender=self.settings.smtp.sender,
                    to=sub.target,
                    message_id=mid,
                    link_token=link_token,
                    feed_token=feed_token,
                    links=self.links.of_tender(tender.id),
                    day_hour=self.settings.reminders.day_hour,
                    revision=revision,
                )
            )
        else:
            # One serialised event per fan-out, filled in with each subscriber's tokens.
            body = compose.reminder_event_body(
                tender=tender,
                milestone=milestone,
                now=now,
                language=sub.language,
                offset=timedelta(seconds=delivery.offset_seconds or 0),
                link_token=link_token,
                feed_token=feed_token,
                links=self.links.of_tender(tender.id),
                day_hour=self.settings.reminders.day_hour,
            )
            await self._webhook(sub, mid, body, now)

    async def _webhook(
        self, sub: Subscription, mid: str, event: dict[str, Any] | bytes, now: datetime
    ) -> None:
        await self.webhook.send(
            url=sub.target,
            secret=sub.secret or "",
            webhook_id="msg_" + mid.split("@", 1)[0],
            event=event,
            now=now,
        )

    # --- outcomes ---------------------------------------------------------------------------------

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
            effect = partial(self._webhook_failed, sub, error, now)
        return Settled(outcome, effect)

    def _webhook_failed(self, sub: Subscription, error: str, now: datetime, store: Store) -> None:
        since = store.subscriptions.mark_failing(sub.id, now)
        if now - since >= self.settings.delivery.disable_after:
            self._disable(
                sub,
                f"failing since {since.isoformat()}: {error}",
                store,
                cause="failing",
                since=since,
            )

    def _disable(
        self,
        sub: Subscription,
        reason: str,
        store: Store,
        *,
        cause: str,
        status_code: int | None = None,
        since: datetime | None = None,
    ) -> None:
        """Switch a webhook off; ``reason`` (which may hold the receiver's words) is kept for ops,
        its confirmed owner is told ``cause`` and a status code only."""
        now = self.clock()
        store.subscriptions.set_status(sub.id, Status.DISABLED, now, reason)
        log.warning("webhook_disabled", subscription_id=sub.id, reason=reason)
        owner = store.signups.confirmed_owner(sub.id)
        if owner:
            store.ledger.add(
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


def _webhook_activated(sub: Subscription, now: datetime, store: Store) -> None:
    store.subscriptions.set_status(sub.id, Status.ACTIVE, now)
    log.info("webhook_activated", subscription_id=sub.id)
