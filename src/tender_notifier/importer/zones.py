"""The zones times are written in, by the names texts give them: a city ("17:00 (Lisbon time)",
"1600 hrs Nairobi time"), an abbreviation ("EAT", "EST") or the seat of an EU body, each in the
zone of its country (IANA's own names, from the standard library's zone data)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale
from babel.core import get_global

from .dates import alternation

# Where the EU's bodies sit, in the zone of their country: "17:00 (Lisbon time)" is EMSA's
_SEATS = {
    "Lisbon": "Europe/Lisbon",
    "Lisboa": "Europe/Lisbon",
    "Athens": "Europe/Athens",
    "Heraklion": "Europe/Athens",
    "Thessaloniki": "Europe/Athens",
    "Helsinki": "Europe/Helsinki",
    "Tallinn": "Europe/Tallinn",
    "Riga": "Europe/Riga",
    "Vilnius": "Europe/Vilnius",
    "Sofia": "Europe/Sofia",
    "Bucharest": "Europe/Bucharest",
    "Nicosia": "Asia/Nicosia",
    "Luxembourg": "Europe/Luxembourg",
    "Madrid": "Europe/Madrid",
    "Alicante": "Europe/Madrid",
    "Bilbao": "Europe/Madrid",
    "Vigo": "Europe/Madrid",
    "Rome": "Europe/Rome",
    "Parma": "Europe/Rome",
    "Turin": "Europe/Rome",
    "Ispra": "Europe/Rome",
    "Vienna": "Europe/Vienna",
    "Warsaw": "Europe/Warsaw",
    "Prague": "Europe/Prague",
    "Bratislava": "Europe/Bratislava",
    "Budapest": "Europe/Budapest",
    "Ljubljana": "Europe/Ljubljana",
    "Zagreb": "Europe/Zagreb",
    "Valletta": "Europe/Malta",
    "Copenhagen": "Europe/Copenhagen",
    "Stockholm": "Europe/Stockholm",
    "Oslo": "Europe/Oslo",
    "Cologne": "Europe/Berlin",
    "Frankfurt": "Europe/Berlin",
    "Strasbourg": "Europe/Paris",
    "Angers": "Europe/Paris",
    "Geel": "Europe/Brussels",
    "Petten": "Europe/Amsterdam",
    "The Hague": "Europe/Amsterdam",
}
# Cities that name a zone without being in its IANA name
_ALIASES = {
    # the islands of the Caribbean Netherlands and the Kingdom's countries there
    "Bonaire": "America/Kralendijk",
    "Sint Eustatius": "America/Kralendijk",
    "Saba": "America/Kralendijk",
    "Curaçao": "America/Curacao",
    "Geneva": "Europe/Zurich",
    "Genève": "Europe/Zurich",
    "Bern": "Europe/Zurich",
    "Washington": "America/New_York",
    "Washington DC": "America/New_York",
    "Washington, DC": "America/New_York",
    "Delhi": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata",
    "Beijing": "Asia/Shanghai",
    "Hanoi": "Asia/Bangkok",
    "Abuja": "Africa/Lagos",
    "Islamabad": "Asia/Karachi",
    "Manila": "Asia/Manila",
    "Ottawa": "America/Toronto",
    "Canberra": "Australia/Sydney",
    "Wellington": "Pacific/Auckland",
}
# A country's time by its adjective: "all times in this notice are Finnish time (EET)"
NATIONAL = {
    "Irish": "Europe/Dublin",
    "Portuguese": "Europe/Lisbon",
    "Spanish": "Europe/Madrid",
    "French": "Europe/Paris",
    "Belgian": "Europe/Brussels",
    "Luxembourgish": "Europe/Luxembourg",
    "German": "Europe/Berlin",
    "Swiss": "Europe/Zurich",
    "Italian": "Europe/Rome",
    "Maltese": "Europe/Malta",
    "Austrian": "Europe/Vienna",
    "Danish": "Europe/Copenhagen",
    "Swedish": "Europe/Stockholm",
    "Norwegian": "Europe/Oslo",
    "Finnish": "Europe/Helsinki",
    "Estonian": "Europe/Tallinn",
    "Latvian": "Europe/Riga",
    "Lithuanian": "Europe/Vilnius",
    "Polish": "Europe/Warsaw",
    "Czech": "Europe/Prague",
    "Slovak": "Europe/Bratislava",
    "Hungarian": "Europe/Budapest",
    "Slovenian": "Europe/Ljubljana",
    "Croatian": "Europe/Zagreb",
    "Romanian": "Europe/Bucharest",
    "Bulgarian": "Europe/Sofia",
    "Greek": "Europe/Athens",
    "Cypriot": "Asia/Nicosia",
}
# Abbreviations that name one zone only (not "IST", India's and Ireland's, nor "CST")
ABBREVIATIONS = {
    "EAT": "Africa/Nairobi",
    "CAT": "Africa/Maputo",
    "WAT": "Africa/Lagos",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "NPT": "Asia/Kathmandu",
    "PKT": "Asia/Karachi",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
}
_REGIONS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


# The last parts of zone names that are words as well ("Australia/West", "Asia/Oral",
# "Pacific/Easter"): "West" in a text names no zone
_NOT_PLACES = ("north", "south", "west", "east", "easter", "oral", "wake", "virgin", "midway")


@cache
def _cities() -> dict[str, str]:
    """Lower-case city names -> IANA zone: every city a zone is named after, and the others."""
    names: dict[str, str] = {}
    for key in available_timezones():
        region, _, place = key.partition("/")
        if region in _REGIONS and place and "/" not in place:
            names[place.replace("_", " ").lower()] = key
    for word in _NOT_PLACES:
        names.pop(word, None)
    return names | {name.lower(): key for name, key in (_SEATS | _ALIASES).items()}


def zone_named(name: str) -> ZoneInfo | None:
    """The zone a city, a country's adjective or an abbreviation names, if it names one."""
    key = (
        ABBREVIATIONS.get(name)
        or NATIONAL.get(name.title())
        or _cities().get(" ".join(name.split()).lower())
    )
    return None if key is None else _zone_of(key)


# "local time", where a text says its times are those of the place it is about
_LOCAL_TIME = re.compile(r"\b(local time|heure locale|hora local|lokale tijd)\b", re.IGNORECASE)


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names (English, of the countries with one zone) and city names -> zone."""
    zones: dict[str, str] = {}
    for code, keys in get_global("territory_zones").items():
        name = Locale("en").territories.get(code)
        if name and len(keys) == 1 and len(name) >= 4:
            zones[name] = keys[0]
    for city, key in _cities().items():
        if len(city) >= 4:
            zones.setdefault(city.title(), key)
    return re.compile(rf"(?<![\w-])({alternation(zones)})(?![\w-])"), zones


def local_zone(text: str) -> ZoneInfo | None:
    """The zone of the place a text that writes "local time" is about: the country or city
    it names most often ("Kutaisi, Georgia"), when one is named more than any other."""
    if not _LOCAL_TIME.search(text):
        return None
    pattern, zones = _places()
    counts = Counter(zones[m.group(1)] for m in pattern.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return _zone_of(ranked[0][0])


def _zone_of(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None
