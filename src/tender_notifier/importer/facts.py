"""The tender's own facts in an announcement: title, buyer, platform, reference, and its id."""

from __future__ import annotations

import re
from collections import Counter

from .text import Segment, first_line

UNKNOWN_BUYER = "Onbekend"
_TITLE_MAX = 200

# Platform -> how its name is written. "Between" is also an English word, so only its own
# spellings count.
PLATFORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Flextender", re.compile(r"\bflextender\b", re.IGNORECASE)),
    ("TenderNed", re.compile(r"\btenderned\b", re.IGNORECASE)),
    ("Negometrix", re.compile(r"\bnegometrix\b", re.IGNORECASE)),
    ("Mercell", re.compile(r"\bmercell\b", re.IGNORECASE)),
    ("Striive", re.compile(r"\bstriive\b", re.IGNORECASE)),
    ("Inhuurdesk", re.compile(r"\binhuurdesk\b", re.IGNORECASE)),
    ("Between", re.compile(r"\bBetween(?:\.nl|[- ]platform|[- ]portal)\b")),
    ("Select", re.compile(r"\bSelect(?:\.nl|[- ]platform)\b")),
)

_TITLE_LABEL = re.compile(
    r"^(?:titel|title|naam (?:opdracht|aanbesteding)|opdrachtnaam|functietitel|functie|"
    r"rol|role|position)$",
    re.IGNORECASE,
)
_BUYER_LABEL = re.compile(
    r"^(?:opdrachtgever|aanbestedende dienst|aanbestedende organisatie|inkopende organisatie|"
    r"klant|organisatie|buyer|client|contracting authority|customer)$",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:aanvraagnummer|aanvraag-?id|referentienummer|referentie|kenmerk|"
    r"opdrachtnummer|opdracht-?id|request ?id|projectnummer|zaaknummer|dossiernummer|tender ?id|"
    r"reference(?: number)?|"
    r"ref\.?|aanbestedingsnummer)\b\s?(?:nr\.?|no\.?)?\s?[:#]?\s?"
    # bounded, and the digit it needs is checked afterwards: "[..]*\d[..]*" backtracks over
    # every "ref.ref.ref..." and makes the search quadratic
    r"(?P<value>[A-Za-z0-9][A-Za-z0-9._/-]{0,59})",
    re.IGNORECASE,
)
_PUBLIC_BODY = re.compile(
    r"\b(?P<type>(?i:gemeente|provincie|waterschap|hoogheemraadschap))\s{1,3}"
    r"(?P<name>[A-Z][\w'\u2019-]{0,40}"
    r"(?:\s(?:(?:aan|den|op|de|van|der|het|a/d)\s){0,3}[A-Z][\w'\u2019-]{0,40}){0,5})"
)
_SLUG = re.compile(r"[^a-z0-9._-]+")


def title(text: str, segments: list[Segment]) -> str:
    """A "Titel: X" field, else the first non-empty line, where every platform we know of puts
    the title."""
    for segment in segments:
        label, _, value = segment.text.partition(":")
        if segment.is_field and _TITLE_LABEL.match(label.strip()) and value.strip():
            return value.strip()[:_TITLE_MAX]
    return (first_line(text) or "")[:_TITLE_MAX].strip() or "Zonder titel"


def buyer(segments: list[Segment]) -> str | None:
    """The buyer from a field ("Opdrachtgever: X"), else the public body named most often."""
    for segment in segments:
        if segment.is_field:
            label, _, value = segment.text.partition(":")
            value = value.strip()
            if _BUYER_LABEL.match(label.strip()) and value and len(value) <= 80:
                return value
    bodies: Counter[str] = Counter()
    for segment in segments:
        for match in _PUBLIC_BODY.finditer(segment.text):
            bodies[f"{match.group('type').capitalize()} {match.group('name')}"] += 1
    if bodies:
        return bodies.most_common(1)[0][0]
    return None


def platform(text: str, segments: list[Segment]) -> str | None:
    """A "Platform: X" field, else the platform named most often (the first listed on a tie)."""
    for segment in segments:
        label, _, value = segment.text.partition(":")
        if segment.is_field and label.strip().lower() == "platform" and value.strip():
            return value.strip().split(" (")[0][:80]
    counts = [(len(pattern.findall(text)), -k, name) for k, (name, pattern) in enumerate(PLATFORMS)]
    best = max(counts)
    return best[2] if best[0] else None


def reference(segments: list[Segment]) -> str | None:
    """The platform's number for the request: "Aanvraagnummer 30988", "Kenmerk: 2026-041"."""
    for segment in segments:
        for match in _REFERENCE.finditer(segment.text):
            value = match.group("value")
            if any(ch.isdigit() for ch in value):
                return value.rstrip(".-/")
    return None


def tender_id(platform_name: str | None, reference_value: str | None, title_text: str) -> str:
    """``flextender-30988``; without a reference the title stands in for it."""
    parts = [p for p in (platform_name, reference_value or title_text) if p]
    slug = _SLUG.sub("-", "-".join(parts).lower()).strip("-._")[:100].strip("-._")
    return slug or "tender"
