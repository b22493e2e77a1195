"""Where a sentence of a line of prose ends: at a full stop, a question or an exclamation mark
before a capital, not after the number of a question or an answer ("Q6. When ..."), not inside
short brackets ("(incl. UEA)") and not after a title or an initial ("St. Conleth's Cemetery",
"mevrouw R. Yilmaz")."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END = re.compile(r"(?<=[.!?])\s{1,8}(?=[A-ZÀ-Ý\"'\u201c\u2018(])")


def sentence_ends(unit: str) -> Iterator[tuple[int, int]]:
    """Where each sentence of ``unit`` but the last ends, and where the next one starts."""
    for match in _SENTENCE_END.finditer(unit):
        before = unit[max(0, match.start() - 32) : match.start()]
        if _in_brackets(unit, match.start(), match.end()) or not _ends_sentence(before):
            continue
        if _NUMBERED_LABEL.fullmatch(unit, 0, match.start()):
            continue  # "Q6. When will we hear ...?", "A6. By 18 December 2026."
        if _MERIDIEM.search(before) and unit.startswith("(", match.end()):
            continue  # "by 3 p.m. (Irish time) on Friday": the time's zone

        yield match.start(), match.end()


# the number of a question or an answer in a log, which opens its line
_NUMBERED_LABEL = re.compile(r"\W{0,3}(q|a|v|vraag|question|answer|antwoord)\s{0,3}\d{1,3}\.", re.I)
_MERIDIEM = re.compile(r"\d\s?[ap]\.m\.$", re.IGNORECASE)
_BRACKET_REACH = 60  # characters: "(incl. UEA)", "(o.a. CV)", not a paragraph in brackets


def _in_brackets(unit: str, start: int, end: int) -> bool:
    """Whether ``unit[start:end]`` stands inside short brackets: "Indienen verzoek tot
    deelneming (incl. UEA): 6 oktober 2026" is one sentence."""
    before = unit[max(0, start - _BRACKET_REACH) : start]
    after = unit[end : end + _BRACKET_REACH]
    opened = before.rfind("(")
    closed = after.find(")")
    return opened > before.rfind(")") and closed >= 0 and not 0 <= after.find("(") < closed


# No sentence ends on a title or an initial: "St. Conleth's Cemetery", "mevrouw R. Yilmaz";
# a lot, an annex or a phase named by a letter may end one ("Zie bijlage B. De termijn ...").
_TITLE_OR_INITIAL = re.compile(
    r"(?:^|[\s(])(?:(?P<title>St|Mr|Mrs|Ms|Dr|Prof|Dhr|Mevr|Drs|Ir|Ing|Mgr|Burg|Kard|Gen)"
    r"|(?P<initial>[A-Z]))\.$"
)
_NAMED_BY_LETTER = re.compile(
    r"\b(lot|annex|appendix|schedule|part|phase|stage|plan|section|perceel|bijlage|deel|fase"
    r"|categorie|category|type|optie|option|variant|class|klasse|level|niveau|model|block|blok"
    r"|zone|row|rij|column|kolom|item|box|vak|building|gebouw|hall|hal|round|ronde|vitamin"
    r"|grade|group|groep|team|unit|wing|vleugel|route|room|zaal|lokaal|page|pagina)\s$",
    re.IGNORECASE,
)


# a short dotted leader between a label and its value: "Deadline for questions ... Thursday
# 10 December 2026", "Start DAS .. maandag 1 maart 2027"
_LEADER = re.compile(r"\s\.{2,3}$")


def _ends_sentence(before: str) -> bool:
    """Whether the full stop that ``before`` ends on ends a sentence."""
    if _LEADER.search(before):
        return False
    match = _TITLE_OR_INITIAL.search(before[-12:])
    if match is None:
        return True
    if match.group("title"):
        return False
    return bool(_NAMED_BY_LETTER.search(before[: len(before) - 2][-20:]))
