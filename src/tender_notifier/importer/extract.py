"""From announcement text to a draft tender: the milestones found, and what could not be placed.

The one rule above all: never invent a date. A milestone is made only from a date written with
day, month and year (or without the year where the announcement makes it clear: its
publication day, its other dates, a "Planning 2028" heading; reported for ops to check), in a
sentence whose words say what the date is for (``rules``). Everything else that looks like a
date or a deadline (no year to be had, "z.s.m.", "binnen 2 weken", "week 29", a date whose
weekday does not match, a date of unclear meaning) is returned as ``Unplaced`` with its line,
for ops to settle by hand.

The work grows linearly with the text whatever the text is (``bench/importer.py``); over
``MAX_ANNOUNCEMENT`` characters it is refused.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

from ..timeline import Kind, Tender
from . import facts
from .calendars import readable_calendars
from .characters import normalise
from .dates import find_dates
from .document import Document, document_of, publishes
from .draft import Draft, Found, Unplaced
from .earlier_messages import without_replaced
from .finds import OLD_DATE
from .lines_above import (
    CHANGED_PART,
    INSTEAD_OF,
    OLD_LABEL,
    ChangedPart,
    LeadIn,
    OldText,
    answered,
    bare_date,
    heading_above,
    named_before,
    named_over,
    new_under_old,
    step_quoted,
)
from .meanings import Background
from .milestones import milestones
from .questions import ANSWER_LABEL
from .rules import Meaning, kind_of
from .sections import Section
from .segment import Segment
from .sentences import read_segment
from .text import segments
from .us_dates import day_first

__all__ = ["MAX_ANNOUNCEMENT", "AnnouncementTooLarge", "Draft", "Unplaced", "extract"]

MAX_ANNOUNCEMENT = 1_000_000  # characters (bytes for ``import``): 1 MB


class AnnouncementTooLarge(ValueError):
    """The text is over ``MAX_ANNOUNCEMENT`` characters: no announcement is that long."""


def extract(
    text: str, *, zone: ZoneInfo, tender_id: str | None = None, today: date | None = None
) -> Draft:
    """Read an announcement: its title, buyer, platform, reference and timeline.

    ``today`` is the day it is read, for the year of dates written without one when nothing in
    the announcement gives it ("dinsdag 22 december" in a request posted this month).

    Raises ``AnnouncementTooLarge`` over ``MAX_ANNOUNCEMENT`` characters. Below it the work
    grows linearly with the text, whatever the text (see ``bench/importer.py``).
    """
    if len(text) > MAX_ANNOUNCEMENT:
        raise AnnouncementTooLarge(
            f"the announcement has {len(text):,} characters; the limit is {MAX_ANNOUNCEMENT:,}"
        )
    text = readable_calendars(text)  # an invitation's .ics pasted as text
    text = day_first(text)  # "12/17/2026" in a text that writes its dates month first
    pieces = segments(text)
    found: list[Found] = []
    unplaced: list[Unplaced] = []
    document = document_of(pieces, today)
    previous: Segment | None = None
    header: Segment | None = None  # the head row of the table being read
    above: Meaning | None = None  # what the heading over the segment before said
    selection = False  # under a heading of the selection phase of a two-phase procedure
    binding = True  # not under a heading that says its dates are not binding
    # "De planning van de gunningsfase in paragraaf 3.2 is niet bindend"
    not_binding = {
        ref.group(1)
        for piece in pieces
        if _NOT_BINDING.search(piece.text)
        for ref in _SECTION_REF.finditer(piece.text)
    }
    # "Dates marked with an asterisk (*) are indicative only and are not binding"
    starred = any(_NOT_BINDING.search(p.text) and _STARRED.search(p.text) for p in pieces)
    event: date | None = None  # the day of the event the paragraph dated
    section = Section()
    change = ChangedPart()
    old_text = OldText()
    lead_in = LeadIn()
    for segment in pieces:
        if segment.stamp:
            continue  # when a message was sent (document_of reads it)
        topic = section.topic(previous, segment) or named_before(previous, segment)
        if segment.follows_blank(previous) and not _TO_ATTEND.search(segment.text):
            # "Donderdag 22 oktober 2026, 's middags" / "Stadswinkel, Korte Nieuwstraat 6" /
            # "Aanmelden kan tot en met 20 oktober 2026": an event's paragraph, not the next
            # (unless it speaks of attending: "Suppliers wishing to attend should register")
            event = None
        selection = _phase(segment, selection)
        if not segment.in_table or (previous is not None and not previous.in_table):
            header = None
        heading = heading_above(previous, segment)
        if heading is Kind.ANSWERS_PUBLISHED and segment.line <= _HEAD_LINES and publishes(segment):
            # "NOTA VAN INLICHTINGEN 1" / "Datum: 12 februari 2027": the answers themselves,
            # published that day, not a step ahead
            heading = None
        if (
            heading is None
            and topic not in (None, Kind.ANSWERS_PUBLISHED)  # not the day of a NvI itself
            and _DAY_FIELD.match(segment.text)
        ):
            heading = topic  # "LOT 1 - Tweedbank" / "Date: Wednesday 13th January 2027"
        elif heading is None and (
            (topic is None and _DAY_FIELD.match(segment.text)) or OLD_LABEL.match(segment.text)
        ):
            # the step the sentence above names: "Uw kandidaat is geselecteerd voor een
            # kennismakingsgesprek." / "Datum: donderdag 28 januari 2027" / "Tijd: 10:30 uur";
            # "... wordt de uiterste datum voor ontvangst van de offertes verschoven." / "Oude
            # datum: 11/05/2027" / "Nieuwe datum: 18/05/2027"
            heading = named_over(previous, segment)
        if heading is None:
            heading = answered(previous, segment)  # "Vraag 4: Wanneer start ...?" / "Antwoord:"
        if heading is None and new_under_old(previous, segment):
            # "In plaats van: 14 september 2026" / "Te lezen: 21 september 2026"
            heading = above or step_quoted(previous)
        listed = lead_in.step(previous, segment)
        if (
            (heading is None or lead_in.offers_slots)
            and listed is not None
            and (bare_date(segment) or segment.in_table)
        ):
            # "Gesprekken:" / "* maandag 9 maart" / "* woensdag 11 maart"; "De presentaties zijn
            # in het gemeentehuis. Er zijn de volgende tijdvakken beschikbaar:" / "- dinsdag ..."
            heading = listed
        elif topic is None and listed is not None:
            topic = listed  # "Gunning:" / "- perceel 3: college van vrijdag 9 april 2027."
        quoted_old = old_text.holds(previous, segment)
        if quoted_old:
            heading = Background.REPLACED  # "WHERE IT READS:" / "Time limit ...: 19 January 2027"
        changed = change.step(previous, segment)
        if heading is None and changed is not None:
            heading = changed  # "Lezen:" / "Datum: 28/10/2027" under the part it changes
        above = heading
        changes = previous is not None and bool(CHANGED_PART.match(previous.text))
        if (isinstance(heading, Kind) or changes or INSTEAD_OF.match(segment.text)) and (
            OLD_LABEL.match(segment.text)
        ):
            heading = Background.REPLACED  # "In plaats van: Datum: 14/12/2026": the old one
        if segment.in_table:
            first_row = previous is None or not previous.in_table  # not "wk 4: Beantwoording"
            if first_row and _LETTER.search(segment.text) and not find_dates(segment.text):
                header = segment
            elif heading is None and header is not None:
                heading = kind_of(header.text)  # "| Lot | Description | Deadline |"
        binding = _binding(previous, segment, binding, not_binding, starred)
        if binding and not (starred and _STAR in segment.text):
            # "Er is een schouw op 11 februari 2027. Aanmelden kan tot 9 februari 2027.": the
            # sentence after an event's may register for it
            count = len(found)
            read = _without_answer_label(segment)
            if segment.in_table and (quoted_old or INSTEAD_OF.match(segment.text)):
                # "Oorspronkelijk:   uiterste datum ... 18/03/2027 om 11u00; opening ...": a
                # row of old text is old in every clause, as a line of it is (and "Instead of:"
                # / "   End:   28/02/2031", aligned under the label)
                read = replace(segment, in_table=False)
            listed_before = len(unplaced)
            read_segment(read, found, unplaced, document, heading, selection, event, topic)
            if heading is Background.REPLACED and isinstance(above, Kind):
                # "Oude datum: dinsdag 11/05/2027 om 10u00" under the step a sentence named
                new = unplaced[listed_before:]
                unplaced[listed_before:] = [_old_of(u, above, document) for u in new]
            elif quoted_old:
                # the old text quoted whole: a day its new text gives again did not change
                new = unplaced[listed_before:]
                unplaced[listed_before:] = [replace(u, old=None) for u in new]
            events = [f.day for f in found[count:] if f.kind is Kind.OTHER]
            if events and not segment.in_table:
                event = events[-1]
            elif segment.in_table or len(found) > count:
                event = None  # a step of another kind comes between
        else:
            _read_not_binding(segment, unplaced, document, heading, selection)
        previous = segment
    per_lot = any(_OTHER_LOTS_KEPT.search(segment.text) for segment in pieces)
    found = without_replaced(found, normalise(text), unplaced)
    if any(_MARKET_ENGAGEMENT.fullmatch(segment.text) for segment in pieces):
        found = [_engagement_step(f) for f in found]
    timeline = milestones(
        _moving(pieces, found), zone, unplaced, per_lot=per_lot, two_phase=document.two_phase
    )
    title = facts.title(text, pieces)
    buyer = facts.buyer(pieces)
    if buyer is None:
        unplaced.append(Unplaced(1, "buyer", "no buyer found; fill in `buyer` by hand", title))
    platform = facts.platform(text, pieces)
    reference = facts.reference(pieces)
    tender = Tender(
        id=tender_id or facts.tender_id(platform, reference, title),
        title=title,
        buyer=buyer or facts.UNKNOWN_BUYER,
        platform=platform,
        reference=reference,
        timezone=zone,
        milestones=timeline,
    )
    return Draft(tender=tender, unplaced=tuple(sorted(unplaced, key=lambda u: u.line)))


# A notice of a preliminary market engagement asks for views, not for tenders or requests to
# take part: "UK2: Preliminary market engagement notice", a field "Engagement deadline"
_MARKET_ENGAGEMENT = re.compile(
    # (not another notice's line: "... notice – published 14 September 2026")
    r"(UK2:\s)?preliminary market engagement notice(\s[-\u2013]\s(?!published\b)[\w\s]{1,40})?"
    r"|engagement deadline\W{0,3}",
    re.IGNORECASE,
)


def _engagement_step(found: Found) -> Found:
    """A market engagement's deadline, "Completed questionnaires are requested by", is `other`."""
    if found.kind in (Kind.SUBMISSION_DEADLINE, Kind.PARTICIPATION_DEADLINE):
        return replace(found, kind=Kind.OTHER)
    return found


