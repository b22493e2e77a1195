"""Reminder events serialised once per fan-out and filled in per subscriber.

The subscribers of one due moment get the same reminder event but for the link and feed tokens
in its links (the offset and language are part of what is shared). Building the event and
serialising it is most of what composing a webhook costs, so it is done once per (tender,
milestone, language, offset, what the clock says in the event) with stand-in tokens, and each
subscriber's body is the stand-ins swapped for their own tokens: the very bytes ``serialise``
gives for ``reminder_event``.

Swapping is exact because a token is 43 URL-safe base64 characters, which JSON writes as they
are, like the stand-ins. A template proves it when made: one filled in with a second set of
stand-ins must equal that set serialised whole, or the template is not used. Tokens of another
shape are serialised whole. Pure: no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..i18n import Language
from ..timeline import Milestone, Tender
from .events import reminder_clock, reminder_from
from .fill import TOKEN
from .models import Links
from .template_cache import TemplateCache


def serialise(event: dict[str, Any]) -> bytes:
    """An event's body as webhooks carry it: compact UTF-8 JSON."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _stand_ins(tag: str) -> tuple[str, str]:
    return (f"{tag}LinkTokenStandIn" * 3)[:43], (f"{tag}FeedTokenStandIn" * 3)[:43]


@dataclass(frozen=True, slots=True)
class _Template:
    """Serialised bytes cut where the stand-ins were: literal pieces between the slots, and
    each slot's field (0: the link token, 1: the feed token)."""

    pieces: tuple[bytes, ...]
    slots: tuple[int, ...]

    def fill(self, tokens: tuple[bytes, bytes]) -> bytes:
        out = [self.pieces[0]]
        for field, piece in zip(self.slots, self.pieces[1:], strict=True):
            out.append(tokens[field])
            out.append(piece)
        return b"".join(out)


def _cut(data: bytes, stand_ins: tuple[str, str]) -> _Template:
    link, feed = (re.escape(s.encode("ascii")) for s in stand_ins)
    pieces: list[bytes] = []
    slots: list[int] = []
    at = 0
    for match in re.finditer(b"(" + link + b")|(" + feed + b")", data):
        pieces.append(data[at : match.start()])
        slots.append(0 if match.group(1) else 1)
        at = match.end()
    pieces.append(data[at:])
    return _Template(tuple(pieces), tuple(slots))


# Templates by everything that shapes the event but the tokens. Within one second of one
# fan-out every event shares one; a few seconds' worth are kept.
_templates: TemplateCache[_Template] = TemplateCache(keep=32)


def _made(compose: Callable[[tuple[str, str]], bytes]) -> _Template | None:
    """A template cut from an event serialised with stand-ins, if it proves itself."""
    stand_a, stand_b = _stand_ins("a"), _stand_ins("b")
    made = _cut(compose(stand_a), stand_a)
    proven = made.fill((stand_b[0].encode(), stand_b[1].encode())) == compose(stand_b)
    return made if proven else None


def reminder_event_body(
    *,
    tender: Tender,
    milestone: Milestone,
    now: datetime,
    language: Language,
    offset: timedelta,
    link_token: str,
    feed_token: str,
    links: Callable[[str, str], Links],
    day_hour: int = 9,
) -> bytes:
    """``serialise(reminder_event(...))`` from a template shared by the events that differ
    only in their tokens. ``links`` makes the links from (link token, feed token); it is part
    of the template's key, so pass the same function for one fan-out."""
    clock = reminder_clock(tender, milestone, now, language, day_hour)

    def compose(tokens: tuple[str, str]) -> bytes:
        return serialise(reminder_from(tender, milestone, language, offset, clock, links(*tokens)))

    if TOKEN.fullmatch(link_token) and TOKEN.fullmatch(feed_token):
        key = (tender, milestone, language, offset, day_hour, links, clock)
        template = _templates.get(key, lambda: _made(compose))
        if template is not None:
            return template.fill((link_token.encode("ascii"), feed_token.encode("ascii")))
    return compose((link_token, feed_token))
