"""A row of a table as the fields the importer reads: "label: value", one per date where the
head row names what each column holds (a column per lot, From/To, old and new dates, a column
per step)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates import find_dates, weekday_pattern
from .segment import Segment
from .times import find_times

# a label and its value; not "12 March 2027, 17:00", whose colon is a time's
_FIELD = re.compile(r"^(?P<label>[^:.!?]{2,40})(?<!\d):\s{0,3}\S")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{3,}")
_WEEKDAY = re.compile(weekday_pattern(), re.IGNORECASE)


def row_segments(header: list[str], cells: list[str], line: int, dated: bool) -> Iterator[Segment]:
    """The fields of a row under ``header`` (the head row of its table, or none)."""
    stamp = _stamp_column(header)
    if stamp is not None and len(cells) == len(header) and _stamp(cells[stamp]):
        # "Datum/tijd | Type | Omschrijving" / "03-12-2026 10:21 | Bericht ontvangen | ...": when
        # an entry of a log was made, not a step; the entry itself may date one
        yield Segment(f"logged: {cells[stamp]}", line, True, True)
        header = header[:stamp] + header[stamp + 1 :]
        cells = cells[:stamp] + cells[stamp + 1 :]
        dated = any(find_dates(c) for c in cells)
    if (
        header
        and len(cells) == len(header) + 1
        and (_replaced_columns(["", *header]) or _lot_columns(["", *header]))
    ):
        # "        Previous     Revised", "|   | Perceel 1 | Perceel 2 |": no head over the
        # steps' column
        header = ["", *header]
    replaced = _replaced_columns(header) if header else frozenset()
    if dated and replaced and max(replaced) < len(cells):
        old = _no_longer_standing(cells, replaced)
        cells = [f"(was {c})" if k in old else c for k, c in enumerate(cells)]
    elif dated and len(header) == len(cells) and (until := _until_column(header)) is not None:
        cells = [f"tot {c}" if k == until else c for k, c in enumerate(cells)]
    lots = _lot_columns(header) if len(header) == len(cells) else []
    columns = [k for k, c in enumerate(cells) if find_dates(c)] if header else []
    # a remark in a sheet's row, of sentences that date things of their own ("Schouw do 10-12
    # om 9:00, aanmelden uiterlijk ma 7-12 ..."): read as prose, beside the row's columns
    remarks = [
        k
        for k in columns
        if len(cells[k].split()) >= _REMARK_MIN_WORDS and not _only_when(cells[k])
    ]
    columns = [k for k in columns if k not in remarks]
    if lots:
        yield from _lot_fields(header, cells, lots, line)
    elif len(header) == len(cells) and len(columns) >= 2 and _by_column(header, cells, columns):
        yield from _column_fields(header, cells, columns, remarks, line)
        yield from (Segment(cells[k], line, in_cell=True) for k in remarks)
    elif dated and len(header) == len(cells) and all(_is_value(c) for c in cells):
        # "Sluitingsdatum      Sluitingstijd" / "03-06-2027      17:00": a row of values only,
        # each under its head
        for head, cell in zip(header, cells, strict=True):
            yield Segment(f"{head.rstrip(':')}: {cell}", line, True, True)
    else:
        yield from _row_fields(cells, line)


# the head of a log's column of when each entry was made, and of a column of who made it or
# what kind of entry it is
_STAMP_HEAD = re.compile(
    r"^\W{0,3}(date\s{0,2}(/|&|and)\s{0,2}time|datum\s{0,2}(/|&|en)\s{0,2}tijd|timestamp"
    r"|tijdstip|logged|posted|sent|verzonden)\W{0,3}$",
    re.IGNORECASE,
)
_ENTRY_HEAD = re.compile(
    r"^\W{0,3}(type|event|gebeurtenis|from|van|door|by|user|gebruiker|source|bron|sender"
    r"|afzender|author|auteur|actor)\b",
    re.IGNORECASE,
)


def is_log(header: list[str]) -> bool:
    """Whether ``header`` is the head row of a log: when, who or what kind, what."""
    return _stamp_column(header) is not None


def _stamp_column(header: list[str]) -> int | None:
    """The column of a log's head row that says when each entry was made ("Ref | Posted | Type |
    Subject"), if it is one's."""
    if len(header) < 3 or not any(_ENTRY_HEAD.match(h) for h in header):
        return None
    return next((k for k, h in enumerate(header) if _STAMP_HEAD.match(h)), None)


