"""Reading one sentence or field: its dates, their times, and what each date is for.

A date becomes a ``Found`` only when it has a day, a month and a year and the words around it
say what it is for (``rules``); everything else that looks like a date or a deadline becomes an
``Unplaced`` with its line, for ops to settle by hand.
"""

from __future__ import annotations

import re
from datetime import date

from ..timeline import Kind
from .background import gone_by
from .between_dates import follows_on, shared_from_the_end, split_between
from .clauses import moved_on
from .confidence import own_label
from .dates import find_dates
from .document import Document
from .draft import Found, Unplaced
from .events import REGISTERING
from .finds import read_group, speaks_of_assignment
from .groups import Group, group_dates
from .hints import ASSIGNMENT, SAME_SUBJECT
from .questions import ASKED, QUESTION, REQUEST
from .rules import (
    Background,
    Depends,
    Meaning,
    classify,
    moved_to,
    named_step,
    term_after_comma,
)
from .segment import Segment
from .times import TimeHit, find_times, in_zone
from .undated import keeps_its_time, read_same_day, read_times_only, read_vague, time_not_read

_HEADING_LABEL = re.compile(r"[^:.;]{1,40}:\s{0,3}")
# The particle of a verb split around the date, which is the date's own word
_PARTICLE = re.compile(r"\s{0,3}(?:in|aan|af|uit)\b", re.IGNORECASE)
# Words that say something takes effect: the assignment's start only when it is named
_IN_FORCE = re.compile(
    r"in werking|van kracht|takes? effect|effective|\b(treedt|treden|gaat|gaan) in\b", re.IGNORECASE
)
_DEADLINE_AND_OPENING = re.compile(
    # "uiterste datum indienen offertes + opening", "Deadline for receipt of tenders and opening"
    r"\b(inschrijving|sluiting|indiening|indienen|submission|closing|deadline)\w{0,6}"
    r"(\s[\w-]{1,20}){0,4}?\s(en|and|&|\+)\s(\w{1,20}\s)?(opening|openen)",
    re.IGNORECASE,
)
_REGISTER_AFTER = re.compile(
    r"\W{0,3}([\w:.,]{1,12}\s{1,3}){0,3}?(aanmelden|inschrijven|registreren|register|sign up"
    r"|book (a |your )?(place|seat|slot))\b",
    re.IGNORECASE,
)
_A_ROUND = re.compile(r"\b(ronde|round)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(tot|t/m|tot en met|until|till|to|through)\W{0,3}$", re.IGNORECASE)
_TERM = (Kind.START, Kind.END)
# the steps a registration by a date may be read as: "may attend the opening; registration by"
_REGISTERED = (Kind.PARTICIPATION_DEADLINE, Kind.SUBMISSION_DEADLINE, Kind.OPENING)
_TERMS = (None, Background.RELATIVE)
_NOTHING_KNOWN = Document()  # a sentence read on its own


# Moved to another day, not extended ("kan worden verlengd tot": an option)
_RESCHEDULED = re.compile(
    r"\b(verplaats\w{0,3}|verschuiv\w{0,3}|verschoven|verzet\w{0,3}|moved|rescheduled"
    r"|postponed)\b",
    re.IGNORECASE,
)
# "Wilt u uw offerte uiterlijk 12 november 2027 mailen?": a request, asked as a question
_REQUEST = re.compile(
    r"^\W{0,3}(wilt|wil|zou|zoudt|kunt|kun|would|could|will|can)\s(u|je|jij|you)\b", re.IGNORECASE
)


_OLD = Background.REPLACED
# "the public opening, initially planned for <date>, will take place on <date>"
_TAKES_PLACE = re.compile(
    r"\b(will (now )?(take place|be held)|(vindt|vinden) (nu )?plaats|wordt (nu )?gehouden)"
    r"\s(on|op)\W{0,3}$|^\W{0,3}(to|naar)\W{0,3}$",  # "..., which was originally set at <date>, to"
    re.IGNORECASE,
)
# the field that dates the document itself, whatever it names
_ISSUED = re.compile(
    r"(^|:|[\u2013\u2014-])\W{0,3}(issued|date of issue|issue date)(\s{0,3}:|\s{1,3}on)?\s{0,3}$",
    re.IGNORECASE,
)


