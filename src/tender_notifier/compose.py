"""What a subscriber receives: reminder, confirmation and change emails, and webhook events.

Pure: nothing here reads the clock, the network or the store; ``now`` and every link come in as
arguments, and out come ``EmailMessage`` objects and plain dicts for the delivery adapters. The
texts live in ``templates/email`` (plain text and HTML, HTML autoescaped); the webhook payloads
are documented, with their schema ``version``, in ``docs/webhooks.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from typing import Any, Literal, Protocol

import icalendar
import jinja2

from . import i18n
from .calendar import vtimezone
from .durations import format_duration
from .i18n import Language
from .timeline import Day, Milestone, Moment, Span, Tender

EVENT_VERSION = 1
PRODID = "-//tender-notifier//tender-notifier//EN"
DASH = "\u2013"  # an en dash between milestone and tender, as Dutch typography has it

_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("tender_notifier", "templates/email"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",)),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # templates ship with the package; no stat() per message
)


@dataclass(frozen=True)
class Links:
    """The links a message offers; empty strings are left out."""

    manage_url: str
    unsubscribe_url: str
    submitted_url: str = ""
    not_bidding_url: str = ""
    feed_url: str = ""


@dataclass(frozen=True)
class Change:
    """One milestone that moved, appeared or disappeared between two versions of a tender."""

    milestone_id: str
    kind: Literal["moved", "added", "removed"]
    old: Milestone | None
    new: Milestone | None


class ChangeLike(Protocol):
    """What the change messages read from a change: ``Change`` here, or ``revisions.Change``."""

    @property
    def milestone_id(self) -> str: ...
    @property
    def kind(self) -> Literal["moved", "added", "removed"]: ...
    @property
    def old(self) -> Milestone | None: ...
    @property
    def new(self) -> Milestone | None: ...


_SUBJECTS = {
    "confirm": {"nl": "Bevestig uw aanmelding", "en": "Confirm your sign-up"},
    "changed": {"nl": "Planning gewijzigd", "en": "Timeline changed"},
    "disabled": {"nl": "Uw webhook is uitgeschakeld", "en": "Your webhook has been disabled"},
    "owner": {"nl": "Bevestig uw contactadres", "en": "Confirm your contact address"},
}


def _time_left(milestone: Milestone, tender: Tender, now: datetime, day_hour: int) -> timedelta:
    return milestone.begins(tender.timezone, time(day_hour)) - now


def _rounded(delta: timedelta) -> timedelta:
    """Time left rounded for a subject: a reminder sent a few seconds late still says '1 dag'."""
    unit = timedelta(days=1) if delta >= timedelta(days=2) else timedelta(hours=1)
    if delta < timedelta(hours=1):
        unit = timedelta(minutes=1)
    return unit * round(delta / unit)


def _left_phrase(
    delta: timedelta, lang: Language, milestone: Milestone, tender: Tender, now: datetime
) -> str:
    """'Nog 1 dag' / '1 day left', or 'Nu bezig' once the milestone has begun."""
    if delta <= timedelta(0):
        over = milestone.ends(tender.timezone) <= now
        phrase = i18n.word("past" if over else "now", lang)
    else:
        phrase = i18n.word("left", lang).format(i18n.format_left(_rounded(delta), lang))
    return phrase[:1].upper() + phrase[1:]


def _tender_label(tender: Tender) -> str:
    return f"{tender.title} ({tender.reference})" if tender.reference else tender.title


def reminder_subject(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language, day_hour: int = 9
) -> str:
    """'Nog 1 dag: Uiterste inschrijfdatum - Administratief Medewerker (30988)' (an en dash)."""
    left = _left_phrase(
        _time_left(milestone, tender, now, day_hour), language, milestone, tender, now
    )
    title = i18n.milestone_title(milestone, language)
    return f"{left}: {title} {DASH} {_tender_label(tender)}"


def _message(
    *,
    subject: str,
    sender: str,
    to: str,
    message_id: str,
    language: Language,
    now: datetime | None,
    template: str,
    context: dict[str, Any],
) -> EmailMessage:
    language = i18n.language(language)  # callers may hand in a stored code such as "en-GB"
    context = {"lang": language, "w": lambda key: i18n.word(key, language), **context}
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message["Message-ID"] = f"<{message_id}>"
    if now is not None:
        message["Date"] = format_datetime(now.astimezone(UTC))
    message["Auto-Submitted"] = "auto-generated"
    links: Links | None = context.get("links")
    if links is not None and links.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{links.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    message.set_content(_templates.get_template(f"{template}.txt").render(context))
    message.add_alternative(
        _templates.get_template(f"{template}.html").render(context), subtype="html"
    )
    # After the parts exist: making a multipart moves Content-* headers into the first part.
    message["Content-Language"] = language
    return message


def reminder_email(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    language: Language,
    sender: str,
    to: str,
    message_id: str,
    links: Links,
    day_hour: int = 9,
) -> EmailMessage:
    """The reminder before one milestone, with the milestone as an .ics attachment."""
    delta = _time_left(milestone, tender, now, day_hour)
    title = i18n.milestone_title(milestone, language)
    message = _message(
        subject=reminder_subject(
            tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
        ),
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=now,
        template="reminder",
        context={
            "tender": tender,
            "title": title,
            "when": i18n.format_when(milestone, language),
            "meaning": i18n.kind_meaning(milestone.kind, language),
            "note": milestone.note,
            "left": i18n.format_left(delta, language) if delta > timedelta(0) else None,
            "links": links,
        },
    )
    message.add_attachment(
        milestone_ics(tender=tender, milestone=milestone, now=now, language=language),
        subtype="calendar",
        charset="utf-8",
        filename=f"{tender.id}-{milestone.id}.ics",
        params={"method": "PUBLISH"},
    )
    message["Content-Language"] = language  # the attachment moved it into the text part
    return message


def milestone_ics(
    *, tender: Tender, milestone: Milestone, now: datetime, language: Language
) -> str:
    """One VEVENT for ``milestone`` (with its VTIMEZONE), as the text of an .ics file.

    DTSTAMP is ``now`` to the minute, so every subscriber of one fan-out shares one built
    attachment (Tender and Milestone are frozen, hashable values).
    """
    stamp = now.astimezone(UTC).replace(second=0, microsecond=0)
    return _milestone_ics(tender, milestone, stamp, language)


@lru_cache(maxsize=256)
def _milestone_ics(tender: Tender, milestone: Milestone, now: datetime, language: Language) -> str:
    zone = tender.timezone
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"{tender.id}/{milestone.id}@tender-notifier")
    event.add("dtstamp", now.astimezone(UTC))
    match milestone.when:
        case Moment(at=at):
            event.add("dtstart", at.astimezone(zone))
        case Span(start=start, end=end):
            event.add("dtstart", start.astimezone(zone))
            event.add("dtend", end.astimezone(zone))
        case Day(day=day):
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))  # exclusive, RFC 5545
    title = i18n.milestone_title(milestone, language)
    event.add("summary", f"{title} {DASH} {_tender_label(tender)}")
    lines = [i18n.kind_meaning(milestone.kind, language), milestone.note or "", tender.url or ""]
    event.add("description", "\n\n".join(line for line in lines if line))
    if tender.url:
        event.add("url", tender.url)
    calendar.add_component(event)
    # Only the transitions around the milestone: the default (1970-2038) adds 5 kB of RDATEs.
    around = milestone.begins(zone).date()
    calendar.add_component(
        vtimezone(zone.key, around - timedelta(days=366), around + timedelta(days=366))
    )
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def confirmation_email(
    *,
    to: str,
    sender: str,
    language: Language,
    confirm_url: str,
    tenders: list[Tender] | None,
    message_id: str,
    now: datetime | None = None,
) -> EmailMessage:
    """The double opt-in message: nothing is sent to ``to`` until the link is followed."""
    return _message(
        subject=_SUBJECTS["confirm"][language],
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=now,
        template="confirmation",
        context={"confirm_url": confirm_url, "tenders": tenders},
    )


def _change_view(change: ChangeLike, lang: Language) -> dict[str, Any]:
    shown = change.new or change.old
    assert shown is not None, "a change has an old or a new milestone"
    return {
        "kind": change.kind,
        "title": i18n.milestone_title(shown, lang),
        "old": i18n.format_when(change.old, lang) if change.old else None,
        "new": i18n.format_when(change.new, lang) if change.new else None,
    }


def change_email(
    *,
    tender: Tender,
    changes: Sequence[ChangeLike],
    now: datetime,
    language: Language,
    sender: str,
    to: str,
    message_id: str,
    links: Links,
) -> EmailMessage:
    """Tells a subscriber which dates of a tender moved, were added or were dropped."""
    return _message(
        subject=f"{_SUBJECTS['changed'][language]}: {_tender_label(tender)}",
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=now,
        template="change",
        context={
            "tender": tender,
            "changes": [_change_view(c, language) for c in changes],
            "links": links,
        },
    )


def owner_confirmation_email(
    *, to: str, sender: str, language: Language, confirm_url: str, message_id: str
) -> EmailMessage:
    """Asks the address a webhook sign-up named as its owner whether it wants to be told when the
    webhook is switched off. It quotes nothing the requester chose (not even the URL)."""
    return _message(
        subject=_SUBJECTS["owner"][language],
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=None,
        template="owner_confirmation",
        context={"confirm_url": confirm_url},
    )


def webhook_disabled_email(
    *,
    to: str,
    sender: str,
    language: Language,
    cause: Literal["gone", "failing"],
    message_id: str,
    status_code: int | None = None,
    since: str = "",
    manage_url: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    """Tells a webhook's confirmed owner that it was switched off, in fixed words: neither the
    URL (the requester's) nor the receiver's answer (the receiver's) is quoted."""
    return _message(
        subject=_SUBJECTS["disabled"][language],
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=now,
        template="webhook_disabled",
        context={
            "cause": cause,
            "status_code": status_code,
            "since": since,
            "manage_url": manage_url,
        },
    )


# Webhook events: plain dicts, documented in docs/webhooks.md.


def _utc(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _tender_data(tender: Tender) -> dict[str, Any]:
    return {
        "id": tender.id,
        "title": tender.title,
        "buyer": tender.buyer,
        "platform": tender.platform,
        "reference": tender.reference,
        "url": tender.url,
    }


def _milestone_data(milestone: Milestone, tender: Tender, lang: Language) -> dict[str, Any]:
    zone = tender.timezone
    data: dict[str, Any] = {
        "id": milestone.id,
        "kind": milestone.kind.value,
        "title": i18n.milestone_title(milestone, lang),
        "all_day": False,
        "starts_at": None,
        "ends_at": None,
        "date": None,
        "note": milestone.note,
    }
    match milestone.when:
        case Day(day=day):
            data.update(all_day=True, date=day.isoformat())
        case _:
            data.update(
                starts_at=milestone.begins(zone).astimezone(zone).isoformat(),
                ends_at=milestone.ends(zone).astimezone(zone).isoformat(),
            )
    return data


def _links_data(links: Links) -> dict[str, str | None]:
    return {
        "submitted": links.submitted_url or None,
        "not_bidding": links.not_bidding_url or None,
        "unsubscribe": links.unsubscribe_url or None,
        "manage": links.manage_url or None,
        "feed": links.feed_url or None,
    }


def _event(kind: str, now: datetime, data: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "version": EVENT_VERSION, "timestamp": _utc(now), "data": data}


def reminder_event(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    links: Links,
    language: Language,
    offset: timedelta,
    day_hour: int = 9,
) -> dict[str, Any]:
    """``milestone.reminder``: one milestone is ``offset`` away."""
    delta = _time_left(milestone, tender, now, day_hour)
    subject = reminder_subject(
        tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
    )
    return _event(
        "milestone.reminder",
        now,
        {
            "tender": _tender_data(tender),
            "milestone": _milestone_data(milestone, tender, language),
            "offset": format_duration(offset),
            "time_left_seconds": max(int(delta.total_seconds()), 0),
            "language": language,
            "text": f"{subject}, {i18n.format_when(milestone, language)}.",
            "links": _links_data(links),
        },
    )


def ping_event(*, now: datetime, subscription_id: str, links: Links) -> dict[str, Any]:
    """``ping``: sent when a webhook is registered or tested."""
    return _event("ping", now, {"subscription_id": subscription_id, "links": _links_data(links)})


def change_event(
    *,
    tender: Tender,
    changes: Sequence[ChangeLike],
    now: datetime,
    links: Links,
    language: Language = "nl",
) -> dict[str, Any]:
    """``timeline.changed``: milestones of a tender moved, were added or were removed."""

    def side(m: Milestone | None) -> dict[str, Any] | None:
        return _milestone_data(m, tender, language) if m else None

    return _event(
        "timeline.changed",
        now,
        {
            "tender": _tender_data(tender),
            "changes": [
                {
                    "milestone_id": c.milestone_id,
                    "change": c.kind,
                    "old": side(c.old),
                    "new": side(c.new),
                }
                for c in changes
            ],
            "links": _links_data(links),
        },
    )
