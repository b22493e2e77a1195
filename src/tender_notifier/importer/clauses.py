"""Words on both sides of a date that together say what it is for, when neither side alone
does: a Dutch verb split around the date ("worden op <date> geopend", "gaat op <date> in"),
"vragen ... worden uiterlijk <date> beantwoord", "uiterlijk <date> zijn afgerond"; and which
words before a date are its own clause's."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..timeline import Kind
from .meanings import Background

# "Vragen uit de tweede ronde worden uiterlijk <date> beantwoord": the answers
_ASKED_BEFORE = re.compile(
    r"\b(vragen|questions)\b.{0,60}\b(worden|wordt|will be|zullen|are)\b.{0,30}$", re.IGNORECASE
)
_ANSWERED_AFTER = re.compile(
    r"^\W{0,3}([\w:.]{1,20}\s{1,3}){0,3}?(beantwoord|answered|responded to)\b", re.IGNORECASE
)
_AFTER_IT = re.compile(r"\b(na|after|vanaf|from)\W{0,3}$", re.IGNORECASE)
# "Inschrijvingen worden op <date> om 12:30 uur geopend": the opening, not the deadline
_OPENED_BEFORE = re.compile(
    r"\b(worden|wordt|will be|are|is)\s{1,3}(\w{1,20}\s{1,3}){0,2}?(op|on)\W{0,3}$", re.IGNORECASE
)
_OPENED_AFTER = re.compile(r"^\W{0,3}([\w:.]{1,20}\s{1,3}){0,4}?(geopend|opened)\b", re.IGNORECASE)

# "Het traject moet in januari starten en uiterlijk 30 juni 2028 zijn afgerond": the end, though
# the words before the date speak of the start
_COMPLETED_AFTER = re.compile(
    r"^\W{0,3}([\w:.]{1,20}\s{1,3}){0,3}?((zijn|is|be|worden|wordt|have been|has been)\s"
    r"(afgerond|voltooid|completed|finished|opgeleverd|geleverd|delivered)"
    r"|(afgerond|voltooid|opgeleverd|geleverd|gereed) (zijn|is|worden|wordt))\b",
    re.IGNORECASE,
)
# "Het college heeft in zitting van 19 februari 2027 beslist ...": the day a board decided;
# not "neemt de gunningsbeslissing in zitting van donderdag 3 december", the award
_SITTING_BEFORE = re.compile(
    r"\bin (de |zijn |haar )?(zitting|vergadering|collegevergadering) van\W{0,3}$", re.IGNORECASE
)
_DECIDED_AFTER = re.compile(
    r"^\W{0,3}(beslist|besloten|goedgekeurd|vastgesteld|bekrachtigd)\b", re.IGNORECASE
)
# "De nieuwe overeenkomst gaat op 1 januari 2027 in": a verb split around the date
_GOES_BEFORE = re.compile(
    r"\b(gaat|gaan|treedt|treden)\s[^.;,]{0,40}\b(op|per)\W{0,3}$", re.IGNORECASE
)
_CONFIRM_BEFORE = re.compile(
    r"\b(confirm|let (us|me) know|tell us|bevestig\w{0,3}|laat (ons|mij|me) \w{0,8} ?weten"
    r"|laten weten)\b[^.;?]{0,40}$",
    re.IGNORECASE,
)
_INTEND_AFTER = re.compile(
    r"^[^.;?]{0,40}\b(intend\w{0,3}|intention|plan to|van plan|voornemens|wilt inschrijven"
    r"|gaat inschrijven)\b",
    re.IGNORECASE,
)
_IN_AFTER = re.compile(r"^\W{0,3}in\b(?!\s{1,3}werking)", re.IGNORECASE)
# "Questions received after Monday 7 December will not be answered": the last day for them
_RECEIVED_AFTER = re.compile(
    r"\b((?P<asked>vragen|questions|queries|clarifications?|clarification requests"
    r"|requests for (additional |further )?(information|clarifications?))"
    r"|tenders|bids|offers|offertes|inschrijvingen|aanbiedingen|cv['’]?s)\b"
    r"[^.;]{0,40}\b(received|submitted|asked|sent|ontvangen|gesteld|ingediend|binnengekomen)\s"
    r"(after|na)\W{0,3}$",
    re.IGNORECASE,
)
_REFUSED_AFTER = re.compile(
    r"^\W{0,3}([\w:.]{1,20},?\s{1,3}){0,3}?(will not|won't|shall not|cannot|can not|are not|is not"
    r"|worden niet|wordt niet|kunnen niet|zullen niet|nemen wij niet|nemen we niet)\s(\w{1,12}\s)?"
    r"(be\s)?(answered|considered|processed|accepted|evaluated|dealt with|responded to"
    r"|beantwoord|behandeld|meegenomen|geaccepteerd|beoordeeld|in behandeling)\b",
    re.IGNORECASE,
)


def on_both_sides(before: str, after: str) -> Kind | Background | None:
    """The step the words before and after a date name together, if they do, or that together
    they say it is background ("in zitting van <date> beslist")."""
    # the words after the date are few and anchored: asked first, they spare most searches
    if _DECIDED_AFTER.match(after) and _SITTING_BEFORE.search(before):
        return Background.BACKGROUND
    if _OPENED_AFTER.match(after) and _OPENED_BEFORE.search(before):
        return Kind.OPENING
    if _ANSWERED_AFTER.match(after) and _ASKED_BEFORE.search(before):
        # "Vragen ... worden na 2027-01-04 beantwoord": after it, not on it
        return Background.BACKGROUND if _AFTER_IT.search(before) else Kind.ANSWERS_PUBLISHED
    if _REFUSED_AFTER.match(after) and (received := _RECEIVED_AFTER.search(before)):
        return Kind.QUESTIONS_DEADLINE if received.group("asked") else Kind.SUBMISSION_DEADLINE
    if _COMPLETED_AFTER.match(after):
        return Kind.END
    if _IN_AFTER.match(after) and _GOES_BEFORE.search(before):
        return Kind.START
    if (received := _RECEIVED.match(after)) and _RECEIVES_BY.search(before):
        return Kind.SHORTLIST_NOTICE if received.group("invited") else Kind.AWARD
    if _INTEND_AFTER.match(after) and _CONFIRM_BEFORE.search(before):
        # "Could you please confirm by COP Wednesday 9th December whether or not you intend to
        # submit a response?": telling the buyer one will bid, no bid
        return Kind.OTHER
    return None


# "De gemeente beoordeelt de kandidaten en laat uiterlijk <date> weten welke kandidaten worden
# uitgenodigd": a Dutch verb of telling split around the date, whose object after it says what
# the date is for, not what is done before it
_TELLS_BEFORE = re.compile(
    r"\b(laat|laten|late)(\s(we|wij|ik|u|je|jullie|ze|zij|hij|zij u|wij u|we u|we je|wij je))?"
    r"(\s(uiterlijk|op|per|voor|v[o\u00f3]{2}r|rond|omstreeks|dan|al|ook|graag)){0,2}\W{0,3}$",
    re.IGNORECASE,
)
_KNOW_AFTER = re.compile(r"^\W{0,3}(\w{1,12}\s){0,2}?(weten|horen)\b", re.IGNORECASE)


def told_after(before: str, after: str) -> bool:
    """Whether the words after a date say what it is for, as the object of a verb of telling
    split around it ("laat uiterlijk <date> weten welke ..."), rather than those before it."""
    return _KNOW_AFTER.match(after) is not None and _TELLS_BEFORE.search(before) is not None


# "De inschrijvers met een geldige offerte ontvangen uiterlijk <date> een uitnodiging", "U
# krijgt vóór <date> uw tijdslot": what one receives by the date (not "krijgt op <date> een
# tijdslot", the slot's own day)
_RECEIVES_BY = re.compile(
    r"\b(ontvangt|ontvangen|krijgt|krijgen)(\s(u|je|jullie|ze|zij|hij|alle\s\w{1,15}))?"
    r"\s(uiterlijk|v[o\u00f3]{2}r|voor|ten laatste)\W{0,3}$",
    re.IGNORECASE,
)
_RECEIVED = re.compile(
    r"^\W{0,3}(een|de|het|hun|uw|je|jouw)\s(\w{1,15}\s)?((?P<invited>uitnodiging|tijdslot)"
    r"|uitslag|beslissing|besluit|gunningsbeslissing)\b",
    re.IGNORECASE,
)


# "...invited to a demonstration day; these will be held on": the clause names its subject
# in the clause before it
_REFERS_BACK = re.compile(r"^\s{0,3}(these|they|this|it|deze|die|dit|ze|zij)\s", re.IGNORECASE)


# "...may still apply to join the DPS; applications must be received by": a clause that opens
# with the noun of a verb of the clause before ("apply", "applications") speaks of what that
# clause says
_FIRST_WORD = re.compile(r"^\s{0,3}([^\W\d_]{5,20})\b")
_STEM = 4


def own_clause(before: str, says_something: Callable[[str], bool]) -> str:
    """The words of a date's own clause before it: from the last ";", or from the one before
    when the last clause says nothing itself and opens with a word that points back to it, or
    opens with the noun of a verb of the clause before."""
    head, _, clause = before.rpartition(";")
    if not head:
        return clause
    previous = head.rsplit(";", 1)[-1]
    match = _REFERS_BACK.match(clause)
    if match is not None and not says_something(clause):
        return previous + " which " + clause[match.end() :]
    noun = _FIRST_WORD.match(clause)
    if noun is not None and _names_its_verb(previous, noun.group(1)):
        return previous + " which " + clause
    return clause


def _names_its_verb(words: str, noun: str) -> bool:
    """Whether ``words`` hold another word of the same stem as ``noun`` ("apply" for
    "applications")."""
    stem = noun[:_STEM].lower()
    return any(
        w.lower().startswith(stem) and w.lower() != noun.lower() for w in re.findall(r"\w+", words)
    )


# "Na de gunning start de opdracht op", "Following the interviews, the contract will start on":
# what follows "na" or "after" happens before the date; the step on it is named elsewhere
_AFTER_WHAT = re.compile(
    r"\b(na|after|following|upon|na afloop van|na ontvangst van|after receipt of"
    r"|na (de )?beoordeling van|after (the )?evaluation of)\s"
    r"(de |het |een |the |all |alle |a |an )?"
    r"((eerste|tweede|laatste|voorlopige|definitieve|first|second|last|final|provisional"
    r"|initial)\s)?$"
    # "Once the questions have been answered, tenders must be submitted by": the whole clause
    r"|\b(nadat|zodra|once|as soon as)\b[^,;]{0,80}$",
    re.IGNORECASE,
)
_AFTER_REACH = 80  # characters before a match that may hold its "na de" or "once"


def names_outside_after(pattern: re.Pattern[str], context: str) -> bool:
    """Whether ``pattern`` matches ``context`` other than as what the date comes after."""
    match = pattern.search(context)
    while match is not None:
        start = match.start()
        if not _AFTER_WHAT.search(context, max(0, start - _AFTER_REACH), start):
            return True
        match = pattern.search(context, match.end() if match.end() > start else start + 1)
    return False


# "Gunning (besluit over toelating):": a label and the words in brackets that explain it
_LABEL_WITH_NOTE = re.compile(
    r"^\W{0,3}([^()\d:;]{2,40}?(\s\d{1,2})?)\s{0,3}\([^()]{1,80}\)\W{0,3}$"
)


def label_of_note(before: str) -> str | None:
    """The label of a label with a note in brackets just before a date, which names the step
    (the note explains it); the caller leaves deadlines to the note ("Sluiting (vragen):")."""
    match = _LABEL_WITH_NOTE.match(before)
    return match.group(1) if match is not None else None


# "De informatiebijeenkomst van 12 januari 2027 is verplaatst naar 19 januari 2027", "The site
# visit on 3 March has been postponed to 10 March": the words between two dates say the first
# moved to the second, which is the step's date
_MOVED_ON = re.compile(
    r"^\W{0,3}(is|zijn|has been|have been|wordt|worden|was|were|will be)\s{1,3}(\w{1,12}\s{1,3})?"
    r"(verplaatst|verschoven|uitgesteld|vervroegd|gewijzigd|veranderd|moved|postponed"
    r"|rescheduled|changed|brought forward|put back|deferred|delayed|extended|verlengd)"
    r"\s{1,3}(naar|to|tot|until|t/m)\W{0,3}$",
    re.IGNORECASE,
)


def moved_on(between: str) -> bool:
    """Whether the words between two dates say the first was moved to the second."""
    return bool(_MOVED_ON.match(between))


_SNAKE = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")


# "via the Questions and Answers functionality", "via de vragenmodule van TenderNed": the channel
# a step goes through, whose name is no step
_CHANNEL = re.compile(
    r"\b(via|through|using|in|into)\s(the|de|het)\s([\w&/-]{1,20}\s){0,4}?"
    r"(functionality|function|facility|module|tool|tab|section|messaging|berichtenmodule"
    r"|berichtenbox|functionaliteit|functie)\b"
    # and the name after it: "via de module Vragen en Antwoorden op TenderNed"
    r"(\s[\"'\u201c\u2018]?(?-i:[A-Z])\w{1,20}(\s(en|and|&)\s\w{1,20})?[\"'\u201d\u2019]?)?",
    re.IGNORECASE,
)


# "Aan: offertes@schoonbedrijf.nl": a mailbox's name says nothing of a date near it
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def as_words(text: str) -> str:
    """``text`` with a portal's field names read as words: "question_deadline" as "question
    deadline"; the name of a channel it goes through and mail addresses left out."""
    text = _SNAKE.sub(" ", text) if "_" in text else text
    text = _ADDRESS.sub(" ", text) if "@" in text else text
    return _CHANNEL.sub(" ", text)


