"""The tender's own facts in an announcement: title, buyer, platform, reference, and its id."""

from __future__ import annotations

import re
from collections import Counter

from .characters import lines
from .segment import Segment

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
    r"klant|organisatie|organi[sz]ation|buyer|client|contracting (authority|entity)|customer"
    r"|official name|offici\u00eble (benaming|naam)|opdrachtgevend bestuur|aanbestedende"
    r" (overheid|instantie)|issued by|uitgegeven door|name and addresses|naam en adressen)$",
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
# "Rijswijk is een gemeente met ruim 57.000 inwoners", "Delft is een historische stad"
_TOWN_IS_A_MUNICIPALITY = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'\u2019]{1,30}(?:-[A-Z][\w'\u2019]{1,30}){0,2}) is een"
    r"(?: [a-z]{1,20}){0,2} (?:gemeente|stad)\b"
)
# A line that is an organisation's name, under the title: "Erasmus University Rotterdam"
_ORGANISATION = re.compile(
    r"\b(?:gemeente|provincie|waterschap|hoogheemraadschap|ministerie|ministry|universiteit"
    r"|university|hogeschool|ziekenhuis|hospital|municipality|province|agency|stichting"
    r"|rijkswaterstaat|rijksvastgoedbedrijf|b\.v\.|n\.v\.|gemeenten|regio|\w{0,20}instituut"
    r"|institute|bibliotheek|library|woonstichting|woningcorporatie|uwv|school|roc"
    r"|havenbedrijf|council|trust|authority|board|stad|politiezone|brandweerzone|zorgbedrijf"
    r"|intercommunale|scholengroep|omgevingsdienst|inkoopbureau|agentschap|ocmw|nv"
    r"|veiligheidsregio|ggd|executive agency)(?![\w.])",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"[\d:;!?|\u00b7\u2013\u2014]| - |\.\s|\.$(?<!\b[BN]\.V\.)|\b(?:is|zoekt|seeks|voor|for)\b"
    # a label, not a name: "CONTRACTING AUTHORITY"; "English version provided by ..."
    r"|^(?i:(the |de |het )?(contracting |aanbestedende )?(authority|overheid|dienst))$"
    r"|\bprovided by\b"
)
# ", Nijmegen" or " (Ministry of ...)" after a name in a field
_ORGANISATION_TAIL = re.compile(r"\s*(?:\([^()]{0,80}\)|,[^,]{0,40})$")
# "Belastingdienst – Centrum voor Applicatieontwikkeling": the organisation, then its department
_DEPARTMENT = re.compile(r"\s[\u2013\u2014-]\s.{0,80}$")
# a section number before a label: "I.1) Name and addresses"
_SECTION_NUMBER = re.compile(
    r"^(?:[IVX]{1,4}(?:\.\d{1,2}){0,3}\)|\d{1,2}(?:\.\d{1,2}){1,3}\)?)\s{0,3}"
)
_TOP_SEGMENTS = 6
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
    """The buyer the text names (``_named_buyer``), in capitals only where its name has them."""
    name = _named_buyer(segments)
    if name is None or not name.isupper() or not any(len(w) > 3 for w in name.split()):
        return name  # "UWV" stays
    return _capitalised(name)


def _named_buyer(segments: list[Segment]) -> str | None:
    """The buyer from a field ("Opdrachtgever: X"), else an organisation's name on a line of its
    own near the top or after a dash on the title line ("Informatieanalist – Zorginstituut
    Nederland"), else the public body named most often ("Rijswijk is een gemeente"). Of a name
    the organisation counts, not its department, town or abbreviation ("Stad Mechelen, Dienst
    Facilitair Beheer", "Hogeschool van Amsterdam (HvA)")."""
    for segment in segments:
        numbered = _SECTION_NUMBER.match(segment.text)  # TED's "I.1) Name and addresses: X"
        if segment.is_field or numbered:
            label, _, value = segment.text[numbered.end() if numbered else 0 :].partition(":")
            value = _organisation(value)
            if _BUYER_LABEL.match(label.strip()) and value and len(value) <= 80:
                return value
    for segment in segments[:_TOP_SEGMENTS]:
        # a line near the top names the buyer on its own or beside a dash; on the title line
        # only a name ("Universiteit Twente – Europese aanbesteding Catering campus")
        title_line = segment is segments[0]
        for part in _TITLE_PARTS.split(segment.text):
            text = _organisation(part)
            if title_line and not _PROPER_NAME.fullmatch(text):
                continue
            if len(text) <= 80 and _ORGANISATION.search(text) and not _NOT_A_NAME.search(text):
                return text
    for segment in segments:
        # "Woonstichting De Key nodigt u uit", "TU Delft invites you to submit"
        if (host := _INVITES.match(segment.text)) is not None:
            return host.group("name")
    bodies: Counter[str] = Counter()
    for segment in segments:
        for match in _PUBLIC_BODY.finditer(segment.text):
            bodies[f"{match.group('type').capitalize()} {match.group('name')}"] += 1
        for match in _TOWN_IS_A_MUNICIPALITY.finditer(segment.text):
            bodies[f"Gemeente {match.group('name')}"] += 1
    if bodies:
        return bodies.most_common(1)[0][0]
    return None


