"""What a supplier reads, in Dutch (the default) or English: milestone names, dates, time left.

Dates are formatted with Babel's locale data, never with hand-written month tables:
``format_moment(dt, "nl")`` gives "woensdag 15 juli 2026 09:00".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal, get_args

from .timeline import Day, Kind, Milestone, Moment, Span, Tender

Language = Literal["nl", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "nl"

_KIND_TITLES: dict[Kind, dict[str, str]] = {
    Kind.PARTICIPATION_DEADLINE: {
        "nl": "Sluiting aanmelding (verzoek tot deelneming)",
        "en": "Requests to participate deadline",
    },
    Kind.QUESTIONS_DEADLINE: {"nl": "Sluiting vragenronde", "en": "Questions deadline"},
    Kind.ANSWERS_PUBLISHED: {
        "nl": "Publicatie antwoorden (Nota van Inlichtingen)",
        "en": "Answers published",
    },
    Kind.SUBMISSION_DEADLINE: {"nl": "Uiterste inschrijfdatum", "en": "Submission deadline"},
    Kind.SHORTLIST_NOTICE: {
        "nl": "Bericht over uitnodiging gesprek",
        "en": "Interview invitations sent",
    },
    Kind.OPENING: {"nl": "Opening inschrijvingen", "en": "Opening of tenders"},
    Kind.INTERVIEWS: {"nl": "Selectiegesprekken", "en": "Interviews"},
    Kind.AWARD: {"nl": "Gunning", "en": "Award"},
    Kind.START: {"nl": "Start opdracht", "en": "Assignment starts"},
    Kind.END: {"nl": "Einde opdracht", "en": "Assignment ends"},
    Kind.OTHER: {"nl": "Mijlpaal", "en": "Milestone"},
}

_KIND_MEANING: dict[Kind, dict[str, str]] = {
    Kind.PARTICIPATION_DEADLINE: {
        "nl": "Uiterlijk op dit moment moet uw verzoek tot deelneming (aanmelding) binnen zijn.",
        "en": "Your request to participate (expression of interest) must be in by this moment.",
    },
    Kind.QUESTIONS_DEADLINE: {
        "nl": "Tot dit moment kunt u vragen over de aanvraag indienen.",
        "en": "Questions about the request can be submitted until this moment.",
    },
    Kind.ANSWERS_PUBLISHED: {
        "nl": "De vragen en antwoorden worden gepubliceerd.",
        "en": "The questions and answers are published.",
    },
    Kind.SUBMISSION_DEADLINE: {
        "nl": "Uiterlijk op dit moment moet uw inschrijving (offerte, cv) binnen zijn.",
        "en": "Your offer (proposal, CV) must be in by this moment.",
    },
    Kind.SHORTLIST_NOTICE: {
        "nl": "Uiterlijk dan horen kandidaten of zij worden uitgenodigd voor een gesprek.",
        "en": "By then candidates hear whether they are invited for an interview.",
    },
    Kind.OPENING: {
        "nl": "De ontvangen inschrijvingen worden geopend.",
        "en": "The tenders received are opened.",
    },
    Kind.INTERVIEWS: {
        "nl": "De selectiegesprekken vinden plaats.",
        "en": "The selection interviews take place.",
    },
    Kind.AWARD: {"nl": "De opdracht wordt gegund.", "en": "The contract is awarded."},
    Kind.START: {
        "nl": "De opdracht begint; de professional moet dan beschikbaar zijn.",
        "en": "The assignment starts; the professional must be available by then.",
    },
    Kind.END: {"nl": "De opdracht eindigt.", "en": "The assignment ends."},
    Kind.OTHER: {"nl": "Een datum in deze aanvraag.", "en": "A date in this request."},
}

_WORDS: dict[str, dict[str, str]] = {
    "past": {"nl": "voorbij", "en": "past"},
    "now": {"nl": "nu bezig", "en": "now"},
    "left": {"nl": "nog {}", "en": "{} left"},
    "whole_day": {"nl": "hele dag", "en": "all day"},
    "reference": {"nl": "Referentie", "en": "Reference"},
    "buyer": {"nl": "Opdrachtgever", "en": "Buyer"},
    "platform": {"nl": "Platform", "en": "Platform"},
    "link": {"nl": "Link", "en": "Link"},
    "less_than_minute": {"nl": "minder dan een minuut", "en": "less than a minute"},
}


def language(value: str | None) -> Language:
    """Normalise a language code; anything unknown falls back to Dutch."""
    if value and value.lower()[:2] == "en":
        return "en"
    return "nl"


def word(key: str, lang: Language) -> str:
    return _WORDS[key][lang]


def milestone_title(milestone: Milestone, lang: Language) -> str:
    """The milestone's own title if it has one, else the name of its kind."""
    return milestone.title or _KIND_TITLES[milestone.kind][lang]