def read_segment(
    segment: Segment,
    found: list[Found],
    unplaced: list[Unplaced],
    document: Document = _NOTHING_KNOWN,
    heading: Meaning | None = None,
    selection: bool = False,
    event: date | None = None,
    topic: Kind | None = None,
) -> None:
    """Add what ``segment`` says to ``found``, and what it does not make clear to ``unplaced``.

    ``heading`` is what the heading just above says, for a bare "Date: 15/02/2027" below it;
    ``selection`` says the segment stands under a heading of the selection phase, where the
    deadline is the one for requests to participate; ``event`` is the day of the event (an
    `other` milestone) the sentence before dated, which one may register for until that day;
    ``topic`` is the step the heading of the section names, for a sentence of prose whose own
    words do not say what its first date is for, a date listed alone or a lot's row.
    """
    text = segment.text
    dates = find_dates(text, document.years)
    times = in_zone(find_times(text, dates), document.zone)
    if not dates:
        if not times and keeps_its_time(segment, found, document.years):
            return
        if not any(not t.weak for t in times) and read_same_day(segment, None, found):
            return
        read_times_only(segment, times, found, unplaced)
    asked_in_table = (segment.in_table or segment.in_cell) and text.rstrip().endswith("?")
    if dates and (ASKED.match(text) or asked_in_table):
        # "Q: Could the Council extend the tender deadline to 21 December 2026?": a question
        # quotes dates, it sets none; the answer does
        reason = "a question asks about this date; not used"
        unplaced.extend(Unplaced(segment.line_at(d.start), d.text, reason, text) for d in dates)
        return
    groups = group_dates(text, dates, times)
    tied = {id(t) for g in groups for t in g.times if t is not None}
    loose = [t for t in times if not t.weak and id(t) not in tied]  # times of no date
    if _read_date_first(segment, groups, times, document, selection, found, unplaced):
        read_vague(segment, dates, unplaced)
        return
    previous: Meaning | None = None
    carried: Meaning | None = None  # what a moved date was for, for the date it moved to
    shared = shared_from_the_end(text, groups)
    about_assignment = bool(groups) and bool(ASSIGNMENT.search(text))
    for index, group in enumerate(groups):
        before = text[groups[index - 1].end if index else 0 : group.start]
        # from the date on, not from its time: "10 mei 2027 sluit de reactietermijn om 09:00 uur"
        after = text[
            group.dates[-1].end : groups[index + 1].start if index + 1 < len(groups) else len(text)
        ]
        own_before = split_between(before)[1] if index else before
        own_after = split_between(after)[0] if index + 1 < len(groups) else after
        if not own_after and (particle := _PARTICLE.match(after)):
            own_after = particle.group(0)  # "gaat op 1 januari 2027 in en loopt tot en met"
        meaning = classify(own_before, own_after) or shared[index]
        if gone_by(after):
            meaning = Background.BACKGROUND
        if group.is_range and speaks_of_assignment(before) and classify(before, "") in _TERMS:
            # "Contract period: 2 November 2026 to 30 April 2027, with options to extend": the
            # words before a range say it is the assignment's, whatever follows it ("24 months
            # from 01/04/2027 to 31/03/2029": its length, and its first and last day)
            meaning = Kind.START
        if (
            meaning is None
            and previous in (Background.REPLACED, Background.WEEK)  # "niet in de week van"
            and (moved_to(own_before) or _TAKES_PLACE.search(own_before))
        ):
            # "The original closing date of <date> has been moved to <date>"; "sluit niet op
            # <date>, maar op <date>": what the sentence names, when the old date named nothing
            meaning = carried if isinstance(carried, Kind) else named_step(text[: group.start])
        elif meaning is None and moved_to(own_before) and _RESCHEDULED.search(own_before):
            # "de gesprekken kunnen niet op 23 december doorgaan, die verplaatsen we naar"
            meaning = named_step(text[: group.start])
        if meaning in (None, *_REGISTERED) and (
            _registers_for(group, event, own_before, own_after)
            # under "Aanmelding voor de marktinformatiebijeenkomst": "Aanmelden kan tot en met"
            or (topic is Kind.OTHER and bool(REGISTERING.search(own_before)))
        ):
            meaning = Kind.OTHER  # "the supplier day on <date>; register via Mercell by <date>"
        elif (
            meaning is Kind.PARTICIPATION_DEADLINE
            and document.open_procedure
            and REGISTERING.search(own_before)
        ):
            meaning = Kind.OTHER  # "Aanmelden vóór <date>" for an open procedure's tour
        if meaning is None and index and follows_on(before):
            # "... on 18 June 2026 between 10:00 and 15:00 and on 19 June ..."
            meaning = carried if previous is Background.REPLACED else previous
            if meaning is Kind.START and _UNTIL.search(before):
                meaning = Kind.END  # "start 4 januari, t/m 30 juni": where it runs to
        # only the words after it ("tot en met 30 april 2031, met de mogelijkheid tot
        # verlenging") call the date background: they speak of the contract, not of its end
        after_only = meaning is Background.BACKGROUND and not classify(own_before, "")
        if (
            (meaning is None or after_only)
            and previous is Kind.START
            and about_assignment
            and _UNTIL.search(before)
        ):
            # "beschikbaar vanaf 1 september 2027 voor 32 uur per week tot 31 december 2027"
            meaning = Kind.END
        if (
            meaning is None
            and not index
            and heading is not None
            and (segment.in_table or not own_label(own_before))
        ) or (meaning is Kind.END and heading is Kind.OTHER and not index):
            meaning = heading  # "Standstill period" / "End: 14 December 2026": the event's end
        elif heading is _OLD and not segment.in_table:
            meaning = heading  # "In plaats van: Aanvang 01/03/2027, einde 28/02/2030": all old
        elif (
            meaning is None
            and not index
            and topic is not None
            and not segment.in_cell
            and (
                (not segment.in_table and not (_labelled(segment) and _LETTER.search(own_before)))
                or _LOT.match(text)
            )
        ):
            # "Plaatsbezoek" / ... / "Afspraak op woensdag 10 februari 2027"; "INSCHRIJVEN" /
            # "Perceel 1 – Dukenburg   vrijdag 20 november 2026" / "Perceel 2 – ..."
            meaning = topic
        if previous is Background.BACKGROUND and meaning in _TERM and SAME_SUBJECT.match(before):
            meaning = Background.BACKGROUND
        if meaning is Kind.START and not about_assignment and _IN_FORCE.search(own_before):
            # "Het nieuwe beleid treedt in werking op 1 januari 2028": a policy's start, not
            # the assignment's
            meaning = None
        if (
            meaning in _TERM
            and not _labelled(segment)
            and not about_assignment
            and not term_after_comma(own_before)
        ):
            # "Support for that system ends on 31 December 2028", "The platform has to be
            # available from the start of the academic year on": a start or an end in a
            # sentence that does not speak of the assignment is not its start or end
            meaning = None
        if meaning is Background.REPLACED:
            carried = classify(before, "", skip=Background.REPLACED)
        elif isinstance(meaning, Kind) and moved_on(
            text[group.end : groups[index + 1].start] if index + 1 < len(groups) else ""
        ):
            carried, meaning = meaning, Background.REPLACED  # "van <date> is verplaatst naar"
        context = before + " " + after
        if meaning is Background.REPLACED and group.is_range and len(group.dates) == 2:
            # "extended from 15 March 2027 to 22 March 2027": the old date, then the new one
            old, new = (
                Group(group.dates[k : k + 1], group.times[k : k + 1], False, group.start, group.end)
                for k in (0, 1)
            )
            read_group(segment, old, meaning, context, found, unplaced)
            group, meaning = new, carried
        decided = _decided(meaning, document, selection)
        if _ISSUED.search(own_before):
            decided = Background.PAST  # "Clarification Document No. 2   Issued: 02/12/2026"
        if (
            decided is Kind.SUBMISSION_DEADLINE
            and document.question_rounds
            and (
                _A_ROUND.search(own_before)
                # "De tweede ronde sluit niet op <date>, maar op <date>"
                or (previous is Background.REPLACED and _A_ROUND.search(text[: group.start]))
            )
        ):
            decided = Kind.QUESTIONS_DEADLINE  # "voor de tweede ronde is de sluitingstermijn"
        if after.lstrip().startswith("?") or (
            after.rstrip().endswith("?") and not _REQUEST.match(before)
        ):
            # "uiterlijk 1 december 2027? (in overleg)": the text is not sure; "Is de schouw op
            # 26-11-2026 verplicht geweest?": a question asks, it dates no step
            asked = QUESTION.match(text) and not REQUEST.search(text)
            decided = Background.ASKED if asked else None
        if isinstance(decided, Kind) and _before_publication(group, document.published):
            decided = Background.PAST
        elif (
            decided is Kind.SHORTLIST_NOTICE
            and _before_publication(group, document.issued, same_day=True)
        ) or (
            decided in (Kind.ANSWERS_PUBLISHED, Kind.AWARD)
            and _before_publication(group, document.published, same_day=True)
        ):
            # "Invitation sent: <the day of this notice>": this one; "Nota van inlichtingen:
            # <the day of this text>": the answers are out; an award dated that day is made
            decided = Background.PAST
        # "Inschrijving en opening: 23 februari 2027, 11:00 uur": the deadline is the
        # opening's moment too; one moment that is two steps is the rules' to read
        two_steps = decided is Kind.OPENING and (
            bool(_DEADLINE_AND_OPENING.search(own_before)) or document.deadline_at_opening
        )
        if two_steps:
            read_group(
                segment, group, Kind.SUBMISSION_DEADLINE, context, found, unplaced, weighed=False
            )
        if time_not_read(decided, group, loose, text):
            # "Tender return: 9am on the 26th of May": a time next to the date that was tied to
            # no date; the step without it would be a wrong one
            for hit in group.dates:
                reason = "a time next to this date may be its own; add the step by hand"
                unplaced.append(Unplaced(segment.line_at(hit.start), hit.text, reason, text))
            previous = meaning
            continue
        # the new date of a moved one ("Fri 15 Jan → Tue 19 Jan") is the structure's to read
        weighed = not two_steps and previous is not Background.REPLACED
        zone = document.zone
        read_group(segment, group, decided, context, found, unplaced, weighed=weighed, zone=zone)
        previous = meaning
        if decided is Kind.OTHER:
            event = group.dates[-1].day or event
    read_vague(segment, dates, unplaced)