def _stamp(cell: str) -> bool:
    """Whether ``cell`` holds a date and its time and nothing else: "03-12-2026 10:21"."""
    dates = find_dates(cell)
    if len(dates) != 1:
        return False
    rest = cell[: dates[0].start] + cell[dates[0].end :]
    return bool(find_times(rest, [])) and not _LETTER.search(rest)


# "Activiteit | Oorspronkelijke datum | Nieuwe datum": a table of moved dates, whose old ones
# are read as "(was 5 oktober 2026)", as a sentence would write them
_OLD_COLUMN = re.compile(
    r"\b(?:oorspronkelijke?|origine(?:el|le)|oude?|vorige|eerdere|huidige|was|original|old"
    r"|previous|former|current)\b",
    re.IGNORECASE,
)
_NEW_COLUMN = re.compile(
    r"\b(?:nieuwe?|gewijzigde?|aangepaste?|wordt|new|revised|amended|changed|now)\b", re.IGNORECASE
)


# "Original (v1, 19 Nov 2026)": a column's title, whose date in brackets says which version
_DATED_TITLE = re.compile(r"^[^()\d]{2,30}(?:\d{1,2}\s{0,3})?\([^()]{0,40}\)\W{0,3}$")


def names_columns(cells: list[str]) -> bool:
    """Whether a row with dates is a head row all the same: "Activity | Original (v1, 19 Nov
    2026) | Revised (v3)", "Rectificatie 1 (6-11-2026)": each date in brackets after the title
    of an old or new column or of a version."""
    titled = [c for c in cells if _DATED_TITLE.match(c)]
    versions = [c for c in titled if _VERSION_COLUMN.match(c)]
    return (
        len(cells) > 2
        and not any(ch.isdigit() for ch in cells[0])
        and all(_DATED_TITLE.match(c) for c in cells[1:] if any(ch.isdigit() for ch in c))
        and (any(_OLD_COLUMN.search(c) or _NEW_COLUMN.search(c) for c in titled) or bool(versions))
    )


# "Stap | Datum / tijd | Oud": a column of old dates beside the dates that stand
_OLD_ONLY = re.compile(
    r"^\W{0,3}(?:oud|oude datum|old|old date|was|vorige datum|previous|previous date|original"
    r"|original date|oorspronkelijk|oorspronkelijke datum)\W{0,3}$",
    re.IGNORECASE,
)


# "| Origineel | Rectificatie 1 | Rectificatie 2 |": a column per version, the last one stands
_VERSION_COLUMN = re.compile(
    r"^\W{0,3}(?:rectificatie|correctie|wijziging|versie|addendum|amendment|revision|version"
    r"|corrigendum|erratum|nvi|nota van inlichtingen|update|change)"
    r"\s{0,3}(?:nr\.?\s{0,2})?\d{1,2}\b",
    re.IGNORECASE,
)


def _replaced_columns(header: list[str]) -> frozenset[int]:
    versions = [k for k, cell in enumerate(header) if k and _VERSION_COLUMN.match(cell)]
    old = [k for k, cell in enumerate(header) if k and _OLD_COLUMN.search(cell)]
    if versions and len(versions) + len(old) >= 2 and max(versions) > max(old, default=0):
        return frozenset(k for k in (*old, *versions) if k != max(versions))
    if not any(_NEW_COLUMN.search(cell) for cell in header):
        return frozenset(k for k, cell in enumerate(header) if k and _OLD_ONLY.match(cell))
    return frozenset(
        k
        for k, cell in enumerate(header)
        if _OLD_COLUMN.search(cell) and not _NEW_COLUMN.search(cell)
    )


