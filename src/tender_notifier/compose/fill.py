"""Reminder emails composed once per fan-out and filled in per subscriber.

The subscribers of one due moment get the same reminder but for four things: the address, the
Message-ID (and the MIME boundaries derived from it), and the link and feed tokens in their
links. Composing and flattening a multipart email costs about 2 ms of CPU, so it is done once per
(tender, milestone, language, what the clock says in the message) with stand-ins for those four
things, and each subscriber's bytes are the stand-ins swapped for their own values: the very
bytes ``reminder_email`` would give, flattened as an SMTP client flattens them.

Swapping is exact because each stand-in has the length and the kind of characters of what takes
its place, so the email library encodes both alike (the same transfer encoding, the same
quoted-printable soft line breaks, which may fall inside a stand-in and are kept where they are).
A template proves it when made: one filled in with a second set of stand-ins must equal that set
composed whole, or the template is not used. Anything else (an address that is not plain ASCII,
tokens of another shape) is composed whole. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from ..i18n import Language
from ..revisions import MilestoneRevision
from ..timeline import Milestone, Tender
from .emails import boundary, reminder_email
from .models import Links
from .phrases import left_phrase
from .template_cache import TemplateCache

TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
# A plain address is written on the To line as it is: no quoting, no encoding, no folding.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
MESSAGE_ID = re.compile(r"[0-9a-f]{32}@[A-Za-z0-9.-]+")
SOFT_BREAK = b"=\r\n"


@dataclass(frozen=True, slots=True)
class PreparedEmail:
    """An email as it goes on the wire (SMTP policy, CRLF), with its envelope."""

    sender: str  # the From header; the envelope sender is its address
    to: str
    message_id: str
    data: bytes
    whole: Callable[[], EmailMessage]  # the same message composed whole (a server without 8BITMIME)


def _stand_ins(tag: str, message_id: str) -> dict[str, str]:
    local, domain = message_id.split("@", 1)
    return {
        "link": (f"{tag}LinkTokenStandIn" * 3)[:43],
        "feed": (f"{tag}FeedTokenStandIn" * 3)[:43],
        "id": (f"{tag}idstandin" * 4)[: len(local)].lower() + "@" + domain,
        "to": f"{tag}-to-stand-in@example.invalid",
    }


@dataclass(frozen=True, slots=True)
class _Template:
    """Flattened bytes cut where the stand-ins were: literal pieces between slots; a slot is a
    field name and the lengths of its runs between soft line breaks."""

    pieces: tuple[bytes, ...]
    slots: tuple[tuple[str, tuple[int, ...]], ...]

    def fill(self, values: dict[str, bytes]) -> bytes:
        out = [self.pieces[0]]
        for (field, runs), piece in zip(self.slots, self.pieces[1:], strict=True):
            value = values[field]
            if len(runs) == 1:
                out.append(value)
            else:
                at = 0
                for i, run in enumerate(runs):
                    if i:
                        out.append(SOFT_BREAK)
                    out.append(value[at : at + run])
                    at += run
            out.append(piece)
        return b"".join(out)


def _pattern(value: str) -> bytes:
    """A stand-in as it may appear in the flattened bytes: soft line breaks between any two of
    its characters."""
    return b"(?:=\r\n)?".join(re.escape(bytes([c])) for c in value.encode("ascii"))


def _cut(data: bytes, stand_ins: dict[str, str]) -> _Template | None:
    fields = {
        "link": _pattern(stand_ins["link"]),
        "feed": _pattern(stand_ins["feed"]),
        "id": _pattern(stand_ins["id"]),
        "b0": _pattern(boundary(stand_ins["id"], 0)),
        "b1": _pattern(boundary(stand_ins["id"], 1)),
        # Only on the To line, never broken (the address is checked to fit on it).
        "to": re.escape(stand_ins["to"].encode("ascii")),
    }
    either = b"|".join(b"(?P<%s>%s)" % (name.encode(), pattern) for name, pattern in fields.items())
    pieces: list[bytes] = []
    slots: list[tuple[str, tuple[int, ...]]] = []
    at = 0
    for match in re.finditer(either, data):
        pieces.append(data[at : match.start()])
        runs = tuple(len(run) for run in match.group(0).split(SOFT_BREAK))
        slots.append((str(match.lastgroup), runs))
        at = match.end()
    pieces.append(data[at:])
    if [field for field, _ in slots].count("to") != 1:
        return None
    return _Template(tuple(pieces), tuple(slots))


def _values(to: str, message_id: str, link_token: str, feed_token: str) -> dict[str, bytes]:
    return {
        "to": to.encode("ascii"),
        "id": message_id.encode("ascii"),
        "link": link_token.encode("ascii"),
        "feed": feed_token.encode("ascii"),
        "b0": boundary(message_id, 0).encode("ascii"),
        "b1": boundary(message_id, 1).encode("ascii"),
    }


def flatten(message: EmailMessage) -> bytes:
    """The bytes an SMTP client sends for ``message`` (SMTP policy: CRLF, 8-bit bodies)."""
    # email.policy (with the header classes, about 0.6 MiB) loads with the first email.
    from email.policy import SMTP

    return message.as_bytes(policy=SMTP)


# Templates by everything that shapes the message but the four filled-in things. Within one
# second of one fan-out every message shares one; a few seconds' worth are kept.
_templates: TemplateCache[_Template] = TemplateCache(keep=32)


def _made(compose: Callable[[dict[str, str]], EmailMessage], id_shape: str) -> _Template | None:
    """A template cut from a message composed with stand-ins, if it proves itself."""
    stand_a = _stand_ins("a", id_shape)
    template = _cut(flatten(compose(stand_a)), stand_a)
    if template is not None:
        stand_b = _stand_ins("b", id_shape)
        values = _values(stand_b["to"], stand_b["id"], stand_b["link"], stand_b["feed"])
        if template.fill(values) != flatten(compose(stand_b)):
            template = None
    return template


def prepared_reminder(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    language: Language,
    sender: str,
    to: str,
    message_id: str,
    link_token: str,
    feed_token: str,
    links: Callable[[str, str], Links],
    day_hour: int = 9,
    revision: MilestoneRevision | None = None,
) -> PreparedEmail:
    """``reminder_email`` flattened, from a template shared by the messages that differ only in
    address, Message-ID and tokens. ``links`` makes the links from (link token, feed token);
    it is part of the template's key, so pass the same function for one fan-out."""

    def compose(values: dict[str, str]) -> EmailMessage:
        return reminder_email(
            tender=tender,
            milestone=milestone,
            now=now,
            language=language,
            sender=sender,
            to=values["to"],
            message_id=values["id"],
            links=links(values["link"], values["feed"]),
            day_hour=day_hour,
            revision=revision,
        )

    def whole() -> EmailMessage:
        return compose({"to": to, "id": message_id, "link": link_token, "feed": feed_token})

    template = None
    if (
        PLAIN_ADDRESS.fullmatch(to)
        and len(to) <= 70
        and MESSAGE_ID.fullmatch(message_id)
        and TOKEN.fullmatch(link_token)
        and TOKEN.fullmatch(feed_token)
    ):
        # Everything in the message that follows the clock: the Date header to the second
        # (so the .ics stamp to the minute too) and the time left as the message words it.
        left = left_phrase(
            tender=tender, milestone=milestone, now=now, language=language, day_hour=day_hour
        )
        key = (tender, milestone, language, sender, day_hour, revision, links)
        id_shape = "0" * 32 + "@" + message_id.split("@", 1)[1]

        template = _templates.get(
            (*key, id_shape, format_datetime(now), left), lambda: _made(compose, id_shape)
        )
    if template is None:
        return PreparedEmail(sender, to, message_id, flatten(whole()), whole)
    data = template.fill(_values(to, message_id, link_token, feed_token))
    return PreparedEmail(sender, to, message_id, data, whole)
