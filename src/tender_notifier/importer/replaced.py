"""Words that say a date was replaced by another: the old date of a moved step.

``REPLACED_WORDS`` are the words just before the old date ("verplaatst van", "(was:",
"instead of"); ``replaced_by_arrow`` reads an arrow after it to the new one, ``replaced_after``
that and the words that say it is gone. Every gap is bounded, so each search is linear.
"""

from __future__ import annotations

import re

# The words just before the old date of a moved one: "verplaatst van", "(was:", "instead of"
REPLACED_WORDS = (
    # "which was originally set at", "oorspronkelijk gepland op"
    r"\b(originally|initially|oorspronkelijk|aanvankelijk)\s(\w{1,12}\s)?(set|scheduled|planned"
    r"|fixed|foreseen|gepland|vastgesteld|voorzien|bepaald)\s(at|on|for|op|voor)\W{0,3}$|"
    r"(verplaatst|verschoven|verlengd|verlegd|gewijzigd|veranderd|aangepast|vervroegd"
    r"|uitgesteld|moved|changed|postponed|brought forward|rescheduled|extended|schuift"
    r"|verschuift|schuiven|verschuiven|shifts|slips|moves|slipped) (van|from)\W{0,3}$"
    # "we have also extended the deadline for clarification questions from <date> to"
    r"|\b(moved|changed|postponed|rescheduled|extended|brought forward|verplaatst|verschoven"
    r"|verlengd|uitgesteld|vervroegd|verschuift|verschuiven|schuift|moves|shifts)"
    r"\s([\w'’]{1,20}\s{1,3}){1,6}?(van|from)\W{0,3}$"
    # "De presentaties waren gepland op 9 februari 2027; ... worden zij gehouden op"
    r"|\b(waren|was|stond|stonden|were|had been)\s(gepland|voorzien|scheduled|planned)\s(op|voor"
    r"|on|for)\W{0,3}$"
    # "de sluitingsdatum is 8 juli (niet 7 juli)"
    r"|\((niet|not)\s{1,3}(op\s|on\s)?\W{0,3}$"
    # "(in de offerteaanvraag stond 22 december 2026)": what the document said before
    r"|\b(stond|stonden)\W{0,3}$"
    # "in mijn vorige mail stond dat cv's uiterlijk dinsdag 8 december binnen moesten zijn"
    r"|\b(stond|stonden)\s(dat|that)\s[^.;:]{0,60}$"
    r"|niet meer (plaats )?(op|per)?\W{0,3}$"
    r"|no longer ((take|takes) place |be held |go ahead )?(on|at|by)\W{0,3}$"
    # "sluit echter niet op <date>, maar op <date>": the first is not the step's day
    r"|\b(niet|not)\s{1,3}(op|on|per)\W{0,3}$"
    # "vinden NIET plaats op woensdag 9 december, maar op", "niet 4 januari, maar"
    r"|\b(niet|not)\s{1,3}(plaats\s{1,3}(op\s{1,3})?|take place\s{1,3}(on\s{1,3})?)?$"
    r"|in plaats van\W{0,3}$|\bi\.?\s?p\.?\s?v\b\.?\W{0,3}$|instead of\W{0,3}$"
    r"|\brather than\s{1,3}((on|at|by|the)\s{1,3})?\W{0,3}$"
    r"|\bau lieu (du|de|des|de la)\W{0,3}$"
    r"|\b(oude|old|previous|vorige|eerdere)"
    r" (datum|date|deadline|sluitingsdatum)\W{0,3}$"
    # "oorspronkelijk vastgesteld op <date> om 10u00, uitgesteld tot"
    r"|\b(voorheen|eerder|previously|formerly|originally|initially|aanvankelijk"
    r"|oorspronkelijk)\s{1,3}(vastgesteld"
    r"|gepland|voorzien|bepaald|gepubliceerd|scheduled|planned|set|fixed|published|given)"
    r"\s{1,3}(op|on|for|as)\W{0,3}$"
    # "(eerder gemeld: 14 januari 2027)", "(as previously advised: 8 January)"
    r"|\(\s{0,2}(as\s)?(eerder|previously|earlier)\s(gemeld|genoemd|aangekondigd|gecommuniceerd"
    r"|stated|advised|announced|communicated|notified)\W{0,3}$"
    # "Deadline stond eerst op vrijdag 4 december 12:00, maar is verschoven naar"
    r"|\b(stond|stonden|lag|lagen|was|were)\s(eerst|eerder|oorspronkelijk|aanvankelijk|first"
    r"|originally|initially)\s(op|on|at|voor|for)\W{0,3}$"
    # "Presentaties waren 18 jan, nu di 2 februari"
    r"|\b(was|waren|voorheen|eerder|previously|formerly|originally|oorspronkelijk)\W{0,3}"
    r"((uiterlijk|ten laatste|by|on|op|no later than|v[oó]{2}r)\s{1,3})?$"
    r"|\b(oorspronkelijke|original)\s(\w{1,20}\s){0,3}?(datum|date|deadline|sluitingsdatum"
    r"|einde|einddatum|startdatum|end|start|closing)\b[^.;]{0,30}$"
)

# "14-12-2026 10:00 -> 11-01-2027 10:00", "maandag 14 december 2026  ->  maandag 4 januari 2027":
# the old date of a change written with an arrow to the new one (its time or span may stand
# between them, a word that says the next one is new after the arrow)
_ARROW_TO_NEW = re.compile(
    r"^\s{0,3}[^\n>→⇒➔➜]{0,30}?\s(-{1,2}>|=>|→|⇒|➔|➜)\s{0,3}((wordt|nieuw|now|new|nu)\W{0,3})?"
    r"([^\W\d_]{2,9}\.?,?\s{1,3})?$",
    re.IGNORECASE,
)


def replaced_by_arrow(after: str) -> bool:
    """Whether the words after a date lead by an arrow to the date that replaces it."""
    return bool(_ARROW_TO_NEW.match(after))


# "New deadline: 21 January 2027. 14 Jan is gone.", "Nieuwe sluitingsdatum: ... 15 december
# vervalt dus.": the words after a date that say it is no longer the step's
_GONE_AFTER = re.compile(
    r"^\W{0,3}((is|are) (now )?(gone|history)|(is|zijn) van de baan|vervalt|vervallen)\b",
    re.IGNORECASE,
)


def replaced_after(after: str) -> bool:
    """Whether the words after a date say another replaced it: an arrow to the new one, "is
    gone"."""
    return replaced_by_arrow(after) or bool(_GONE_AFTER.match(after))
