"""Public and school holidays named beside a date: the day or the period is a holiday, no step
falls on it ("maandag 17 mei is het Tweede Pinksterdag", "Tuesday 27 April is King's Day",
"the Easter holiday is 29 March - 9 April 2027")."""

from __future__ import annotations

import re

_HOLIDAY = (
    r"((tweede |eerste )?(pinkster|paas|kerst)dag|pinksteren|pasen|hemelvaart(sdag)?|koningsdag"
    r"|bevrijdingsdag|nieuwjaarsdag|goede vrijdag|(een |nationale |officiële )?feestdag"
    r"|king'?s day|good friday|easter (monday|sunday)|whit monday|ascension day|christmas( day)?"
    r"|boxing day|new year'?s day|st\.? patrick'?s day|(early may |spring |summer |august )?"
    r"bank holiday|(a |public |national )holiday)\b"
)
_HOLIDAY_AFTER = re.compile(
    rf"^\W{{0,3}}((is|zijn|valt|het|de|een|a|an|the|op|on|being)\s{{1,3}}){{0,3}}{_HOLIDAY}",
    re.IGNORECASE,
)
_HOLIDAY_BEFORE = re.compile(rf"\b{_HOLIDAY}\s{{0,3}}[(,:]?\s{{0,3}}$", re.IGNORECASE)
# a school holiday, a period, only right before its dates in brackets, after a colon or a verb
# ("Half term is 15 - 19 February 2027"; not "na de zomervakantie, 1 september")
_SCHOOL_HOLIDAY_BEFORE = re.compile(
    r"\b(half[- ]term|(easter|christmas|summer|school|october|february|spring) (holidays?|break)"
    r"|(school|kerst|herfst|voorjaars|krokus|mei|zomer|paas)vakantie)\s{0,3}"
    r"(\(|:|(is|are|runs|run|loopt|lopen|valt|vallen)\s{1,3}(from\s|van\s)?)\s{0,3}$",
    re.IGNORECASE,
)


def on_a_holiday(before: str, clause: str) -> bool:
    """Whether the words before a date, or its clause after it, say it is a holiday."""
    return bool(
        _HOLIDAY_AFTER.match(clause)
        or _HOLIDAY_BEFORE.search(before)
        or _SCHOOL_HOLIDAY_BEFORE.search(before)
    )
