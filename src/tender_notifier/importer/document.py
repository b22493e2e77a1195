"""What the whole announcement says that each sentence needs: the procedure (one phase or two),
the years of dates written without one, and the day before which no step lies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from functools import cache

from ..timeline import Kind
from .background import BRACKETED_COPY, COPY_MADE
from .dates import find_dates, month_names, month_pattern
from .events import EVENT_WORDS
from .rules import Background, kind_of
from .segment import Segment
from .stated_zones import declared_zone, declares_own_zone, in_own_time, in_uk_time
from .times import UK
from .years import Years
from .zones import local_zone

# A procedure in which candidates first ask to take part and only those invited tender.
_TWO_PHASE = re.compile(
    r"restricted procedure|niet[- ]openbare (aanbestedings)?procedure|concurrentiegerichte dialoog"
    r"|competitive dialogue|competitive procedure with negotiation|negotiated procedure"
    r"|mededingingsprocedure met onderhandeling|innovati(on|e)[- ]?partner|two[- ](phase|stage)"
    r"|twee fasen|tweefasen|selectiefase|selection (phase|stage)|pre-?qualification"
    r"|selectieleidraad|mededingingsprocedure|\bopen oproep\b"
    # "De selectiecommissie ... selecteert maximaal vijf teams": candidates first, then tenders
    r"|\bselecteert (maximaal|ten hoogste|hooguit) \w{1,6} (teams|gegadigden|bureaus)\b",
    re.IGNORECASE,
)
# A procedure of one phase in which anyone may tender: it has no requests to participate
_OPEN = re.compile(
    r"(?<!niet[- ])\bopenbare (europese |nationale )?(aanbesteding|procedure)|\bopen procedure\b"
    r"|^procedure\s{0,3}:\s{0,3}openbaar\b",
    re.IGNORECASE,
)
# "Q&A log exported 15/01/2026 17:02": the day this copy was made, whatever it names
_THIS_COPY = rf"\b{COPY_MADE}\s{{1,3}}(on\s|op\s)?(?=\d)"
# "QUESTIONS AND ANSWERS – version 3 (last updated 03/12/2026)": the day of this version,
# whatever step the line names
# "CLARIFICATION LOG - Version 3 - issued 03/12/2026": the day of a numbered version
_VERSION_AGE = 365  # days
_VERSION_DAY = (
    r"\b(version|versie|revision|rev\.?)\s{0,3}\d{1,2}(\.\d{1,2})?\b[^.;\d]{0,10}?"
    r"\b(issued|published|dated|updated|uitgegeven|gepubliceerd|d\.d\.)\s{1,3}(on\s{1,3}|op\s{1,3})?"
    r"(?=\d)"
)
_VERSION_OF = re.compile(_VERSION_DAY, re.IGNORECASE)
# (the aside ends with the date and the line: not "(published 18 June 2024, link in the brief)")
_BRACKETED_DAY = BRACKETED_COPY + r"(?=\d[\w ./-]{0,20}\)\s{0,3}$)"
_COPY_DAY = re.compile(
    _THIS_COPY
    + r"|\b(last updated|laatst bijgewerkt)\s{0,3}(:\s{0,3}|on\s|op\s)?(?=\d)|"
    + _VERSION_DAY
    + "|"
    + _BRACKETED_DAY,
    re.IGNORECASE,
)
_EVENT = re.compile(EVENT_WORDS, re.IGNORECASE)
# Where an announcement says when it was published: years left out count from there.
_PUBLISHED = re.compile(
    r"publicatiedatum|datum (van )?publicatie|publicatie (aankondiging|op|van de|uitnodiging)"
    # not what will be: "Een volgende versie wordt gepubliceerd op woensdag 6 januari 2027"
    r"|(?<!wordt )(?<!worden )(?<!zal )(?<!zullen )(gepubliceerd|geplaatst|verschenen) op"
    # "Status: gepubliceerd 25-11-2026 16:20", "Published: 25/11/2026"
    r"|^\W{0,3}(status\s{0,3}:\s{0,3})?(gepubliceerd|published)\s{0,3}:?\s{0,3}(?=\d)"
    r"|(?<!will be )(?<!to be )(?<!shall be )published on"
    r"|publication date|\bdate published\b|\bpubli\u00e9e? le\b|date de publication"
    r"|date of (publication|dispatch)|posted on|date posted|verzenddatum|datum (van )?verzending"
    r"|datum document|document date|\bpublication of (the|this) (tender|notice|rfp|rfq)"
    r"|\bdate of issue\b|\bissue date\b"
    r"|\b(rectificatie|wijzigingsbericht|bericht|brief|mededeling)( nr\.? ?\d{1,3})? d\.d\."
    r"|\bpublished in (the )?(OJEU|OJ|Official Journal|TED|Supplement)\b[\w ]{0,30}? on\b"
    r"|\bdatum van (deze|dit) (uitnodiging|bericht|brief)|\bdate of this (invitation|letter)\b"
    # a field of its own: "Publicatie: 1 maart 2027", "Posted: 6 September 2027"
    r"|(^|:\s{0,3})(publicatie|gepubliceerd|geplaatst|plaatsingsdatum|published|posted|issued)"
    r"\s{0,3}:"
    # "Find a Tender notice published: Friday 4th December 2026"
    r"|^[^:]{0,30}?(?<!award )(?<!gunning )\b(notice|aankondiging|advert|advertisement)\s"
    r"(published|posted|issued|gepubliceerd|geplaatst)\s{0,3}:"
    # "Published 2 February 2027, 3:14pm", "Last updated: 03/12/2026": the day of this version
    r"|^\W{0,3}(published|posted|issued|gepubliceerd|geplaatst)\s{1,3}(on\s{1,3}|op\s{1,3})?"
    r"(?=\d)"
    r"|^(last updated|laatst bijgewerkt|laatste wijziging|updated)\s{0,3}(:|on\b|op\b)"
    r"|\((last updated|laatst bijgewerkt)\b"
    # the day of this version of the text: "Datum aanvraag:", "Datum rectificatie:"
    r"|^datum (aanvraag|uitvraag|rectificatie|wijziging|bericht)\s{0,3}:|^rectificatiedatum|"
    + _THIS_COPY
    + "|"
    + _VERSION_DAY
    + "|"
    + _BRACKETED_DAY,
    re.IGNORECASE,
)
# The publication of a notice still to come
_ANOTHER_NOTICE = re.compile(
    r"\b(next|future|later|following|volgende|nieuwe) (\w{1,12} )?(notice|aankondiging|publicatie"
    r"|tender|procurement|aanbesteding)"
    # "Publication date of tender notice (estimated)": a notice still to come
    r"|\b(estimated|expected|planned|anticipated|indicative|verwachte?|beoogde?|geplande?)\b",
    re.IGNORECASE,
)
# The day of the text itself, in a sentence that names a step too
_THIS_DAY = re.compile(
    r"\bdatum van (deze|dit) (uitnodiging|bericht|brief)|\bdate of this (invitation|letter)\b",
    re.IGNORECASE,
)
# The head of a mail ("Verzonden: dinsdag 7 april 2026 09:12", "Date: Monday 13 April 2026"):
# the day it was sent is the day it was published
_MAIL_DATE = re.compile(
    # not the end of a label wrapped over two lines ("Uiterste indienings-" / "datum: ...")
    r"^(?=(?-i:[A-Z]))(datum|date|verzonden|sent|verstuurd|date sent|sent on|datum verzonden)"
    r"\s{0,3}:",
    re.IGNORECASE,
)
_MAIL_HEAD = 8  # lines
# a document's own date a few lines lower, under its subject and reference, if it has gone by
_DOCUMENT_HEAD = 12
_LETTER_HEAD = 16  # lines: a letter's dateline stands under the addresses of both sides
# A letter's dateline at its head: "Nijmegen, 3 december 2026", "Brussel, 4/12/2026"
_DATELINE = re.compile(r"^[A-Z][\w'.-]{1,20}(?: [\w'.-]{1,20}){0,2},\s{1,3}(?:le\s{1,3})?(?=\S)")
_HISTORY = 730  # days
# A heading that gives the year of the dates below it: "Planning 2027", "Timetable (2027)"
_PLANNING_YEAR = re.compile(
    r"(?:(?:voorlopige |indicatieve |indicative |provisional )?(?:planning|tijdpad|tijdlijn"
    r"|tijdschema|timetable|timeline|schedule|belangrijke data|key dates))"
    r"\s{0,3}[(:-]?\s{0,3}(?P<year>20\d\d)\)?:?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Document:
    """What the whole announcement says that a single sentence needs."""

    # a restricted procedure, a competitive dialogue...: requests to participate come first
    two_phase: bool = False
    # the year of a date written without one, when the announcement makes it clear
    years: Years | None = None
    # no step lies before this day: the day the announcement says it was published, or
    # without one, two years before the middle of the dates it writes
    published: date | None = None
    # the day the announcement says it was published (or sent), when it says so
    issued: date | None = None
    # every round the text speaks of is a round of questions ("drie vragenrondes ... voor de
    # tweede ronde is de sluitingstermijn"): a round that closes is the questions'
    question_rounds: bool = False
    # the zone the text says its times are written in ("All deadlines below are given in UK
    # time"), when it is not the tender's
    zone: tzinfo | None = None
    # an open procedure (and no word of two phases): registering is for an event, not the
    # procedure
    open_procedure: bool = False
    # the tenders are due at the opening ("De offerte moet toekomen vóór de opening van de
    # offertes"), and no sentence dates the deadline itself: the opening's moment is both
    deadline_at_opening: bool = False


def document_of(pieces: list[Segment], today: date | None = None) -> Document:
    """The procedure, the years and the publication day, read once from the whole announcement.

    ``today`` is the day the announcement is read: when nothing in it gives the year of a date
    written without one, an announcement read now speaks of the days ahead of now."""
    written: list[date] = []
    steps: list[date] = []  # the dates of sentences that name a step: the years' anchors
    published: date | None = None
    since: date | None = None
    two_phase = open_procedure = said_two = False
    rounds: set[str] = set()  # the words that name a round: "vragen", "tweede", "bafo"...
    heading_year: int | None = None  # "Planning 2027" above dates written without a year
    months: list[date] = []  # "Start: april 2027": the first day of a month a step names
    zone: tzinfo | None = None
    own_zone = False  # the text says its times are the tender's own ("CET")
    uk_time = own_time = False  # it writes a time in UK time, one in its own zone by name
    due_at_opening = deadline_dated = False
    issued: date | None = None
    versioned = False  # the publication date is a version's: "version 3, dated ..."
    sent: date | None = None  # the day of a chat's first message ("[26-11-2026 08:52] ...")
    last_sent: date | None = None  # and of its last: what lies before it had passed
    # "--- Monday, November 23rd ---": a chat's day without a year, in the year its weekday
    # falls in near the day it is read, and not after that day
    chat_years = Years.around(None, [today], today) if today else None
    for segment in pieces:
        if segment.stamp:
            hit = next((h for h in find_dates(segment.text, chat_years) if h.day), None)
            day = hit.day if hit is not None else None
            if day is not None and today is not None and day > today and hit and hit.guessed_year:
                day = None
            sent, last_sent = sent or day, max(filter(None, (last_sent, day)), default=None)
            continue
        zone = zone or declared_zone(segment.text)
        own_zone = own_zone or declares_own_zone(segment.text)
        uk_time, own_time = (
            uk_time or in_uk_time(segment.text),
            own_time or in_own_time(segment.text),
        )
        said_two = said_two or bool(_TWO_PHASE.search(segment.text))
        two_phase = two_phase or said_two
        open_procedure = open_procedure or bool(_OPEN.search(segment.text))
        rounds.update((m.group(1) or m.group(2)).lower() for m in _ROUND.finditer(segment.text))
        if heading_year is None and (match := _PLANNING_YEAR.fullmatch(segment.text)):
            heading_year = int(match.group("year"))
        days = [hit.day for hit in find_dates(segment.text) if hit.day is not None]
        written += days
        meaning = kind_of(segment.text) if days else None
        deadline_dated = deadline_dated or meaning is Kind.SUBMISSION_DEADLINE
        due_at_opening = due_at_opening or (not days and bool(_DUE_AT_OPENING.search(segment.text)))
        if isinstance(meaning, Kind):
            steps += days
            # requests to participate come first in a procedure of two phases (not registering
            # for an event: "De informatiebijeenkomst op 9 december ...; aanmelden via ...")
            two_phase = two_phase or (
                meaning is Kind.PARTICIPATION_DEADLINE and not _EVENT.search(segment.text)
            )
        elif not days and (month := _month_of_a_step(segment.text)) is not None:
            months.append(month)
        if published is None and days and (publishes(segment) or _dated_head(segment, days, today)):
            published = days[0]
            versioned = bool(_VERSION_OF.search(segment.text))
            # "Publicatie van de nota van inlichtingen: ..." is a step, not the publication
            if kind_of(segment.text) in (None, Background.BACKGROUND) or _COPY_DAY.search(
                segment.text
            ):
                since = issued = published
            elif _THIS_DAY.search(segment.text):
                issued = published  # "op de datum van deze uitnodiging (3 december 2026)"
    middle_step = sorted(steps)[len(steps) // 2] if steps else None
    if versioned and published and middle_step and (middle_step - published).days > _VERSION_AGE:
        # "(version 3, dated 14 August 2025)": a version of another document, when the steps
        # the text announces lie more than a year after it
        since = None if since == published else since
        issued = None if issued == published else issued
        published = None
    if published is None and sent is not None:
        published = since = issued = sent  # what a chat speaks of as ahead is after it began
    if since is not None and last_sent is not None and last_sent > since:
        since = last_sent  # a step before the chat's last message had passed when it was read
    # "Bids must be delivered ... by 10:00 hours (local time)" in a notice about Kutaisi, Georgia
    zone = zone or (UK if uk_time and not own_time else None)
    zone = zone or local_zone(" ".join(segment.text for segment in pieces))
    if own_zone:
        zone = None  # "All times shown below are Central European Time (CET)"
    ordered = sorted(written)
    if since is None and written:
        # no publication date: a step lies at most two years before the (lower) middle of
        # the dates written; "de inschrijving sloot op 12 mei 2023" in a text of 2027 is history
        since = ordered[(len(ordered) - 1) // 2] - timedelta(days=_HISTORY)
        if today is not None:
            since = min(since, today)  # what is read today was published by today
    if written:
        # "volgens de wet van 17 juni 2016" in a letter of 2027 names no step's year
        middle = ordered[len(ordered) // 2]
        steps = [day for day in steps if abs((middle - day).days) <= _HISTORY]
    if published is None and not written and heading_year is not None:
        published = date(heading_year, 1, 1)
    return Document(
        two_phase=two_phase,
        # with no date written out, a month a step names ("Start: april 2027") gives the years
        years=Years.around(published, steps or written or months, today)
        or (Years.around(None, [today], today) if today is not None else None),
        published=since,
        issued=issued,
        question_rounds=bool(rounds & _QUESTIONS) and rounds <= _QUESTIONS | _ANY_ROUND,
        zone=zone,
        open_procedure=open_procedure and not said_two,
        deadline_at_opening=due_at_opening and not deadline_dated,
    )


_DUE_AT_OPENING = re.compile(
    r"\b(offertes?|inschrijvingen?|tenders?|bids?|offers?)\b[^.;]{0,40}\b(toekomen|binnen zijn"
    r"|ingediend (worden|zijn)|ontvangen (worden|zijn)|be received|be submitted|arrive)"
    r"(\s(uiterlijk|ten laatste|at the latest|strictly))?\s(v[o\u00f3]{2}r|before|prior to)"
    r"\s(de|het|the)\s"
    r"(opening|openen|openingszitting|opening session)\b",
    re.IGNORECASE,
)


# A round and the word that names it: "vragenronde", "tweede ronde", "round of questions"
_ROUND = re.compile(
    r"(?:\b(\w{1,20})-?\s?(?:ronde|rondes|round|rounds)\b)|\b(?:rounds?) of (questions|bids"
    r"|tenders|\w{1,20})\b",
    re.IGNORECASE,
)
_QUESTIONS = frozenset({"vragen", "vraag", "question", "questions", "clarification", "q&a"})
# words that name a round without saying of what: ordinals, articles, counts
_ANY_ROUND = frozenset(
    {
        "de",
        "het",
        "een",
        "deze",
        "die",
        "elke",
        "iedere",
        "eerste",
        "tweede",
        "derde",
        "vierde",
        "laatste",
        "volgende",
        "1e",
        "2e",
        "3e",
        "4e",
        "the",
        "a",
        "this",
        "each",
        "every",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "next",
        "final",
        "two",
        "three",
        "four",
        "twee",
        "drie",
        "vier",
        "1",
        "2",
        "3",
        "4",
    }
)


_UNTIL = re.compile(r"\b(until|till|up to|tot( en met)?|t/m)\s{1,3}$", re.IGNORECASE)


def publishes(segment: Segment) -> bool:
    """Whether ``segment`` gives the day the announcement was published (or sent)."""
    text = segment.text
    if _PUBLISHED.search(text):
        # "Publication date of next tender notice (estimated): 1 October 2029"; "valid from the
        # date of publication of this call, i.e. until 3 December 2031"
        hits = [hit for hit in find_dates(text) if hit.day is not None]
        until = bool(hits) and bool(_UNTIL.search(text[: hits[0].start]))
        return not _ANOTHER_NOTICE.search(text) and not until
    if segment.line > _LETTER_HEAD:
        return False
    if _MAIL_DATE.match(text):
        return segment.line <= _MAIL_HEAD
    # the place and the day only: the date ends the line
    head = _DATELINE.match(text)
    if head is None:
        return False
    hits = find_dates(text)
    return len(hits) == 1 and hits[0].start == head.end() and hits[0].end >= len(text.rstrip(". "))


def _dated_head(segment: Segment, days: list[date], today: date | None) -> bool:
    """Whether ``segment`` is the "Datum:" field of a document's head, lower than a mail's
    ("Betreft:" / "Kenmerk:" / "Datum: 24 november 2026"), on a day gone by."""
    return (
        today is not None
        and segment.line <= _DOCUMENT_HEAD
        and bool(_MAIL_DATE.match(segment.text))
        and days[0] <= today
    )


@cache
def _month_year() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\d\w])(?P<month>{month_pattern()})\.?\s{{1,3}}(?P<year>20\d\d)(?!\d)", re.IGNORECASE
    )


def _month_of_a_step(text: str) -> date | None:
    """The first day of the month and year a step is set in: "De opdracht start in april 2027",
    "wij zoeken iemand die per april 2027 kan beginnen". Not the end of the assignment, which
    lies far after the procedure, nor the month of background ("sinds januari 2019")."""
    match = _month_year().search(text)
    week = _WEEK_OF_YEAR.search(text) if match is None else None
    if match is None and week is None:
        return None
    meaning = kind_of(text)
    if meaning is Kind.END or (meaning is not None and not isinstance(meaning, Kind)):
        return None
    if week is not None:  # "Start: week 2 van 2027": the Monday of that week
        number, year = int(week.group("week")), int(week.group("year"))
        return date.fromisocalendar(year, number, 1) if 1 <= number <= 52 else None
    assert match is not None
    return date(int(match.group("year")), month_names()[match.group("month").lower()], 1)


_WEEK_OF_YEAR = re.compile(
    r"\bweek\s{1,3}(?P<week>\d{1,2})\s{1,3}(?:van\s{1,3}|of\s{1,3})?(?P<year>20\d\d)\b",
    re.IGNORECASE,
)
