"""Importing a tender's timeline from the text of its announcement.

The walk goes one way: ``text`` cuts the announcement into sentences and label/value fields,
``dates`` and ``times`` find the explicit dates and times in them (``years`` the year of a
date written without one), ``groups`` joins the dates that belong together, ``rules`` (with
``hints``, ``background``, ``clauses`` and ``meanings``) says what a sentence is about,
``document`` what the whole announcement says (procedure, years, publication day),
``sentences`` reads each sentence's dates with them (``between_dates`` what the words between
two dates say, ``undated`` the sentences without one), ``lines_above`` and ``sections`` what
the lines above a segment lend it, ``extract`` turns that into a ``Draft`` (the tender, plus
everything it could not place), and ``output`` writes the draft as a tender file. ``command``
is the only module that touches files or reads the clock: a text that gives no year at all is
read from the day ``command`` passes as ``today``.
"""

from __future__ import annotations

from .extract import MAX_ANNOUNCEMENT, AnnouncementTooLarge, Draft, Unplaced, extract

__all__ = ["MAX_ANNOUNCEMENT", "AnnouncementTooLarge", "Draft", "Unplaced", "extract"]
