"""What the lines just above a segment say of its dates: a heading over a bare value, a line
ending on a colon over the dates listed under it, a question the segment answers, and the part
of a change notice whose new text it gives."""

from __future__ import annotations

import re

from ..timeline import Kind
from .dates import find_dates
from .meanings import Background, Depends
from .questions import ANSWER_LABEL, QUESTION_LABEL
from .rules import Meaning, classify, kind_of, named_step
from .sections import NO_TOPIC
from .segment import Segment

_LETTER = re.compile(r"[^\W\d_]")


# "Stuur ze", "Please send them", "Die kun je", "They will run on": a sentence that opens on what
# the one before named
_POINTS_BACK = re.compile(
    r"^\W{0,3}((please|graag|dan|u|je|you)\s{1,3}){0,2}([^\W\d_]{2,15}\s{1,3})?"
    r"(ze|them|die|deze|these|it|dit|this|they|zij|ours|yours|mine|de onze|het onze)\b"
    # "We've set aside two days for this, Tuesday 16 February and ...", "Daarvoor is ... gepland"
    r"|^\W{0,3}([\w'\u2019-]{1,15}\s{1,3}){0,8}?((for|voor)\s(this|these|it|dit|deze)"
    r"|hiervoor|daarvoor)\b",
    re.IGNORECASE,
)


def named_before(previous: Segment | None, segment: Segment) -> Kind | None:
    """The step the sentence just before ``segment`` names without a date, when ``segment``
    opens on it: "Heb je vragen over de aanvraag? Stuur ze uiterlijk <date>", "Accompanied
    visits to all nine sites are optional. They will run on <date>"."""
    if (
        previous is None
        or segment.follows_blank(previous)
        or segment.in_table
        or segment.in_cell
        or previous.in_table
        or not _POINTS_BACK.match(segment.text)
    ):
        return None
    hits = find_dates(previous.text)
    if hits:
        # "Interviews: no longer on 16 December." / "They will now take place on ...": the step
        # whose old date the sentence before voids
        before = previous.text[: hits[0].start]
        if len(hits) > 1 or classify(before, "") is not Background.REPLACED:
            return None
        return named_step(before)
    step = kind_of(previous.text)
    return step if isinstance(step, Kind) else None


def answered(previous: Segment | None, segment: Segment) -> Kind | None:
    """The step the question just above ``segment`` asks about, when ``segment`` answers it in
    a log of questions, a blank line between them or not: "Vraag 4: Wanneer start de
    opdracht?" / "Antwoord: 1 maart 2027."."""
    if (
        previous is None
        or segment.in_table
        or segment.in_cell
        or previous.in_table
        or not ANSWER_LABEL.match(segment.text)
        or not previous.text.rstrip().endswith("?")
        or segment.line - previous.last_line > 2
        or find_dates(previous.text)
    ):
        return None
    step = kind_of(QUESTION_LABEL.sub("", previous.text))
    return step if isinstance(step, Kind) else None


def named_over(previous: Segment | None, segment: Segment) -> Kind | None:
    """The step a sentence without a date just above ``segment`` names."""
    if previous is None or segment.line - previous.last_line > 2 or find_dates(previous.text):
        return None
    step = kind_of(previous.text)
    return step if isinstance(step, Kind) else None


