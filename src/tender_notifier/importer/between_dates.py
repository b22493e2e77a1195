"""What the words between two dates of a sentence say of them: that the second follows on
from the first and shares its meaning, where the words of one end and those of the next begin,
and a meaning the last date's words give to all of them."""

from __future__ import annotations

import re

from .clauses import APPROXIMATELY
from .groups import Group
from .hints import LEADS_ON
from .replaced import replaced_by_arrow
from .rules import Meaning, classify

_MAX_FOLLOW_ON = 12  # a date this close after another, with no words of its own, shares its meaning
_MAX_FOLLOW_ON_LISTED = 60  # or this close, when the words end in "and"/"en" or a comma
_LISTED = re.compile(
    r"(?:\b(?:and|en|or|of|maar|but)(?: (?:on|op|at|om))?|,|;)$"
    # "1e ronde: t/m 2 februari 2027; 2e ronde: t/m 16 februari", "perceel 2:", "lot B -"
    r"|\b(?:\d{1,2}(?:e|ste|de|nd|rd|th)? (?:ronde|round)"
    r"|(?:ronde|round|perceel|lot|kavel) (?:\d{1,2}|[a-h])"
    r"|(?:eerste|tweede|derde|first|second|third) (?:ronde|round))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=\w\w)\.\s{1,3}(?=[A-Z])")
_NEW_CLAUSE = re.compile(r"[,;]\s{0,3}(?:op|on)", re.IGNORECASE)


def shared_from_the_end(text: str, groups: list[Group]) -> list[Meaning | None]:
    """The meaning a date shares with the dates after it, when only the words after the last
    say what they are for: "perceel 1: 1 maart 2027; perceel 2: 8 maart 2027 (sluiting)"."""
    shared: list[Meaning | None] = [None] * len(groups)
    if not groups:
        return shared
    last = groups[-1]
    tail = classify(text[groups[-2].end if len(groups) > 1 else 0 : last.start], "")
    meaning = classify("", text[last.end :]) if tail is None else None
    for index in range(len(groups) - 2, -1, -1):
        between = text[groups[index].end : groups[index + 1].start]
        if meaning is None or not follows_on(between) or classify(between, ""):
            break
        shared[index] = meaning
    return shared


def split_between(between: str) -> tuple[str, str]:
    """The words between two dates: those of the first date, those of the second.

    At the last clause break ("Op 15 maart 2027 sluit de inschrijving, op 22 maart 2027
    volgen de gesprekken"); without one, words that lead on to the second date ("by 31 July
    2027 with the contract starting on") are the second's only.
    """
    # a sentence that ends between them, in a cell of several: "... van 09:30 tot 12:00 uur.
    # Deelname is niet verplicht. Aanmelden ... uiterlijk"
    if replaced_by_arrow(between):
        return between, between  # "Fri 15 Jan, 17:00 → Tue 19 Jan": the first one's old
    stops = [m.end() - 1 for m in _SENTENCE_END.finditer(between)]
    cut = max(between.rfind(","), between.rfind(";"), stops[-1] if stops else -1)
    if cut >= 0:
        return between[:cut], between[cut + 1 :]
    return ("" if LEADS_ON.search(between) else between), between


def follows_on(before: str) -> bool:
    """Whether the words between two dates only join them ("en", "and on", "(first round) and")."""
    words = APPROXIMATELY.sub(" ", before).strip()  # "(was c. 10 February) on or about"
    if _NEW_CLAUSE.fullmatch(words):
        return False  # "sluit om 09:00 uur, op 14 mei 2027 ontvangen ...": a clause of its own
    if words.count("(") > words.count(")"):
        return False  # "... 15:30 uur (maandag 17 mei is het Tweede Pinksterdag)": an aside
    return len(words) <= _MAX_FOLLOW_ON or (
        len(words) <= _MAX_FOLLOW_ON_LISTED and bool(_LISTED.search(words))
    )