_LETTER = re.compile(r"[^\W\d_]")
# A field that gives a day and nothing of what it is for
_TO_ATTEND = re.compile(
    r"\b(wishing|wanting|who wish|who want)\sto\sattend\b"
    # a paragraph of its own to sign up people: "Graag uiterlijk vrijdag 8 januari aanmelden
    # via ..., met de namen van max. 2 personen" (not "Aanmelden als gegadigde kan tot")
    r"|\b(aanmelden|meld (u|je|jullie) (zich )?aan|register|book your place)\b[^.;]{0,80}"
    r"\b(namen|names|personen|persons|people|attendees|deelnemers|representatives"
    r"|vertegenwoordigers)\b",
    re.IGNORECASE,
)
# a field that says when, or how one takes part: "Date:", "In person:", "Online:"
_DAY_FIELD = re.compile(
    r"^\W{0,3}(datum|date|dag|day|wanneer|when|in person|in-person|online|virtual|virtueel|fysiek"
    r"|op locatie|digitaal|on site)\s{0,3}:",
    re.IGNORECASE,
)
# A line that changes the planning: its dates replace the earlier dates of their steps
_MOVES = re.compile(
    r"\b(verlengd|verschoven|verplaatst|verschuift|schuift|gewijzigd|correctie|rectificatie"
    r"|extended|moved|postponed|rescheduled|brought forward|corrected|correction|amended)\b",
    re.IGNORECASE,
)


