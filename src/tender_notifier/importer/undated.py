"""Reading a sentence or field without a date of its own: a lone time that completes the date
just above ("Eindtijd 09:00 uur"), a step "op diezelfde dag" or "de dag erna", and the vague
words that stand where a date should ("z.s.m.", "binnen 2 weken"), for ops."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from ..timeline import Kind
from .date_hit import DateHit
from .dates import find_dates
from .draft import Found, Unplaced
from .groups import Group
from .hints import TIME_LABEL, VAGUE
from .lot_times import lot_times
from .rules import Meaning, kind_of
from .segment import Segment
from .times import TimeHit, find_times
from .years import Years

_SAME_DAY_REACH = 4  # how many lines "op dezelfde dag" looks back for its day
_MAX_LOOK_BACK = 8  # how many finds back a lone time ("Eindtijd 09:00 uur") looks for its date


def read_times_only(
    segment: Segment, times: list[TimeHit], found: list[Found], unplaced: list[Unplaced]
) -> None:
    """A time with no date: "Eindtijd 09:00 uur" completes the date in the field just above, and
    "Het tijdstip van sluiting is 12:00 uur." the closing date in the sentence just before."""
    label, _, value = segment.text.partition(":") if segment.is_field else ("", "", "")
    if any(ch.isdigit() for ch in label):
        label = ""  # "Het tijdstip van sluiting is 12:00 uur": a sentence, not a field
    # not the old time of a moved one: "close at 10:00 on that day (previously 12:00)"
    times = [t for t in times if not _OLD_TIME.search(segment.text, 0, t.start)]
    strong = [t for t in times if not t.weak]
    if label and TIME_LABEL.search(label) and len(times) == 1 and _only(value, times[0]):
        strong = times  # "Tijdstip: 12.00": a field that holds nothing but its time
    if not strong:
        return
    if len(strong) > 1 and label and TIME_LABEL.search(label):
        # "Time: 10am until 1pm (tea and coffee from 9.30am)", "Time: 14:00-15:30, please
        # arrive by 13:40": the time outside the aside, not the one to arrive by
        strong = [t for t in strong if not _in_aside(segment.text, t)] or strong
        strong = [t for t in strong if not _ARRIVAL.search(segment.text, 0, t.start)] or strong
    if len(strong) == 1 and label and TIME_LABEL.search(label):
        wanted = kind_of(label)
        for index in range(len(found) - 1, max(len(found) - 1 - _MAX_LOOK_BACK, -1), -1):
            target = found[index]
            if segment.line - target.line > 3:
                break
            if target.prose or target.begin is not None:
                continue
            if isinstance(wanted, Kind) and _closing(wanted) is not _closing(target.kind):
                continue
            _complete(found, index, strong[0], segment)
            return
    if len(strong) == 1 and label and found and _only(value, strong[0]):
        # "Informatiebijeenkomst: 10 november 2026," / "(kantoor Apeldoorn): 13:30 – 16:00 uur":
        # a row that holds nothing but a time, under a row whose date has none
        target, wanted = found[-1], kind_of(label)
        if (
            not target.prose
            and target.begin is None
            and segment.line - target.line == 1
            and (not isinstance(wanted, Kind) or _closing(wanted) is _closing(target.kind))
        ):  # not "Sluitingsdatum: 3 juni 2027" / "Opening: 10:00 uur"
            _complete(found, len(found) - 1, strong[0], segment)
            return
    # (a sentence whose colon is no field's: "Het tijdstip verandert niet: u kunt inschrijven
    # tot 14.00 uur")
    prose = not label or bool(TIME_LABEL.search(label))
    if len(strong) == 1 and prose and found and _completes(segment, strong[0], found[-1]):
        _complete(found, len(found) - 1, strong[0], segment)
        return
    if len(strong) == 1 and read_same_day(segment, strong[0], found):
        return
    if len(strong) == 1 and _read_slot(segment, strong[0], found):
        return
    if (per_lot := lot_times(segment.text, times)) and _of_lots(segment, per_lot, found):
        return
    if isinstance(_whole(segment.text), Kind):
        for t in strong:
            reason = "a time without a date; not used"
            unplaced.append(Unplaced(segment.line_at(t.start), t.text, reason, segment.text))


_CUT_OFF = re.compile(r"\b(after|na|later than|later dan)\s{1,3}$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]\s")
_OLD_TIME = re.compile(
    r"\((?:previously|was|formerly|originally|instead of|eerder|voorheen|oorspronkelijk"
    r"|in plaats van|i\.?p\.?v\b\.?|au lieu de)\W{0,3}$",
    re.IGNORECASE,
)


def _completes(segment: Segment, t: TimeHit, target: Found) -> bool:
    """Whether the sentence ``segment``, with the time ``t`` and no date, gives the time of the
    step dated without one in the sentence just before: "Het tijdstip van sluiting is 12:00
    uur." after the closing date, "Na 23:59 uur die dag sluit de opdracht." after it, "Sessions
    will run between 09:30 and 16:00." after the day of the presentations."""
    if not target.prose or target.begin is not None or segment.line - target.line > 1:
        return False
    if (
        target.kind.is_deadline
        and _THAT_DAY.search(segment.text)
        and _CUT_OFF.search(segment.text, 0, t.start)
    ):
        return True  # "Questions received after 17:00 on that date will not be answered."
    # the clause of the time: "It will run from 10:30 until 12:30, and remote attendance is
    # available" gives the hours of the briefing before, whatever the clause after it names
    cut = _CLAUSE_END.search(segment.text, t.end)
    whole = _whole(segment.text if cut is None else segment.text[: cut.start()])
    if whole is target.kind and _TIME_OF.search(segment.text):
        return True
    if segment.in_table or segment.in_cell:
        return False  # the next row of a table is another subject
    if target.kind.is_deadline and _TIME_STAYS.search(segment.text, 0, t.start):
        return True  # "... verplaatst naar dinsdag 26 januari 2027. Het tijdstip blijft 10.00 uur."
    period = t.finish is not None and not target.kind.is_deadline
    if whole is target.kind:
        return bool(_THAT_DAY.search(segment.text) or period)
    # a sentence that names no step gives the hours of the one before, not a deadline's time
    if whole is Kind.OTHER and _SESSIONS.search(segment.text):
        whole = None  # "Sessions will run between 09:30 and 16:00": the presentations'
    return whole is None and period