# A change notice's pair of lines under the step they change: the old date, then the new one
OLD_LABEL = re.compile(
    r"^(in plaats van|instead of|was|oud|oude datum|old|old date|old text|originally|previously"
    r"|where it (reads|says)|text to be replaced|bestaande tekst|huidige tekst"
    r"|oorspronkelijk|oorspronkelijke (datum|tekst)|original|original (date|text)|au lieu de"
    r"|ancienne date|(er )?staat|(vorige|oude|oorspronkelijke) waarde|(previous|old|original) value"
    r"|ancienne valeur)\s{0,3}:",
    re.IGNORECASE,
)
# "Instead of: A supplier engagement event will take place on 20 May 2027.", an erratum's
# "Staat: ..." over its "Dit moet zijn: ...": the old text, whatever it stands under
INSTEAD_OF = re.compile(
    r"^(in plaats van|instead of|oorspronkelijk(e tekst)?|original text|(er )?staat)\s{0,3}:",
    re.IGNORECASE,
)
_NEW_LABEL = re.compile(
    r"^(te lezen|lezen|lees|wordt|nieuw|nieuwe datum|read|new|new date|now|revised"
    r"|(it )?(should|shall|must|will) read|to read|read as follows|new text|nieuwe tekst"
    r"|(dit )?moet (luiden|zijn)|amended( to)?|changed to|corrected to|now reads|becomes"
    r"|gewijzigd (in|naar)|wordt gewijzigd (in|naar)|lire|à lire|nouvelle date"
    r"|(huidige|nieuwe) waarde|(new|current) value|nouvelle valeur)\s{0,3}:",
    re.IGNORECASE,
)


# a lead-in that offers times, not a step: "Slots are available as follows:", "... een tijdslot
# binnen een van de volgende blokken:", "Hiervoor zijn twee dagdelen gereserveerd:"
_TIMES_OF = re.compile(
    r"\b(slots?|tijdslots?|time ?slots?|blokken|dagdelen|tijdvakken)\b",
    re.IGNORECASE,
)
# a lead-in that gives the new days of a step the sentence before it calls off: "De
# intakegesprekken op 10 en 11 december komen te vervallen. Nieuwe momenten:"
_NEW_TIMES = re.compile(
    r"\b(nieuwe|new|revised|gewijzigde)\s(momenten|data|datums|dagen|tijden|tijdstippen|dates"
    r"|days|times|slots)\b",
    re.IGNORECASE,
)
# a lead-in over the terms of the contract, lot by lot: "Contract dates (estimated):" / "Lots 1
# and 2: 12 April 2027 to 11 April 2030", "Looptijd per perceel:"
_TERM_LEAD = re.compile(
    r"^\W{0,3}((contract|agreement|framework|call-off) (dates|period|term|duration)|looptijd"
    r"|contractperiode|contractduur)\b[^:.;]{0,40}:$",
    re.IGNORECASE,
)
# a blank line may stand between a lead-in that offers times, or says a list follows, and the
# items listed under it
_LEAD_IN_GAP = 2
_FOLLOWS = re.compile(r"\b(as follows|als volgt|the following|de volgende)\W{0,3}$", re.IGNORECASE)


class LeadIn:
    """The step a line that ends on a colon names, for the dates listed alone under it:
    "Gesprekken (on site, locatie Venlo):" / "* maandag 9 maart, 09:00 - 12:00 uur" / "*
    woensdag 11 maart, 13:00 - 17:00 uur". Up to the first line that is no such item."""

    def __init__(self) -> None:
        self._step: Kind | None = None
        self._before: Segment | None = None  # the segment before ``previous``
        # the lead-in offers slots: the rows of a table under it are its items too
        self._slots = False

    @property
    def offers_slots(self) -> bool:
        """Whether the lead-in offers times for the step the sentence before it names."""
        return self._slots and self._step is not None

    def step(self, previous: Segment | None, segment: Segment) -> Kind | None:
        """The step of ``segment``'s dates, when it is an item listed under a lead-in."""
        before, self._before = self._before, previous
        lead = (
            previous is not None
            and previous.text.rstrip().endswith(":")
            and not find_dates(previous.text)
        )
        slots = bool(_TIMES_OF.search(previous.text)) if lead and previous else self._slots
        # a row of a table whose own words name no step: "Thursday 7 January 2027, 10:00 - 13:00
        # | Leeds General Infirmary" under "The site visits will now take place as follows:"
        dated_row = segment.in_table and bool(find_dates(segment.text))
        row = dated_row and not isinstance(kind_of(segment.text), Kind)
        if not _listed(segment) and not row and not (slots and dated_row):
            self._step, self._slots = None, False
        elif (
            lead
            and previous is not None
            and (
                not segment.follows_blank(previous)
                or (
                    segment.line - previous.last_line <= _LEAD_IN_GAP
                    and (slots or bool(_FOLLOWS.search(previous.text)))
                )
            )
        ):
            meaning = kind_of(previous.text)
            if meaning is None and _TERM_LEAD.match(previous.text):
                meaning = Kind.START  # "Contract dates (estimated):" / "Lot 3: 1 September ..."
            if _NEW_TIMES.search(previous.text) and (voided := _called_off(before)) is not None:
                meaning = voided
            self._slots = slots
            if slots:
                # "Presentations take place at the Ministry. Slots are available as follows:",
                # "... voor een gesprek. Hiervoor zijn twee dagdelen gereserveerd:": the times
                # of the step the sentence before names
                meaning = named_over(before, previous) or meaning
                if meaning is Kind.SHORTLIST_NOTICE:
                    meaning = Kind.INTERVIEWS  # the slots of what they are invited to
            self._step = meaning if isinstance(meaning, Kind) else None
        elif segment.follows_blank(previous):
            self._step, self._slots = None, False
        return self._step


