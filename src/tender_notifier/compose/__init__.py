"""What a subscriber receives: reminder, confirmation and change emails, and webhook events.

Pure: nothing here reads the clock, the network or the store; ``now`` and every link come in as
arguments, and out come ``EmailMessage`` objects and plain dicts for the delivery adapters.

- ``models``: the links a message offers and the changes it reports;
- ``phrases``: subjects and "time left", shared by emails and events;
- ``attachment``: one milestone as an .ics file;
- ``emails``: the emails, rendered from ``templates/email``;
- ``fill``: a fan-out's reminder composed once and filled in per subscriber;
- ``events``: the webhook payloads, documented in ``docs/webhooks.md``;
- ``event_fill``: a fan-out's reminder event serialised once and filled in per subscriber;
- ``template_cache``: the templates of the latest fan-outs, kept for ``fill`` and ``event_fill``.
"""

from __future__ import annotations

from .attachment import PRODID, milestone_ics
from .emails import (
    change_email,
    confirmation_email,
    load_templates,
    owner_confirmation_email,
    reminder_email,
    webhook_disabled_email,
)
from .event_fill import reminder_event_body, serialise
from .events import EVENT_VERSION, change_event, ping_event, reminder_event
from .fill import PreparedEmail, prepared_reminder
from .models import Change, ChangeLike, Links
from .phrases import DASH, reminder_subject

__all__ = [
    "DASH",
    "EVENT_VERSION",
    "PRODID",
    "Change",
    "ChangeLike",
    "Links",
    "PreparedEmail",
    "change_email",
    "change_event",
    "confirmation_email",
    "load_templates",
    "milestone_ics",
    "owner_confirmation_email",
    "ping_event",
    "prepared_reminder",
    "reminder_email",
    "reminder_event",
    "reminder_event_body",
    "reminder_subject",
    "serialise",
    "webhook_disabled_email",
]
