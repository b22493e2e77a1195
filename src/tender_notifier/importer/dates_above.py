"""Items of a timetable written over two lines, the date alone on the first and the words of its
step indented under it::

      Friday 18th December 2026, 17:00
          Latest time for receipt of clarification questions.

are read as the date-first item "Friday 18th December 2026, 17:00   Latest time for receipt of
clarification questions.". An item opens after a blank line or the item before. Words not
indented under a date alone may be the label of the next date ("Enquiry deadline" / "11 January
2027, 5:00pm" / "Submission type"), or a message under the moment it was sent: they stay apart.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .times import find_times

_LETTER = re.compile(r"[^\W\d_]")
# what may stand beside a date and its time on a line of its own: "Thursday 14th January 2027
# at noon", "dinsdag 19 januari 2027 van 10:00 tot 12:00 uur", "Tue 16 Feb & Wed 17 Feb"
_BESIDE = re.compile(
    r"\b(at|on|from|to|until|and|om|op|van|tot|en|t/m|uur|u|hrs|local|time|tijd|CET|GMT|UK)\b",
    re.IGNORECASE,
)
# who writes a message under the moment it was sent: "Marloes Verhagen (Flexwerk Noord):",
# "From: Kwame Osei", "Sanne |"
_SPEAKER = re.compile(r"^\s{0,12}[A-Z][\w.'’()&-]{0,30}(\s[\w.'’()&-]{1,30}){0,4}\s{0,2}[:|]\s")
_GAP = "   "  # between the date and the words, as the cells of a row are


def items_over_two_lines(raw: list[str]) -> list[str]:
    """``raw`` with each item written over two lines or more on its date's line, and the lines
    of its words left empty (so every other line keeps its number)."""
    items: list[tuple[int, int]] = []  # the date's line and the last line of its words
    k = 0
    while k < len(raw) - 1:
        # not under "Sluiting inschrijving:", the label of the date
        opens = k == 0 or not raw[k - 1].strip()
        after_item = bool(items) and items[-1][1] == k - 1
        if (opens or after_item) and _item_at(raw, k):
            end = k + 1
            while end + 1 < len(raw) and _goes_on(raw, end + 1):
                end += 1
            items.append((k, end))
            k = end + 1
            continue
        k += 1
    out = list(raw)
    for k, end in items:
        words = " ".join(line.strip() for line in raw[k + 1 : end + 1])
        out[k] = f"{raw[k].rstrip()}{_GAP}{words}"
        for n in range(k + 1, end + 1):
            out[n] = ""
    return out


def _item_at(raw: list[str], k: int) -> bool:
    """Whether line ``k`` is a date alone over a line of words that dates nothing and is
    indented under it."""
    if not date_alone(raw[k]) or "[" in raw[k]:
        return False  # not "[03-12-2026 10:21]", when a message of a chat was sent
    below = raw[k + 1]
    if _SPEAKER.match(below):
        return False  # "Sanne (Brightfield): ...", the message itself
    return (
        bool(_LETTER.search(below))
        and not find_dates(below)
        and not date_alone(below)
        and not below.rstrip().endswith(":")  # the label of the next date: "Sluiting vragen:"
        and _indent(below) > _indent(raw[k])
        and "\t" not in raw[k] + below
        and "|" not in raw[k] + below
    )


def _goes_on(raw: list[str], n: int) -> bool:
    """Whether line ``n`` carries on the words of the item above it."""
    line = raw[n]
    return bool(line.strip()) and not find_dates(line) and _indent(line) >= _indent(raw[n - 1])


def date_alone(line: str) -> bool:
    """Whether ``line`` holds dates and their times and nothing else."""
    text = line.strip()
    dates = find_dates(text)
    if not dates or len(text) > 80:
        return False
    spans = sorted(
        [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in find_times(text, dates)]
    )
    rest, last = [], 0
    for start, end in spans:
        rest.append(text[last:start])
        last = end
    rest.append(text[last:])
    return not _LETTER.search(_BESIDE.sub(" ", " ".join(rest)))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
