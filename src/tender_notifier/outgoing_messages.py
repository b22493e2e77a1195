"""The message each kind of ledger row stands for, composed at the moment of sending (so it
says how long is really left) and handed to the email or webhook transport.

The Message-ID and webhook-id derive from the ledger key, so a retry or a repeat after a crash
carries the same id and receivers can drop the duplicate. Reminders of one fan-out share one
composed template, filled in with each subscriber's address and tokens (see ``compose.fill``).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from . import compose
from .change_notices import net_changes
from .delivery.email import EmailTransport
from .delivery.webhook import WebhookTransport
from .errors import DeliveryError
from .message_links import Links
from .planner import message_id
from .revisions import Change
from .settings import Settings
from .store import Store
from .store.ledger import Delivery
from .subscription_types import Channel, Subscription
from .timeline import Milestone
from .timelines import Timelines


class OutgoingMessages:
    """Composes and sends the message of one claimed row; raises what the transport raises."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        timelines: Timelines,
        links: Links,
        email: EmailTransport,
        webhook: WebhookTransport,
    ) -> None:
        self.settings = settings
        self.store = store
        self.timelines = timelines
        self.links = links
        self.email = email
        self.webhook = webhook

    async def send(
        self,
        delivery: Delivery,
        sub: Subscription,
        now: datetime,
        link_token: str,
        feed_token: str,
    ) -> None:
        """Compose the message ``delivery`` stands for, for ``sub`` as of ``now`` (with its
        link and feed tokens), and send it."""
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
        # A change row is about the whole tender, a reminder about one of its milestones.
        milestone: Milestone | None = None
        changes: list[Change] = []
        if delivery.kind == "change":
            # Only what this subscriber wants ("not bidding": cancellations only).
            changes = [
                c for c in net_changes(payload, tender) if sub.wants_change(tender.id, c.kind)
            ]
        else:
            milestone = tender.milestone(delivery.milestone_id or "")
        if sub.channel is not Channel.EMAIL:
            body: dict[str, Any] | bytes
            if milestone is None:
                body = compose.change_event(
                    tender=tender, changes=changes, now=now, links=links, language=sub.language
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
            return
        # The events attached as the feed has them now: the revision in force.
        entry = self.timelines.entry(tender.id)
        in_force = entry.revision if entry else None
        mail: EmailMessage | compose.PreparedEmail
        if milestone is None:
            mail = compose.change_email(
                tender=tender,
                changes=changes,
                now=now,
                language=sub.language,
                sender=self.settings.smtp.sender,
                to=sub.target,
                message_id=mid,
                links=links,
                revision=in_force,
                day_hour=self.settings.reminders.day_hour,
            )
        else:
            active = in_force.active() if in_force else ()
            # One template per fan-out, filled in with each subscriber's address and links.
            mail = compose.prepared_reminder(
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
                revision=next((r for r in active if r.milestone.id == milestone.id), None),
            )
        await self.email.send(mail)

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