_SESSIONS = re.compile(r"\b(sessions?|sessies?|slots?|tijdslot(en)?)\b", re.IGNORECASE)


# "die dag", "that day": the day of the date before
_THAT_DAY = re.compile(
    r"\b(die|diezelfde|dezelfde|that|the same) (dag|day|datum|date)\b", re.IGNORECASE
)


def _only(value: str, t: TimeHit) -> bool:
    """Whether a field's value is the time ``t`` and nothing else ("12.00", "13:30 – 16:00 uur")."""
    rest = value.strip().rstrip(".").strip()
    return rest == t.text or _HOUR_UNITS.sub("", rest.replace(t.text, "", 1)).strip() == ""


_HOUR_UNITS = re.compile(r"\b(uur|u|hrs|hours|h)\b\.?", re.IGNORECASE)


def _closing(kind: Kind) -> Kind:
    """A closing time ("Sluitingstijd") is the submission's, or in the selection phase the
    participation's."""
    return Kind.SUBMISSION_DEADLINE if kind is Kind.PARTICIPATION_DEADLINE else kind


_SAME_DAY = re.compile(
    # "de opening vindt op datzelfde tijdstip plaats": the day and the time of the step before
    r"\b(?:(?P<moment>(?:op |at )?(?:datzelfde|hetzelfde|dezelfde|the same) (?:tijdstip|moment|uur"
    r"|time|hour))"
    r"|(?P<same>(?P<day>(?:diezelfde|dezelfde|the same) (?:dag|day|datum|date)"
    r"|(?:op|on) (?:die|that) (?:dag|day)|le m\u00eame jour|ce m\u00eame jour|ce jour-l\u00e0)"
    # "Aansluitend, om 13:30 uur, vindt een openbare opening plaats": right after it
    r"|aansluitend|direct daarna|immediately after(?:wards)?|directly after(?:wards)?)"
    r"|(?P<next>de volgende dag|de dag erna|de dag daarna|the following day|the next day))\b",
    re.IGNORECASE,
)


def keeps_its_time(segment: Segment, found: list[Found], years: Years | None) -> bool:
    """Whether ``segment`` says the deadline dated just before keeps its old time ("... was
    originally set at 15 January 2027 at 16:00, to Friday 29 January 2027. The hour remains
    unchanged."), and gives it that time: the one time of the sentence that moved it."""
    if not _TIME_STAYS.search(segment.text) or not found:
        return False
    target = found[-1]
    if not target.prose or target.begin is not None or not target.kind.is_deadline:
        return False
    if segment.line - target.line > 1:
        return False
    old = [t for t in find_times(target.note, find_dates(target.note, years)) if not t.weak]
    if len(old) != 1:
        return False
    _complete(found, len(found) - 1, old[0], segment)
    return True


