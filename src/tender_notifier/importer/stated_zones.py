"""The zone a text says its times are written in: "All times are UK time", "(all Dutch time,
CET)", a platform of the UK or Ireland, a time in a city's time outside Europe."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

from .times import CITY, UK
from .zones import ABBREVIATIONS, NATIONAL, zone_named

_ABBREVIATION = "|".join(ABBREVIATIONS)


# "All deadlines below are given in UK time", "times are given in UK time unless stated
# otherwise": the zone of every time written without one (a zone written next to a time wins)
_TIMES = r"(?:times|deadlines|tijden|tijdstippen)\b"
# "are given in", "zijn weergegeven in": the verb between the times and the zone they are in
_ARE_GIVEN_IN = (
    r"\b(?:are|is|zijn|worden)\s(?:(?:given|stated|shown|expressed|listed|quoted|displayed"
    r"|vermeld|weergegeven|aangegeven|in|de|het|the|local)\s){0,3}"
)
_DECLARED = re.compile(
    rf"\b{_TIMES}[^.;:]{{0,30}}?{_ARE_GIVEN_IN}"
    r"(?:(?P<uk>UK|U\.K\.|British|London)(?:\slocal)?\stime|(?P<bst>BST)"
    r"|(?P<utc>GMT|UTC)"
    # "All times are Lisbon local time (WET)": a European capital's time
    # "all times in this document are New York time (ET)"
    r"|(?P<city>[A-Z][a-z]{3,11}|[A-Z][a-z]{2,11}\s[A-Z][a-z]{2,11})(?:\slocal)?\stime)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


# "ALL TIMES SHOWN BELOW AND IN THE PORTAL ARE CENTRAL EUROPEAN TIME (CET)" in a UK notice, a
# column headed "Time (CET)": the tender's own zone, whatever else hints at the UK
_DECLARED_OWN = re.compile(
    rf"\b(?:all|alle)\s(?:the\s|de\s)?{_TIMES}[^.;:]{{0,40}}?{_ARE_GIVEN_IN}"
    r"(?:CET|CEST|CET/CEST|Central\sEuropean(?:\sSummer)?\sTime|Brussels\stime|Amsterdam\stime"
    r"|Dutch\stime|Nederlandse\stijd)(?![^\W\d_])"
    r"|\b(?:time|tijd|tijdstip)\s\((?:CET|CEST|CET/CEST)\)"
    # "Key dates from the client (all Dutch time, CET):", "Other dates (all CET):"
    r"|\(all\s(?:times\s)?(?:CET|CEST|Dutch\stime|Central\sEuropean\sTime|Brussels\stime"
    r"|Amsterdam\stime)\b",
    re.IGNORECASE,
)


def declares_own_zone(text: str) -> bool:
    """Whether ``text`` says the times are written in the tender's own zone (CET)."""
    return bool(_DECLARED_OWN.search(text))


# "(all times UK time)" over a timetable
_DECLARED_ALL = re.compile(
    r"\ball\s(?:times|deadlines)(?:\s(?:are|in))?\s(?:UK|U\.K\.|British|London|Irish)"
    r"(?:\slocal)?\stime\b",
    re.IGNORECASE,
)
# a heading over a timetable: "Indicative timetable (UK time)"
_DECLARED_HEADING = re.compile(
    r"[^\d()]{2,40}\((?:all\s(?:times|deadlines)\s(?:in\s)?)?(?:UK|U\.K\.|British|London|Irish)"
    r"(?:\slocal)?\stime\):?",
    re.IGNORECASE,
)
# The UK's and Ireland's own platforms publish in their time (both keep the same clock):
# "Find a Tender", "Contracts Finder", Ireland's "eTenders", the Crown Commercial Service.
# So do Scotland's and Wales's, the notices of the UK's Procurement Act 2023 ("UK4: Tender
# notice"), an NHS body ("NHS Greater Manchester Integrated Care Board", "... NHS Foundation
# Trust", not "Contact: NHS Supply Chain"), prices in pounds, a mail from a UK or Irish address
# ("A chara," it may open) or a day rate by IR35.
UK_PLATFORM = re.compile(
    r"\b(?:Find\sa\sTender(?:\sService)?|Contracts\sFinder|eTenders|etenders\.gov\.ie"
    r"|Crown\sCommercial\sService|Public\sContracts\sScotland|Sell2Wales"
    r"|UK\d{1,2}:\s|NHS\s(?:[\w&'-]{1,20}\s){0,4}?(?:Trust|Board|England|Foundation))\b|£\s?\d"
    # a mail from a UK or Irish address, a day rate inside or outside IR35, prices in GBP
    r"|@[\w.-]{1,60}\.(?:co|gov|org|ac|nhs|police|sch|ltd|plc|mod)\.uk\b|@[\w.-]{1,60}\.ie\b"
    r"|\bIR35\b|\bGBP\s?\d|\b(?:Multi-)?Academy\sTrust\b"
    # the UK's platforms and its public bodies
    r"|\b(?:Atamis|In-Tend|ProContract|Delta\seSourcing|Proactis|Due\sNorth|NEPO|YORtender"
    r"|PCS-Tender|eTendersNI|TUPE|Office\sof\sGovernment\sProcurement|A\schara)\b"
    r"|\b(?:County|Borough|District)\sCouncil\b|\bIntegrated\sCare\sBoard\b"
    # the Procurement Act 2023's own procedure, and England's combined authorities
    r"|\b(?i:competitive\sflexible\sprocedure)\b|\bCombined\sAuthority\b"
    r"|\bNHS\s(?:[\w&'-]{1,20}\s){0,4}?(?:TRUST|BOARD)\b",
)