def _called_off(segment: Segment | None) -> Kind | None:
    """The step whose dates ``segment`` calls off or moves: "De intakegesprekken op 10 en 11
    december komen te vervallen."."""
    hits = find_dates(segment.text) if segment is not None else []
    if segment is None or not hits:
        return None
    before, after = segment.text[: hits[0].start], segment.text[hits[-1].end :]
    if classify(before, after) not in (Background.BACKGROUND, Background.REPLACED):
        return None
    return named_step(before)


def bare_date(segment: Segment) -> bool:
    """Whether ``segment`` is an item that opens with its date: "* maandag 9 maart, 09:00"."""
    hits = find_dates(segment.text)
    return bool(hits) and not _LETTER.search(segment.text[: hits[0].start])


# "- percelen 1 en 2: beslissing van het college van vrijdag 26 maart 2027;", a lot's row
# "Lot 2 ........ 24.02.2027, 09:00-15:00"
_ITEM = re.compile(
    r"^\s{0,8}([-*•·–]\s|(lots?|percee?len|perceel|kavels?)\s{0,3}\d{1,2}\b)", re.IGNORECASE
)


def _listed(segment: Segment) -> bool:
    """Whether ``segment`` is an item of a list with a date: one that opens with its date, or
    with a bullet."""
    return bare_date(segment) or (
        bool(_ITEM.match(segment.text)) and bool(find_dates(segment.text))
    )


class ChangedPart:
    """The step a change notice changes, for the lines under its new text: "Plaats van de te
    wijzigen tekst: Termijn voor ontvangst van inschrijvingen" / "In plaats van:" / "Datum:
    14/10/2027" / "Lezen:" / "Datum: 28/10/2027". Up to the next part or a blank line."""

    def __init__(self) -> None:
        self._step: Kind | Depends | None = None
        self._new = False  # under the line that opens the new text
        self._line = 0  # the line that opens the new text and gives it

    def step(self, previous: Segment | None, segment: Segment) -> Kind | Depends | None:
        """The step ``segment`` gives its dates to, as a line of a part's new text."""
        if segment.follows_blank(previous):
            self._step, self._new = None, False
        text = segment.text.strip()
        if match := CHANGED_PART.match(text):
            meaning = kind_of(text[match.end() :])
            self._step = meaning if isinstance(meaning, Kind | Depends) else None
            self._new = False
            return None
        if (label := OLD_LABEL.match(text)) and label.end() == len(text):
            self._new = False
            return None
        if (label := _NEW_LABEL.match(text)) and label.end() == len(text):
            self._new = True
            return None
        if _NEW_LABEL.match(text):
            # "Te lezen:   Datum: 01/02/2027   Plaatselijke tijd: 10:00": the new text, in the
            # fields of this line
            self._new, self._line = False, segment.line
            return self._step
        return self._step if self._new or segment.line == self._line else None