# "| Voornemen tot gunning | 19 april 2027 | ongewijzigd |": the old date stands
_UNCHANGED = re.compile(
    r"^\W{0,3}(?:ongewijzigd|onveranderd|gelijk|idem|blijft( gelijk)?|unchanged|no change"
    r"|not changed|same|as before)\W{0,3}$",
    re.IGNORECASE,
)


# "| Online informatiebijeenkomst | 8 december 2026, 14:00 | vervalt |": the step is void
_CANCELLED = re.compile(
    r"^\W{0,3}(?:vervalt|vervallen|komt te vervallen|geannuleerd|gaat niet door|geschrapt"
    r"|cancell?ed|withdrawn|deleted|removed|no longer (held|required|takes place))\W{0,3}$",
    re.IGNORECASE,
)


def _no_longer_standing(cells: list[str], replaced: frozenset[int]) -> frozenset[int]:
    """The columns of ``replaced`` whose dates no longer stand: all of them where the row has a
    new date, else all but the latest dated one ("| 04-11-2026 | 11-11-2026 | ongewijzigd |")."""
    if not _unchanged(cells, replaced):
        return replaced
    dated = [k for k in replaced if find_dates(cells[k])]
    return replaced - {max(dated)} if dated else frozenset()


def _unchanged(cells: list[str], replaced: frozenset[int]) -> bool:
    """Whether a row of a table of moved dates says its date did not move, in words or by no
    new date ("Waar de kolom 'Nieuw' leeg is, blijft de oorspronkelijke datum van kracht")."""
    new = [c for k, c in enumerate(cells) if k not in replaced]
    if any(_UNCHANGED.match(c) for c in new):
        return True
    if any(_CANCELLED.match(c) for c in new):
        return False  # "| Online informatiebijeenkomst | 8 december 2026 | vervalt |": void
    # no new date, and one old one: not "15 maart 2027, 10:00 uur  29 maart 2027" run together
    old = [c for k, c in enumerate(cells) if k in replaced]
    return not any(find_dates(c) for c in new) and all(len(find_dates(c)) <= 1 for c in old)


# "| Stage | From | To |": each row a period, read as "10.08.2026 tot 07.09.2026 12:00"
# "| Datum | Tijd van | Tijd tot |", "| Date | Start time | End time |": the hours of a day
_FROM_COLUMN = re.compile(
    r"^(?:(?:time |tijd )?(?:from|van|vanaf)|start|begin|begindatum|startdatum"
    r"|(?:start|begin)\s?(?:time|tijd))$",
    re.I,
)
_UNTIL_COLUMN = re.compile(
    r"^(?:(?:time |tijd )?(?:to|until|tot)|t/m|end|eind|einde|einddatum|end date"
    r"|(?:end|eind|finish)\s?(?:time|tijd))$",
    re.I,
)


def _until_column(header: list[str]) -> int | None:
    """The column that ends each row's period, in a table with a column where it begins."""
    starts = [k for k, cell in enumerate(header) if _FROM_COLUMN.match(cell)]
    ends = [k for k, cell in enumerate(header) if _UNTIL_COLUMN.match(cell)]
    return ends[0] if len(starts) == 1 and len(ends) == 1 and starts[0] < ends[0] else None


# "| Activiteit | Perceel 1 | Perceel 2 |": a column of dates per lot
_LOT_COLUMN = re.compile(
    r"^(?:perceel|percelen|lot|lots|kavel|deelopdracht|deel)\s{0,3}[\w.,&-]{1,12}(?:\s|$)",
    re.IGNORECASE,
)


def _lot_columns(header: list[str]) -> list[int]:
    lots = [k for k, cell in enumerate(header) if _LOT_COLUMN.match(cell)]
    return lots if len(lots) >= 2 else []