def declared_zone(text: str) -> tzinfo | None:
    """The zone ``text`` says its times are written in, when it is not the tender's: in words,
    or by naming a platform of the UK or Ireland (a time written in UK time is ``in_uk_time``)."""
    match = _DECLARED.search(text)
    if match is not None and match.group("city"):
        return zone_named(match.group("city"))
    if match is not None:
        return UTC if match.group("utc") else UK
    if _DECLARED_ALL.search(text) or UK_PLATFORM.search(text) or _DECLARED_HEADING.fullmatch(text):
        return UK
    # "Timetable (Finnish time, EET)", "by 11.01.2027 at 10:00 (Latvian time, EET)": a country's
    # zone other than Central European time, named in brackets (not a city's: "a site visit
    # in Lisbon at 10:00 (Lisbon time)" dates one event)
    for bracket in _BRACKETED_TIME.finditer(text):
        zone = zone_named(bracket.group("place")) if bracket.group("place") in NATIONAL else None
        if zone is not None and zone.utcoffset(_WINTER) != _CET:
            return zone
    # "14:00 hrs Amman time": the other times of the text are that city's too (outside Europe,
    # where a text gives one step in the zone of another body's seat and the rest in its own)
    return _city_zone(text)


_BRACKETED_TIME = re.compile(
    r"\((?:all\s(?:times\s)?)?(?P<place>[A-Z][a-z]{3,12})\s(?:local\s)?time\b"
)
_WINTER = datetime(2027, 1, 15)
_CET = timedelta(hours=1)

_CITY_TIME = re.compile(
    rf"\d(?:\s{{0,3}}(?:[ap]\.?m\.?|hrs|hours|h))?\s{{0,3}}\(?"
    rf"(?:(?P<city>{CITY})\s(?:local\s)?time\b|(?P<abbr>{_ABBREVIATION})\b)"
)


def _city_zone(text: str) -> tzinfo | None:
    """The zone of the first time written in a city's time outside Europe, or in one zone's
    abbreviation ("14:00 hrs Amman time", "12:00 noon EST")."""
    for match in _CITY_TIME.finditer(text):
        zone = zone_named(match.group("city") or match.group("abbr"))
        if zone is not None and not zone.key.startswith("Europe/"):
            return zone
    return None


# "Tender deadline: Dec 14, 2026 12:00 PM GMT": a text that writes one time in UK time writes
# the others it leaves bare in it too (not "GMT+1", an offset)
UK_TIME = re.compile(
    r"\d(\s{0,3}[ap]\.?m\.?)?\s{0,3}\(?(GMT|BST|UK time|U\.K\. time|British (summer )?time"
    r"|London time|Irish time|Dublin time)\b(?!\s{0,2}[+\u2212-]\s{0,2}\d)",
    re.IGNORECASE,
)


def in_uk_time(text: str) -> bool:
    """Whether ``text`` writes a time in UK time ("12:00 noon (UK time)"): the zone of the
    others too, unless the text writes another in the tender's own zone (``in_own_time``)."""
    return UK_TIME.search(text) is not None


def in_own_time(text: str) -> bool:
    """Whether ``text`` writes a time in the tender's own zone by name ("11:00 (Brussels time)")."""
    return _CONTINENTAL_TIME.search(text) is not None


# "at 11:00 (Brussels time)" beside "from 09:00 to 10:30 UK time": a text that writes its times
# in both zones says which is which next to each, and the rest are in the tender's own
_CONTINENTAL_TIME = re.compile(
    r"\d(\s{0,3}[ap]\.?m\.?)?\s{0,3}\(?(CET|CEST|Brussels time|Amsterdam time|Dutch time"
    r"|Belgian time|Paris time|Luxembourg time|Central European (summer )?time)\b",
    re.IGNORECASE,
)
