"""What a sentence says about its date: the rules that map words to milestone kinds, in one table.

``classify`` reads the words just before a date (back to the previous date, the start of the
sentence or the last ";") and, if they say nothing, the words after it up to the end of its
clause. The words of background dates are in ``background``. The **first** rule in ``RULES`` that
matches wins, so the order is the meaning:

- answers before questions: "De vragen en antwoorden worden ... gepubliceerd" is about answers;
- background before everything else but answers: "Publicatiedatum", "sinds", an option to extend
  is not a milestone ("De antwoorden worden gepubliceerd op" is, hence answers come first);
- questions before submission: "Vragen kunnen ingediend worden tot" is about questions;
- the invitation before the interviews it invites to; interviews before the start ("Start
  gesprekken"); submission ("Einde inschrijfdatum") before the end of the assignment;
- events of the procedure before the start: "Site visits will be available between" is no
  start of the assignment.

Patterns are matched case-insensitively against Dutch and English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..timeline import Kind
from .answers import ANSWER_WORDS
from .background import (
    BACKGROUND_WORDS,
    COPY_MADE,
    DONE,
    LOG_ENTRY_WORDS,
    RELATIVE_WORDS,
    WEEK_WORDS,
    past_or_void,
)
from .clauses import (
    label_of_note,
    names_outside_after,
    on_both_sides,
    own_clause,
    told_after,
    without_cause,
    words_of,
)
from .events import (
    EVENT_WORDS,
    NAMED_EVENT_WORDS,
    REGISTRATION_WORDS,
    STANDSTILL_PERIOD,
    STANDSTILL_WORDS,
)
from .hints import END_WORDS, START_WORDS, TERM_UNTIL
from .interviews import INTERVIEW_WORDS, INVITED_TO_INTERVIEW
from .meanings import Background, Depends, Meaning
from .outcome import OUTCOME_WORDS
from .participation import PARTICIPATION_WORDS
from .questions import QUESTION_WORDS, QUESTIONS_ON_ANSWERS
from .replaced import REPLACED_WORDS, replaced_after
from .selection import SHORTLIST_WORDS, SLOT_WORDS
from .submission import SUBMISSION_WORDS

__all__ = [
    "RULES",
    "Background",
    "Depends",
    "Meaning",
    "Rule",
    "classify",
    "kind_of",
    "moved_to",
    "named_step",
]


@dataclass(frozen=True, slots=True)
class Rule:
    meaning: Meaning
    pattern: re.Pattern[str]
    example: str  # a phrase the rule is for; the tests check that it matches


def _rule(meaning: Meaning, pattern: str, example: str) -> Rule:
    return Rule(meaning, re.compile(pattern, re.IGNORECASE), example)


# Patterns are searched in text of any length: no nested or unbounded repetition next to other
# repetition (every gap is bounded, like ".{0,80}"), so each search is linear.
RULES: tuple[Rule, ...] = (
    _rule(
        Background.REPLACED,
        REPLACED_WORDS,
        "De sluitingsdatum is verplaatst van",
    ),
    _rule(
        Background.RELATIVE,
        RELATIVE_WORDS,
        "Binnen 3 werkdagen na",
    ),
    _rule(
        Background.WEEK,
        WEEK_WORDS,
        "De gesprekken vinden plaats in de week van",
    ),
    _rule(
        Depends.MOVED_TO,
        r"\b(verlengd|verschoven|verplaatst|gewijzigd|uitgesteld|extended|moved|postponed"
        r"|rescheduled|changed|schuift|verschuift|schuiven|verschuiven|shifts|slips|moves"
        r"|verplaatsen|verzetten)( (we|wij|ze|zij|die|deze|it|them))? (tot( en met)?|t/m|naar|to"
        r"|until)\W{0,3}$"
        # French: "La date limite ... est reportée au"
        r"|\b(report|prolong|postpos|modifi|d\u00e9cal)\u00e9e?s? (au|\u00e0|jusqu'au)\W{0,3}$"
        # "niet op <date>, maar op": the day it is instead
        r"|^\W{0,3}(maar|but|doch)\s{1,3}(op|on|per|by|uiterlijk|no later than)\W{0,3}$",
        "De deadline is verlengd tot",
    ),
    _rule(
        Background.BACKGROUND,
        # what has happened already: "de eerste vragenronde is gesloten op", "was held on"
        r"\b(is|zijn|was|were|werd|werden|has been|have been)\s{1,3}"
        r"(\w{1,20}\s{1,3}){0,2}?"
        rf"({DONE})\s{{1,3}}(op|per|on)\W{{0,3}}$"
        rf"|{LOG_ENTRY_WORDS}"
        # the day a copy was made: "Q&A log exported 15/01/2026 17:02", "(laatst bijgewerkt"
        rf"|\b({COPY_MADE}|last updated|laatst bijgewerkt)\s{{1,3}}((on|op)\s{{1,3}})?"
        r"(\w{2,9}dag\s{1,3})?$"
        # "Answer - 15/01/2026 12:05": the time an entry of a log of questions was written
        r"|^\W{0,3}(answer|antwoord|reply|response)\s{0,3}[-\u2013]\s{0,3}$"
        # "questions submitted in that period will be answered from": a period begins
        # "requests received during this period will be handled from / answered after"
        r"|\b(answered|beantwoord|processed|behandeld|dealt with|handled|responded to|replied to"
        r"|in behandeling genomen)\s(from|vanaf|after|na|as of|once|per)\W{0,3}$"
        # "Vragen die in deze periode worden gesteld, worden na 2027-01-04 beantwoord"
        r"|\b(worden|wordt|will be|are|is)\s(pas\s|only\s)?(na|after)\W{0,3}$"
        # "Nota: NvI 1 (12 vragen beantwoord), gepubliceerd op": a participle after a comma,
        # with no verb that puts it ahead
        r"|,\s{1,3}(gepubliceerd|geplaatst|verstuurd|verzonden|published|posted|issued|sent)"
        r"\s{1,3}(op|on)\W{0,3}$",
        "De eerste vragenronde is gesloten op",
    ),
    _rule(
        Kind.QUESTIONS_DEADLINE,
        QUESTIONS_ON_ANSWERS,
        "Vragen naar aanleiding van de eerste nota van inlichtingen kunnen worden gesteld tot",
    ),
    _rule(
        Kind.ANSWERS_PUBLISHED,
        ANSWER_WORDS,
        "De vragen en bijbehorende antwoorden worden op",
    ),
    _rule(
        Depends.DOCUMENTS_ISSUED,
        r"\b(tender documents|aanbestedingsstukken|aanbestedingsdocumenten) "
        r"(are |will be |worden )?(issued|sent|released|verstuurd|verzonden)"
        r"|\b(issue|dispatch|verzending) (of |van )?"
        r"(the |de )?(tender documents|aanbestedingsstukken|aanbestedingsdocumenten)"
        r"|^\W{0,3}(de |het |the )?(gunningsleidraad|tender documents|invitation to tender)\b"
        r"|\b(verzending|versturen|verzenden) (van )?(de )?uitnodiging\b",
        "Tender documents issued:",
    ),
    _rule(
        Kind.END,
        # the supplies or works done by a day: "Delivery and installation completed:", "Levering
        # ten laatste op"; not "| Marktconsultatie | afgerond |", a step of the table done
        r"\b(levering|delivery|installation|installatie|oplevering|implementation|implementatie)"
        r"\b(?![^.;]{0,30}\b(eerste|first|fase\s?\d|phase\s?\d))[^.;]{0,40}\b(completed|voltooid"
        r"|afgerond|gereed|ten laatste|uiterlijk|no later than)\b[^.;\d]{0,12}$",
        "Delivery and installation completed:",
    ),
    _rule(Kind.OTHER, REGISTRATION_WORDS, "Please register for the session by"),
    _rule(
        Background.BACKGROUND,
        BACKGROUND_WORDS,
        "Publicatiedatum:",
    ),
    _rule(Kind.OTHER, STANDSTILL_WORDS, "Standstill period ends:"),
    _rule(Kind.OTHER, NAMED_EVENT_WORDS, "Inlichtingenbijeenkomst (digitaal):"),
    _rule(Kind.SHORTLIST_NOTICE, SLOT_WORDS, "Uw tijdslot ontvangt u uiterlijk op"),
    _rule(
        Kind.QUESTIONS_DEADLINE,
        QUESTION_WORDS,
        "Vragen kunnen ingediend worden tot",
    ),
    _rule(
        Kind.INTERVIEWS,
        INVITED_TO_INTERVIEW,
        "De kandidaten worden uitgenodigd voor een gesprek op",  # "invited to negotiation meetings"
    ),
    _rule(
        Kind.AWARD,
        OUTCOME_WORDS,
        "Bidders will be notified of the outcome by",
    ),
    _rule(
        Kind.SHORTLIST_NOTICE,
        SHORTLIST_WORDS,
        "De kandidaten die hiervoor uitgenodigd zijn, ontvangen uiterlijk op",
    ),
    _rule(
        Depends.TENDERS_OR_REQUESTS,
        r"(tenders?|inschrijvingen|offertes) ?(or|of|/) ?((requests?|verzoeken|aanvragen) "
        r"(to|tot|for) (particip\w{0,6}|deelneming|deelname)|deelnemings(aanvragen|verzoeken))"
        # Flemish: the candidacy, a request to take part or an application for a post
        r"|\bkandidaatstelling\b|\bkandidatuur\b",
        "Time limit for receipt of tenders or requests to participate",
    ),
    _rule(
        Kind.PARTICIPATION_DEADLINE,
        PARTICIPATION_WORDS,
        "Uiterste datum voor verzoeken tot deelneming:",
    ),
    _rule(
        Kind.INTERVIEWS,
        INTERVIEW_WORDS,
        "De gesprekken bij de gemeente zijn gepland op",
    ),
    _rule(
        Kind.AWARD,
        r"(?<!\bna )(?<!\bafter )(gunning(?!sfase|scriteri|sleidraad|smethodiek)|\bgegund(?!e\s)"
        r"|\bte gunnen|\bgunnen\b|^\W{0,3}(decision|besluit|beslissing)( (communicated|announced"
        r"|notified|published|bekendgemaakt|bekend))?\W{0,3}$"
        r"|\baward(?! phase| stage| criteri))|opdrachtverlening|opdrachtverstrekking"
        # admission to a pool: "Bekendmaking voorlopige toelating ... dinsdag 30 maart 2027"
        r"|\b(bekendmaking|uitslag|besluit|beslissing)( over| van| tot)?( de)? (voorlopige "
        r"|definitieve )?toelating\b|\bvoorlopige toelating\b"
        r"|\bnotification of (the )?(outcome|result)s?\b(?! of (the )?(selection|stage|sq|pqq))"
        r"|(?<!crit\u00e8re d')(?<!crit\u00e8res d')\battribution\b"
        r"|notification (du|de la d\u00e9cision d'attribution du) march\u00e9",
        "Voorlopige gunning:",
    ),
    _rule(
        Kind.OPENING,
        r"\bopening (van |der )?(de )?(inschrijving|offerte|aanbieding|envelop|tender|bid)"
        r"|\bopenbare opening|\bpublic opening|\bopening of (the )?(tenders|bids|offers)"
        r"|\bopening ?(date|datum|time)|openingsdatum|openingszitting|datum (van )?(de )?opening"
        r"|\b(tenders|bids|offers|they|inschrijvingen|offertes|deze|ze|zij) (will be|are|shall be"
        r"|worden|wordt)\b(?:(?!\b(?:not|niet)\b)[^.;]){0,50}\b(opened|geopend)\b"
        r"|\b(de|the) opening (vindt|plaats|is|will|takes)\b"
        r"|openen van de (inschrijvingen|offertes|enveloppen)|\bopening\W{0,3}$"
        r"|\b(electronic|elektronische|digital|digitale) opening\b|\bopening (session|sitting)\b"
        r"|proces-verbaal van (aanbesteding|opening)"
        r"|\bouverture des (offres|plis)|s\u00e9ance d'ouverture",
        "Opening inschrijvingen:",
    ),
    _rule(
        Background.INFORMATION_REQUEST,
        r"\b(rfi|request for information)\b.{0,40}\b(respon|reacti|antwoord|submi|due|deadline"
        r"|indien)|\b(respons\w{0,3}|reacties?|submissions?|answers?) (to|on|op|for) (the |this "
        r"|het |de |your |uw )?(rfi|request for information)\b",
        "RFI responses due:",
    ),
    _rule(
        Kind.SUBMISSION_DEADLINE,
        SUBMISSION_WORDS,
        "De reactietermijn van deze aanvraag duurt tot",
    ),
    _rule(Kind.OTHER, EVENT_WORDS, "Informatiebijeenkomst op"),
    # the term's last day, whatever started it: "Looptijd: vanaf de startdatum tot en met"
    _rule(Kind.END, TERM_UNTIL, "Looptijd: vanaf de startdatum tot en met"),
    _rule(
        Kind.START,
        START_WORDS,
        "Uiterlijk per 4 augustus 2026 beschikbaar",
    ),
    _rule(Kind.END, END_WORDS, "Einddatum opdracht:"),
)

_NOT_BEFORE_A_DATE = " x"


# Tables and lists repeat their labels and sentences: each meaning is worked out once.
@lru_cache(maxsize=1024)
def classify(before: str, after: str, *, skip: Meaning | None = None) -> Meaning | None:
    """The meaning of a date from the words before it, else the words after it; None if unclear.

    ``skip`` leaves one meaning out (what a moved date was for, without "moved from").
    """
    # Patterns that end in "$" speak of the words just before a date ("verplaatst van"); the
    # words after it end at the next date, so they get a tail that no such pattern matches.
    before, after, after_clause = words_of(before, after)
    if past_or_void(before, after):
        return Background.REPLACED if replaced_after(after) else Background.BACKGROUND
    if (across := on_both_sides(before, after)) is not None:
        return across
    # the words after a date speak of it up to the end of its clause ("tot 1 maart met verlof;
    # vragen via het platform" is no questions deadline), the words before it from its start
    # ("opdrachtverstrekking: juli 2027; start werkzaamheden 1 september 2027" is the start)
    if (label := label_of_note(before)) is not None:
        named = next((r.meaning for r in RULES if r.pattern.search(label)), None)
        named = Kind.OTHER if named is Kind.END and STANDSTILL_PERIOD.search(label) else named
        if isinstance(named, Kind) and not named.is_deadline and named is not skip:
            return named
    own = own_clause(before, _says_something)
    if (tail := _after_comma(own)) is not None:
        if tail is Kind.END and STANDSTILL_PERIOD.search(own):
            return Kind.OTHER  # "The standstill period begins ..., it ends at 23:59 on"
        return tail  # "Gesprekken zijn in wk 2, start 1 feb '27": the step just before it
    contexts = (own, after_clause + _NOT_BEFORE_A_DATE)
    for context in reversed(contexts) if told_after(before, after) else contexts:
        for rule in RULES:
            if rule.meaning is not skip and names_outside_after(rule.pattern, context):
                if rule.meaning is Depends.MOVED_TO:
                    return _named(context)
                return rule.meaning
    return None


def term_after_comma(words: str) -> bool:
    """Whether the words just before a date name the start or end after a comma, as a label."""
    return _after_comma(words) is not None


def _after_comma(words: str) -> Kind | None:
    """The start or end a few words after the last comma name by themselves ("Gesprekken zijn
    in wk 2, start"), not a relative clause ("(ref. ...), which runs until")."""
    head, comma, tail = words.rpartition(",")
    if not comma or not head.strip() or len(tail.split()) > _COMMA_TAIL_WORDS:
        return None
    if _RELATIVE.match(tail):
        return None
    return next(
        (
            r.meaning
            for r in RULES
            if isinstance(r.meaning, Kind) and r.meaning in _TERM and r.pattern.search(tail)
        ),
        None,
    )


_COMMA_TAIL_WORDS = 3
_TERM = (Kind.START, Kind.END)
_RELATIVE = re.compile(r"^\W{0,3}(which|that|who|die|dat|welke|waarna|waarbij)\b", re.IGNORECASE)


def _says_something(words: str) -> bool:
    return any(rule.pattern.search(words) for rule in RULES)


def named_step(words: str) -> Kind | None:
    """The step ``words`` name, if they name one."""
    named = _named(words)
    return named if isinstance(named, Kind) else None


def _named(context: str) -> Meaning | None:
    """What "... is verlengd tot" names, if it names a step: the deadline, not an option."""
    context = without_cause(context)
    for rule in RULES:
        if isinstance(rule.meaning, Kind) and rule.pattern.search(context):
            if rule.meaning is Kind.END and STANDSTILL_PERIOD.search(context):
                return Kind.OTHER  # "End of standstill period": the standstill's, not the term's
            return rule.meaning
    return None


def moved_to(before: str) -> bool:
    """Whether the words just before a date say something moved to it ("is verlengd tot")."""
    return any(rule.meaning is Depends.MOVED_TO and rule.pattern.search(before) for rule in RULES)


def kind_of(text: str) -> Meaning | None:
    """The meaning of a whole piece of text, such as a label or a sentence without a date."""
    return classify(text, "")
