"""How sure the importer may be of what a date is for: evidence too weak to make a milestone.

A date whose meaning comes from weak evidence (a heading over a line that has a label of its
own, ...) is listed for ops to check rather than made a milestone: an invented date sends false
reminders, while a listed one is only typed by hand.
"""

from __future__ import annotations

import re

# "Verzonden aan toegelaten ondernemers: 20 mei 2026", "Stand per: 3-12-2026" under a heading
# that names a step: the label says what the date is, and it is not that step (a generic one,
# "Date:", "Te lezen:", "Local time:", leaves the date to the heading)
_OWN_LABEL = re.compile(r"^\W{0,3}([^:;]{2,60}?)\s{0,3}:\W{0,3}$")
_GENERIC_LABEL = re.compile(
    r"^(?:(?:te )?lezen|lees|read|wordt|nieuw\w{0,2}|new|revised|now|huidige|current|(?:à )?lire"
    r"|nouvelle|nouveau"
    r"|(?:dit )?moet (?:zijn|luiden)|(?:should|shall|must) read)?"
    r"\s{0,3}:?\s{0,3}"
    r"(?:datum|date|dag|day|tijd|time|local time|plaatselijke tijd|wanneer|when|uur|hour"
    r"|text|tekst|waarde|value|heure|texte|valeur)?$",
    re.IGNORECASE,
)


def own_label(words: str) -> bool:
    """Whether ``words`` before a date are a label of its own that is no generic date label."""
    match = _OWN_LABEL.match(words)
    return match is not None and not _GENERIC_LABEL.match(match.group(1).strip())
