"""A date as written in a text: where it stands, what it says, and why it cannot be used."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date written in the text. ``day`` is None when it cannot be used; ``problem`` says why."""

    start: int
    end: int
    text: str
    day: date | None
    problem: str | None = None
    guessed_year: bool = False  # the text gave no year; ``Years`` did
    # the weekday written with the date when it does not fall on it ("vrijdag 15 maart 2027"):
    # the date is read, for ops to check
    other_weekday: str | None = None
