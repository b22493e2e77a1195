"""Pieces hostile announcement text is built of, shared by the importer's linear-time test and
``bench/importer.py``: each rule's words, labels and field words, dates and times whole and in
pieces, and runs of every kind of space, punctuation and digits. A text is one short unit of
them repeated to a size (``grown``)."""

from __future__ import annotations

HOSTILE_TOKENS = (
    # rule and field words
    "Referentie ",
    "ref.",
    "Kenmerk: ",
    "Aanvraagnummer 1",
    "Gemeente ",
    "Gemeente A ",
    "Gemeente A van ",
    "van ",
    "cv ",
    "tenders ",
    "Vragen: ",
    "Sluitingsdatum\n",
    "Eindtijd: 09:00 uur. ",
    "Interview 1 juli 2026. ",
    "Start\n",
    "z.s.m. ",
    "binnen 2 weken ",
    "week 1 ",
    "Titel: ",
    "per ",
    # an invitation pasted as iCalendar text
    "BEGIN:VCALENDAR\n",
    "END:VCALENDAR\n",
    # dates and times, whole and in pieces
    "15 juli 2026 ",
    "maandag 15 juli 2026, 09:00 uur ",
    "15-07-2026 ",
    "2026-07-15T09:00 ",
    "1, ",
    "1 en ",
    "1 tot ",
    "juli ",
    "maandag ",
    "12:00 ",
    "12.00 ",
    "om 9 uur ",
    "12 noon ",
    "9 pm ",
    "(CET) ",
    "van 09:00 tot 10:00 ",
    "1st of ",
    # whitespace, punctuation, digits
    " ",
    "\u2003",
    "\u00a0",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "|",
    " | ",
    ".",
    ". A",
    ":",
    "-",
    "/",
    "1",
    "12",
    "a",
    "A. ",
    "x\n",
    "\x1b",
    # a weekday and the day of its month, chats' day dividers and stamps, a zone in brackets
    "Fri 11th ",
    "vrijdag de 11e ",
    "--- Monday, November 23rd ---\n",
    "Jonas Weber [02.12.2026 09:07] ",
    "15-19/02/2027 ",
    "(Finnish time) ",
)


def grown(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]