def _registers_for(group: Group, event: date | None, before: str, after: str) -> bool:
    """Whether the words around a date register for the event on ``event``, by a day no later
    than it: before it, or just after it ("Graag uiterlijk maandag 11 januari even aanmelden")."""
    day = group.dates[0].day
    registers = REGISTERING.search(before) or _REGISTER_AFTER.match(after)
    return event is not None and day is not None and day <= event and bool(registers)


def _read_date_first(
    segment: Segment,
    groups: list[Group],
    times: list[TimeHit],
    document: Document,
    selection: bool,
    found: list[Found],
    unplaced: list[Unplaced],
) -> bool:
    """An item of a list that opens with its date and gives the times of its steps in the words
    after it: "2026-08-24 Sluiting vragen, 12:00 uur", "2026-09-15 Aanbesteding: inschrijving
    sluit om 11:00 uur, openbare opening om 11:15 uur". Each time takes the date and the step
    its own clause names (or, for one time, the whole item names)."""
    text = segment.text
    if len(groups) != 1 or any(t is not None for t in groups[0].times):
        return False
    head = text[: groups[0].start]  # "Planning: 2026-08-24 ...", a heading joined to the item
    if head and not (_HEADING_LABEL.fullmatch(head) and classify(head, "") is None):
        return False
    group = groups[0]
    (hit,) = group.dates if len(group.dates) == 1 else (None,)
    strong = [t for t in times if not t.weak and t.start >= group.end]
    if hit is None or hit.day is None or not strong:
        return False
    words, start = [], group.end
    for t in strong:
        clause = text[start : t.start]
        words.append(clause.rsplit(",", 1)[-1] if len(strong) > 1 else clause)
        start = t.end
    meanings = [classify(w, "") for w in words]
    if not all(isinstance(m, Kind) for m in meanings):
        return False
    for meaning, t in zip(meanings, strong, strict=True):
        one = Group((hit,), (t,), False, group.start, t.end)
        decided = _decided(meaning, document, selection)
        if isinstance(decided, Kind) and _before_publication(one, document.published):
            decided = Background.PAST
        read_group(segment, one, decided, text, found, unplaced, weighed=False)
    return True