def kind_title(kind: Kind, lang: Language) -> str:
    return _KIND_TITLES[kind][lang]


def kind_meaning(kind: Kind, lang: Language) -> str:
    return _KIND_MEANING[kind][lang]


# Babel is imported by the functions that format: its import and locale data are paid for by
# the first date shown (a page, a feed, a message), not by every start of the daemon.


def format_moment(value: datetime, lang: Language) -> str:
    """'woensdag 15 juli 2026 09:00' / 'Wednesday 15 July 2026 09:00', in the value's own zone."""
    from babel.dates import format_datetime

    return format_datetime(value, "EEEE d MMMM y HH:mm", tzinfo=value.tzinfo, locale=lang)


def format_day(value: date, lang: Language) -> str:
    """'maandag 13 juli 2026' / 'Monday 13 July 2026'."""
    from babel.dates import format_date

    return format_date(value, "EEEE d MMMM y", locale=lang)


def format_when(milestone: Milestone, lang: Language) -> str:
    """The milestone's date as a supplier reads it, in the tender's zone."""
    match milestone.when:
        case Moment(at=at):
            return format_moment(at, lang)
        case Day(day=day):
            return format_day(day, lang)
        case Span(start=start, end=end):
            if start.date() == end.date():
                from babel.dates import format_time

                until = format_time(end, "HH:mm", tzinfo=end.tzinfo, locale=lang)
                return f"{format_moment(start, lang)}–{until}"
            return f"{format_moment(start, lang)} – {format_moment(end, lang)}"
    raise AssertionError(milestone.when)  # pragma: no cover


_UNITS = {
    "nl": (("dag", "dagen"), ("uur", "uur"), ("minuut", "minuten")),
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes")),
}


def format_left(delta: timedelta, lang: Language) -> str:
    """How long is left, precise to the minute: '2 dagen en 3 uur', '1 day, 4 hours and 5 minutes'.

    Babel's ``format_timedelta`` rounds to one unit ("2 dagen"), which is too coarse for a
    deadline two hours away; this keeps days, hours and minutes.
    """
    total = int(delta.total_seconds()) // 60
    if total <= 0:
        return _WORDS["less_than_minute"][lang]
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days >= 2:
        minutes = 0  # to the minute matters only in the last days
    parts = [
        f"{n} {names[0] if n == 1 else names[1]}"
        for n, names in zip((days, hours, minutes), _UNITS[lang], strict=True)
        if n
    ]
    joiner = " en " if lang == "nl" else " and "
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + joiner + parts[-1]


def status_of(milestone: Milestone, tender: Tender, now: datetime, lang: Language) -> str:
    """'voorbij', 'nu bezig' or 'nog 2 dagen en 3 uur' for the timeline view."""
    zone = tender.timezone
    if milestone.ends(zone) <= now:
        return word("past", lang)
    begins = milestone.begins(zone)
    if begins <= now:
        return word("now", lang)
    return word("left", lang).format(format_left(begins - now, lang))
