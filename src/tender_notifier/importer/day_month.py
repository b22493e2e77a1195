"""Whether day and month in numbers without a year ("9-3", "14/07") are a date: the words
around them decide ("uiterlijk 5/1, 12:00 uur" is one, "24/7" and "10-12 uur" are not)."""

from __future__ import annotations

import re

# what joins two days: "op 5/1 en 6/1", "09-03 t/m 10-03-2027"
JOINING = r"(?:en|and|&|of|or|t/m|tot|to|-|\u2013)"


def numbers_read_as_a_day(match: re.Match[str]) -> bool:
    """Whether "9-3" or "14/07" (no year) is a day: after a weekday ("di 9-3", "Thu 9/9"),
    with a slash and a month of two digits ("14/07"), or after a word that introduces a date
    and before the end of its clause or a time ("uiterlijk 5/1, 12:00 uur", "op 5-1 om 10:00");
    "24/7", "1-2 dagen", "voor 1/2 dag", "op 3/4 van de tijd" and "10-12 uur" are not."""
    if match.group("wd") or (match.group("sep4") == "/" and len(match.group("m4")) == 2):
        return True
    text, start, end = match.string, match.start(), match.end()
    if (pair := _PAIRED_WITH_A_YEAR.match(text, end)) and pair.group("sep") == match.group("sep4"):
        return True  # "Demonstraties: 09-03 en 10-03-2027": the second gives both their year
    two_digits = len(match.group("d4")) == 2 and len(match.group("m4")) == 2
    if not _DATE_WORD_BEFORE.search(text, max(0, start - _DATE_WORD_REACH), start) and not (
        two_digits and _DATE_LABEL_BEFORE.search(text, max(0, start - _DATE_LABEL_REACH), start)
    ):
        return False
    if _CLAUSE_OR_TIME_AFTER.match(text, end):
        return True
    # "krijgen uiterlijk 26-02 een tijdslot": day and month of two digits each, not "10-12 uur"
    return two_digits and not _UNIT_AFTER.match(text, end)


_DATE_WORD_BEFORE = re.compile(
    r"\b(?:op|per|tot|t/m|tot en met|v[oó]{2}r|uiterlijk|vanaf|on|by|before|until|till|due"
    r"|deadline)\s{1,3}$"
    # the second of "op 5/1 en 6/1", "16-12 (middag) of 17-12 (ochtend)"
    rf"|\d[-/]\d{{1,2}}(?:\s{{0,3}}\([^()\d]{{1,20}}\))?\s{{0,3}}{JOINING}\s{{0,3}}$",
    re.IGNORECASE,
)
_DATE_WORD_REACH = 40
# a field whose label names a day: "Interviews:      16-12 (middag) of 17-12 (ochtend)" (two
# digits each: not "Aantal gesprekken: 2-3", "Opening: 9-12")
_DATE_LABEL_BEFORE = re.compile(
    r"^\W{0,3}(?:[^\W\d_][\w.'-]{0,20}\s){0,3}?(?:\w{0,12}datum|date|deadline|interviews?"
    r"|gesprek(?:ken)?|sluiting\w{0,12}|opening|presentaties?|wanneer|when)\s{0,3}:\s{0,12}$",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_LABEL_REACH = 60
# "tot 10-12 uur", "op 10-12 dagen": numbers of a unit, not a day
_UNIT_AFTER = re.compile(
    r"\s{0,3}(?:uur|uren|u|h|dag|dagen|werkdagen|week|weken|maand|maanden|jaar|jaren|hours?|days?"
    r"|weeks?|months?|years?|x|keer|times|procent|percent|%|euro|eur|personen|people)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_CLAUSE_OR_TIME_AFTER = re.compile(
    r"\s{0,3}(?:$|[,;:)(]|\.(?!\d)|(?:om|at|a\.s\.|aanstaande)(?![^\W\d_])|\d{1,2}[:.]\d\d"
    # the first of "op 5/1 en 6/1"
    rf"|{JOINING}\s{{0,3}}\d{{1,2}}[-/]\d{{1,2}}(?![\d/-]))",
    re.IGNORECASE,
)
# "09-03 en 10-03-2027", "23/02 t/m 24/02/2027": the first day of two written alike, the second
# with its year
_PAIRED_WITH_A_YEAR = re.compile(
    rf"\s{{0,3}}{JOINING}\s{{0,3}}\d{{1,2}}(?P<sep>[-/.])\d{{1,2}}(?P=sep)"
    r"(?:\d{4}|\d{2})(?!\d)",
    re.IGNORECASE,
)