def read_same_day(segment: Segment, t: TimeHit | None, found: list[Found]) -> bool:
    """A step on the day of the step in the sentence just before, or the day after: "Op
    diezelfde dag om 14:00 uur vindt de opening plaats.", "De gesprekken zijn de dag erna"."""
    match = _SAME_DAY.search(segment.text)
    if match is None or not found:
        return False
    # the step of the clause that says so: "De openingszitting vindt plaats op dezelfde dag om
    # 11u00 in het Administratief Centrum; de zitting is openbaar"
    end = segment.text.find(";", match.end())
    kind = _whole(segment.text if end < 0 else segment.text[:end])
    # "the final offers step is skipped and the outcome is communicated on the same date": in a
    # sentence of clauses of their own, the one that says "the same day" must name the step the
    # sentence names, or it does not say which step is on that day
    clauses = _CLAUSE_JOIN.split(segment.text[: match.start()])
    if len(clauses) > 1 and _whole(clauses[-1]) is not kind:
        return False
    last = found[-1]
    if kind is None and t is not None and match.group("same") and last.kind.is_deadline:
        # "The portal will now close at 10:00 on that day": no other step, the deadline's
        # time (not "Op die dag ontvang je om 17:00 uur bericht" after the interviews' day)
        kind = last.kind
    if not isinstance(kind, Kind) or _IN_THE_OFFER.search(segment.text):
        return False
    # "the same day" is the last step's, also over a heading ("Opening" / "De openingszitting
    # vindt plaats op dezelfde dag om 10u30"), not over a paragraph or more
    # "aansluitend", "de volgende dag": only just after the step
    reach = _SAME_DAY_REACH if match.group("day") else 1
    if segment.line - last.line > reach:
        return False
    if kind is last.kind:
        if t is None or last.begin is not None or not match.group("same"):
            return False
        # "CV submission deadline: moved to Monday 14 December 2026." / "The portal will now
        # close at 10:00 on that day": the time of the step just dated
        _complete(found, len(found) - 1, t, segment)
        return True
    day = last.day if match.group("same") or match.group("moment") else last.day + timedelta(1)
    begin, finish = (None, None) if t is None else (t.begin, t.finish)
    if match.group("moment") and t is None:
        begin, finish = last.begin, last.finish
    if kind.is_deadline and finish is not None:
        begin, finish = finish, None
    note = f"{last.note} {segment.text}"
    zone = None if t is None else t.zone
    found.append(Found(kind, day, begin, finish, note, segment.line, True, zone))
    return True


# "and" that opens a clause of its own, with its subject ("... is skipped and the outcome is
# communicated"), not one that joins two nouns ("De inschrijvingen en bijlagen moeten") or two
# places ("in het gemeentehuis en online", "in public and in the presence of bidders")
_CLAUSE_JOIN = re.compile(
    r"\s(?:and|en|but|maar|whereas|terwijl)\s(?=(?:the|de|het|een|a|an|we|wij|zij|ze|they|it"
    r"|this|dit|deze|u|you)\s)",
    re.IGNORECASE,
)


_SLOT_REACH = 3  # how many lines below its day the first slot of a list may stand
_ITEM = re.compile(r"\s{0,4}[-\u2022*\u2013]\s")


def _read_slot(segment: Segment, t: TimeHit, found: list[Found]) -> bool:
    """A list of the time slots of the step dated just above, an item each: "Op dinsdag 5
    januari 2027 vindt de schouw plaats. Per perceel is er een eigen tijdvak:" / "- Perceel 1:
    08.30 - 10.00 uur, start bij het stadskantoor" / "- Perceel 2: 10.30 - 12.00 uur, ...".
    The first slot gives the step its hours; each next one, in the line below, is a step of
    its own on that day."""
    if t.finish is None or not found or segment.in_table or not _ITEM.match(segment.text):
        return False
    last = found[-1]
    if last.kind.is_deadline or last.zone is not None or t.zone is not None:
        return False
    # what the item names up to its time ("Perceel 1: 08.30 - 10.00 uur", not the "start bij
    # het stadskantoor" after it)
    kind = kind_of(segment.text[: t.end])
    if isinstance(kind, Kind) and kind is not last.kind:
        return False
    if last.begin is None and 0 < segment.line - last.line <= _SLOT_REACH:
        _complete(found, len(found) - 1, t, segment)
        return True
    near = segment.line - last.line <= 4 * _SLOT_REACH
    slot_above = _ITEM.match(last.note.rpartition("; ")[2]) and last.note.count("; ") == 1
    if slot_above and last.finish is not None and t.begin >= last.finish and near:
        note = f"{last.note.partition('; ')[0]}; {segment.text}"
        found.append(Found(last.kind, last.day, t.begin, t.finish, note, last.line, last.prose))
        return True
    return False