# "The deadlines and opening dates for LOT-0001 and LOT-0003 remain unchanged", "De planning van
# perceel 1 en 2 wijzigt niet": a change of some lots only
_OTHER_LOTS_KEPT = re.compile(
    r"\b(lots?|percel(en)?|perceel)\b([^.;]|\.\d){0,60}\b(remains? unchanged|(is|are) not (changed"
    r"|affected)|(blijft|blijven)( \w{1,12}){0,2} ongewijzigd|(wijzigt|wijzigen) niet"
    r"|(is|zijn) niet gewijzigd"
    # "Voor perceel 3 (aangepast vervoer) blijft de uiterste inschrijfdatum dinsdag 12 januari"
    r"|(blijft|blijven|remains?|stays?) (de |het |the )?(uiterste |closing |tender )?"
    r"(inschrijfdatum|sluitingsdatum|termijn|deadline|closing date|datum|date))",
    re.IGNORECASE,
)


def _moving(pieces: list[Segment], found: list[Found]) -> list[Found]:
    """``found``, each find on a line that changes the planning marked as a move: "[09-06-2026]
    De vragentermijn wordt verlengd tot 17-06-2026. De Nota van Inlichtingen volgt op
    23-06-2026." moves the answers too."""
    lines = {segment.line for segment in pieces if _MOVES.search(segment.text)}
    return [replace(f, moves=True) if f.line in lines else f for f in found]


