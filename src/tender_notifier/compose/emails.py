"""Reminder, confirmation, change and webhook-disabled emails.

The texts live in ``templates/email`` (plain text and HTML, HTML autoescaped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from .. import i18n
from ..controls import one_line
from ..i18n import Language
from ..revisions import MilestoneRevision, TenderRevision
from ..timeline import Milestone, Tender
from .attachment import changes_ics, first_revision, milestone_ics
from .models import ChangeLike, Links
from .phrases import SUBJECTS, left_phrase, reminder_subject, tender_label

if TYPE_CHECKING:
    import jinja2


@cache
def _templates() -> jinja2.Environment:
    """The email templates, with Jinja2 loaded for the first email rather than at start-up (a
    daemon with nothing due sends none)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("tender_notifier", "templates/email"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package; no stat() per message
    )


def load_templates(*names: str) -> None:
    """Load and compile the templates of ``names`` (both parts) now: before a due moment, so
    its first email does not wait for Jinja2 to be imported and its templates compiled."""
    for name in names:
        for part in ("txt", "html"):
            _templates().get_template(f"{name}.{part}")


def boundary(message_id: str, depth: int) -> str:
    """The MIME boundary of the multipart at ``depth`` (0 the outermost) of a message: derived
    from its Message-ID, so the same message is the same bytes (a retry, or one composed once
    and filled in, see ``fill``). The '=_' cannot occur in a quoted-printable or base64 body."""
    digest = hashlib.sha256(message_id.encode()).hexdigest()[:24]
    return f"=_tn{depth}_{digest}"


def _finish(message: EmailMessage, message_id: str, language: Language) -> EmailMessage:
    """Fix the boundaries and (again: adding parts moves it) the Content-Language."""
    depth = 0
    for part in message.walk():
        if part.is_multipart():
            part.set_boundary(boundary(message_id, depth))
            depth += 1
    if "Content-Language" in message:
        del message["Content-Language"]
    message["Content-Language"] = language
    return message


def _attach_ics(message: EmailMessage, ics: str, filename: str) -> None:
    """Attach an .ics file (``METHOD:PUBLISH``: the feed's events, to add or update)."""
    message.add_attachment(
        ics,
        subtype="calendar",
        charset="utf-8",
        filename=filename,
        params={"method": "PUBLISH"},
    )


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
    # One line whatever a title holds: a CR or LF would make the email library refuse the header.
    message["Subject"] = one_line(subject)
    message["From"] = sender
    message["To"] = to
    message["Message-ID"] = f"<{message_id}>"
    if now is not None:
        message["Date"] = format_datetime(now.astimezone(UTC))
    message["Auto-Submitted"] = "auto-generated"
    links: Links | None = context.get("links")
    if links is not None and links.unsubscribe_url:
        from .url_header import url_list

        message["List-Unsubscribe"] = url_list([links.unsubscribe_url])
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    message.set_content(_templates().get_template(f"{template}.txt").render(context))
    message.add_alternative(
        _templates().get_template(f"{template}.html").render(context), subtype="html"
    )
    # After the parts exist: making a multipart moves Content-* headers into the first part.
    return _finish(message, message_id, language)


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
    revision: MilestoneRevision | None = None,
) -> EmailMessage:
    """The reminder before one milestone, with the milestone as an .ics attachment: the feed's
    event, with its UID and (given the milestone's ``revision``) its SEQUENCE."""
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
            "left": left_phrase(
                tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
            ),
            "links": links,
        },
    )
    ics = milestone_ics(
        tender=tender,
        milestone=milestone,
        now=now,
        language=language,
        revision=revision,
        day_hour=day_hour,
    )
    _attach_ics(message, ics, f"{tender.id}-{milestone.id}.ics")
    return _finish(message, message_id, language)


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
        subject=SUBJECTS["confirm"][language],
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
    revision: TenderRevision | None = None,
    day_hour: int = 9,
) -> EmailMessage:
    """Tells a subscriber which dates of a tender moved, were added or were dropped, or that the
    buyer cancelled it (with the reason the buyer's change notice gives, as plain text); the
    updated events attached (dropped ones as STATUS:CANCELLED), as the feed has them."""
    headline = "cancelled" if tender.cancelled else "changed"
    message = _message(
        subject=f"{SUBJECTS[headline][language]}: {tender_label(tender)}",
        sender=sender,
        to=to,
        message_id=message_id,
        language=language,
        now=now,
        template="change",
        context={
            "tender": tender,
            "changes": [_change_view(c, language) for c in changes],
            "cancelled": tender.cancelled,
            "reason": tender.change_reason,
            "links": links,
        },
    )
    current, cancelled = _changed_revisions(changes, revision, now)
    if current or cancelled:
        ics = changes_ics(
            tender=tender,
            current=current,
            cancelled=cancelled,
            language=language,
            day_hour=day_hour,
        )
        _attach_ics(message, ics, f"{tender.id}-changes.ics")
        _finish(message, message_id, language)
    return message


def _changed_revisions(
    changes: Sequence[ChangeLike], revision: TenderRevision | None, now: datetime
) -> tuple[list[MilestoneRevision], list[MilestoneRevision]]:
    """The revisions of the changed milestones: those in force, and those dropped."""
    known = {r.milestone.id: r for r in revision.milestones} if revision else {}
    current: list[MilestoneRevision] = []
    cancelled: list[MilestoneRevision] = []
    for change in changes:
        kept = known.get(change.milestone_id)
        if change.new is not None:
            current.append(
                kept if kept and kept.removed_at is None else first_revision(change.new, now)
            )
        elif change.old is not None:
            cancelled.append(kept or first_revision(change.old, now))
    return current, cancelled


def owner_confirmation_email(
    *, to: str, sender: str, language: Language, confirm_url: str, message_id: str
) -> EmailMessage:
    """Asks the address a webhook sign-up named as its owner whether it wants to be told when the
    webhook is switched off. It quotes nothing the requester chose (not even the URL)."""
    return _message(
        subject=SUBJECTS["owner"][language],
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
        subject=SUBJECTS["disabled"][language],
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
