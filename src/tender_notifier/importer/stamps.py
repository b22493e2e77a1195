"""The stamp a chat or a log of messages writes before each message: "[26-11-2026 08:52] Femke
Jansen: ...", "27/11/2026, 11:05 - Sanne: ...", "[11:05, 27/11/2026] Sanne: ...". It says when
the message was sent, which is no step of the procedure; the message after it is read alone,
not as the rest of the line above it."""

from __future__ import annotations

import re

from ..timeline import Kind
from .dates import find_dates
from .rules import kind_of

_DAY = r"\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_SHORT_DAY = r"\d{1,2}-\d{1,2}-\d{2}(?!\d)"  # "27-11-26"
_WEEKDAY = r"(?:[^\W\d_]{2,9}\.?,?\s{1,2})?"  # "[vrijdag 27-11-2026 10:15]"
_WHEN = rf"(?:{_WEEKDAY}{_DAY},?\s{{1,2}}{_CLOCK}|{_CLOCK},?\s{{1,2}}{_WEEKDAY}{_DAY})"
# in brackets, or as a phone's chat app writes it ("27/11/2026, 11:05 - "; WhatsApp's export
# without the comma, with a year of two digits: "27-11-26 08:41 - "), then who sent it, up to
# the colon that opens the message or the line's end
_STAMP = re.compile(
    rf"^\s{{0,3}}(?:\[\s?{_WHEN}\s?\]\s{{0,3}}"
    rf"|(?:{_DAY},|{_SHORT_DAY})\s{{1,2}}{_CLOCK}\s{{1,3}}[-\u2013]\s{{1,3}})"
    r"(?P<sender>[^\W\d_][^:\d\n]{0,59})(?::|$)"
)


# a chat copied from Teams or Slack: who wrote, then when, on a line of its own above the
# message ("Lotte Hermans  vrijdag 27-11 14:41"; "Priya Raman  9:14 AM", that day)
_NAME = r"[A-Z][\w'\u2019.-]{0,20}"
_FIRST_NAME = r"[A-Z][\w'\u2019.-]{1,20}"
_GUEST = r"(?: \((?:External|Extern|Guest|Gast)\))?"  # "Priya Natarajan (External)"
_HEADERS = (
    re.compile(
        rf"^ {{0,3}}(?P<sender>{_FIRST_NAME}"
        rf"(?: (?:{_NAME}|van|de|der|den|ter|ten|te|von|'t)){{0,3}}{_GUEST})"
        rf" {{1,3}}(?:[a-z]{{2,9}}\.? )?\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.](?:\d{{4}}|\d{{2}}))?,?"
        rf" {{1,2}}{_CLOCK} {{0,3}}$"
    ),
    re.compile(
        rf"^ {{0,3}}(?P<sender>{_FIRST_NAME}(?: {_NAME}){{1,3}}) {{1,3}}"
        r"\d{1,2}:\d{2}\s?[AP]M {0,3}$"
    ),
)


# the role a sender's name carries in brackets: "Sam Okafor (Bid Support)" names no step
_ROLE = re.compile(r"([A-Z][\w'\u2019.-]{1,20}(?: [\w'\u2019.-]{1,20}){1,3}) \([^()]{1,40}\)")


# who wrote, then when in brackets, then the message: "Jonas Weber [02.12.2026 09:07] yes. ..."
_NAMED_STAMP = re.compile(
    rf"^ {{0,3}}(?P<sender>{_FIRST_NAME}"
    rf"(?: (?:{_NAME}|van|de|der|den|ter|ten|te|von|'t)){{0,3}}{_GUEST})"
    rf" {{1,3}}\[\s?{_WHEN}\s?\]\s{{0,3}}"
)
# the line a chat app puts between the days of its messages: "--- Monday, November 23rd ---",
# "———— vrijdag 27 november 2026 ————"
_DAY_DIVIDER = re.compile(
    r"^\s{0,3}[-\u2013\u2014\u2500]{2,}\s{0,3}(?P<day>[^-\u2013\u2014\u2500\n]{4,40}?)"
    r"\s{0,3}[-\u2013\u2014\u2500]{2,}\s{0,3}$"
)


def stamp_length(line: str) -> int:
    """How many characters of ``line`` its stamp takes (with the spaces after it), or 0. A
    sender that names a step is an item of a list of dates ("[15-12-2026 12:00] Sluiting
    inschrijving"), not someone who wrote; a role in brackets after a name is no such step."""
    # the date alone between the rules: "--- Kick-off 12 januari ---" is no day's divider
    divider = _DAY_DIVIDER.match(line)
    hits = find_dates(day := divider.group("day")) if divider is not None else []
    if len(hits) == 1 and hits[0].start == 0 and not day[hits[0].end :].strip(" .,"):
        return len(line)
    named = _NAMED_STAMP.match(line)
    if (
        named is not None
        and named.end() < len(line.rstrip())  # a message follows: "Go Live [01.03.2027]" is none
        and not isinstance(kind_of(named.group("sender")), Kind)
    ):
        return named.end()
    for pattern in _HEADERS:
        header = pattern.match(line)
        if header is not None and not isinstance(kind_of(header.group("sender")), Kind):
            return len(line)
    match = _STAMP.match(line)
    if match is None or isinstance(kind_of(_without_role(match.group("sender"))), Kind):
        return 0
    return match.start("sender")


def _without_role(sender: str) -> str:
    """A person's name without the role in brackets after it ("Sam Okafor (Bid Support)"); a
    step's name with words in brackets ("Clarifications (questions deadline)") stays whole."""
    named = _ROLE.fullmatch(sender.strip())
    return named.group(1) if named is not None else sender