# "17:00. Responses will be published ...": a sentence ends after a word or a time
_CLAUSE_AFTER = re.compile(r";|(?:(?<=[^\W\d_])|(?<=\d:\d\d))\.\s{1,3}(?=[A-Z])")


def own_clause_after(after: str) -> str:
    """The words after a date up to the end of its clause or its sentence."""
    return _CLAUSE_AFTER.split(after, maxsplit=1)[0]


def words_of(before: str, after: str) -> tuple[str, str, str]:
    """The words before and after a date as words, and those after it in its own clause; a
    word that only says the date is approximate ("was c.", "on or about") and a time written
    before the date ("by 5pm on") left out before it."""
    after = as_words(after)
    before = _DASH_ASIDE.sub(" ", _BRACKET_ASIDE.sub(" ", without_cause(as_words(before))))
    before = _TIME_FIRST.sub(" ", APPROXIMATELY.sub(" ", before))
    return before, after, own_clause_after(after)


# "Written tenders - method statements, the implementation plan and the pricing schedule - are
# then due at": an aside of a few words between dashes, which says nothing of the date
_DASH_ASIDE = re.compile(r"\s[-–—]\s(?:[^\s–—.;:-]+\s){3,20}?[^\s–—.;:-]+\s[-–—]\s")


# "eindigt dan (met toepassing van de Algemene termijnenwet) op": an aside in brackets, without
# a date or a time, between the words and the "op" of the date they speak of (not "De
# aanbesteding (opening van de inschrijvingen) vindt plaats op", which names the step)
_BRACKET_ASIDE = re.compile(
    r"\s\([^()\d]{3,80}\)(?=\s{1,3}(op|on|at|om|per|from|vanaf)\W{0,3}$)", re.IGNORECASE
)