_LABEL_MAX = 60  # "Maandag 6 juli 2026 – eerste werkdag": a date and its label, no sentence


_LETTER = re.compile(r"[^\W\d_]")
# A line labelled with a lot: "Perceel 2 – Lindenholt: 27 november 2026" (asked only when
# nothing else in the line says what its date is for)
_LOT = re.compile(
    r"^\W{0,3}(perceel|percelen|lot|lots|deel|part)\s{0,3}(\d{1,2}|[A-Z])\b[^:]{0,40}:"
    # one of several rounds, days or sessions of the step the heading names: "Eerste ronde:",
    # "Ronde 2:", "Day 1:", "Sessie B:"
    r"|^\W{0,3}((eerste|tweede|derde|first|second|third|1e|2e|3e)\s{1,3}(ronde|round|dag|day"
    r"|sessie|session)|(ronde|round|dag|day|sessie|session)\s{0,3}(\d|[A-D])\b)\s{0,3}:",
    re.IGNORECASE,
)


def _labelled(segment: Segment) -> bool:
    """Whether ``segment`` is a field or a short line of a date and its label, not prose."""
    text = segment.text.rstrip()
    return segment.is_field or (len(text) <= _LABEL_MAX and not text.endswith((".", "!", "?")))


def _before_publication(group: Group, published: date | None, same_day: bool = False) -> bool:
    """Whether every date of ``group`` lies before the day the announcement was published (or
    on it, with ``same_day``)."""
    days = [hit.day for hit in group.dates if hit.day is not None]
    if published is None or not days:
        return False
    return all(day < published or (same_day and day == published) for day in days)


def _decided(
    meaning: Meaning | None, document: Document, selection: bool
) -> Kind | Background | None:
    two_phase = document.two_phase or selection
    if meaning is Depends.DOCUMENTS_ISSUED:
        return Kind.SHORTLIST_NOTICE if two_phase else Background.BACKGROUND
    if isinstance(meaning, Depends):
        return Kind.PARTICIPATION_DEADLINE if two_phase else Kind.SUBMISSION_DEADLINE
    if selection and meaning is Kind.SUBMISSION_DEADLINE:
        return Kind.PARTICIPATION_DEADLINE
    return meaning