class OldText:
    """The lines under a label alone that opens a change notice's old text: "WHERE IT READS:"
    / "Time limit for receipt of tenders: 19 January 2027", up to the label of the new text or
    a blank line."""

    def __init__(self) -> None:
        self._old = False

    def holds(self, previous: Segment | None, segment: Segment) -> bool:
        """Whether ``segment`` is a line of the old text."""
        if segment.follows_blank(previous):
            self._old = False
        text = segment.text.strip()
        if (label := OLD_LABEL.match(text)) and label.end() == len(text):
            self._old = True
            return False
        if _NEW_LABEL.match(text) or CHANGED_PART.match(text):
            self._old = False
        return self._old


def new_under_old(previous: Segment | None, segment: Segment) -> bool:
    """Whether ``segment`` gives the new date of the step whose old date ``previous`` gave."""
    return (
        previous is not None
        and segment.line - previous.line == 1
        and bool(_NEW_LABEL.match(segment.text))
        and bool(OLD_LABEL.match(previous.text) or _QUOTED_AS.search(previous.text))
    )


# 'In de offerteaanvraag staat in § 4 als sluitingsdatum "vrijdag 11 december 2026".' over
# "Dit moet zijn: vrijdag 11 december 2026 om 16:00 uur.": what a document says, quoted
_QUOTED_AS = re.compile(r"\b(staat|stond|stonden|says|said)\s([\w§.]{1,20}\s){0,3}?(als|as)\s")


def step_quoted(previous: Segment | None) -> Kind | None:
    """The step a line that quotes a document's old date names ("staat ... als sluitingsdatum")."""
    if previous is None or not _QUOTED_AS.search(previous.text):
        return None
    return named_step(previous.text)


# A change notice names the part it changes in a field over the old and the new text
CHANGED_PART = re.compile(
    r"^(section to change|part to change|(place of (the )?)?text to be (changed|corrected|modified)"
    r"|plaats van de te wijzigen tekst|te wijzigen (tekst|onderdeel|rubriek)"
    # "Afdeling: 5.1.12 - Termijn voor ontvangst van inschrijvingen", "Section: IV.2.2) ..."
    r"|(afdeling|rubriek|section|onderdeel)\s{0,3}:\s{0,3}[\dIVX.]{1,12}\)?\s{0,3}[-\u2013:]?"
    # "Section IV.2.2) Date limite de réception des offres" over "Au lieu de :" / "Lire :"
    r"|(afdeling|rubriek|rubrique|section)\s{1,3}[IVX]{1,4}(\.\d{1,2}){1,3}\)\s{0,3}"
    # "Section: Clarification deadline" / "Old text: ..." / "New text: ..." (Find a Tender)
    r"|section(?=\s{0,3}:\s{0,3}[^\W\d])"
    # a portal's notice of changed fields: "Veld: Deadline inschrijving" / "Vorige waarde: ..."
    r"|(gewijzigd )?veld|(changed )?field)"
    r"\s{0,3}:?\s{0,3}",
    re.IGNORECASE,
)
_HEADING_MAX = 120  # a heading is a short line without a full stop...
_UNDER_HEADING_MAX = (
    80  # ...over a short line: "IV.2.2) Time limit for receipt" / "Date: 15/02/2027"
)


def heading_above(previous: Segment | None, segment: Segment) -> Meaning | None:
    """What the heading just above ``segment`` says, when ``segment`` is a bare value under it."""
    if (
        previous is not None
        and segment.line - previous.line == 1
        and (match := CHANGED_PART.match(previous.text))
        and not find_dates(previous.text)
    ):
        # "Section to change: Tender submission deadline" / "Instead of: 18 December 2026"
        return kind_of(previous.text[match.end() :])
    if (
        previous is None
        or previous.is_field  # "Onderwerp: Uitnodiging ..." over "Datum: 24 november 2026"
        or segment.line - previous.line > 2
        or len(previous.text) > _HEADING_MAX
        or previous.text.endswith(".")
        or len(segment.text) > _UNDER_HEADING_MAX
        or find_dates(previous.text)
        or NO_TOPIC.match(previous.text)
    ):
        return None
    return kind_of(previous.text)