# "Please confirm in your submission that the candidate can attend on that day": the offer
# holds the answer, it is not due that day
_IN_THE_OFFER = re.compile(
    r"\b(in|with|bij|met) (your|uw|je|the|de|het) (submission|offer|tender|bid|inschrijving"
    r"|offerte|aanbieding)\b",
    re.IGNORECASE,
)


# A sentence that gives the time of a step named in it: "Het tijdstip van sluiting is 12:00 uur."
# "Het tijdstip blijft 10.00 uur.", "Het tijdstip verandert niet: u kunt inschrijven tot 14.00
# uur", "The closing time remains 12:00": the time of the moved deadline before; with no time
# written ("The hour remains unchanged."), the time its old date had
_TIME_STAYS = re.compile(
    r"\b(tijdstip|tijd|time|hour|uur|sluitingstijd)\b[^.;\d]{0,20}\b(blijft|blijven"
    r"|verandert niet|wijzigt niet|remains|stays|is unchanged|does not change|unchanged)\b",
    re.IGNORECASE,
)
_TIME_OF = re.compile(r"tijdstip|\btijd\b|\btime\b|\bhour\b", re.IGNORECASE)


def _of_lots(segment: Segment, per_lot: list[TimeHit], found: list[Found]) -> bool:
    """Whether the times of each lot in ``segment`` are those of the step dated without a time
    just above, which leads to them: "De opening vindt plaats op dinsdag 26 januari 2027:" /
    "perceel 1 om 10u00, perceel 2 om 10u45 en perceel 3 om 11u30."; each lot's step then."""
    target = found[-1] if found else None
    if target is None or target.begin is not None or segment.line - target.line > 2:
        return False
    if not target.note.rstrip().endswith(":"):
        return False
    found.pop()
    for t in per_lot:
        found.append(target)
        _complete(found, len(found) - 1, t, segment)
    return True


def _complete(found: list[Found], index: int, t: TimeHit, segment: Segment) -> None:
    """Give the find at ``index`` the time ``t`` (a deadline the end of a span)."""
    target = found[index]
    if target.kind.is_deadline and t.finish:
        begin, finish = t.finish, None
    else:
        begin, finish = t.begin, t.finish
    note = f"{target.note}; {segment.text}"
    found[index] = replace(target, begin=begin, finish=finish, note=note, zone=t.zone)


# What a whole segment is about, asked for its vague words and for its lone times: asked once.
_whole = lru_cache(maxsize=2)(kind_of)


def read_vague(segment: Segment, dates: list[DateHit], unplaced: list[Unplaced]) -> None:
    """ "Start z.s.m.", "sluit morgen", "binnen 2 weken": a deadline without a date, for ops."""
    meaning: Meaning | None = None
    k = 0  # matches and dates both come in text order: one pass over each
    for match in VAGUE.finditer(segment.text):
        while k < len(dates) and dates[k].end <= match.start():
            k += 1
        if k < len(dates) and dates[k].start < match.end():
            continue
        meaning = meaning or _whole(segment.text)
        if not isinstance(meaning, Kind):
            return
        reason = f"not a date ({meaning.value.replace('_', ' ')}?); add it by hand if it is one"
        line = segment.line_at(match.start())
        unplaced.append(Unplaced(line, match.group(0), reason, segment.text))


_ARRIVAL = re.compile(
    r"\b(arrive|arrival|aanwezig|inloop|ontvangst|registration|registratie|doors open)\b"
    r"[^,;.()]{0,20}$",
    re.IGNORECASE,
)


def _in_aside(text: str, hit: TimeHit) -> bool:
    """Whether ``hit`` stands in brackets."""
    return text.rfind("(", 0, hit.start) > text.rfind(")", 0, hit.start)


_NEAR = 20  # characters between a date and a time that may be its own


def time_not_read(decided: Meaning | None, group: Group, loose: list[TimeHit], text: str) -> bool:
    """Whether ``group`` is a step without a time next to a time tied to no date: the step's
    own time, in words the importer does not read ("9am on the 26th of May", "3 juni
    (t/m 12:00 uur)"); not "Vragen tot 1 maart en de bijeenkomst is om 10:00 uur", nor the times
    of each lot in ``text`` ("om 9u30 voor de percelen 1 en 2 en om 11u00 voor perceel 3")."""
    return (
        isinstance(decided, Kind)
        and all(t is None for t in group.times)
        and any(
            0 <= group.start - t.end <= _NEAR or 0 <= t.start - group.end <= _NEAR for t in loose
        )
        and not lot_times(text)
    )