def _lot_fields(
    header: list[str], cells: list[str], lots: list[int], line: int
) -> Iterator[Segment]:
    """A row of a table with a column per lot: one field per lot, "Perceel 2, Sluiting: ..."."""
    label = " ".join(c for k, c in enumerate(cells) if k not in lots).rstrip(":")
    for k in lots:
        yield Segment(f"{header[k]}, {label}: {cells[k]}", line, True, True)


def _by_column(header: list[str], cells: list[str], dated: list[int]) -> bool:
    """Whether each date of a row is read under its column's head: every dated cell holds just
    a date and its time (no remark that names a date), under a head of words, not From/To."""
    return (
        (_until_column(header) is None or len(dated) > 2)  # a sheet's row of many steps
        and not _replaced_columns(header)
        and all(_only_when(cells[k]) for k in dated)
        and all(_LETTER.search(header[k]) for k in dated)
    )


def _only_when(cell: str) -> bool:
    """Whether ``cell`` holds dates and times and no other words ("15/03/2027 om 10u00")."""
    dates = find_dates(cell)
    spans = [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in find_times(cell, dates)]
    rest, last = [], 0
    for start, end in sorted(spans):
        rest.append(cell[last:start])
        last = max(last, end)
    rest.append(cell[last:])
    return not _LETTER.search(_TIME_WORDS.sub(" ", " ".join(rest)))


def _column_fields(
    header: list[str], cells: list[str], dated: list[int], remarks: list[int], line: int
) -> Iterator[Segment]:
    """A row with a date in several columns, each named by its head ("| Perceel | Profielen |
    Aanvraag tot deelneming | Offertes |"): one field per date, "Perceel 1 ..., Offertes: ...";
    a column of times headed "tijd" or "time" just after a date's column holds its time."""
    timed = {
        k: f"{cells[k]} {cells[k + 1]}"
        for k in dated
        if k + 1 < len(cells) and _TIME_HEAD.match(header[k + 1]) and times_only(cells[k + 1])
    }
    # the cells between dated columns are steps without a date in this row ("geen
    # presentatie"), not the row's label
    skipped = {*dated, *remarks, *(k + 1 for k in timed)}
    label = " ".join(
        f"{header[k]} {c}" if c.isdigit() else c
        for k, c in enumerate(cells)
        if k not in skipped and not dated[0] < k < dated[-1]
    )
    for k in dated:
        yield Segment(f"{label}, {header[k]}: {timed.get(k, cells[k])}", line, True, True)


_REMARK_MIN_WORDS = 10
_TIME_HEAD = re.compile(r"^(?:tijd|tijdstip|time|uur|hour)\W{0,3}$", re.IGNORECASE)


