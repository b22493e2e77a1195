"""What a section of an announcement lends to the lines under its heading: the step the heading
names, for a sentence whose own words do not say what its date is for."""

from __future__ import annotations

import re

from ..timeline import Kind
from .dates import find_dates
from .rules import kind_of
from .segment import Segment

_SECTION_HEADING_MAX = 60
_NAMING_HEADING_MAX = 120


class Section:
    """The step a section's heading names ("Plaatsbezoek", "INFORMATIEBIJEENKOMST"), for a
    sentence of prose under it whose own words do not say what its date is for ("Afspraak op
    woensdag 10 februari 2027 om 9u30"). The section ends at a blank line after its first
    sentence, or at the next heading; a paragraph that points to what follows ("vóór het
    hieronder genoemde tijdstip", "as set out below") lends it to the next one too. A sentence
    that names a step and points to what follows ("will hold site visits for each lot. Details
    are as follows:") lends it to the sections under it whose headings name none ("LOT 1 -
    Tweedbank Leisure Centre" / "Date: ..."), up to a paragraph of prose of their own."""

    def __init__(self) -> None:
        self._step: Kind | None = None
        self._read = False  # a sentence was read under the heading
        self._points_on = False  # the paragraph read points to the one that follows
        self._lead: Kind | None = None  # the step of a paragraph over several sections
        self._named: Kind | None = None  # the step the paragraph read so far names

    def topic(self, previous: Segment | None, segment: Segment) -> Kind | None:
        if segment.follows_blank(previous):
            if self._read:
                if not self._points_on and not _OFFERS_DATES.search(segment.text):
                    self._step = None
                self._points_on = False
            if self._lead is not None and not _part_heading(segment) and _prose(segment):
                self._lead = None  # "Places are limited to two ...": the sections are over
            self._named = None
        if self._lead is not None and _part_heading(segment):
            self._step = self._lead  # "LOT 1 - Tweedbank Leisure Centre (pool hall, ...)"
            self._read = self._points_on = False
            return None
        if _is_section_heading(segment):
            meaning = (
                Kind.OTHER  # "How to book" / "Please register ... by 5pm on"
                if _BOOKING.match(segment.text)
                else None
                if NO_TOPIC.match(segment.text)
                else kind_of(segment.text)
            )
            self._step = meaning if isinstance(meaning, Kind) else None
            if isinstance(meaning, Kind):
                self._lead = None
            self._read = self._points_on = False
            return None
        self._read = True
        # "Er worden twee momenten voorzien:" over a list after a blank line points on too
        self._points_on = self._points_on or bool(
            _POINTS_ON.search(segment.text) or _OFFERS_DATES.search(segment.text)
        )
        if _prose(segment):
            named = kind_of(segment.text)
            self._named = named if isinstance(named, Kind) else self._named
            if self._named is not None and _POINTS_ON.search(segment.text):
                self._lead = self._named
        return self._step


# The heading of one part of what a paragraph announced: a lot, a session, a location
_PART = re.compile(
    r"^\W{0,3}(lot|perceel|kavel|deelopdracht|session|sessie|ronde|round|location|locatie"
    r"|site|visit|bezoek)\s{0,3}[\w.]{1,3}\b",
    re.IGNORECASE,
)


def _part_heading(segment: Segment) -> bool:
    return (
        not segment.is_field
        and not segment.in_table
        and bool(_PART.match(segment.text))
        and not find_dates(segment.text)
    )


def _prose(segment: Segment) -> bool:
    return not segment.is_field and not segment.in_table and not segment.in_cell


# "Uw inschrijving dient ... vóór het hieronder genoemde tijdstip", "at the times set out below"
_POINTS_ON = re.compile(
    r"\b(hieronder|onderstaande?|hierna volgende|below|as follows|als volgt)\b", re.IGNORECASE
)


# A line that announces the dates listed under it and names no step: "Deux dates sont
# proposées au choix :", "Er zijn twee momenten:", "The following dates are available:", for
# the step of the section it stands in
_OFFERS_DATES = re.compile(
    r"^[^.;:]{0,60}\b(dates?|data|datums?|momenten|moments?|dagen|days|sessions?|sessies"
    r"|cr\u00e9neaux|options|slots?|tijdsloten|tijdstippen)\b[^.;:]{0,60}:\s{0,3}$",
    re.IGNORECASE,
)


# The heading of how to sign up for an event: its dates are for signing up
_BOOKING = re.compile(
    r"^\W{0,3}(how to (book|register|sign up|attend|take part)|booking( a place)?"
    r"|hoe (aan te melden|meld je je aan|kunt u zich aanmelden))\W{0,3}$",
    re.IGNORECASE,
)


# Headings that name no step of their own: "Wat vragen wij" (what is asked of a candidate),
# "Vraag 2" / "Question 12" (an item of a list of questions and answers)
NO_TOPIC = re.compile(
    r"^\W{0,3}(wat|wie|hoe|waarom|what|who|how|why)\b|^\W{0,3}(vraag|question|q)\s{0,3}\d"
    # a notice's section of whatever else it has to say: "VI.3) Aanvullende inlichtingen"
    r"|^\W{0,3}([IVX\d.]{1,8}\)?:?\s{1,3})?((afdeling|section)\s[IVX\d]{1,4}\W{1,3})?"
    r"(aanvullende|overige|nadere|additional|complementary|other|further) (inlichtingen"
    r"|informatie|information)\b",
    re.IGNORECASE,
)


def _is_section_heading(segment: Segment) -> bool:
    text = segment.text.strip()
    return (
        not segment.is_field
        and not segment.in_table
        and (
            len(text) <= _SECTION_HEADING_MAX
            # "Productdemonstratie en gebruikerstest (inschrijver presenteert; locatie Zwolle,
            # Sophia Vakschool)": a longer heading whose words name a step
            or (len(text) <= _NAMING_HEADING_MAX and isinstance(kind_of(text), Kind))
        )
        and not text.endswith((".", ":", ";", ",", "?"))
        and not find_dates(text)
    )
