"""An earlier message quoted under a newer one ("-----Original Message-----", "Op 25 nov. 2026
schreef ...:"): where the newer message dates a step, the earlier message's dates for that step
are what it replaces ("Shortlisted bidders will be notified by Thursday 28 January 2027" over a
quoted timetable's "Shortlisted bidders notified   Thu 21 January 2027")."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from ..timeline import Kind
from .dates import find_dates
from .draft import Found, Unplaced
from .rules import RULES

# the line that opens a quoted earlier message
_QUOTED = re.compile(
    r"^\W{0,3}(-{2,}\s{0,3}(original message|oorspronkelijk bericht|forwarded message"
    r"|doorgestuurd bericht|origineel bericht|oorspronkelijke (uitnodiging|afspraak)"
    r"|original (appointment|invitation))\s{0,3}-{2,}"
    # "On ..., Name <mail> wrote:", "Op 23 nov. 2026 om 16:47 schreef Name <mail>:"
    r"|(on|op)\s.{4,80}\s(wrote|schreef)(\s[^\n:]{1,80})?\s{0,3}:"
    r"|(from|van)\s{0,3}:.{2,80}\n\s{0,3}(sent|verzonden|date|datum)\s{0,3}:)",
    re.IGNORECASE | re.MULTILINE,
)
_REPLACED = "an earlier message's date for a step the newer message dates; not used"


def _quotes(text: str) -> list[int]:
    """The lines (counted from 1) that open each earlier message quoted in ``text``, the newest
    first; a message's own header at the top of the text is none. A thread whose messages are
    sent later the lower they stand ("Exported from the portal, oldest message first") quotes
    none: each of its messages is newer than the ones above it."""
    matches = [m for m in _QUOTED.finditer(text) if _has_words(text[: m.start()])]
    sent = [_sent(text[: min(matches[0].start(), _HEADER_SPAN)] if matches else "")]
    sent += [_sent(text[m.start() : m.start() + _HEADER_SPAN]) for m in matches]
    if any(a is not None and b is not None and b > a for a, b in pairwise(sent)):
        return []
    return [text.count("\n", 0, match.start()) + 1 for match in matches]


_HEADER_SPAN = 300  # the characters of a quoted message's header
_SENT = re.compile(
    r"^\W{0,3}(sent|date|verzonden|datum|on|op)\b[^\n]{0,80}", re.IGNORECASE | re.MULTILINE
)


def _sent(head: str) -> date | None:
    """The day the message that opens with ``head`` was sent, as its header says."""
    line = _SENT.search(head)
    hits = find_dates(line.group(0)) if line else []
    return hits[0].day if hits else None


def _has_words(head: str) -> bool:
    """Whether a message's own text stands above: more than the header lines of its mail."""
    body = [ln for ln in head.splitlines() if ln.strip() and not _HEADER.match(ln)]
    return len(body) >= 2


_HEADER = re.compile(
    r"^\s{0,3}(from|to|cc|sent|date|subject|van|aan|verzonden|datum|onderwerp)\s{0,3}:",
    re.IGNORECASE,
)


def without_replaced(found: list[Found], text: str, unplaced: list[Unplaced]) -> list[Found]:
    """``found`` without the dates the earlier message quoted in ``text`` gives for a step the
    newer message dates anew, when the newer message changes the planning (not a forward that
    only comments on it), and does not say that step stays as it was."""
    for quoted in _quotes(text):
        found = _replaced_below(found, text, quoted, unplaced)
    return found


def _replaced_below(
    found: list[Found], text: str, quoted: int, unplaced: list[Unplaced]
) -> list[Found]:
    """``found`` without the dates of the messages from line ``quoted`` on that the messages
    above it replace (each of a thread's messages is newer than the ones it quotes)."""
    newer_text = "\n".join(text.split("\n")[: quoted - 1])
    if not _CHANGES.search(newer_text):
        return found
    kept_as_was = {
        kind
        for sentence in _SENTENCE.split(newer_text)
        if _AS_WAS.search(sentence)
        for kind in _named(sentence)
    }
    newer: dict[Kind, set[date]] = {}
    lots: dict[Kind, set[str] | None] = {}  # the lots the newer dates are for (None: all)
    for f in found:
        if f.line < quoted and f.kind not in kept_as_was:
            newer.setdefault(f.kind, set()).add(f.day)
            named = _lots(f.note)
            was = lots.get(f.kind, set())
            lots[f.kind] = None if not named or was is None else was | named
    every_lot = _lots(text)
    kept: list[Found] = []
    for item in found:
        # (the same day may stand in both, with its time only in the earlier one; a date of
        # some lots does not replace the date of the others: "De sluitingstermijn voor perceel
        # 3 wordt verschoven naar ...")
        for_lots = lots.get(item.kind)
        other_lots = (
            for_lots is not None
            and not (for_lots & _lots(item.note))
            and not every_lot <= for_lots  # "perceel 1 en perceel 2" of two is every lot
        )
        if (
            item.line > quoted
            and item.day not in newer.get(item.kind, {item.day})
            and not other_lots
        ):
            unplaced.append(Unplaced(item.line, item.day.isoformat(), _REPLACED, item.note))
            continue
        kept.append(item)
    return kept


_LOT = re.compile(r"\b(?:perceel|percelen|lots?|kavels?)\s{1,3}(\w{1,3})\b", re.IGNORECASE)


def _lots(note: str) -> set[str]:
    """The lots a sentence names: "perceel 3" names "3"."""
    return {m.group(1).lower() for m in _LOT.finditer(note)}


def _named(sentence: str) -> set[Kind]:
    """Every step ``sentence`` names: "De indiening van de BAFO en de gunning" names two."""
    return {r.meaning for r in RULES if isinstance(r.meaning, Kind) and r.pattern.search(sentence)}


# a newer message that changes the planning: "we have agreed to revise the timetable as
# follows", "verschuiven we de indiening ... De aangepaste timing is als volgt"
_CHANGES = re.compile(
    r"\b(revised?|revising|amended|amend|updated?|changed?|moved|postponed|extended|rescheduled"
    r"|brought forward|verplaatst|verschoven|verschuiven|verschuift|gewijzigd|gewijzigde|wijzigen"
    r"|aangepast|aangepaste|uitgesteld|verlengd|vervroegd|instead of|in plaats van|i\.?p\.?v\b\.?"
    r"|verplaatsen|verzetten|verzet|bijgewerkt|bijgewerkte"
    r"|correctie|correction|now (close|closes|be held|take place))\b",
    re.IGNORECASE,
)
# "De indiening van de BAFO en de gunning blijven ongewijzigd": a step that stays as it was
_AS_WAS = re.compile(
    r"\b(blijft|blijven)\s(ongewijzigd|staan|hetzelfde|gelijk)|\bremains?\s(unchanged|as\s(it"
    r"|they)\s(was|were))|\b(is|are)\sunchanged|\b(is|zijn)\sniet\sgewijzigd"
    r"|\b(verandert|veranderen|wijzigt|wijzigen)\s(\w{1,20}\s){0,3}?niet\b|\b(does|do) not change",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
