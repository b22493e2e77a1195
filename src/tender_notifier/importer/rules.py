"""What a sentence says about its date: the rules that map words to milestone kinds, in one table.

``classify`` reads the words just before a date (back to the previous date or the start of the
sentence) and, if they say nothing, the words after it. The **first** rule in ``RULES`` that
matches wins, so the order is the meaning:

- answers before questions: "De vragen en antwoorden worden ... gepubliceerd" is about answers;
- background before everything else but answers: "Publicatiedatum", "sinds", an option to extend
  is not a milestone ("De antwoorden worden gepubliceerd op" is, hence answers come first);
- questions before submission: "Vragen kunnen ingediend worden tot" is about questions;
- the invitation before the interviews it invites to; interviews before the start ("Start
  gesprekken"); submission ("Einde inschrijfdatum") before the end of the assignment.

Patterns are matched case-insensitively against Dutch and English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..timeline import Kind
from .dates import month_pattern


class Background(StrEnum):
    """A date that is real but not a milestone of the procedure."""

    BACKGROUND = "background"


Meaning = Kind | Background


@dataclass(frozen=True, slots=True)
class Rule:
    meaning: Meaning
    pattern: re.Pattern[str]
    example: str  # a phrase the rule is for; the tests check that it matches


def _rule(meaning: Meaning, pattern: str, example: str) -> Rule:
    return Rule(meaning, re.compile(pattern, re.IGNORECASE), example)


RULES: tuple[Rule, ...] = (
    _rule(
        Kind.ANSWERS_PUBLISHED,
        r"antwoord|nota van inlichtingen|\bnvi\b|\banswers?\b|\bq\s?&\s?a\b"
        r"|clarifications? (will be )?publish",
        "De vragen en bijbehorende antwoorden worden op",
    ),
    _rule(
        Background.BACKGROUND,
        r"publicatie|\bgepubliceerd\b|(geplaatst|verschenen) op|\bpublished\b|\bpublication\b"
        r"|\bposted\b|\bsinds\b|\bsince\b|verleng|extension|\boptie|\boption"
        r"|huidige (contract|overeenkomst|leverancier|opdrachtnemer|vervoerder)"
        r"|(contract|overeenkomst) met de huidige|current (contract|supplier|provider)"
        r"|laatst gewijzigd|last (updated|modified)|opgericht|founded|besloten|decided",
        "Publicatiedatum:",
    ),
    _rule(
        Kind.OTHER,
        r"standstill|opschortingstermijn|alcatel",
        "Standstill period ends:",
    ),
    _rule(
        Kind.QUESTIONS_DEADLINE,
        r"\bvra(ag|gen)|vragenronde|\bquestions?\b|clarification|inlichtingen|verduidelijking",
        "Vragen kunnen ingediend worden tot",
    ),
    _rule(
        Kind.SHORTLIST_NOTICE,
        r"genodigd|uitnodiging|\binvit(ed|ation)|\bnotified\b|notification of shortlist"
        r"|shortlist (will be |is )?(announced|published|sent|notified)"
        r"|bericht over (de )?(selectie|uitnodiging)|uitslag (van de )?(cv[- ])?selectie",
        "De kandidaten die hiervoor uitgenodigd zijn, ontvangen uiterlijk op",
    ),
    _rule(
        Kind.INTERVIEWS,
        r"gesprek|interview|presentatie|presentation|demonstrat|assessment|kennismaking|\bpitch",
        "De gesprekken bij de gemeente zijn gepland op",
    ),
    _rule(
        Kind.AWARD,
        r"(?<!\bna )(?<!\bafter )(gunning|\bgegund|\baward)",
        "Voorlopige gunning:",
    ),
    _rule(
        Kind.SUBMISSION_DEADLINE,
        r"inschrij|offerte|aanbieding|aanbieden|reactietermijn|\breageren|\breactie"
        r"|sluitingsdatum|sluitingstermijn|\bsluit(en|ing)?\b|deadline"
        r"|uiterste (inzend|indien)?datum"
        r"|\bcv'?s?\b.{0,80}(aanleveren|indienen|insturen)|(aanleveren|indienen|insturen).{0,80}\bcv"
        r"|submission|submit|\btenders?\b.{0,80}\b(due|received)|\bbids?\b|proposals?|\boffers?\b"
        r"|closing (date|time)|\bcloses\b|applications?|\bapply\b",
        "De reactietermijn van deze aanvraag duurt tot",
    ),
    _rule(
        Kind.START,
        r"\bstart|aanvang|ingangsdatum|\bingaand|beschikbaar|available|availability"
        r"|commence|\bbegin(t|nen|datum)?\b|\bper\s{0,3}$",
        "Uiterlijk per 4 augustus 2026 beschikbaar",
    ),
    _rule(
        Kind.END,
        r"einddatum|eind(e|igt|igen)\b|loopt (af|tot)|\bend(s|ing)?\b|oplever",
        "Einddatum opdracht:",
    ),
    _rule(
        Kind.OTHER,
        r"bijeenkomst|schouw|locatiebezoek|site visit|briefing|webinar|marktconsultatie|sessie",
        "Informatiebijeenkomst op",
    ),
)

# Words that say a period of days is the assignment itself: "van 1 sept tot 31 dec" = start, end.
ASSIGNMENT = re.compile(
    r"opdracht|periode|looptijd|inzet|project|contract|assignment|engagement|werkzaamheden",
    re.IGNORECASE,
)

# A label whose value is a time that belongs to the date just above it: "Eindtijd  09:00 uur".
TIME_LABEL = re.compile(r"tijd|tijdstip|\btime\b|\buur\b|\bhour\b", re.IGNORECASE)


def _vague_pattern() -> re.Pattern[str]:
    months = month_pattern()
    return re.compile(
        r"z\.\s?s\.\s?m\.?|\bzsm\b|\basap\b|as soon as possible|zo (spoedig|snel) mogelijk"
        r"|per direct|\bimmediately\b|\b(over)?morgen\b|\bvandaag\b|\btomorrow\b"
        r"|\btoday\b|\bbinnen\s{1,3}(\d{1,3}|een|één|twee|drie|vier)\s{1,3}(werk)?(dag|dagen|week|weken|maand|maanden)\b"
        r"|\bwithin\s{1,3}(\d{1,3}|a|one|two|three)\s{1,3}(working\s{1,3})?(days?|weeks?|months?)\b"
        r"|\b(begin|medio|half|eind|einde|early|mid|late|end of)[\s-]+"
        rf"({months})(?![^\W\d_])"
        r"|\bweek\s+\d{1,2}\b|\bQ[1-4]\b|\b\d{1,3}\s{1,3}(dagen|weken|maanden|days|weeks|months)\b",
        re.IGNORECASE,
    )


VAGUE = _vague_pattern()


def classify(before: str, after: str) -> Meaning | None:
    """The meaning of a date from the words before it, else the words after it; None if unclear."""
    for context in (before, after):
        for rule in RULES:
            if rule.pattern.search(context):
                return rule.meaning
    return None


def kind_of(text: str) -> Meaning | None:
    """The meaning of a whole piece of text, such as a label or a sentence without a date."""
    return classify(text, "")