# The organisation that opens a sentence inviting the reader: the buyer
_INVITES = re.compile(
    r"(?P<name>[A-Z][\w&.'\u2019-]{0,30}(?:\s(?:(?:of|van|de|der|den|het|the|en|and|voor|for|&)"
    r"\s){0,2}[A-Z][\w&.'\u2019-]{0,30}){0,6})\s(?:nodigt\s(?:u|je|jou|uw organisatie)\suit"
    r"|invites\syou|invites\s(?:suppliers|tenderers|bidders))\b"
)
_MINISTRY = re.compile(r"(ministerie|ministry)\b", re.IGNORECASE)
_TAILS = 6
# "International School of The Hague", "ROC van Amsterdam-Flevoland": capitalised words and
# the small words between them, not "Aanbesteding schoonmaak Gemeente Delft"
_PROPER_NAME = re.compile(
    r"[A-Z][\w&.'\u2019-]{0,30}(?:\s(?:(?:of|van|de|der|den|het|the|en|and|voor|for|&)\s){0,2}"
    r"[A-Z][\w&.'\u2019-]{0,30}){0,6}"
)
_TITLE_PARTS = re.compile(r"\s[\u2013\u2014]\s")


def _organisation(value: str) -> str:
    """The organisation a name gives, without its department, address or abbreviation."""
    value = _DEPARTMENT.sub("", value.strip())
    head, _, agency = value.rpartition(", ")
    if _MINISTRY.match(head) and _ORGANISATION.search(agency):
        return agency  # "Ministerie van Infrastructuur en Waterstaat, Rijkswaterstaat"
    # "Hogeschool van Amsterdam (HvA), Facility Services", "UMC Utrecht, Heidelberglaan 100,
    # Utrecht, 3584 CX, Netherlands"
    for _ in range(_TAILS):
        value = _ORGANISATION_TAIL.sub("", value)
    # "Cyngor Gwynedd / Gwynedd Council": the name in the language the list knows
    names = value.split(" / ")
    if len(names) > 1 and all(_PROPER_NAME.fullmatch(n) for n in names):
        value = next((n for n in names if _ORGANISATION.search(n)), value)
    return value


# "CALDERBROOK METROPOLITAN BOROUGH COUNCIL": words in capitals, but for short words that name
# nothing (of, and, van, de) and abbreviations of up to three letters (NHS, GGD, NV)
_SMALL_WORDS = frozenset(["of", "and", "the", "for", "van", "de", "der", "den", "het", "en"])
_ABBREVIATION = re.compile(r"[B-DF-HJ-NP-TV-Z]{2,4}")  # no vowel: NHS, GGD, NV


def _capitalised(value: str) -> str:
    return " ".join(
        word.lower()
        if k and word.lower() in _SMALL_WORDS
        else "-".join(_capital(part) for part in word.split("-"))
        for k, word in enumerate(value.split(" "))
    )


def _capital(word: str) -> str:
    """A word written in capitals as in a name: "NOORD" as "Noord", "IJSSELWAARD" as
    "IJsselwaard"; an abbreviation without a vowel ("NHS") stays."""
    if _ABBREVIATION.fullmatch(word):
        return word
    return "IJ" + word[2:].lower() if word.startswith("IJ") else word.capitalize()


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


def first_line(text: str) -> str | None:
    """The first non-empty line, which is the title on every platform we know of."""
    for line in lines(text):
        if line.strip():
            return " ".join(line.split())
    return None
