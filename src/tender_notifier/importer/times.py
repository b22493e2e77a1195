"""Finding times of day in a piece of announcement text: ``09:00``, ``12.00 uur``, ``12u00``,
``2:00 pm``, ``12 noon``, ``12 midday``, ``om 9 uur``, ``om half tien``, and spans of two (``van
09:30 uur tot 15:30 uur``, ``09:30-15:30``, ``between 10:00 and 12:00``). A time inside a date
(``2026-07-15T09:00``) belongs to the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from .date_hit import DateHit
from .zones import ABBREVIATIONS, zone_named

# The hours in words, one to twelve, as in "om half tien" (9:30): ``_TIME`` matches them, and
# each one's place here is its number.
_HOURS = (
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
)

_HOUR_WORDS = "|".join(_HOURS) + "|\u00e9\u00e9n"
# the hours in English, as in "at half past ten", "quarter to two", "ten o'clock"
_ENGLISH_HOURS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_ENGLISH_HOUR = "|".join(_ENGLISH_HOURS) + "|1[0-2]|[1-9]"
# a city's name, of one or two capitalised words ("Nairobi", "Addis Ababa", "Port-Louis"), and
# the abbreviations of one zone only, as a time's zone names them: "1600 hrs Nairobi time"
CITY = r"[A-Z][a-z]{2,14}(?:[\s-][A-Z][a-z]{2,14})?"
_ABBREVIATION = "|".join(ABBREVIATIONS)
# the words a time in words follows: "om half tien", "tussen half tien en kwart over twee",
# "vanaf tien uur"
_AFTER_WORD = (
    "(?:"
    + "|".join(
        rf"(?<=\b{w}\s)"
        for w in (
            *("om", "tot", "voor", "v\u00f3\u00f3r", "vanaf", "tussen", "en", "van", "rond"),
            *("ongeveer", "circa", "uiterlijk"),
        )
    )
    + ")"
)
# a whole hour in words only after these: "sessies van drie uur" is how long they last, "van
# kwart over één tot vier uur" when it ends
_BEFORE_HOUR = (
    "(?:"
    + "|".join(
        rf"(?<=\b{w}\s)"
        for w in ("om", "vanaf", "rond", "ongeveer", "circa", "tot", "voor", "v\u00f3\u00f3r")
    )
    # the end of "tussen één en vijf uur"
    + "".join(rf"|(?<=\btussen\s{w}\sen\s)" for w in (*_HOURS, "\u00e9\u00e9n"))
    + ")"
)
# the start of a span in words: "van negen uur tot half een", "tussen één en vijf uur"
_SPAN_START_HOUR = (
    rf"(?<=\bvan\s)(?P<from_hour>{_HOUR_WORDS})\s{{1,3}}uur(?=\s{{1,3}}(?:tot|-|\u2013)\s)"
    rf"|(?<=\btussen\s)(?P<between_hour>{_HOUR_WORDS})(?=\s{{1,3}}en\s{{1,3}}(?:{_HOUR_WORDS})"
    rf"\s{{1,3}}uur\b(?!\s{{1,3}}(?:per|p\.|/|in|a|an|each|x|werk)\b))"
)
_TIME = re.compile(
    r"""
    (?:(?<=\dT)|(?<=\d[-\u2013])|(?<=\d[uh][-\u2013])|(?<=\d[ap]m[-\u2013])|(?<![\w.,:/-]))
    (?:
        (?<=\ben\s)(?P<h11>1[0-2]|[1-9])\s{1,3}(?:uur\s{1,3})?['\u2019]s\s(?:middags|avonds)\b
      | (?P<h>[01]?\d|2[0-3])(?P<sep>[:.hu])(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?![\d]|[.:]\d)
        (?:\s{0,3}(?P<ap>[ap]\.?m\.?)(?![^\W\d_])|\s{0,3}(?P<noon>noon|midday)\b)?
        (?P<suffix>\s{0,3}(?:uur|u\.|u|h|hrs|hours|hour)(?![^\W\d_]))?
      | (?P<h2>1[0-2]|0?\d)\s{0,3}(?P<ap2>[ap]\.?m\.?)(?![^\W\d_])
      | (?P<h7>[01]\d|2[0-3])(?P<mi7>[0-5]\d)
        (?:\s{0,2}hrs(?![^\W\d_])|(?=\s{0,2}[-\u2013]\s{0,2}(?:[01]\d|2[0-3])[0-5]\d\s{0,2}hrs\b))
      | (?:(?P<h3>12)\s{0,3})?(?P<noon3>noon|midday|(?<=\u00e0\s)midi)(?![^\W\d_])
      | (?:(?<=\bom\s)|(?<=\btot\s)|(?<=\bvoor\s)|(?<=\bv\u00f3\u00f3r\s)|(?<=\buiterlijk\s))
        (?P<h4>[01]?\d|2[0-3])\s{0,3}(?:uur|u)(?![^\W\d_])(?!\s{1,3}(?:per|p\.|/)\s)
      | (?P<h5>0?[7-9]|1\d|2[0-3])\s{0,3}(?:uur|u|h)(?![^\W\d_])
        (?!\s{0,3}(?:per(?!\s{1,3}(?:mail|e-?mail|post|telefoon))|p\.|/|in|a|an|each|x)\b)
      | """
    + _AFTER_WORD
    + r"""(?P<part>half|kwart\s(?:over|voor))\s(?P<half>"""
    + _HOUR_WORDS
    + r"""|1[0-2]|[1-9])
        (?![^\W\d_])(?:\s{0,3}uur(?![^\W\d_]))?
      | """
    + _BEFORE_HOUR
    + r"""(?P<whole>"""
    + _HOUR_WORDS
    + r""")\s{1,3}uur(?![^\W\d_])
        (?!\s{0,3}(?:per|p\.|/|in|a|an|each|x|werk|reistijd|rijden)\b)
        (?P<evening>\s{1,3}'s\s(?:avonds|middags)\b)?
      | (?P<en_part>half\spast|(?:a\s)?quarter\spast|(?:a\s)?quarter\sto)\s(?P<en_hour>"""
    + _ENGLISH_HOUR
    + r""")(?![^\W\d_])
      | (?P<oclock>"""
    + _ENGLISH_HOUR
    + r""")(?:\so['\u2019]clock(?![^\W\d_])|\sin\sthe\s(?P<daypart>morning|afternoon|evening)\b)
      | """
    + _SPAN_START_HOUR
    + r"""
      | (?<=\btussen\s)(?P<h10>1[0-2]|[1-9])
        (?=\s{1,3}en\s{1,3}(?:1[0-2]|[1-9])\s{1,3}(?:uur\s{1,3})?['\u2019]s\s(?:middags|avonds)\b)
      | (?<![\w.,:/-])(?P<h8>1[0-2]|0?[1-9])
        (?=\s{0,2}[-\u2013]\s{0,2}(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s{0,2}[ap]\.?m\.?(?![^\W\d_]))
      | (?<![\w.,:/-])(?P<h6>0?[7-9]|1\d|2[0-3])
        (?=\s{0,3}(?:tot|en|-|\u2013)\s{0,3}(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s{0,3}(?:uur|u)\b
           (?!\s{1,3}(?:per|p\.|/|in|a|an|each)\b))
    )
    (?P<tz>\s{0,3}\(?(?:(?P<uk>(?:UK|U\.K\.|British|London|Irish|Dublin|GMT/BST|BST/GMT)(?:\slocal)?\stime|BST
        |GMT/BST|BST/GMT)|(?P<utc>(?:GMT|UTC|(?<=T\d\d:\d\d:\d\d)(?=[+\u2212-][01]\d:[0-5]\d))(?:\s{0,2}(?P<sign>[+\u2212-])\s{0,2}(?P<oh>0?\d|1[0-4])(?::?(?P<om>[0-5]\d))?
        (?!\d))?|Coordinated\sUniversal\sTime|(?<=\d)Z)
        |CET/CEST|CET|CEST|MET|MEST|Dutch\s(?:local\s)?time|Nederlandse\stijd|NL[-\s]tijd
        |(?P<local>local\stime|lokale\stijd|heure\slocale)|(?:Amsterdam|Brussels|Paris|Berlin|Belgian|Central\sEuropean)
        \s(?:local\s)?time|Central\sEuropean\s(?:Summer\s)?Time|Europe/Amsterdam
        |(?P<city>(?-i:"""
    + CITY
    + r"""))\s(?:local\s)?time
        |(?P<abbr>(?-i:"""
    + _ABBREVIATION
    + r""")))\)?
        (?![^\W\d_]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_TIME_SPAN_GAP = re.compile(
    # "from 10:30 until approximately 12:30"
    r"^\s{0,3}(?:(?:tot(?:\s{1,3}en\s{1,3}met)?|t/m|to|until|till)(?:\s{1,3}(?:approximately"
    r"|approx\.|about|around|ongeveer|circa|ca\.|uiterlijk))?|and|en|et|-|\u2013|\u2014|\u00e0"
    # "De gesprekken beginnen om half tien en duren tot uiterlijk 13.00 uur", "start at 10:00
    # and finish by 12:30"
    r"|(?:en|and)\s(?:duren|duurt|lopen|loopt|eindigen|eindigt|zijn klaar|runs?|lasts?"
    r"|finish(?:es)?|ends?|close|closes)\s(?:tot|until|till|to|by|at|om)"
    r"(?:\s(?:uiterlijk|ongeveer|rond|approximately|about|around))?)\s{0,3}$",
    re.IGNORECASE,
)
_TIME_SPAN_GAP_MAX = 40


@dataclass(frozen=True, slots=True)
class TimeHit:
    """A time of day, or a span of two (``finish``). ``weak`` times ("12.00" without "uur") only
    count next to a date."""

    start: int
    end: int
    text: str
    begin: time
    finish: time | None = None
    weak: bool = False
    meridiem: str = ""  # "am" or "pm" when written
    # the zone the time is written in when it is not the tender's: "12:00 UK time" is
    # Europe/London, "10:00 GMT" and ISO's "T09:00:00Z" UTC, "12:00:00 (UTC+01:00)" and
    # ISO's "T12:00:00+01:00" one hour ahead of UTC; CET and "Brussels time" are the tender's,
    # "local time" the text's
    zone: tzinfo | None = None
    zoned: bool = False  # a zone is written next to it (the tender's, or another)


def find_times(text: str, dates: list[DateHit]) -> list[TimeHit]:
    """Every time of day in ``text`` outside the dates, with adjacent pairs joined into spans."""
    singles: list[TimeHit] = []
    k = 0  # dates and times both come in text order: one pass over each
    for match in _TIME.finditer(text):
        while k < len(dates) and dates[k].end <= match.start():
            k += 1
        if k < len(dates) and dates[k].start < match.end():
            continue
        hit = _time_hit(match)
        if hit is not None:
            singles.append(hit)
    spans: list[TimeHit] = []
    for hit in singles:
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.finish is None
            and hit.start - last.end <= _TIME_SPAN_GAP_MAX
            and _TIME_SPAN_GAP.match(text[last.end : hit.start])
        ):
            begin, finish = last.begin, hit.begin
            if hit.meridiem == "pm" and not last.meridiem and begin.hour + 12 <= hit.begin.hour:
                begin = begin.replace(hour=begin.hour + 12)  # "1:00 to 3:00 pm"
            if not hit.meridiem and finish < begin and finish.hour < 7 and begin < time(12):
                finish = finish.replace(hour=finish.hour + 12)  # "slots between 9.30 and 4.30"
            spans[-1] = TimeHit(
                last.start,
                hit.end,
                text[last.start : hit.end],
                begin,
                finish,
                weak=last.weak and hit.weak,
                zone=hit.zone or last.zone,
                zoned=hit.zoned or last.zoned,
            )
        else:
            spans.append(hit)
    return spans


def _time_hit(match: re.Match[str]) -> TimeHit | None:
    g = match.group
    minute = 0
    # "9:00 Closing time": a capitalised word before "time" that names no zone is no zone
    zone = _zone(g)
    unknown = bool(g("city") or g("abbr")) and zone is None
    zoned = bool(g("tz")) and not unknown
    if g("h") is not None and g("sep") in ("h", "u") and _says_a_length(match):
        return None  # "one slot of 1h30 per tenderer": how long, not when
    if g("h") is not None:
        hour, minute = int(g("h")), int(g("mi"))
        meridiem = (g("ap") or "").lower().replace(".", "")
        if g("noon") and (hour, minute) != (12, 0):
            return None
        weak = g("sep") == "." and not (g("suffix") or meridiem or g("noon") or zoned)
    elif g("h2") is not None:
        hour, meridiem, weak = int(g("h2")), g("ap2").lower().replace(".", ""), False
    elif g("h7") is not None:
        # "1500hrs": a time only next to a date ("1500 hrs" may be hours of work)
        hour, minute, meridiem, weak = int(g("h7")), int(g("mi7")), "", True
    elif g("noon3") is not None:
        hour, meridiem, weak = 12, "", False
    elif g("h4") is not None:
        hour, meridiem, weak = int(g("h4")), "", False
    elif g("h5") is not None:
        # "14 juli 2027, 12 uur": a time only next to a date ("16 uur" may be hours of work)
        hour, meridiem, weak = int(g("h5")), "", True
    elif g("en_hour") is not None or g("oclock") is not None:
        # "at half past ten", "a quarter to two", "ten o'clock": in the hours of an office day
        word = (g("en_hour") or g("oclock") or "").lower()
        hour = int(word) if word.isdigit() else _ENGLISH_HOURS.index(word) + 1
        part = (g("en_part") or "").lower()
        minute = 30 if part.startswith("half") else 45 if part.endswith(" to") else 15 * bool(part)
        hour = hour - 1 if part.endswith(" to") else hour
        later = hour < 7 or (g("daypart") not in (None, "morning") and hour < 12)
        hour, meridiem, weak = hour + 12 if later else hour, "", False
    elif any(g(name) is not None for name in ("half", "whole", "from_hour", "between_hour")):
        # "om half tien": half an hour before ten, "kwart over twee", "om tien uur", in the
        # hours of an office day (7:00-18:45), or of the evening: "om acht uur 's avonds"
        word = g("half") or g("whole") or g("from_hour") or g("between_hour") or ""
        hour, minute = _hour_of(word)
        part = (g("part") or "").lower()
        if part == "half" or part.endswith("voor"):
            hour, minute = hour - 1, 30 if part == "half" else 45
        elif part:
            minute = 15
        evening = g("evening") is not None and hour < 12
        hour, meridiem, weak = hour + 12 if hour < 7 or evening else hour, "", False
    elif g("h10") is not None:  # the 2 of "tussen 2 en 4 's middags": 's middags in the end
        hour, meridiem, weak = int(g("h10")), "", True
    elif g("h11") is not None:
        hour, meridiem, weak = int(g("h11")), "pm", False
    else:  # the 9 of "van 9 tot 12 uur", "13-15 uur", the 1 of "1-5pm": only next to a date
        hour, meridiem, weak = int(g("h6") or g("h8")), "", True
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    text = g(0).rstrip() if not unknown else g(0)[: match.start("tz") - match.start()].rstrip()
    end = match.start() + len(text)
    second = int(g("sec")) if g("h") is not None and g("sec") else 0  # "23:59:59"
    return TimeHit(
        match.start(),
        end,
        text,
        time(hour, minute, second),
        weak=weak,
        meridiem=meridiem,
        zone=zone,
        # "10:00 hours (local time)": the zone of the place the text is about
        zoned=zoned and not g("local"),
    )


def _says_a_length(match: re.Match[str]) -> bool:
    """Whether the words around a time say how long something lasts ("a slot of 1h30 per
    tenderer", "duur: 1u30"), not when it is ("om 9u00 of 13u30", "van 10u00 tot 11u30 per
    inschrijver")."""
    text = match.string
    before = text[max(0, match.start() - 24) : match.start()]
    if _LENGTH_BEFORE.search(before):
        return True
    return bool(_PER_AFTER.match(text, match.end())) and not _RANGE_BEFORE.search(before)


_PER_AFTER = re.compile(r"\s{1,3}(per|p\.(?=\s)|each|elk|chacun)\b", re.IGNORECASE)
_LENGTH_BEFORE = re.compile(
    r"\b((slot|session|presentation|meeting|interview)s?\sof|duration|duur|dure|lasting)\W{0,3}"
    r"\s{1,3}$",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"(\btot|\bto|\buntil|-|\u2013)\s{0,3}$", re.IGNORECASE)


def _hour_of(word: str) -> tuple[int, int]:
    """The hour a word or number names ("tien", "één", "10") and no minutes."""
    word = word.lower().replace("\u00e9", "e")
    return (int(word) if word.isdigit() else _HOURS.index(word) + 1), 0


UK = ZoneInfo("Europe/London")


def _zone(g: Callable[[str], str | None]) -> tzinfo | None:
    """The zone a time's suffix names, when it is not the tender's own."""
    if g("uk"):
        return UK
    if name := g("city") or g("abbr"):
        return zone_named(name)
    if not g("utc"):
        return None
    if not g("oh"):
        return UTC
    offset = timedelta(hours=int(g("oh") or 0), minutes=int(g("om") or 0))
    return timezone(-offset if g("sign") in ("-", "\u2212") else offset)


def in_zone(times: list[TimeHit], zone: tzinfo | None) -> list[TimeHit]:
    """``times``, those written without a zone read in ``zone`` (the one the text declares)."""
    if zone is None:
        return times
    return [t if t.zoned else replace(t, zone=zone) for t in times]