# "Following a number of clarification requests we have extended the tender return date to",
# "Naar aanleiding van vragen van meerdere partijen verschuiven we": why a date moves, whose
# questions are not the step
_CAUSE = re.compile(
    r"\b(following|due to|in response to|as a result of|naar aanleiding van|n\.a\.v\.|vanwege)"
    r"\s(\w{1,20}\s){0,5}?(requests?|questions?|queries|vragen|verzoeken|opmerkingen)\b"
    r"(?!\s(deadline|termijn|period|periode|round|ronde|window|module|closing|sluit|stellen))"
    r"(\s(from|of|van|by|door)\s(\w{1,20}\s){0,3}?(bidders|tenderers|suppliers|partijen"
    r"|inschrijvers|gegadigden|marktpartijen|ondernemers))?,?(?=\s[^\W\d])",
    re.IGNORECASE,
)


def without_cause(text: str) -> str:
    """``text`` without the reason it gives for a move: "Following a number of clarification
    requests we have extended the tender return date to" speaks of the tender return date."""
    return _CAUSE.sub(" ", text)


# "by 5pm on Wednesday 10 February", "uiterlijk om 12:00 uur op": the time before its date
_TIME_FIRST = re.compile(
    r"\s((at|om)\s{1,3})?(\d{1,2}([:.]\d\d)?\s{0,2}(am|pm|a\.m\.|p\.m\.|uur|u|h)?|12 noon|noon"
    r"|midday)\s{1,3}(on|op)\s{1,3}$",
    re.IGNORECASE,
)
# "(was c. 10 February 2027)", "Notification of outcome: on or about": the date is approximate
APPROXIMATELY = re.compile(
    r"\s(c\.|ca\.|circa|approx\.?|approximately|on or about|omstreeks|ongeveer)\s{1,3}$",
    re.IGNORECASE,
)