# Headings that open a phase of a two-phase procedure: "Fase 1 – Selectie", "Stage 2 – Tender".
_SELECTION_PHASE = re.compile(
    r"selectiefase|aanmeldingsfase|selection (phase|stage)|pre-?qualification|prekwalificatie"
    r"|\b(fase|stage|phase) (1|i|one|een)\b\W{0,5}(selecti|aanmeld|deelneming|(conditions of )?"
    r"participation|(pre-?)?qualification|suitability)",
    re.IGNORECASE,
)
_OTHER_PHASE = re.compile(
    r"\b(fase|stage|phase)\b|\w(fase|phase)\b|\b(gunning|inschrijving|award|tender|offerte"
    r"|dialoog|dialogue|negotiation|onderhandeling)",
    re.IGNORECASE,
)
_PHASE_HEADING_MAX = 60


def _phase(segment: Segment, selection: bool) -> bool:
    """Whether the text from ``segment`` on stands in the selection phase."""
    # "PLANNING GUNNINGSFASE (indicatief, wordt definitief vastgesteld in de gunningsleidraad)"
    text = segment.text.split(" (", 1)[0] if segment.text.endswith(")") else segment.text
    if segment.is_field or len(text) > _PHASE_HEADING_MAX or text.endswith(".") or find_dates(text):
        return selection
    if _SELECTION_PHASE.search(text):
        return True
    return False if _OTHER_PHASE.search(text) else selection


# "Indicative timetable (for information only; these dates are not binding)"
_NOT_BINDING = re.compile(
    r"\b(not|non)[- ]binding|\bniet bindend|for information only|ter informatie"
    r"|\bnot part of the (\w{1,20} ){0,2}(timetable|schedule|planning)"
    r"|geen onderdeel van de planning"
    # a marketplace page's list of other requests: "Bekijk ook" / "- Consulent Wmo (sluit ...)"
    r"|^\W{0,3}(bekijk ook|zie ook|see also|ook interessant|(vergelijkbare|soortgelijke"
    r"|gelijksoortige|andere|meer|recente|nieuwe) (opdrachten|vacatures|aanvragen|aanbestedingen)"
    r"|(related|similar|other|more|recent) (opportunities|tenders|jobs|vacancies|notices)"
    r"|you (may|might) also (like|be interested( in)?))\W{0,3}$",
    re.IGNORECASE,
)


_COLUMN = re.compile(r"\b(kolom|column)\b", re.IGNORECASE)
_STAR = "*"
_STARRED = re.compile(r"asterisk|sterretje|\(\*\)|marked with \*|gemarkeerd met \*", re.IGNORECASE)
_SECTION_REF = re.compile(
    r"\b(?:paragraaf|paragraph|section|sectie|hoofdstuk|chapter|artikel|\u00a7)\s{0,3}"
    r"(\d{1,2}(?:\.\d{1,2}){0,3})\b",
    re.IGNORECASE,
)
_SECTION_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s")


def _binding(
    previous: Segment | None,
    segment: Segment,
    binding: bool,
    not_binding: set[str],
    starred: bool = False,
) -> bool:
    """Whether the dates of ``segment`` are binding: not under a heading without dates that
    says they are not, or whose section the text says is not ("paragraaf 3.2 is niet
    bindend"), up to the next line without a date or after a blank line. A heading that says
    so of the dates marked with an asterisk (``starred``) leaves the others binding."""
    if not find_dates(segment.text):
        if segment.in_table:
            return binding  # the head row of the table under the heading
        section = _SECTION_HEADING.match(segment.text)
        if section is not None and section.group(1) in not_binding:
            return False
        # "De kolom "Oorspronkelijk" is alleen ter informatie opgenomen": a column's dates
        return (
            starred or not _NOT_BINDING.search(segment.text) or bool(_COLUMN.search(segment.text))
        )
    if previous is not None and segment.line - previous.line > 1:
        return True
    return binding


def _read_not_binding(
    segment: Segment,
    unplaced: list[Unplaced],
    document: Document,
    heading: Meaning | None,
    selection: bool,
) -> None:
    found: list[Found] = []
    read_segment(segment, found, unplaced, document, heading, selection)
    reason = "the text says this date is not binding; not used"
    unplaced.extend(Unplaced(f.line, f.day.isoformat(), reason, f.note) for f in found)


def _old_of(item: Unplaced, step: Kind, document: Document) -> Unplaced:
    """``item``, an old date of ``step`` when it is one that names no step of its own."""
    if item.old is not None or item.reason != OLD_DATE:
        return item
    hits = find_dates(item.found, document.years)
    day = hits[0].day if hits else None
    return replace(item, old=(day, step)) if day is not None else item


# The lines at the head of a text, where "Datum:" gives the day of the text itself
_HEAD_LINES = 8


def _without_answer_label(segment: Segment) -> Segment:
    """``segment`` without the label that says it answers a question: the prose of the answer."""
    match = ANSWER_LABEL.match(segment.text)
    if match is None or not match.group(0).strip():
        return segment
    cut = match.end()
    joins = tuple((max(0, offset - cut), line) for offset, line in segment.joins)
    return replace(segment, text=segment.text[cut:], joins=joins)