def _row_fields(cells: list[str], line: int) -> Iterator[Segment]:
    """A table row "label<TAB>value<TAB>label<TAB>value" as one field per pair of cells."""
    # a cell that only marks that it is empty ("2027-01-14   -   Completed") is no label
    cells = [c for c in cells if c not in ("-", "\u2013", "\u2014")] or cells
    head, *rest = cells
    if rest and head.endswith(":") and all(_FIELD.match(cell) for cell in rest):
        # "Te lezen:   Datum: 01/02/2027   Plaatselijke tijd: 10:00": a label over fields
        yield Segment(f"{head} {rest[0]}", line, True, True)
        for cell in rest[1:]:
            yield Segment(cell, line, True, True)
        return
    if all(_FIELD.match(cell) for cell in cells):
        # "Opdrachtgever: Provincie Noord-Brabant<spaces>Kenmerk: PNB-2026-0655": a field a cell
        for cell in cells:
            yield Segment(cell, line, True, True)
        return
    labels = cells[::2]
    if len(cells) % 2 or any(ch.isdigit() for label in labels for ch in label):
        # "label<TAB>date<TAB>time", "date | activity | time", "nr | activity | date": the
        # cells that hold no date or time are the label, the others its value
        dated = [_is_value(c) for c in cells]
        values = [c for c, d in zip(cells, dated, strict=True) if d]
        words = [c.rstrip(":") for c, d in zip(cells, dated, strict=True) if not d]
        if not words or not values:
            words, values = [cells[0].rstrip(":")], cells[1:]
        elif (
            # a step's name, not "C-07" or "1" numbering a log's entry, nor a weekday
            not dated[0]
            and _WORD.search(cells[0])
            and not _WEEKDAY.fullmatch(cells[0].strip(" :"))
            and not any(c.rstrip().endswith(":") for c in cells)  # "Read:  Date: 16/12/2026"
            and dated.index(True) < len(cells) - 1
            and not dated[-1]
        ):
            # "Kandidaatstelling | tot en met zondag 3 januari 2027 | online via jobs.antwerpen.be;
            # cv + motivatiebrief": the step, its date, then what is said of it
            first = dated.index(True)
            label = " ".join(c.rstrip(":") for c in cells[:first])
            notes = " ".join(c for c in cells[first:] if not _is_value(c))
            values = [c for c in cells[first:] if _is_value(c)]
            yield Segment(f"{label}: {' '.join(values)} ({notes})", line, True, True)
            return
        elif len(values) == 1:
            # "Online information session | 15/12/2026 | 11:00-12:30 (Brussels time), via MS
            # Teams": the one time of the words is the date's
            label, value = _time_to_value(" ".join(words), values[0])
            words, values = [label], [value]
        yield Segment(f"{' '.join(words)}: {' '.join(values)}", line, True, True)
        return
    for k in range(0, len(cells), 2):
        pair = cells[k : k + 2]
        if len(pair) == 2:
            # "Vragen stellen (via Striive)    : t/m dinsdag 22 december": the colon aligned
            label, value = pair[0].rstrip(":"), pair[1].removeprefix(":").lstrip()
            yield Segment(f"{label}: {value}", line, True, True)
        else:
            yield Segment(pair[0], line, bool(_FIELD.match(pair[0])), True)


# what stands between a time and the words of its cell: "11u00 – uiterste datum", "infosessie,
# 14u00–16u00, kantoor Hasselt"
_NUMBERED = re.compile(r"^\d{1,2}\.\d{1,2}$")
_AROUND_TIME = " ,;:-\u2013\u2014"


def _time_to_value(words: str, value: str) -> tuple[str, str]:
    """The words and the date of "09.02.2027 | 11u00 – uiterste datum indienen offertes", with
    the one time the words give moved beside the date it is the time of."""
    dates = find_dates(words)
    # not "3.12 Voornemen tot gunning", a paragraph's number
    times = [t for t in find_times(words, dates) if not (t.weak and _NUMBERED.match(t.text))]
    if dates or len(times) != 1 or find_times(value, find_dates(value)):
        return words, value
    (t,) = times
    head, tail = words[: t.start].rstrip(_AROUND_TIME), words[t.end :].lstrip(_AROUND_TIME)
    rest = f"{head}, {tail}" if head and tail else head or tail
    return (rest, f"{value} {t.text}") if rest else (words, value)


# What may stand in a cell of times besides the times: "tot 12:00 uur", "tussen 9 en 11 uur".
_TIME_WORDS = re.compile(
    r"\b(?:uur|u|h|hrs|om|at|tot|to|until|uiterlijk|v[oó]{2}r|before|by|tussen|between|en|and"
    r"|van|from|cet|cest|local time|lokale tijd|nederlandse tijd|noon|midday|(uk|irish) time)\b",
    re.IGNORECASE,
)


def _is_value(cell: str) -> bool:
    """Whether a cell holds a date, or times and nothing else ("Vragen (12:00 uur)" is a label)."""
    return bool(find_dates(cell)) or times_only(cell)


def times_only(cell: str) -> bool:
    """Whether a cell holds times and nothing else: "at 12:00 noon", "tot 12:00 uur"."""
    times = find_times(cell, [])
    if not times:
        return False
    outside, last = [], 0
    for t in times:
        outside.append(cell[last : t.start])
        last = t.end
    outside.append(cell[last:])
    return not _LETTER.search(_TIME_WORDS.sub(" ", " ".join(outside)))
